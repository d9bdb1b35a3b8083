extension ScenarioLoader {
    static let contractKeys = ["provider", "route", "zones", "rate", "guaranteed_hours"]

    /// An option's `areas`: area name → the zone names it groups, kept in the order written,
    /// each as sorted unique zone indices.
    static func decodeAreas(_ reader: NodeReader, _ context: Context) -> [ContractArea]? {
        guard let entries = reader.entries(expected: "a mapping from area names to lists of zone names, "
                                           + "e.g. {North: [Chippenham, Malmesbury]}") else { return nil }
        var areas: [ContractArea] = []
        var table = NameTable(kind: "an area")
        for (position, entry) in entries.enumerated() {
            let name = entry.key.name(expected: "an area name")
            if let name {
                if let first = table.lookalike(of: name) {
                    entry.key.report(NameTable.lookalikeMessage(name, first: table.name(at: first),
                                                                at: "an area of \(reader.keyPath)", plural: "areas"))
                }
                table.add(name, at: position)
            }
            let zones = zoneSet(entry.value, context) { context.zones.resolve($0).map { [$0] } }
            if let name, let zones { areas.append(ContractArea(name: name, zones: zones)) }
        }
        return areas
    }

    /// An option's `contracts`. Each names a provider and a route; `zones` lists areas of the
    /// option and/or zones (or is `all`), expanded to sorted unique zone indices, and defaults
    /// to the zones the provider serves; `rate` (£ an hour) defaults to the reference rate;
    /// `guaranteed_hours` (hours a week, 0) are paid whether used or not.
    static func decodeContracts(_ reader: NodeReader, areas: [ContractArea], optionName: String?,
                                referenceRate: Double, _ context: Context) -> [Contract]? {
        guard !context.unreadTableFiles.contains(reader.keyPath), let elements = reader.list() else { return nil }
        let expand = areaOrZone(areas: areas, optionName: optionName ?? reader.keyPath, context)

        let contracts = elements.map { element -> Contract? in
            guard let contract = element.mapping(keys: contractKeys) else { return nil }
            let provider = contract.required("provider").flatMap { context.providers.resolve($0) }
            let route = contract.required("route")?.choice(Route.self)
            let zonesReader = contract.optional("zones")
            let zones = zonesReader.flatMap { zoneSet($0, context, what: "area or zone names", resolve: expand) }
            let rate = contract.optional("rate")?.number(.positive("rate in £ an hour"))
            let guaranteed = contract.optional("guaranteed_hours")?
                .number(.nonNegative("number of hours a week", atMost: ScenarioLimits.largestNumber))
            guard let provider, let route, zonesReader == nil || zones != nil else { return nil }
            if let zonesReader, !unservedContractZones(zonesReader, provider: provider, expand: expand, context) {
                return nil
            }
            let providerZones = provider < context.providerZones.count ? context.providerZones[provider] : nil
            return Contract(provider: provider, route: route, zones: zones ?? providerZones ?? [],
                            rate: rate ?? referenceRate, guaranteedHours: guaranteed ?? 0)
        }
        guard contracts.allSatisfy({ $0 != nil }) else { return nil }
        checkContractOverlaps(contracts.map { $0! }, elements: elements, context)
        return contracts.map { $0! }
    }

    /// Reports each zone a contract's `zones` names (directly or through an area) that its provider
    /// does not serve, at the name, as the same mistake in `caseload` is reported; true when there
    /// is none. `all` is read as written: every zone, the provider serving those it did not.
    static func unservedContractZones(_ zonesReader: NodeReader, provider: Int,
                                      expand: (NodeReader) -> [Int]?, _ context: Context) -> Bool {
        guard zonesReader.text?.trimmingWhitespace != "all", let elements = zonesReader.list() else { return true }
        var served = true
        for element in elements {
            guard let zones = expand(element) else { continue }
            if let zone = zones.first(where: { servingProblem(provider, $0, context) != nil }),
               let problem = servingProblem(provider, zone, context) {
                element.report(problem)
                served = false
            }
        }
        return served
    }

    /// Reads the name of an area of the option `optionName` (with `areas`) or of a zone as the
    /// sorted zone indices it stands for, or reports that it names neither (with "did you mean").
    static func areaOrZone(areas: [ContractArea], optionName: String,
                           _ context: Context) -> (NodeReader) -> [Int]? {
        var areaTable = NameTable(kind: "an area of option '\(optionName)' or a zone")
        for (position, area) in areas.enumerated() { areaTable.add(area.name, at: position) }
        for zone in context.zones.names { areaTable.add(zone, at: areas.count + context.zones.index(of: zone)!) }
        let table = areaTable
        return { name in
            guard context.zones.isComplete else { _ = name.name(); return nil }
            guard let position = table.resolve(name) else { return nil }
            return position < areas.count ? areas[position].zones : [position - areas.count]
        }
    }
}
