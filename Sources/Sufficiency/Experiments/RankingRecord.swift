/// A run's ranking analysis as its manifest records it: the `ranking_sensitivity` section as
/// run (after any `--set`), and what it found in brief, so the folder says what was varied
/// without the scenario file at hand.
public struct RankingRecord: Codable, Sendable, Equatable {
    /// One input as run.
    public struct Input: Codable, Sendable, Equatable {
        public var key: String
        /// The ends, in the key's unit.
        public var low: Double
        public var high: Double
        public var source: String
        /// Whether either end makes another option best.
        public var flips: Bool

        public init(key: String, low: Double, high: Double, source: String, flips: Bool) {
            self.key = key
            self.low = low
            self.high = high
            self.source = source
            self.flips = flips
        }
    }

    /// The measure judged, and which way is better: "lower" or "higher".
    public var measure: String
    public var better: String
    /// The window judged, as the CSV files label it (e.g. "whole run").
    public var window: String
    /// Replications of the scenario at its own values and at each end.
    public var replications: Int
    /// The best option at the scenario's own values, absent when no option had a value.
    public var best: String?
    /// The inputs, in the section's order.
    public var inputs: [Input]

    public init(measure: String, better: String, window: String, replications: Int, best: String?, inputs: [Input]) {
        self.measure = measure
        self.better = better
        self.window = window
        self.replications = replications
        self.best = best
        self.inputs = inputs
    }

    /// The record of `outcome`.
    public init(_ outcome: RankingOutcome) {
        self.init(measure: outcome.measure, better: outcome.better.rawValue, window: outcome.window,
                  replications: outcome.replications, best: outcome.base.best.map { outcome.options[$0] },
                  inputs: outcome.inputs.map { input in
                      Input(key: input.key, low: input.low.value ?? 0, high: input.high.value ?? 0,
                            source: input.source, flips: input.flips)
                  })
    }
}
