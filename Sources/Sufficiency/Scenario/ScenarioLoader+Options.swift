extension ScenarioLoader {
    static let optionKeys = ["name", "description", "rule", "ranking", "term", "reference_rate", "spot_premium",
                             "legacy_premium", "front_loading", "zone_premiums", "mini_competition", "uplift",
                             "areas", "contracts", "tender", "spot_access", "vehicle", "reopens"]
    static let termKeys = ["initial_years", "extension_years", "extend", "max_unmet_share", "max_hand_back_rate"]
    static let tenderKeys = ["target_margin", "bid_spread", "quality_weight", "price_ceiling", "minimum_quality",
                             "outgoing_packages", "tupe_share", "mobilisation_days", "minimum_mobilisation_share"]
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
        let tender = option.optional("tender").flatMap(decodeTender)
        let spotAccess = option.optional("spot_access")?.choice(SpotAccess.self)
        let vehicle = decodeVehicle(option, term: term, context)
        let areas = option.optional("areas").flatMap { decodeAreas($0, context) } ?? []
        let contracts = option.optional("contracts").flatMap {
            decodeContracts($0, areas: areas, optionName: name, referenceRate: referenceRate ?? 0, context)
        }
        guard let name, let rule, let referenceRate, let vehicle else { return nil }
        if vehicle != .closed, !(contracts ?? []).contains(where: { $0.route == .framework || $0.route == .dps }) {
            option.optional("vehicle")?.report("an \(vehicle == .dynamic ? "dynamic market" : "open framework") admits "
                + "providers to framework or DPS contracts, and this option has none; add one or remove 'vehicle'.")
            return nil
        }
        return ProcurementOption(name: name, description: description ?? defaults.description, rule: rule,
                                 ranking: ranking ?? defaults.ranking, term: term, areas: areas,
                                 contracts: contracts ?? [], referenceRate: referenceRate,
                                 spotPremium: spotPremium ?? defaults.spotPremium,
                                 legacyPremium: legacyPremium ?? defaults.legacyPremium,
                                 frontLoading: frontLoading ?? defaults.frontLoading,
                                 zonePremiums: zonePremiums ?? defaults.zonePremiums,
                                 miniCompetition: miniCompetition, uplift: uplift ?? defaults.uplift,
                                 tender: tender ?? defaults.tender, spotAccess: spotAccess ?? defaults.spotAccess,
                                 vehicle: vehicle)
    }

    /// `term`: `initial_years` (required, > 0) plus `extension_years` (≥ 0), e.g. 6+2, and
    /// `extend`: `always` (the default), `never` or `on_performance`, which takes the extension
    /// when the unmet share is at most `max_unmet_share` and the hand-back rate (packages a
    /// year per package in care) at most `max_hand_back_rate`.
    static func decodeTerm(_ reader: NodeReader) -> ContractTerm? {
        guard let term = reader.mapping(keys: termKeys) else { return nil }
        let initial = term.required("initial_years")?.number(.positive("number of years"))
        let extensions = term.optional("extension_years")?.number(.nonNegative("number of years"))
        let extendReader = term.optional("extend")
        var rule: ExtensionRule? = .always
        if let extendReader {
            switch extendReader.text?.trimmingWhitespace {
            case "always": rule = .always
            case "never": rule = .never
            case "on_performance":
                let unmet = term.required("max_unmet_share")?.number(.unitInterval("share of eligible hours"))
                let handBacks = term.required("max_hand_back_rate")?
                    .number(.nonNegative("number of hand-backs a year per package in care"))
                rule = unmet.flatMap { u in handBacks.map { .onPerformance(maximumUnmetShare: u, maximumHandBackRate: $0) } }
            default:
                extendReader.reject(expected: NodeReader.oneOf(ExtensionRule.names))
                rule = nil
            }
        }
        if !(extendReader?.text?.trimmingWhitespace == "on_performance") {
            for key in ["max_unmet_share", "max_hand_back_rate"] {
                term.optional(key)?.report("\(key) applies only with extend: on_performance; remove it or set extend.")
            }
        }
        guard let initial, let rule else { return nil }
        return ContractTerm(initialYears: initial, extensionYears: extensions ?? 0, extensionRule: rule)
    }

    /// `vehicle` (`closed`, the default; `open`, with the `reopens` dates after the start and a
    /// term of 8 years at most in all; or `dynamic`) and `reopens`.
    static func decodeVehicle(_ option: MappingReader, term: ContractTerm?, _ context: Context) -> ContractVehicle? {
        let reader = option.optional("vehicle")
        let reopensReader = option.optional("reopens")
        let word = reader?.text?.trimmingWhitespace ?? "closed"
        switch word {
        case "closed", "dynamic":
            if let reopensReader {
                reopensReader.report("only an open framework (vehicle: open) reopens on dates; remove 'reopens' or set vehicle: open.")
                return nil
            }
            return word == "closed" ? .closed : .dynamic
        case "open":
            guard let reopensReader else {
                reader?.report("an open framework needs the dates it reopens to new providers under 'reopens', e.g. reopens: [2024-04-01].")
                return nil
            }
            if let term, term.initialYears + term.extensionYears > 8 {
                reader?.report("an open framework lasts 8 years at most in all (Procurement Act 2023); its term is "
                               + "\(CSVFormat.number(term.initialYears)) + \(CSVFormat.number(term.extensionYears)) years.")
            }
            guard let elements = reopensReader.nonEmptyList(of: "reopening date") else { return nil }
            var days: [Double] = []
            for element in elements {
                guard let date = element.date(), let start = context.calendarStart else { continue }
                let day = ISODate.days(from: start, to: date)
                // A date after the run's end is kept (nothing happens in the run), so that a shorter
                // run of the same scenario stays valid; one on or before the start cannot be.
                if day <= 0 {
                    element.report("reopening date \(element.text ?? "") is not after the run's start; expected a date "
                                   + "after the calendar's start (the framework opens on the first day).")
                    continue
                }
                days.append(Double(day))
            }
            guard days.count == elements.count else { return nil }
            return .open(reopeningDays: days.sorted())
        default:
            reader?.reject(expected: NodeReader.oneOf(ContractVehicle.names))
            return nil
        }
    }

    /// `tender`: how lots are re-tendered at the end of a term; every key is optional.
    static func decodeTender(_ reader: NodeReader) -> TenderSettings? {
        guard let tender = reader.mapping(keys: tenderKeys) else { return nil }
        let d = TenderSettings()
        let margin = tender.optional("target_margin")?
            .number(NumberRule("a margin above -1 and below 1 (0.05 = 5% over cost)") { $0 > -1 && $0 < 1 })
        let spread = tender.optional("bid_spread")?.number(.nonNegative("standard deviation of the log of a bid"))
        let weight = tender.optional("quality_weight")?.number(.unitInterval("weight of quality from 0 to 1"))
        let ceiling = tender.optional("price_ceiling")?.number(.nonNegative("premium over the reference rate (0.15 = 15%)"))
        let quality = tender.optional("minimum_quality")?.number(.unitInterval("quality score from 0 to 1"))
        let mobilise = tender.optional("minimum_mobilisation_share")?
            .number(.nonNegative("share of the lot's need per place", atMost: 10))
        let outgoing = tender.optional("outgoing_packages")?.choice(OutgoingPackages.self)
        let tupe = tender.optional("tupe_share")?.number(.unitInterval("share of the staff"))
        let mobilisation = tender.optional("mobilisation_days")?.number(.nonNegative("number of days", atMost: 3653))
        return TenderSettings(targetMargin: margin ?? d.targetMargin, bidSpread: spread ?? d.bidSpread,
                              qualityWeight: weight ?? d.qualityWeight, priceCeiling: ceiling ?? d.priceCeiling,
                              minimumQuality: quality ?? d.minimumQuality,
                              minimumMobilisationShare: mobilise ?? d.minimumMobilisationShare,
                              outgoingPackages: outgoing ?? d.outgoingPackages, tupeShare: tupe ?? d.tupeShare,
                              mobilisationDays: mobilisation ?? d.mobilisationDays)
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
