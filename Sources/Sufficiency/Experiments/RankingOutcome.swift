/// What the ranking analysis found: each option's mean of the measure at the scenario's values
/// and at each end of every input, which option is best at each, by how much, and whether an
/// input's range flips the best option.
///
/// Built from a run (`RankingRunner`) and read back from `ranking.csv` (for the report), so the
/// terminal and the report say the same. Values are in the measure's unit; "ahead" and "best"
/// follow the measure's direction (lower is better unless the catalog says higher).
public struct RankingOutcome: Sendable, Equatable {
    /// One option's measure over the replications at one end.
    public struct OptionResult: Sendable, Equatable {
        /// Replications with a value.
        public var n: Int
        public var mean: Double
        /// The Student-t 95% confidence interval of the mean (NaN from one replication).
        public var ciLow: Double
        public var ciHigh: Double

        public init(n: Int, mean: Double, ciLow: Double, ciHigh: Double) {
            self.n = n
            self.mean = mean
            self.ciLow = ciLow
            self.ciHigh = ciHigh
        }

        public static func == (lhs: OptionResult, rhs: OptionResult) -> Bool {
            func same(_ x: Double, _ y: Double) -> Bool { x == y || (x.isNaN && y.isNaN) }
            return lhs.n == rhs.n && same(lhs.mean, rhs.mean) && same(lhs.ciLow, rhs.ciLow) && same(lhs.ciHigh, rhs.ciHigh)
        }
    }

    /// The scenario at its own values, or with one input at one end of its range.
    public struct End: Sendable, Equatable {
        /// The input's value here; nil at the scenario's own values.
        public var value: Double?
        /// One per option, in output order.
        public var options: [OptionResult]
        /// Each option's place (1 for the best), nil for an option without a value.
        public var ranks: [Int?]
        /// The best option (rank 1); nil when no option has a value.
        public var best: Int?
        /// How far the best option is ahead of the second (0 or more); NaN with fewer than two
        /// options with a value.
        public var margin: Double
        /// How far the scenario's best option is ahead of the best of the others here, paired on
        /// replication: negative when it is behind. NaN when either has no value.
        public var gap: Double
        /// The 95% confidence interval of `gap` (NaN from one replication).
        public var gapLow: Double
        public var gapHigh: Double
        /// Whether the best option here is not the scenario's best.
        public var flips: Bool

        public init(value: Double?, options: [OptionResult], ranks: [Int?], best: Int?, margin: Double, gap: Double,
                    gapLow: Double, gapHigh: Double, flips: Bool) {
            self.value = value
            self.options = options
            self.ranks = ranks
            self.best = best
            self.margin = margin
            self.gap = gap
            self.gapLow = gapLow
            self.gapHigh = gapHigh
            self.flips = flips
        }

        public static func == (lhs: End, rhs: End) -> Bool {
            func same(_ x: Double, _ y: Double) -> Bool { x == y || (x.isNaN && y.isNaN) }
            return lhs.value == rhs.value && lhs.options == rhs.options && lhs.ranks == rhs.ranks && lhs.best == rhs.best
                && same(lhs.margin, rhs.margin) && same(lhs.gap, rhs.gap) && same(lhs.gapLow, rhs.gapLow)
                && same(lhs.gapHigh, rhs.gapHigh) && lhs.flips == rhs.flips
        }
    }

    /// One input's two ends.
    public struct Input: Sendable, Equatable {
        public var key: String
        public var source: String
        public var low: End
        public var high: End

        public init(key: String, source: String, low: End, high: End) {
            self.key = key
            self.source = source
            self.low = low
            self.high = high
        }

        public func end(_ end: RankingInput.End) -> End {
            end == .low ? low : high
        }

        /// Whether either end flips the best option.
        public var flips: Bool { low.flips || high.flips }

        /// How far either end moves the scenario's best option's lead from `base`, the lead at
        /// the scenario's values: the larger of the two moves (0 where a lead is undefined).
        public func move(from base: Double) -> Double {
            [low.gap, high.gap].map { abs($0 - base) }.filter { !$0.isNaN }.max() ?? 0
        }
    }

    /// The options, in output order.
    public var options: [String]
    /// The measure judged, its unit and which way is better.
    public var measure: String
    public var unit: String
    public var better: Preference
    /// The window judged, as the CSV files label it (`whole run`, `2025/26`).
    public var window: String
    /// Replications at each end.
    public var replications: Int
    /// The scenario at its own values.
    public var base: End
    /// The inputs, in the section's order.
    public var inputs: [Input]
    /// The best option of the main run, which may have more replications; nil when not known.
    public var mainBest: Int?
    /// The main run's replications, when `mainBest` is known.
    public var mainReplications: Int?
    /// The inputs' positions in the order that says what decides the ranking (`ordered`), as
    /// worked out when the outcome was made, or as its file recorded it.
    public var order: [Int]

    public init(options: [String], measure: String, unit: String, better: Preference, window: String, replications: Int,
                base: End, inputs: [Input], mainBest: Int? = nil, mainReplications: Int? = nil) {
        self.options = options
        self.measure = measure
        self.unit = unit
        self.better = better
        self.window = window
        self.replications = replications
        self.base = base
        self.inputs = inputs
        self.mainBest = mainBest
        self.mainReplications = mainReplications
        order = Self.ordered(inputs, base: base)
    }

    /// The positions of `inputs` in the order that says what decides the ranking: those whose
    /// range flips the best option first, then the others; within each, the larger move of the
    /// best option's lead from its value at `base` first, and the section's order among equals.
    static func ordered(_ inputs: [Input], base: End) -> [Int] {
        let lead = base.gap.isNaN ? 0 : base.gap
        return inputs.indices.sorted { a, b in
            let (x, y) = (inputs[a], inputs[b])
            if x.flips != y.flips { return x.flips }
            let (mx, my) = (x.move(from: lead), y.move(from: lead))
            if mx != my { return mx > my }
            return a < b
        }
    }

    // MARK: - Ranking one end

    /// The ranks of `means` (1 for the best) in the direction `better`: options without a value
    /// (NaN) have none; among equal means, `preferred` (the scenario's best) comes first, then
    /// the earlier option.
    static func ranks(_ means: [Double], better: Preference, preferred: Int?) -> [Int?] {
        let order = means.indices.filter { !means[$0].isNaN }.sorted { a, b in
            if means[a] != means[b] { return better == .lower ? means[a] < means[b] : means[a] > means[b] }
            if a == preferred || b == preferred { return a == preferred }
            return a < b
        }
        var ranks = [Int?](repeating: nil, count: means.count)
        for (place, o) in order.enumerated() { ranks[o] = place + 1 }
        return ranks
    }

    /// How far `a` is ahead of `b` in the direction `better` (negative when behind).
    static func lead(_ a: Double, over b: Double, better: Preference) -> Double {
        better == .lower ? b - a : a - b
    }

    /// The option of the best mean among `means` in the direction `better`, nil when none has a
    /// value; among equals, the earlier option.
    public static func best(_ means: [Double], better: Preference) -> Int? {
        ranks(means, better: better, preferred: nil).firstIndex { $0 == 1 }
    }
}
