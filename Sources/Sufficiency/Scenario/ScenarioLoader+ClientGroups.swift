extension ScenarioLoader {
    static let clientGroupKeys = ["name", "share", "priority_share", "package_hours", "tiers"]
    static let tierKeys = ["name", "kind", "share", "duration", "goal_probability", "next", "hours_factor"]

    /// `demand.client_groups`: a non-empty list of groups with unique names whose shares add
    /// up to 1 (then normalised). Records the groups' names in `context`.
    static func decodeClientGroups(_ reader: NodeReader?, _ context: Context) -> [ClientGroup]? {
        guard let reader, let elements = reader.nonEmptyList(of: "client group") else { return nil }
        context.clientGroups = NameTable.build(from: elements, kind: "a client group", plural: "client groups")
        let groups = elements.map(decodeClientGroup)
        let sum = checkShares(of: reader, elements, key: "share")
        guard let sum, groups.allSatisfy({ $0 != nil }) else { return nil }
        return groups.map { group in
            var group = group!
            group.share /= sum
            return group
        }
    }

    /// One client group: name, share, assessed package hours (a distribution, hours a week)
    /// and its tiers are required.
    static func decodeClientGroup(_ reader: NodeReader) -> ClientGroup? {
        guard let group = reader.mapping(keys: clientGroupKeys) else { return nil }
        let name = group.required("name")?.name(expected: "a name for the client group")
        let share = group.required("share")?.number(.unitInterval("share"))
        let priorityShare = group.optional("priority_share")?.number(.unitInterval("share"))
        let packageHours = group.required("package_hours").flatMap {
            decodeDistribution($0, unit: "hours a week", atMost: ScenarioLimits.hoursPerWeek)
        }
        let tiers = decodeTiers(group.required("tiers"), groupName: name ?? reader.keyPath)
        guard let name, let share, let packageHours, let tiers else { return nil }
        return ClientGroup(name: name, share: share, packageHours: packageHours, tiers: tiers,
                           priorityShare: priorityShare ?? 0)
    }

    /// A group's tiers: a non-empty list with unique names whose shares add up to 1 (then
    /// normalised); `next` names another tier of the same group.
    static func decodeTiers(_ reader: NodeReader?, groupName: String) -> [Tier]? {
        guard let reader, let elements = reader.nonEmptyList(of: "tier") else { return nil }
        let table = NameTable.build(from: elements, kind: "a tier of client group \(Excerpt.quoted(groupName))",
                                    plural: "tiers of a client group")
        let tiers = elements.map { decodeTier($0, tiers: table) }
        let sum = checkShares(of: reader, elements, key: "share")
        guard let sum, tiers.allSatisfy({ $0 != nil }) else { return nil }
        return tiers.map { tier in
            var tier = tier!
            tier.share /= sum
            return tier
        }
    }

    /// One tier: name, kind, share and duration (a distribution, days) are required.
    static func decodeTier(_ reader: NodeReader, tiers: NameTable) -> Tier? {
        guard let tier = reader.mapping(keys: tierKeys) else { return nil }
        let defaults = Tier(name: "", kind: .longTerm, share: 0, duration: .fixed(1))
        let name = tier.required("name")?.name(expected: "a name for the tier")
        let kind = tier.required("kind")?.choice(Tier.Kind.self)
        let share = tier.required("share")?.number(.unitInterval("share"))
        let duration = tier.required("duration").flatMap { decodeDistribution($0, unit: "days") }
        let goal = tier.optional("goal_probability")?.number(.unitInterval("probability"))
        let nextReader = tier.optional("next")
        let next = nextReader.flatMap { tiers.resolve($0) }
        let hoursFactor = tier.optional("hours_factor")?.number(.positive("multiple of the assessed hours"))
        guard let name, let kind, let share, let duration, nextReader == nil || next != nil else { return nil }
        return Tier(name: name, kind: kind, share: share, duration: duration,
                    goalProbability: goal ?? defaults.goalProbability, next: next,
                    hoursFactor: hoursFactor ?? defaults.hoursFactor)
    }
}
