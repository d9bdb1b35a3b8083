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
