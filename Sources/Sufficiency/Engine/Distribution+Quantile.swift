import Foundation
import CGSL

/// Where a draw lies in its distribution, and the value at a given place in another: what lets
/// a person's duration be drawn once and replayed under a different distribution (the same
/// quantile), so options that differ in a duration still share their people's luck.
///
/// Each family is converted to GSL's parameters exactly as `RandomStream` draws it: gamma
/// shape (mean / sd)² and scale sd² / mean; lognormal σ² = ln(1 + sd² / mean²) and
/// ζ = ln(mean) − σ² / 2; Weibull scale mean / Γ(1 + 1/shape).
extension Distribution {
    /// The family's cumulative distribution function at `x` (a variate before clamping), in
    /// [0, 1]; nil when the family has no spread to place `x` in (fixed, a uniform with no
    /// width, a lognormal with sd 0) or the value cannot be placed.
    func cumulative(_ x: Double) -> Double? {
        let p: Double
        switch family {
        case .fixed:
            return nil
        case .exponential:
            p = gsl_cdf_exponential_P(x, mean)
        case .gamma:
            let ratio = mean / sd
            p = gsl_cdf_gamma_P(x, ratio * ratio, sd * sd / mean)
        case .lognormal:
            guard sd > 0 else { return nil }
            let (zeta, sigma) = lognormalParameters
            p = gsl_cdf_lognormal_P(x, zeta, sigma)
        case .weibull:
            p = gsl_cdf_weibull_P(x, weibullScale, shape)
        case .uniform:
            guard maximum > minimum else { return nil }
            p = (x - minimum) / (maximum - minimum)
        }
        guard p.isFinite else { return nil }
        return min(max(p, 0), 1)
    }

    /// The value at quantile `u` (0 to 1) of the family (its inverse cumulative distribution
    /// function), clamped to the minimum and maximum as a draw is. `u` is held below 1 so the
    /// value is finite; a value GSL cannot work out is the mean.
    func quantile(_ u: Double) -> Double {
        let p = u.isNaN ? 0.5 : min(max(u, 0), Double(1).nextDown)
        var x: Double
        switch family {
        case .fixed:
            x = mean
        case .exponential:
            x = gsl_cdf_exponential_Pinv(p, mean)
        case .gamma:
            let ratio = mean / sd
            x = gsl_cdf_gamma_Pinv(p, ratio * ratio, sd * sd / mean)
        case .lognormal:
            if sd > 0 {
                let (zeta, sigma) = lognormalParameters
                x = gsl_cdf_lognormal_Pinv(p, zeta, sigma)
            } else {
                x = mean
            }
        case .weibull:
            x = gsl_cdf_weibull_Pinv(p, weibullScale, shape)
        case .uniform:
            x = minimum + (maximum - minimum) * p
        }
        if !x.isFinite { x = mean }
        return clamped(x)
    }

    /// GSL's ζ and σ (mean and sd of the logarithm) for the lognormal family.
    var lognormalParameters: (zeta: Double, sigma: Double) {
        let cv = sd / mean
        let sigmaSquared = log1p(cv * cv)
        return (log(mean) - sigmaSquared / 2, sigmaSquared.squareRoot())
    }

    /// GSL's scale for the Weibull family.
    var weibullScale: Double { mean / gsl_sf_gamma(1 + 1 / shape) }
}

extension RandomStream {
    /// `draw(d)`, drawing exactly the same numbers, and where the variate lies in its family
    /// (`Distribution.cumulative(_:)` before clamping; nil for a fixed distribution).
    func drawWithQuantile(_ d: Distribution) -> (value: Double, quantile: Double?) {
        precondition(d.isDrawable, "RandomStream.drawWithQuantile: \(d.family) distribution with mean \(d.mean), "
                     + "sd \(d.sd) and shape \(d.shape) cannot be drawn from")
        if d.family == .uniform {
            let u = uniform()
            return (d.minimum + (d.maximum - d.minimum) * u, d.maximum > d.minimum ? u : nil)
        }
        let x = unclampedDraw(d)
        return (d.clamped(x), d.cumulative(x))
    }
}
