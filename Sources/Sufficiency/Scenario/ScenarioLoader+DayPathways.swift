extension ScenarioLoader {
    static let dayPathwayKeys = ["tiers"]

    /// An option's `pathways`: `{group: {tiers: [...]}}`, naming client groups; each group's
    /// `tiers` are written as a group's own (shares adding up to 1, `next` naming one of them).
    /// Groups left out follow the scenario's tiers.
    static func decodeDayPathways(_ reader: NodeReader, _ names: DayNames) -> [Int: DayPathway]? {
        guard let entries = reader.entries(expected: "a mapping from client groups to their pathways, "
                                               + "e.g. {adults: {tiers: [...]}}")
        else { return nil }
        var pathways: [Int: DayPathway] = [:]
        var valid = names.groups.isComplete
        for entry in entries {
            let group = names.groups.resolve(entry.key)
            let pathway = entry.value.mapping(keys: dayPathwayKeys)
            let tiers = pathway.flatMap {
                decodeTiers($0.required("tiers"), groupName: entry.key.text ?? entry.value.keyPath)
            }
            if let group, let tiers { pathways[group] = DayPathway(tiers: tiers) } else { valid = false }
        }
        return valid ? pathways : nil
    }

    /// The shortest review interval of the scenario and its options (what bounds the work a
    /// replication may do).
    static func shortestReviewInterval(_ reviews: DayReviewSettings, _ options: [DayOption]) -> Double {
        options.compactMap(\.reviews?.intervalDays).reduce(reviews.intervalDays, min)
    }
}
