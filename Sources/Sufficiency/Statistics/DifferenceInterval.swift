import CGSL

/// A difference of means between two runs, B − A, in the measure's own unit, with its 95%
/// confidence interval and how it was worked out.
///
/// Two ways, as the runs allow: **paired**, from each replication's difference when both runs
/// used the same seed and replications (common random numbers, so most of the noise they share
/// cancels), a Student-t interval on n − 1 degrees of freedom; or **Welch's**, from the two
/// runs' means, standard deviations and counts alone, a t interval on the Welch–Satterthwaite
/// degrees of freedom. Both take their t quantile from GSL (`gsl_cdf_tdist_Pinv`). The interval
/// is NaN (no interval) when a side has fewer than two replications.
public struct DifferenceInterval: Sendable, Equatable {
    /// How the interval was worked out.
    public enum Method: String, Sendable {
        /// From per-replication differences (replications.csv), Student's t on n − 1.
        case paired
        /// From the two summaries' means, sds and n, Welch's t.
        case welch
        /// The two folders hold the same run (same scenario, overrides, seed, replications and
        /// build, and byte-identical summaries): every replication's difference is 0.
        case identical
    }

    /// B's mean minus A's mean.
    public var difference: Double
    /// Lower end of the 95% interval of `difference`; NaN when there is none.
    public var low: Double
    /// Upper end of the 95% interval of `difference`; NaN when there is none.
    public var high: Double
    public var method: Method

    public init(difference: Double, low: Double, high: Double, method: Method) {
        self.difference = difference
        self.low = low
        self.high = high
        self.method = method
    }

    /// Whether the interval exists and excludes 0: the runs differ at the 95% level.
    public var excludesZero: Bool { low.isFinite && high.isFinite && (low > 0 || high < 0) }

    /// Welch's interval for mean B − mean A from each side's count, mean and standard deviation
    /// (divisor n − 1). Both standard deviations 0 give an interval of zero width at the
    /// difference.
    public static func welch(nA: Int, meanA: Double, sdA: Double, nB: Int, meanB: Double, sdB: Double) -> DifferenceInterval {
        let difference = meanB - meanA
        guard nA >= 2, nB >= 2, sdA.isFinite, sdB.isFinite else {
            return DifferenceInterval(difference: difference, low: .nan, high: .nan, method: .welch)
        }
        let va = sdA * sdA / Double(nA), vb = sdB * sdB / Double(nB)
        let variance = va + vb
        guard variance > 0 else {
            return DifferenceInterval(difference: difference, low: difference, high: difference, method: .welch)
        }
        let freedom = variance * variance / (va * va / Double(nA - 1) + vb * vb / Double(nB - 1))
        let half = tQuantile975(freedom) * variance.squareRoot()
        return DifferenceInterval(difference: difference, low: difference - half, high: difference + half, method: .welch)
    }

    /// The paired interval from each replication's difference B − A (`differences`, one per
    /// replication with both values): their mean ± t(0.975, n − 1) · sd / √n.
    public static func paired(_ differences: [Double]) -> DifferenceInterval {
        let n = differences.count
        guard n > 0 else { return DifferenceInterval(difference: .nan, low: .nan, high: .nan, method: .paired) }
        var sum = CompensatedSum()
        for d in differences { sum.add(d) }
        let mean = sum.value / Double(n)
        guard n >= 2 else { return DifferenceInterval(difference: mean, low: .nan, high: .nan, method: .paired) }
        var squares = CompensatedSum()
        for d in differences { squares.add((d - mean) * (d - mean)) }
        let sd = (squares.value / Double(n - 1)).squareRoot()
        let half = Summary.confidenceHalfWidth(sd: sd, n: n)
        return DifferenceInterval(difference: mean, low: mean - half, high: mean + half, method: .paired)
    }

    /// t(0.975, ν) for real ν > 0, from GSL.
    static func tQuantile975(_ freedom: Double) -> Double {
        GSL.configure()
        return gsl_cdf_tdist_Pinv(0.975, freedom)
    }
}
