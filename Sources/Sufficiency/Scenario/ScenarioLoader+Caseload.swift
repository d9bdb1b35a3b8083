extension ScenarioLoader {
    static let caseloadKeys = ["file", "entries"]
    static let caseloadEntryKeys = ["zone", "provider", "people", "client_group", "hours_per_week", "days_in_care"]

    /// `caseload`: the people already in care (or waiting) at the start, from a CSV `file`
    /// (relative to the scenario's folder) and/or inline `entries`; the file's rows come first.
    static func decodeCaseload(_ reader: NodeReader, _ context: Context) -> InitialCaseload {
        guard let caseload = reader.mapping(keys: caseloadKeys) else { return InitialCaseload() }
        var entries: [InitialCaseload.Entry] = []
        if let file = caseload.optional("file") {
            entries += readCaseloadFile(file, context) ?? []
        }
        if let list = caseload.optional("entries")?.list() {
            entries += list.compactMap { decodeCaseloadEntry($0, context) }
        }
        return InitialCaseload(entries: entries)
    }

    /// One block of people: the zone is required; no provider means waiting; no client group
    /// or hours means drawn from the groups' shares and package distribution; people default to 1;
    /// `days_in_care` (days since care began) makes the remaining time conditional on it.
    static func decodeCaseloadEntry(_ reader: NodeReader, _ context: Context) -> InitialCaseload.Entry? {
        guard let entry = reader.mapping(keys: caseloadEntryKeys) else { return nil }
        let zone = entry.required("zone").flatMap { context.zones.resolve($0) }
        let providerReader = entry.optional("provider")
        let provider = providerReader.flatMap { context.providers.resolve($0) }
        let people = entry.optional("people")?
            .wholeNumber(.nonNegative("whole number of people", atMost: ScenarioLimits.peoplePerEntry))
        let groupReader = entry.optional("client_group")
        let group = groupReader.flatMap { context.clientGroups.resolve($0) }
        let hoursReader = entry.optional("hours_per_week")
        let hours = hoursReader?.number(.positive("number of hours a week", atMost: ScenarioLimits.hoursPerWeek))
        let daysReader = entry.optional("days_in_care")
        let days = daysReader?.number(.nonNegative("number of days", atMost: ScenarioLimits.days))
        if let daysReader, providerReader == nil {
            daysReader.report("people waiting are not in care yet; give days_in_care only with a provider.")
            return nil
        }
        if let zone, let provider, let providerReader, let problem = servingProblem(provider, zone, context) {
            providerReader.report(problem)
            return nil
        }
        guard let zone, providerReader == nil || provider != nil, groupReader == nil || group != nil,
              hoursReader == nil || hours != nil, daysReader == nil || days != nil else { return nil }
        return InitialCaseload.Entry(zone: zone, provider: provider, people: people ?? 1, clientGroup: group,
                                     hoursPerWeek: hours, daysInCare: days)
    }

    /// Why the provider at `provider` cannot hold packages in `zone`, or nil when it serves it:
    /// `'Provider A' does not serve 'Tisbury'; it serves Salisbury, Wilton.`
    static func servingProblem(_ provider: Int, _ zone: Int, _ context: Context) -> String? {
        guard provider < context.providerZones.count, let served = context.providerZones[provider],
              !served.contains(zone) else { return nil }
        let name = context.providers.names.first { context.providers.index(of: $0) == provider } ?? "provider \(provider)"
        return "\(Excerpt.quoted(name)) does not serve '\(context.zoneName(zone))'; it serves "
            + served.map(context.zoneName).joined(separator: ", ") + "."
    }
}
