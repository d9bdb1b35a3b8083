import CGSL
import Foundation

/// Referrals a week fitted by Poisson regression (log link) of the weekly count of package starts
/// on a linear trend in weeks and the month the week falls in, by iteratively reweighted least
/// squares (`gsl_multifit_wlinear` at each step), with Wald intervals from the inverse of the
/// information matrix.
public struct ReferralFit: Sendable {
    /// Referrals a week at the start of the history, with seasonality taken out (the month
    /// factors have mean 1).
    public var ratePerWeek: Estimate
    /// The same rate projected along the trend to the as-of date: what a scenario starting
    /// then takes as `referrals_per_week`.
    public var ratePerWeekAtAsOf: Estimate
    /// Annual growth of the rate, exp(52 β_trend) − 1.
    public var growth: Estimate
    /// Twelve multipliers, January to December, normalised to mean 1; nil when the history is
    /// shorter than a year (or some month has no starts), so seasonality cannot be told from trend.
    public var seasonality: [Estimate]?
    /// Complete weeks counted, from the first start.
    public var weeks: Int
    /// Starts counted in those weeks.
    public var starts: Int
    /// Iterations of reweighted least squares.
    public var iterations: Int

    /// The month (1–12) of the day `day` days since 1970.
    static func month(ofDay day: Int) -> Int { GregorianDay(daysSince1970: day).month }

    /// Fits the starts on days `starts` (days since 1970) over the complete weeks from the first
    /// start to `asOf` (inclusive); nil with a sentence when there are too few weeks.
    static func fit(starts: [Int], asOf: Int) -> Result<ReferralFit, CalibrationProblem> {
        GSL.configure()
        guard let first = starts.min() else { return .failure(CalibrationProblem("there are no package starts to count.")) }
        let weeks = (asOf - first + 1) / 7
        guard weeks >= 8 else {
            return .failure(CalibrationProblem("the starts span \(weeks) complete week\(weeks == 1 ? "" : "s") to the as-of date; "
                                               + "at least 8 are needed to fit a referral rate."))
        }
        var counts = [Double](repeating: 0, count: weeks)
        for s in starts {
            let w = (s - first) / 7
            if w < weeks { counts[w] += 1 }
        }
        let months = (0..<weeks).map { month(ofDay: first + 7 * $0 + 3) }
        var monthTotals = [Double](repeating: 0, count: 13)
        var monthWeeks = [Int](repeating: 0, count: 13)
        for w in 0..<weeks {
            monthTotals[months[w]] += counts[w]
            monthWeeks[months[w]] += 1
        }
        let seasonal = weeks >= 52 && (1...12).allSatisfy { monthWeeks[$0] > 0 && monthTotals[$0] > 0 }
        let p = seasonal ? 13 : 2
        let X = gsl_matrix_alloc(weeks, p)!, z = gsl_vector_alloc(weeks)!, wt = gsl_vector_alloc(weeks)!
        let c = gsl_vector_alloc(p)!, cov = gsl_matrix_alloc(p, p)!, work = gsl_multifit_linear_alloc(weeks, p)!
        defer {
            gsl_matrix_free(X); gsl_vector_free(z); gsl_vector_free(wt); gsl_vector_free(c)
            gsl_matrix_free(cov); gsl_multifit_linear_free(work)
        }
        for w in 0..<weeks {
            gsl_matrix_set(X, w, 0, 1)
            gsl_matrix_set(X, w, 1, Double(w))
            if seasonal { for m in 2...12 { gsl_matrix_set(X, w, m, months[w] == m ? 1 : 0) } }
        }
        // Columns: 0 intercept, 1 trend, 2…12 February…December (January is the baseline).
        var mu = counts.map { $0 + 0.5 }
        var deviance = Double.infinity
        var iterations = 0
        var chisq = 0.0
        while iterations < 100 {
            iterations += 1
            for w in 0..<weeks {
                gsl_vector_set(z, w, log(mu[w]) + (counts[w] - mu[w]) / mu[w])
                gsl_vector_set(wt, w, mu[w])
            }
            gsl_multifit_wlinear(X, wt, z, c, cov, &chisq, work)
            var next = 0.0
            for w in 0..<weeks {
                var eta = 0.0
                for j in 0..<p { eta += gsl_matrix_get(X, w, j) * gsl_vector_get(c, j) }
                mu[w] = exp(eta)
                next += counts[w] > 0 ? 2 * (counts[w] * log(counts[w] / mu[w]) - (counts[w] - mu[w])) : 2 * mu[w]
            }
            let done = abs(next - deviance) < 1e-10 * (abs(next) + 1)
            deviance = next
            if done { break }
        }
        let beta = (0..<p).map { gsl_vector_get(c, $0) }
        var V = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        for i in 0..<p { for j in 0..<p { V[i][j] = gsl_matrix_get(cov, i, j) } }
        func se(_ g: [Double]) -> Double {
            var v = 0.0
            for i in 0..<p { for j in 0..<p { v += g[i] * V[i][j] * g[j] } }
            return sqrt(max(v, 0))
        }
        let trendSE = sqrt(max(V[1][1], 0))
        let growth = Estimate(exp(52 * beta[1]) - 1, low: exp(52 * (beta[1] - Estimate.z95 * trendSE)) - 1,
                              high: exp(52 * (beta[1] + Estimate.z95 * trendSE)) - 1)
        var rate: Estimate
        var rateAtEnd: Estimate
        // Week w is centred on day 7w + 3.5 from the first start; the as-of date's place on the trend.
        let tEnd = (Double(asOf - first) - 3.5) / 7
        var factors: [Estimate]?
        if seasonal {
            // Month effects γ (January 0); factors exp(γ_m) / mean(exp γ).
            let gamma = [0.0] + beta[2...]
            let e = gamma.map { exp($0) }
            let mean = e.reduce(0, +) / 12
            let share = e.map { $0 / (12 * mean) }
            // log rate = β0 + log mean(exp γ); its gradient in β.
            var g = [Double](repeating: 0, count: p)
            g[0] = 1
            for m in 1..<12 { g[m + 1] = share[m] }
            rate = .fromLog(beta[0] + log(mean), se: se(g))
            g[1] = tEnd
            rateAtEnd = .fromLog(beta[0] + log(mean) + tEnd * beta[1], se: se(g))
            factors = (0..<12).map { m in
                var g = [Double](repeating: 0, count: p)
                for k in 1..<12 { g[k + 1] = (k == m ? 1 : 0) - share[k] }
                return .fromLog(gamma[m] - log(mean), se: se(g))
            }
        } else {
            rate = .fromLog(beta[0], se: sqrt(max(V[0][0], 0)))
            rateAtEnd = .fromLog(beta[0] + tEnd * beta[1], se: se([1, tEnd]))
        }
        return .success(ReferralFit(ratePerWeek: rate, ratePerWeekAtAsOf: rateAtEnd, growth: growth, seasonality: factors, weeks: weeks,
                                    starts: Int(counts.reduce(0, +)), iterations: iterations))
    }
}

/// Why a part of the calibration could not be fitted, as a sentence.
struct CalibrationProblem: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
