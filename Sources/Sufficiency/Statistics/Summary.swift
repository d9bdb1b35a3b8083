/// Summary statistics of one output cell over the replications that produced a value for it.
///
/// Values are in the cell's own unit (hours a week, £, people, ...). Fields that are undefined
/// for the number of replications are NaN: with `n == 0` everything except `n` is NaN; with
/// `n == 1` the standard deviation and the confidence interval are NaN (one value has no
/// spread), and the mean and percentiles are that value. The files write NaN as an empty field
/// (`CSVFormat.number`) and the terminal and report show the mean alone, so a NaN never reaches
/// a reader as "nan".
///
/// Values that are all equal give a standard deviation of exactly 0 and an interval of exactly
/// [mean, mean]: `BlockMoments` sums squared deviations, never subtracts large sums, so the
/// variance cannot come out negative.
///
/// Equality treats two NaNs in the same field as equal, so that two identical runs compare equal
/// field by field (IEEE comparison would make any summary with a NaN unequal to itself).
public struct Summary: Sendable, Equatable {
    /// Number of replications that gave a value.
    public var n: Int
    /// Arithmetic mean.
    public var mean: Double
    /// Sample standard deviation (divisor n − 1) across replications.
    public var sd: Double
    /// Lower end of the 95% confidence interval for the mean: mean − t(0.975, n−1)·sd/√n.
    public var ciLow: Double
    /// Upper end of the 95% confidence interval for the mean: mean + t(0.975, n−1)·sd/√n.
    public var ciHigh: Double
    /// 5th percentile across replications; NaN for cells that keep no percentiles (see
    /// `SummaryGrid`).
    public var p05: Double
    /// Median across replications; NaN for cells that keep no percentiles.
    public var p50: Double
    /// 95th percentile across replications; NaN for cells that keep no percentiles.
    public var p95: Double

    public init(n: Int, mean: Double, sd: Double, ciLow: Double, ciHigh: Double,
                p05: Double, p50: Double, p95: Double) {
        self.n = n
        self.mean = mean
        self.sd = sd
        self.ciLow = ciLow
        self.ciHigh = ciHigh
        self.p05 = p05
        self.p50 = p50
        self.p95 = p95
    }

    /// Builds a summary from a count, mean, standard deviation and percentiles, computing the
    /// Student-t 95% confidence interval of the mean; fields are NaN where `n` is too small.
    public init(n: Int, mean: Double, sd: Double, p05: Double, p50: Double, p95: Double) {
        precondition(n >= 0, "Summary: n = \(n) is negative")
        let halfWidth = Summary.confidenceHalfWidth(sd: sd, n: n)
        self.init(n: n,
                  mean: n >= 1 ? mean : .nan,
                  sd: n >= 2 ? sd : .nan,
                  ciLow: mean - halfWidth,
                  ciHigh: mean + halfWidth,
                  p05: n >= 1 ? p05 : .nan,
                  p50: n >= 1 ? p50 : .nan,
                  p95: n >= 1 ? p95 : .nan)
    }

    /// The summary of no values: `n == 0` and every other field NaN.
    public static let empty = Summary(n: 0, mean: .nan, sd: .nan, ciLow: .nan, ciHigh: .nan,
                                      p05: .nan, p50: .nan, p95: .nan)

    /// Half-width of the 95% confidence interval of a mean, t(0.975, n−1)·sd/√n, using GSL's
    /// Student-t quantile (`gsl_cdf_tdist_Pinv`, remembered by `n`: see `StudentTQuantile`);
    /// NaN when `n < 2`.
    public static func confidenceHalfWidth(sd: Double, n: Int) -> Double {
        guard n >= 2 else { return .nan }
        return StudentTQuantile.confidence95(n: n) * sd / Double(n).squareRoot()
    }

    public static func == (lhs: Summary, rhs: Summary) -> Bool {
        func same(_ x: Double, _ y: Double) -> Bool { x == y || (x.isNaN && y.isNaN) }
        return lhs.n == rhs.n && same(lhs.mean, rhs.mean) && same(lhs.sd, rhs.sd)
            && same(lhs.ciLow, rhs.ciLow) && same(lhs.ciHigh, rhs.ciHigh)
            && same(lhs.p05, rhs.p05) && same(lhs.p50, rhs.p50) && same(lhs.p95, rhs.p95)
    }
}
