import CGSL
import Foundation

/// The families a scenario distribution can take that a duration or package hours is fitted to.
public enum FittedFamily: String, Sendable, CaseIterable {
    case exponential, gamma, lognormal, weibull

    /// Free parameters.
    var parameterCount: Int { self == .exponential ? 1 : 2 }
}

/// One family fitted by maximum likelihood to a sample with right-censored values, with its
/// parameters' 95% Wald intervals (from the observed information, on the log scale for positive
/// parameters) and its AIC.
public struct DistributionFit: Sendable {
    public struct Parameter: Sendable, Equatable {
        /// `mean`, `sd`, `shape`, `scale`, `mu` or `sigma`.
        public var name: String
        public var estimate: Estimate
    }

    public var family: FittedFamily
    /// The family's parameters, then its mean (and sd), in the units of the sample.
    public var parameters: [Parameter]
    public var logLikelihood: Double
    /// 2 × parameters − 2 × log-likelihood.
    public var aic: Double
    /// The unconstrained parameters the likelihood was maximised over: log mean (exponential),
    /// log shape and log scale (gamma, Weibull), μ and log σ (lognormal).
    var theta: [Double]

    public func parameter(_ name: String) -> Estimate? { parameters.first { $0.name == name }?.estimate }
    public var mean: Double { parameter("mean")!.value }
    public var sd: Double { parameter("sd")?.value ?? 0 }

    /// The share still open at `t`.
    public func survival(_ t: Double) -> Double { exp(DistributionFit.logSurvival(family, theta, t)) }

    // MARK: likelihood

    static func logDensity(_ family: FittedFamily, _ th: [Double], _ t: Double) -> Double {
        switch family {
        case .exponential:
            return -th[0] - t / exp(th[0])
        case .weibull:
            let k = exp(th[0]), lt = log(t)
            return th[0] - th[1] + (k - 1) * (lt - th[1]) - exp(k * (lt - th[1]))
        case .gamma:
            let k = exp(th[0])
            return -gsl_sf_lngamma(k) - k * th[1] + (k - 1) * log(t) - t / exp(th[1])
        case .lognormal:
            let s = exp(th[1]), z = (log(t) - th[0]) / s
            return -log(t) - th[1] - 0.5 * log(2 * Double.pi) - 0.5 * z * z
        }
    }

    static func logSurvival(_ family: FittedFamily, _ th: [Double], _ t: Double) -> Double {
        switch family {
        case .exponential:
            return -t / exp(th[0])
        case .weibull:
            return -exp(exp(th[0]) * (log(t) - th[1]))
        case .gamma:
            return log(max(gsl_sf_gamma_inc_Q(exp(th[0]), t / exp(th[1])), Double.leastNormalMagnitude))
        case .lognormal:
            let z = (log(t) - th[0]) / exp(th[1])
            return gsl_sf_log_erfc(z / 2.0.squareRoot()) - log(2.0)
        }
    }

    static func logLikelihood(_ family: FittedFamily, _ th: [Double], _ sample: SurvivalSample) -> Double {
        var ll = 0.0
        for i in sample.times.indices {
            let t = sample.times[i]
            if sample.events[i] > 0 { ll += sample.events[i] * logDensity(family, th, t) }
            if sample.censored[i] > 0 { ll += sample.censored[i] * logSurvival(family, th, t) }
        }
        return ll
    }

    /// The family's mean and sd at `th`.
    static func moments(_ family: FittedFamily, _ th: [Double]) -> (mean: Double, sd: Double) {
        switch family {
        case .exponential:
            return (exp(th[0]), exp(th[0]))
        case .weibull:
            let k = exp(th[0]), l = exp(th[1])
            let g1 = gsl_sf_gamma(1 + 1 / k), g2 = gsl_sf_gamma(1 + 2 / k)
            return (l * g1, l * (max(g2 - g1 * g1, 0)).squareRoot())
        case .gamma:
            let k = exp(th[0]), s = exp(th[1])
            return (k * s, k.squareRoot() * s)
        case .lognormal:
            let s2 = exp(2 * th[1]), m = exp(th[0] + s2 / 2)
            return (m, m * (exp(s2) - 1).squareRoot())
        }
    }

    // MARK: fitting

