import Foundation

/// The replications algorithm of Hoad, Robinson & Davies (2010), "Automated selection of the
/// number of replications for a discrete-event simulation", Journal of the Operational Research
/// Society 61(11): the confidence interval method with a sequential look-ahead, over several
/// series at once (every measure judged, under every option).
///
/// Replications are added one at a time, in order. From `initial` replications on, the run is
/// precise when the 95% Student-t interval of every series' mean is within the target: its
/// half-width at most `target` of the mean's size (relative) or at most `target` in the series'
/// unit (absolute). The first replication count at which it is precise is the candidate answer
/// Nsol; it is accepted once the run stays precise for the next kLimit replications, where
/// kLimit is `lookAhead` while Nsol ≤ 100 and ⌊lookAhead · Nsol / 100⌋ beyond (the paper's
/// f(Nsol)); a replication that loses the precision drops the candidate and the search goes
/// on. The algorithm ends at `maximum` replications if it has not ended before.
///
/// The Python library sim-tools (`ReplicationsAlgorithm`) implements the same procedure for one
/// series; as in the paper, and unlike sim-tools (whose look-ahead stays at `look_ahead` past
/// 100), the look-ahead here grows with Nsol.
public struct ReplicationsAlgorithm: Sendable, Equatable {
    /// How precise each series' mean must be.
    public enum Target: Sendable, Equatable {
        /// The interval's half-width at most this share of the mean's size (0.05 for 5%).
        case relative(Double)
        /// The interval's half-width at most this, in the series' own unit.
        case absolute(Double)

        public var value: Double {
            switch self {
            case .relative(let value), .absolute(let value): return value
            }
        }
    }

    /// Why the algorithm ended.
    public enum Ending: String, Sendable, Equatable {
        /// Precise at the candidate and through its look-ahead.
        case precise
        /// Reached `maximum` replications first.
        case maximum
    }

    public let target: Target
    /// The look-ahead, f in the paper: replications while Nsol ≤ 100, percent of Nsol beyond.
    public let lookAhead: Int
    /// Replications before precision is first judged (the paper's and sim-tools' default: 3).
    public let initial: Int
    /// Most replications the algorithm asks for.
    public let maximum: Int

    /// Replications added so far.
    public private(set) var replications = 0
    /// The candidate answer Nsol while its look-ahead runs (or once accepted), else nil.
    public private(set) var candidate: Int?
    /// Why it ended, once it has.
    public private(set) var ending: Ending?

    /// Per series: finite values added, their mean and their sum of squared deviations from it
    /// (Welford), in the series' unit.
    private var counts: [Int]
    private var means: [Double]
    private var squares: [Double]

    public init(target: Target, series: Int, maximum: Int, lookAhead: Int = 5, initial: Int = 3) {
        precondition(series >= 1 && maximum >= 1 && lookAhead >= 0 && initial >= 2, "ReplicationsAlgorithm: bad settings")
        self.target = target
        self.lookAhead = lookAhead
        self.initial = initial
        self.maximum = maximum
        counts = Array(repeating: 0, count: series)
        means = Array(repeating: 0, count: series)
        squares = Array(repeating: 0, count: series)
    }

    /// kLimit for candidate `n`: `lookAhead` up to 100 replications, ⌊lookAhead · n / 100⌋ beyond.
    public func lookAheadLimit(_ n: Int) -> Int {
        n <= 100 ? lookAhead : lookAhead * n / 100
    }

    /// The fewest replications still to add before the algorithm could end (0 once it has):
    /// a caller can run that many at once and never run one the algorithm would not.
    public var fewestStillNeeded: Int {
        guard ending == nil else { return 0 }
        let needed: Int
        if replications < initial {
            needed = initial - replications + lookAheadLimit(initial)
        } else if let candidate {
            needed = lookAheadLimit(candidate) - (replications - candidate)
        } else {
            needed = 1 + lookAheadLimit(replications + 1)
        }
        return max(1, min(needed, maximum - replications))
    }

    /// Adds one replication: its value of every series (NaN where a series has none that time).
    public mutating func add(_ values: [Double]) {
        precondition(values.count == counts.count, "ReplicationsAlgorithm.add: \(values.count) values for \(counts.count) series")
        precondition(ending == nil, "ReplicationsAlgorithm.add: the algorithm has ended")
        replications += 1
        for (i, x) in values.enumerated() where x.isFinite {
            counts[i] += 1
            let previous = means[i]
            means[i] += (x - previous) / Double(counts[i])
            squares[i] += (x - previous) * (x - means[i])
        }
        if replications >= initial {
            let precise = isPrecise
            if let candidate {
                if !precise {
                    self.candidate = nil
                } else if replications - candidate >= lookAheadLimit(candidate) {
                    ending = .precise
                }
            } else if precise {
                candidate = replications
                if lookAheadLimit(replications) == 0 { ending = .precise }
            }
        }
        if ending == nil && replications >= maximum { ending = .maximum }
    }

    /// Whether every series is within the target now. A series with no value yet has nothing to
    /// judge and is passed over.
    public var isPrecise: Bool {
        counts.indices.allSatisfy { counts[$0] == 0 || deviation(series: $0) <= target.value }
    }

    /// Mean of series `i` so far, in its unit; NaN before its first value.
    public func mean(series i: Int) -> Double { counts[i] > 0 ? means[i] : .nan }

    /// Half-width of series `i`'s 95% Student-t interval, in its unit; infinite with fewer
    /// than two values.
    public func halfWidth(series i: Int) -> Double {
        let n = counts[i]
        guard n >= 2 else { return .infinity }
        let variance = max(0, squares[i] / Double(n - 1))
        return StudentTQuantile.confidence95(n: n) * (variance / Double(n)).squareRoot()
    }

    /// Series `i`'s precision as the target measures it: the half-width over the mean's size
    /// (relative; 0 when the values are all equal, infinite when their mean is 0 and they
    /// are not) or the half-width itself (absolute).
    public func deviation(series i: Int) -> Double {
        let width = halfWidth(series: i)
        switch target {
        case .absolute: return width
        case .relative:
            if width == 0 { return 0 }
            let size = abs(mean(series: i))
            return size > 0 ? width / size : .infinity
        }
    }
}
