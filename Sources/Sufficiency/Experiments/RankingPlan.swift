/// A ranking analysis ready to run: the scenario at its own values and at each end of every
/// input, all checked, and the cell that judges the options.
///
/// Every scenario runs with the same seed and replications (common random numbers), so the
/// difference an end makes is the input's effect, not noise.
public struct RankingPlan: Sendable {
    /// One input's scenarios: the scenario with the input at its low end, and at its high end,
    /// every other value as written.
    public struct Ends: Sendable {
        public var low: Scenario
        public var high: Scenario
    }

    public let settings: RankingSettings
    /// The scenario at its own values, with the analysis's run settings.
    public let base: Scenario
    /// One per input, in the section's order.
    public let ends: [Ends]
    /// Replications of every scenario (`settings.replications(run:)`).
    public let replications: Int
    /// The measure judged: its index in the catalog, its name, its unit and which way is
    /// better (lower when the catalog says neither).
    public let measure: Int
    public let measureName: String
    public let unit: String
    public let better: Preference
    /// The window judged: its index in the layout and its label as the CSV files write it.
    public let window: Int
    public let windowLabel: String
    /// The options, in output order.
    public let options: [String]
    /// The ends' warnings that the scenario itself does not have (an end whose value is
    /// unusual), each under the origin of its end, in input order.
    public let warnings: [ScenarioWarning]

    /// Scenarios to run: the base and two per input.
    public var evaluations: Int { 1 + 2 * ends.count }

    /// The scenarios in the order they run: the base, then each input's low and high ends.
    public var scenarios: [Scenario] {
        [base] + ends.flatMap { [$0.low, $0.high] }
    }
}
