/// One option's lookup tables (`OptionPlan`) copied into slabs for one worker's
/// engine, so brokerage reads candidate lists without reference counting. The tables
/// own their slabs, which free themselves.
struct PlanTables: ~Copyable {
    /// For each zone, contracted candidates in the order they are offered a package (every
    /// slot, in force or not: brokerage skips those not in force). A tender reorders the rows
    /// of the running option; `startOrder` restores them for the next run.
    let contracted: Jagged<OptionPlan.Candidate>
    /// `contracted`'s items as built, in the order at the start of a run.
    let startOrder: Slab<OptionPlan.Candidate>
    /// Contract slots of the option (the first `startingContracts` in force at the start).
    let slotCount: Int
    let startingContracts: Int
    /// Whether the option has lots to tender.
    let tenders: Bool
    /// For each zone, every contracted candidate in the county, nearest first.
    let countyContracted: Jagged<OptionPlan.Candidate>
    /// For each zone, providers that will take a spot package there, nearest first.
    let spot: Jagged<Int32>
    /// For each provider, the zones it serves under this option.
    let serves: Jagged<Int32>
    /// Contract of provider p in zone z (p × zones + z), or −1.
    let contractAt: Slab<Int32>
    /// Rate multiplier by zone for contracted packages.
    let zoneFactor: Slab<Double>
    /// Contract route by contract index.
    let contractRoute: Slab<Route>
    /// Days a package waits before county-wide mini-competition; infinity when the option has none.
    let miniCompetitionAfterDays: Double
    /// Mini-competition's premium on the contract rate (0.10 = 10%).
    let miniCompetitionPremium: Double

    init(_ plan: OptionPlan) {
        contracted = Jagged(plan.contracted)
        startOrder = Slab(plan.contracted.flatMap { $0 })
        slotCount = plan.slots.count
        startingContracts = plan.option.contracts.count
        tenders = !plan.lots.isEmpty
        countyContracted = Jagged(plan.countyContracted)
        spot = Jagged(plan.spot)
        serves = Jagged(plan.serves)
        contractAt = Slab(plan.contractAt)
        zoneFactor = Slab(plan.zoneFactor)
        contractRoute = Slab(plan.contractRoute)
        miniCompetitionAfterDays = plan.option.miniCompetition?.afterDays ?? .infinity
        miniCompetitionPremium = plan.option.miniCompetition?.premium ?? 0
    }

    var hasMiniCompetition: Bool { miniCompetitionAfterDays.isFinite }
}
