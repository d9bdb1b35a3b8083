import CGSL
import Foundation

/// The time left of something that has already lasted a while: what a person already in care
/// on the first day has left of their tier, given how long they have been in it.
extension Distribution {
    /// The remaining time of a duration from this distribution that has lasted `age` (same unit
    /// as the mean), drawn by inverting the conditional survival P(T > age + r | T > age) at the
    /// uniform `u` (0 to 1): the value x with S(x) = S(age) × (1 − u), minus `age`. The clamps
    /// apply to the whole duration, so a duration already past the maximum has nothing left.
    /// Exponential durations are memoryless (the remaining time does not depend on `age`).
    func remaining(after age: Double, uniform u: Double) -> Double {
        let survive = min(max(1 - u, Double.leastNormalMagnitude), 1)
        var x: Double
        switch family {
        case .fixed:
            x = mean
        case .exponential:
            x = age - mean * log(survive)
        case .weibull:
            let scale = weibullScale
            x = scale * pow(pow(age / scale, shape) - log(survive), 1 / shape)
        case .gamma:
            let ratio = mean / sd
            let (k, theta) = (ratio * ratio, sd * sd / mean)
            x = gsl_cdf_gamma_Qinv(gsl_cdf_gamma_Q(age, k, theta) * survive, k, theta)
        case .lognormal:
            if sd > 0 {
                let (zeta, sigma) = lognormalParameters
                x = gsl_cdf_lognormal_Qinv(gsl_cdf_lognormal_Q(age, zeta, sigma) * survive, zeta, sigma)
            } else {
                x = mean
            }
        case .uniform:
            let low = max(minimum, age)
            x = low < maximum ? low + (maximum - low) * u : age
        }
        // Beyond what GSL can invert (an age far in the tail), nothing is left.
        if !x.isFinite || x < age { x = age }
        return max(clamped(x) - age, 0)
    }
}