    /// The maximum-likelihood fit of `family` to `sample`; nil when the likelihood has no
    /// finite maximum (too few ended values).
    static func fit(_ family: FittedFamily, to sample: SurvivalSample) -> DistributionFit? {
        GSL.configure()
        let ended = sample.endedCount
        guard ended >= 2, sample.exposure > 0 else { return nil }
        let meanGuess = sample.exposure / ended
        var theta: [Double]
        switch family {
        case .exponential:
            theta = [log(meanGuess)]
        case .weibull, .gamma:
            theta = minimise(family, start: [0, log(meanGuess)], sample: sample)
        case .lognormal:
            let logs = zip(sample.times, sample.events).filter { $0.1 > 0 }
            let mu = logs.reduce(0) { $0 + log($1.0) * $1.1 } / ended
            theta = minimise(family, start: [mu, 0], sample: sample)
        }
        let ll = logLikelihood(family, theta, sample)
        guard ll.isFinite, let cov = covariance(family, theta, sample) else { return nil }
        func derived(_ f: ([Double]) -> Double, positive: Bool) -> Estimate {
            let value = f(theta)
            let h = 1e-6
            var grad = [Double](repeating: 0, count: theta.count)
            for i in theta.indices {
                var up = theta, down = theta
                up[i] += h
                down[i] -= h
                grad[i] = positive ? (log(f(up)) - log(f(down))) / (2 * h) : (f(up) - f(down)) / (2 * h)
            }
            var v = 0.0
            for i in theta.indices { for j in theta.indices { v += grad[i] * cov[i][j] * grad[j] } }
            let se = max(v, 0).squareRoot()
            return positive ? .fromLog(log(value), se: se)
                : Estimate(value, low: value - Estimate.z95 * se, high: value + Estimate.z95 * se)
        }
        var parameters: [Parameter] = []
        switch family {
        case .exponential: break
        case .weibull, .gamma:
            parameters.append(Parameter(name: "shape", estimate: derived({ exp($0[0]) }, positive: true)))
            parameters.append(Parameter(name: "scale", estimate: derived({ exp($0[1]) }, positive: true)))
        case .lognormal:
            parameters.append(Parameter(name: "mu", estimate: derived({ $0[0] }, positive: false)))
            parameters.append(Parameter(name: "sigma", estimate: derived({ exp($0[1]) }, positive: true)))
        }
        parameters.append(Parameter(name: "mean", estimate: derived({ moments(family, $0).mean }, positive: true)))
        if family != .exponential {
            parameters.append(Parameter(name: "sd", estimate: derived({ moments(family, $0).sd }, positive: true)))
        }
        guard parameters.allSatisfy({ $0.estimate.value.isFinite && $0.estimate.low.isFinite && $0.estimate.high.isFinite }) else {
            return nil
        }
        return DistributionFit(family: family, parameters: parameters, logLikelihood: ll,
                               aic: 2 * Double(family.parameterCount) - 2 * ll, theta: theta)
    }

    /// The inverse of the observed information (minus the Hessian of the log-likelihood, by
    /// central differences) at `theta`; nil when it is not positive definite.
    static func covariance(_ family: FittedFamily, _ theta: [Double], _ sample: SurvivalSample) -> [[Double]]? {
        let n = theta.count, h = 1e-4
        func ll(_ t: [Double]) -> Double { logLikelihood(family, t, sample) }
        var H = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        let f0 = ll(theta)
        for i in 0..<n {
            for j in i..<n {
                if i == j {
                    var up = theta, down = theta
                    up[i] += h
                    down[i] -= h
                    H[i][i] = (ll(up) - 2 * f0 + ll(down)) / (h * h)
                } else {
                    var pp = theta, pm = theta, mp = theta, mm = theta
                    pp[i] += h; pp[j] += h; pm[i] += h; pm[j] -= h
                    mp[i] -= h; mp[j] += h; mm[i] -= h; mm[j] -= h
                    H[i][j] = (ll(pp) - ll(pm) - ll(mp) + ll(mm)) / (4 * h * h)
                    H[j][i] = H[i][j]
                }
            }
        }
        if n == 1 {
            guard -H[0][0] > 0 else { return nil }
            return [[1 / -H[0][0]]]
        }
        let a = -H[0][0], b = -H[0][1], d = -H[1][1]
        let det = a * d - b * b
        guard a > 0, det > 0 else { return nil }
        return [[d / det, -b / det], [-b / det, a / det]]
    }

    /// Minimises minus the log-likelihood with GSL's Nelder–Mead simplex (`nmsimplex2`) from `start`.
    static func minimise(_ family: FittedFamily, start: [Double], sample: SurvivalSample) -> [Double] {
        final class Context {
            let family: FittedFamily
            let sample: SurvivalSample
            init(_ family: FittedFamily, _ sample: SurvivalSample) { (self.family, self.sample) = (family, sample) }
        }
        let context = Context(family, sample)
        let n = start.count
        let box = Unmanaged.passRetained(context)
        defer { box.release() }
        var function = gsl_multimin_function(
            f: { x, params in
                let context = Unmanaged<Context>.fromOpaque(params!).takeUnretainedValue()
                let th = (0..<x!.pointee.size).map { gsl_vector_get(x, $0) }
                guard th.allSatisfy({ abs($0) < 30 }) else { return Double.greatestFiniteMagnitude }
                let v = -DistributionFit.logLikelihood(context.family, th, context.sample)
                return v.isFinite ? v : Double.greatestFiniteMagnitude
            },
            n: n, params: box.toOpaque())
        let x = gsl_vector_alloc(n)!, step = gsl_vector_alloc(n)!
        let minimiser = gsl_multimin_fminimizer_alloc(sufficiency_multimin_nmsimplex2(), n)!
        defer { gsl_vector_free(x); gsl_vector_free(step); gsl_multimin_fminimizer_free(minimiser) }
        var best = start
        // Restarted once from where the first search stopped, as Nelder–Mead may stall.
        for _ in 0..<2 {
            for i in 0..<n {
                gsl_vector_set(x, i, best[i])
                gsl_vector_set(step, i, 0.5)
            }
            gsl_multimin_fminimizer_set(minimiser, &function, x, step)
            for _ in 0..<5_000 {
                if gsl_multimin_fminimizer_iterate(minimiser) != GSL_SUCCESS { break }
                if gsl_multimin_test_size(gsl_multimin_fminimizer_size(minimiser), 1e-9) == GSL_SUCCESS { break }
            }
            best = (0..<n).map { gsl_vector_get(minimiser.pointee.x, $0) }
        }
        return best
    }
}
