/// One way of buying care, run against the same demand as every other option.
public struct ProcurementOption: Sendable, Equatable {
    public var name: String
    public var description: String
    public var rule: BrokerageRule
    public var ranking: Ranking
    public var term: ContractTerm?
    /// Contract areas: names mapped to the zone indices they group.
    public var areas: [ContractArea]
    public var contracts: [Contract]
    /// Rate (£ an hour at the start) against which spot and legacy premiums are set.
    public var referenceRate: Double
    /// Premium of a spot purchase over the reference rate (0.15 = 15%).
    public var spotPremium: Double
    /// Premium of a legacy package (a provider with no contract) over the reference rate.
    public var legacyPremium: Double
    /// Multiplier on contracted rates for long contracts that providers price to
    /// remain viable for years (Wiltshire option 1's "front loaded" fee rates).
    public var frontLoading: Double
    /// Premium on contracted rates in hard-to-reach zones (zone index → premium).
    public var zonePremiums: [Int: Double]
    public var miniCompetition: MiniCompetition?
    public var uplift: UpliftRule
    /// How the lots are re-tendered when the term ends, and what the losers lose.
    public var tender: TenderSettings
    /// Which providers may sell the council spot packages.
    public var spotAccess: SpotAccess
    /// How framework and DPS contracts admit new providers during the term.
    public var vehicle: ContractVehicle

    public init(name: String, description: String = "", rule: BrokerageRule,
                ranking: Ranking = .priceThenDistance, term: ContractTerm? = nil,
                areas: [ContractArea] = [], contracts: [Contract],
                referenceRate: Double, spotPremium: Double = 0.15, legacyPremium: Double = 0.0,
                frontLoading: Double = 1, zonePremiums: [Int: Double] = [:],
                miniCompetition: MiniCompetition? = nil, uplift: UpliftRule = .weighted(staffWeight: 0.7),
                tender: TenderSettings = TenderSettings(), spotAccess: SpotAccess = .all,
                vehicle: ContractVehicle = .closed) {
        self.vehicle = vehicle
        self.tender = tender
        self.spotAccess = spotAccess
        self.name = name
        self.description = description
        self.rule = rule
        self.ranking = ranking
        self.term = term
        self.areas = areas
        self.contracts = contracts
        self.referenceRate = referenceRate
        self.spotPremium = spotPremium
        self.legacyPremium = legacyPremium
        self.frontLoading = frontLoading
        self.zonePremiums = zonePremiums
        self.miniCompetition = miniCompetition
        self.uplift = uplift
    }
}
