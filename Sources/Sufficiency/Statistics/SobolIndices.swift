import CGSL

/// First-order and total Sobol sensitivity indices of one model output over a Saltelli design,
/// with percentile bootstrap intervals.
///
/// The design (`SweepDesign.saltelli(baseRows:dimensions:)`) has two matrices A and B of N
/// rows each and, for every parameter i, the matrix A_B^i: A with column i taken from B.
/// With f the model output at each row and V the variance of the 2N outputs of A and B
/// (Saltelli et al. 2010, "Variance based sensitivity analysis of model output. Design and
/// estimator for the total sensitivity index", Computer Physics Communications 181, 259–270,
/// table 2):
///
/// - first-order S_i = (1/N) Σ_j f_B(j) · (f_{A_B^i}(j) − f_A(j)) / V (their equation (b));
/// - total S_Ti = (1/2N) Σ_j (f_A(j) − f_{A_B^i}(j))² / V (Jansen's estimator, their (f)).
///
/// f_B is taken less the mean of the 2N outputs of A and B: the first-order estimator's
/// expectation does not change (f_{A_B^i} − f_A has mean zero), but its variance does not then
/// grow with the output's distance from zero, which for a council's spend (millions, varying
/// by a few per cent) would swamp the estimate.
/// S_i is the share of the output's variance that parameter i explains alone; S_Ti the share
/// it has a hand in, interactions included, so S_Ti ≥ S_i and S_Ti − S_i is the share of its
/// interactions. Indices are shares (0–1); estimates can stray a little outside.
///
/// Each interval resamples the N base rows with replacement (row j brings its A, B and A_B^i
/// outputs together), recomputes V and every index, and takes the 2.5% and 97.5% quantiles of
/// the resampled indices (`gsl_stats_quantile_from_sorted_data`). The generator is seeded by
/// the caller, so the same outputs and seed give the same intervals.
public struct SobolIndices: Sendable, Equatable {
    /// An index's estimate and its 95% bootstrap interval (shares, 0–1; NaN when the output
    /// does not vary or is missing).
    public struct Index: Sendable, Equatable {
        public var estimate: Double
        public var low: Double
        public var high: Double
    }

    /// One per parameter, in the design's column order.
    public var firstOrder: [Index]
    /// One per parameter, in the design's column order.
    public var total: [Index]
    /// N: the base rows the indices were estimated from.
    public var baseRows: Int

    /// Bootstrap resamples for the intervals.
    public static let resamples = 1000
    /// Coverage of the intervals.
    public static let level = 0.95

    /// The indices of outputs `outputs` of a Saltelli design in its row order: N rows of A,
    /// N of B, then N of A_B^1, …, N of A_B^k (`outputs.count` = N·(k + 2)).
    public static func estimate(saltelliOutputs outputs: [Double], parameters k: Int, resamples: Int = resamples,
                                seed: UInt64) -> SobolIndices {
        precondition(k >= 1 && outputs.count % (k + 2) == 0,
                     "SobolIndices.estimate: \(outputs.count) outputs are not N × (\(k) + 2)")
        let n = outputs.count / (k + 2)
        let block = { (b: Int) in Array(outputs[(b * n)..<((b + 1) * n)]) }
        return estimate(a: block(0), b: block(1), ab: (0..<k).map { block($0 + 2) }, resamples: resamples, seed: seed)
    }

    /// The indices of outputs `a` and `b` (N each) and `ab[i]` (N each, A_B^i's outputs).
    public static func estimate(a: [Double], b: [Double], ab: [[Double]], resamples: Int = resamples,
                                seed: UInt64) -> SobolIndices {
        let n = a.count
        precondition(n >= 1 && b.count == n && ab.allSatisfy { $0.count == n } && !ab.isEmpty,
                     "SobolIndices.estimate: A, B and every A_B^i need the same number of rows")
        precondition(resamples >= 1, "SobolIndices.estimate: needs at least one bootstrap resample")
        let k = ab.count
        let point = indices(a: a, b: b, ab: ab, rows: Array(0..<n))
        // Each parameter's resampled first-order and total indices, one per resample.
        var first = [[Double]](repeating: [], count: k), total = [[Double]](repeating: [], count: k)
        let stream = RandomStream(seed: seed)
        var rows = [Int](repeating: 0, count: n)
        for _ in 0..<resamples {
            for j in 0..<n { rows[j] = stream.uniformInt(n) }
            let resampled = indices(a: a, b: b, ab: ab, rows: rows)
            for i in 0..<k {
                first[i].append(resampled.first[i])
                total[i].append(resampled.total[i])
            }
        }
        let tail = (1 - level) / 2
        func index(_ estimate: Double, _ draws: [Double]) -> Index {
            guard estimate.isFinite else { return Index(estimate: .nan, low: .nan, high: .nan) }
            var finite = draws.filter(\.isFinite)
            guard !finite.isEmpty else { return Index(estimate: estimate, low: .nan, high: .nan) }
            finite.withUnsafeMutableBufferPointer { gsl_sort($0.baseAddress, 1, $0.count) }
            let quantile = { (p: Double) in
                finite.withUnsafeBufferPointer { gsl_stats_quantile_from_sorted_data($0.baseAddress, 1, $0.count, p) }
            }
            return Index(estimate: estimate, low: quantile(tail), high: quantile(1 - tail))
        }
        GSL.configure()
        return SobolIndices(firstOrder: (0..<k).map { index(point.first[$0], first[$0]) },
                            total: (0..<k).map { index(point.total[$0], total[$0]) }, baseRows: n)
    }

    /// The estimators over base rows `rows` (with repeats, for a resample), f_B centred on the
    /// rows' mean: NaN for every index when V is zero or an output is not finite.
    private static func indices(a: [Double], b: [Double], ab: [[Double]], rows: [Int])
        -> (first: [Double], total: [Double]) {
        let k = ab.count
        let n = Double(rows.count)
        var sum = 0.0
        for j in rows { sum += a[j] + b[j] }
        let mean = sum / (2 * n)
        var squares = 0.0
        for j in rows { squares += (a[j] - mean) * (a[j] - mean) + (b[j] - mean) * (b[j] - mean) }
        let variance = squares / (2 * n - 1)
        guard variance > 0, variance.isFinite else {
            return ([Double](repeating: .nan, count: k), [Double](repeating: .nan, count: k))
        }
        var first = [Double](repeating: 0, count: k), total = [Double](repeating: 0, count: k)
        for i in 0..<k {
            let column = ab[i]
            var s = 0.0, t = 0.0
            for j in rows {
                let change = column[j] - a[j]
                s += (b[j] - mean) * change
                t += change * change
            }
            first[i] = s / n / variance
            total[i] = t / (2 * n) / variance
        }
        return (first, total)
    }
}
