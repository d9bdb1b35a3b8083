/// The measures of a service that its results single out, as its engine declares them
/// (`ReplicationEngine.highlights`): the headline table's rows, the measures options are paired
/// on, those whose fan-chart bands are kept every period, and those a sweep prints.
public struct MeasureHighlights: Sendable {
    /// The headline table's rows, in order (those the run has are shown).
    let headline: [HeadlineTable.Row]
    /// The measures on which each option is paired with the first, replication by replication,
    /// for "lower in x% of replications" (the headline table, the workbook).
    public let paired: [String]
    /// The measures whose fan-chart bands are kept for every single period, county-wide.
    public let fan: [String]
    /// The measures a sweep's table prints for each point, in order.
    public let sweep: [String]
}

extension MeasureHighlights {
    /// The headline table's measures, in its order (those a run has are shown).
    public var headlineMeasures: [String] { headline.map(\.measure) }

    /// One headline cell as the terminal and the report show it: the row's label (which names
    /// the unit the figures are in), the mean and its 95% interval scaled and rounded for
    /// display (GBP m, %, days). Nil for a measure that is not one of the headline table's, or
    /// for no mean.
    public func headlineCell(measure: String, n: Int, mean: Double, low: Double, high: Double)
        -> (label: String, mean: String, interval: String)? {
        guard let row = headline.first(where: { $0.measure == measure }),
              let cell = HeadlineTable.cell(n: n, mean: mean, low: low, high: high, row: row, single: false)
        else { return nil }
        return (row.label, cell.mean, cell.interval)
    }

    /// The highlights of the service whose results hold `measures` (a results folder's measure
    /// names, read back): the service whose headline measures it has most of.
    public static func of(measures: Set<String>) -> MeasureHighlights {
        let services = [HomeCareSimulation.highlights, DayOpportunitiesSimulation.highlights]
        return services.max { a, b in
            a.headline.count { measures.contains($0.measure) } < b.headline.count { measures.contains($0.measure) }
        }!
    }
}
