import CGSL
import Synchronization

/// The Student-t quantile t(0.975, n − 1) that scales 95% confidence intervals of a mean of `n`
/// values, remembered for the last `n` asked.
///
/// GSL's `gsl_cdf_tdist_Pinv` costs thousands of instructions a call, and writing results asks
/// for it once per cell, almost always with the same `n` (every replication gives most cells a
/// value), so one remembered value removes nearly all calls. The value is GSL's, unchanged.
enum StudentTQuantile {
    private static let last = Mutex<(n: Int, t: Double)>((0, .nan))

    /// t(0.975, n − 1), dimensionless; NaN when `n < 2`.
    static func confidence95(n: Int) -> Double {
        guard n >= 2 else { return .nan }
        if let t = last.withLock({ $0.n == n ? $0.t : nil }) { return t }
        GSL.configure()
        let t = gsl_cdf_tdist_Pinv(0.975, Double(n - 1))
        last.withLock { $0 = (n, t) }
        return t
    }
}
