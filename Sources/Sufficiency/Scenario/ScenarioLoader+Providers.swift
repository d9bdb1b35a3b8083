extension ScenarioLoader {
    static let providerKeys = ["name", "base_zone", "zones", "care_workers", "pay_premium", "recruitment_per_week",
                               "exit_hazard_factor", "fixed_capacity_hours", "base", "quality", "reach"]
    /// A provider's `recruitment_per_week`: 0 to 100,000 care workers a week.
    static let recruitmentPerWeekRule = NumberRule.nonNegative("number of care workers a week",
                                                               atMost: ScenarioLimits.peoplePerWeek)

    /// `providers`: a non-empty list of providers with unique names. Records their names and
    /// the zones each serves in `context`, for the caseload and the options.
    static func decodeProviders(_ reader: NodeReader?, _ context: Context) -> [Provider]? {
        guard let reader, !context.unreadTableFiles.contains(reader.keyPath),
              let elements = reader.nonEmptyList(of: "provider") else { return nil }
        context.providers = NameTable.build(from: elements, kind: "a provider", plural: "providers")
        let providers = elements.map { decodeProvider($0, context) }
        context.providerZones = providers.map { $0?.zones }
        guard providers.allSatisfy({ $0 != nil }) else { return nil }
        return providers.map { $0! }
    }

    /// One provider: name, base zone and care workers (headcount) are required. `zones` lists
    /// the zones it serves by name, or is the word `all`; it defaults to the base zone, which
    /// is always included. Zones are kept as sorted unique indices.
    static func decodeProvider(_ reader: NodeReader, _ context: Context) -> Provider? {
        guard let provider = reader.mapping(keys: providerKeys) else { return nil }
        let defaults = Provider(name: "", baseZone: 0, zones: [], careWorkers: 0)
        let name = provider.required("name")?.name(expected: "a name for the provider")
        let baseZone = provider.required("base_zone").flatMap { context.zones.resolve($0) }
        let zonesReader = provider.optional("zones")
        let zones = zonesReader.flatMap { list in
            zoneSet(list, context) { context.zones.resolve($0).map { [$0] } }
        }
        let careWorkers = provider.required("care_workers")?
            .wholeNumber(.nonNegative("whole number of care workers", atMost: ScenarioLimits.workers))
        let payPremium = provider.optional("pay_premium")?.number(.positive("multiple of the National Living Wage"))
        let recruitment = provider.optional("recruitment_per_week")?.number(recruitmentPerWeekRule)
        let exitFactor = provider.optional("exit_hazard_factor")?.number(.nonNegative("multiplier on the exit hazard"))
        let capacityReader = provider.optional("fixed_capacity_hours")
        let capacity = capacityReader?.number(.nonNegative("number of hours a week"))
        let quality = provider.optional("quality")?.number(.unitInterval("quality score from 0 to 1"))
        let reach = provider.optional("reach")?.number(.unitInterval("share of the zone's job seekers"))
        let baseReader = provider.optional("base")
        let base = baseReader.flatMap(decodePlace)
        if let base, let baseReader, let zonePlace = context.zonePlaces.compactMap({ $0 }).first,
           zonePlace.isGrid != base.isGrid {
            baseReader.report("the base is in a different coordinate system from the zones' centroids; use "
                              + (zonePlace.isGrid ? "{easting, northing}." : "{latitude, longitude}."))
            return nil
        }
        guard let name, let baseZone, let careWorkers, zonesReader == nil || zones != nil,
              capacityReader == nil || capacity != nil, baseReader == nil || base != nil else { return nil }
        return Provider(name: name, baseZone: baseZone, zones: Array(Set((zones ?? []) + [baseZone])).sorted(),
                        careWorkers: careWorkers, payPremium: payPremium ?? defaults.payPremium,
                        recruitmentPerWeek: recruitment ?? defaults.recruitmentPerWeek,
                        exitHazardFactor: exitFactor ?? defaults.exitHazardFactor, fixedCapacityHours: capacity,
                        base: base, quality: quality ?? defaults.quality, reach: reach ?? context.defaultReach)
    }
}
