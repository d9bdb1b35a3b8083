extension ScenarioLoader {
    static let optionKeys = ["name", "description", "rule", "ranking", "term", "reference_rate", "spot_premium",
                             "legacy_premium", "front_loading", "zone_premiums", "mini_competition", "uplift",
                             "areas", "contracts"]
    static let termKeys = ["initial_years", "extension_years"]
    static let miniCompetitionKeys = ["after_days", "premium"]

    /// `options`: a non-empty list of procurement options with unique names. Records their
    /// names in `context`, for the events.
    static func decodeOptions(_ reader: NodeReader?, _ context: Context) -> [ProcurementOption]? {
        guard let reader, let elements = reader.nonEmptyList(of: "option") else { return nil }
        context.options = NameTable.build(from: elements, kind: "an option", plural: "options")
        let options = elements.map { decodeOption($0, context) }
        guard options.allSatisfy({ $0 != nil }) else { return nil }
        return options.map { $0! }
    }

    /// One option: name, brokerage rule and reference rate (£ an hour) are required; premiums
    /// are shares of the rate (0.15 = 15%); front-loading is a multiplier of at least 1.
    static func decodeOption(_ reader: NodeReader, _ context: Context) -> ProcurementOption? {
        guard let option = reader.mapping(keys: optionKeys) else { return nil }
        let defaults = ProcurementOption(name: "", rule: .spot, contracts: [], referenceRate: 1)
        let premium = NumberRule.nonNegative("premium (0.15 = 15%)").warningAboveOne("a premium")

        let name = option.required("name")?.name(expected: "a name for the option")
        let description = option.optional("description")?.string()
        let rule = option.required("rule")?.choice(BrokerageRule.self)
        let ranking = option.optional("ranking")?.choice(Ranking.self)
        let term = option.optional("term").flatMap(decodeTerm)
        let referenceRate = option.required("reference_rate")?.number(.positive("rate in £ an hour"))
        let spotPremium = option.optional("spot_premium")?.number(premium)
        let legacyPremium = option.optional("legacy_premium")?.number(premium)
        let frontLoading = option.optional("front_loading")?.number(.atLeast(1, "multiplier on contracted rates"))
        let zonePremiums = option.optional("zone_premiums").flatMap { decodeZonePremiums($0, context) }
        let miniCompetition = option.optional("mini_competition").flatMap(decodeMiniCompetition)
        let uplift = option.optional("uplift").flatMap(decodeUplift)
        let areas = option.optional("areas").flatMap { decodeAreas($0, context) } ?? []
        let contracts = option.optional("contracts").flatMap {
            decodeContracts($0, areas: areas, optionName: name, referenceRate: referenceRate ?? 0, context)
        }
        guard let name, let rule, let referenceRate else { return nil }
        return ProcurementOption(name: name, description: description ?? defaults.description, rule: rule,
                                 ranking: ranking ?? defaults.ranking, term: term, areas: areas,
                                 contracts: contracts ?? [], referenceRate: referenceRate,
                                 spotPremium: spotPremium ?? defaults.spotPremium,
                                 legacyPremium: legacyPremium ?? defaults.legacyPremium,
                                 frontLoading: frontLoading ?? defaults.frontLoading,
                                 zonePremiums: zonePremiums ?? defaults.zonePremiums,
                                 miniCompetition: miniCompetition, uplift: uplift ?? defaults.uplift)
    }

    /// `term`: `initial_years` (required, > 0) plus `extension_years` (≥ 0), e.g. 6+2.
    static func decodeTerm(_ reader: NodeReader) -> ContractTerm? {
        guard let term = reader.mapping(keys: termKeys) else { return nil }
        let initial = term.required("initial_years")?.number(.positive("number of years"))
        let extensions = term.optional("extension_years")?.number(.nonNegative("number of years"))
        guard let initial else { return nil }
        return ContractTerm(initialYears: initial, extensionYears: extensions ?? 0)
    }

    /// `mini_competition`: packages waiting `after_days` go to every contracted provider at a premium.
    static func decodeMiniCompetition(_ reader: NodeReader) -> MiniCompetition? {
        guard let competition = reader.mapping(keys: miniCompetitionKeys) else { return nil }
        let afterDays = competition.required("after_days")?.number(.nonNegative("number of days"))
        let premium = competition.required("premium")?.number(.nonNegative("premium (0.1 = 10%)").warningAboveOne("a premium"))
        guard let afterDays, let premium else { return nil }
        return MiniCompetition(afterDays: afterDays, premium: premium)
    }

    /// `zone_premiums`: zone name → premium on contracted rates in that zone (0.1 = 10%).
    static func decodeZonePremiums(_ reader: NodeReader, _ context: Context) -> [Int: Double]? {
        guard let entries = reader.entries(expected: "a mapping from zone names to premiums, e.g. {Tisbury: 0.1}")
        else { return nil }
        var premiums: [Int: Double] = [:]
        for entry in entries {
            let zone = context.zones.resolve(entry.key)
            let premium = entry.value.number(.nonNegative("premium (0.1 = 10%)").warningAboveOne("a premium"))
            if let zone, let premium { premiums[zone] = premium }
        }
        return premiums
    }
}
