import Foundation
import CGSL

/// Process-wide GSL set-up shared by every type that calls GSL.
public enum GSL {
    /// Turns GSL's error handler off, once per process; safe to call from any thread, any number
    /// of times.
    ///
    /// GSL's default handler prints a message and calls `abort()`, which would kill a long
    /// simulation run over one bad argument. With the handler off GSL functions report errors
    /// through their return values (NaN, a status code or NULL) and this library checks those
    /// instead. Every type here that calls GSL calls this first, so callers need not.
    public static func configure() {
        _ = errorHandlerOff
    }

    /// GSL's version as the library linked at run time reports it, e.g. "2.7.1".
    public static var version: String {
        String(cString: sufficiency_gsl_version())
    }

    // Swift runs a static stored property's initialiser exactly once, under a lock, which is
    // what makes `configure()` idempotent and thread-safe.
    private static let errorHandlerOff: Void = {
        _ = gsl_set_error_handler_off()
    }()
}

/// One stream of pseudo-random numbers: a GSL Mersenne Twister (mt19937) generator.
///
/// Create one stream per (replication, purpose), seeded with
/// `StreamSeed.derive(master:replication:purpose:)`, and pass it to the code that needs random
/// numbers; never share a stream between threads. Every variate comes from GSL (`gsl_rng_*`,
/// `gsl_ran_*`), so a seed gives the same sequence on every machine with the same GSL.
///
/// Parameters are the ones modellers quote — means and standard deviations — and each method
/// says how it converts them to GSL's own parameterisation. Invalid parameters are programmer
/// mistakes (scenario validation rejects bad user input earlier) and stop the program with a
/// precondition message.
///
/// Not `Sendable`: a stream is used by one thread at a time.
public final class RandomStream {
    /// The underlying GSL generator, for callers who need a `gsl_ran_*` function not wrapped
    /// here. The stream owns it: do not free it, and do not use it after the stream is gone.
    public let raw: UnsafeMutablePointer<gsl_rng>

    /// Creates a Mersenne Twister stream seeded with `seed`.
    ///
    /// mt19937 uses only the low 32 bits of the seed, and GSL replaces seed 0 with its default
    /// seed 4357; seeds from `StreamSeed.derive` are never 0.
    public init(seed: UInt64) {
        GSL.configure()
        guard let generator = gsl_rng_alloc(sufficiency_rng_mt19937()) else {
            preconditionFailure("RandomStream: GSL could not allocate an mt19937 generator (out of memory)")
        }
        raw = generator
        gsl_rng_set(raw, UInt(seed))
    }

    deinit {
        gsl_rng_free(raw)
    }

    /// Restarts the stream as if it had just been created with `seed`.
    public func reseed(_ seed: UInt64) {
        gsl_rng_set(raw, UInt(seed))
    }

    /// A uniform variate in the open interval (0, 1): never exactly 0 or 1, so it is safe to
    /// take its logarithm (`gsl_rng_uniform_pos`).
    public func uniform() -> Double {
        gsl_rng_uniform_pos(raw)
    }

    /// A uniform integer in `0..<n`, each value equally likely (`gsl_rng_uniform_int`).
    ///
    /// - Parameter n: the number of possible values; 1 through 2^32 (the generator's range).
    public func uniformInt(_ n: Int) -> Int {
        let range = UInt(gsl_rng_max(raw) - gsl_rng_min(raw)) + 1
        precondition(n >= 1 && UInt(n) <= range,
                     "RandomStream.uniformInt: n = \(n) must be between 1 and \(range)")
        return Int(gsl_rng_uniform_int(raw, UInt(n)))
    }

    /// An exponential variate with the given mean (`gsl_ran_exponential`, which takes the
    /// mean, not the rate; the rate is 1 / mean).
    ///
    /// - Parameter mean: mean, in whatever time or size unit the caller uses; must be > 0.
    public func exponential(mean: Double) -> Double {
        precondition(mean > 0 && mean.isFinite,
                     "RandomStream.exponential: mean \(mean) must be positive and finite")
        return gsl_ran_exponential(raw, mean)
    }

    /// `exponential(mean:)` for a caller that ignores any value beyond some limit: the same
    /// uniform is drawn, and a value is worked out only when the uniform is at most
    /// `skipAbove` (from `uniformBound(beyond:mean:)`); otherwise the result is infinity.
    ///
    /// GSL's exponential draw is one uniform u and then −mean·log1p(−u), which is
    /// `gsl_cdf_exponential_Pinv(u, mean)`: the values it gives are the same to the bit, and
    /// the logarithm, most of the cost, is skipped for the draws the caller would drop.
    @inline(__always)
    public func exponential(mean: Double, infiniteAbove skipAbove: Double) -> Double {
        let u = gsl_rng_uniform(raw)
        return u > skipAbove ? .infinity : gsl_cdf_exponential_Pinv(u, mean)
    }

    /// The uniform above which an exponential draw of mean `mean` surely exceeds `limit`:
    /// the exponential's CDF at `limit` plus one (a unit of slack, far more than rounding in
    /// the inverse or in adding the draw to a time can take away).
    public static func uniformBound(beyond limit: Double, mean: Double) -> Double {
        -expm1(-(max(limit, 0) + 1) / mean)
    }

    /// A Poisson count with the given mean (`gsl_ran_poisson`; mean = variance = `mean`).
    ///
    /// - Parameter mean: expected count; 0 through 1e9 (the result must fit GSL's 32-bit count).
    public func poisson(mean: Double) -> Int {
        precondition(mean >= 0 && mean <= 1e9,
                     "RandomStream.poisson: mean \(mean) must be between 0 and 1e9")
        return Int(gsl_ran_poisson(raw, mean))
    }

    /// The number of successes in `trials` independent trials each succeeding with
    /// `probability` (`gsl_ran_binomial`).
    ///
    /// - Parameters:
    ///   - probability: success probability per trial, 0 through 1.
    ///   - trials: number of trials, 0 through 2^32 − 1.
    public func binomial(probability: Double, trials: Int) -> Int {
        precondition(probability >= 0 && probability <= 1,
                     "RandomStream.binomial: probability \(probability) must be between 0 and 1")
        precondition(trials >= 0 && trials <= Int(UInt32.max),
                     "RandomStream.binomial: trials \(trials) must be between 0 and \(UInt32.max)")
        return Int(gsl_ran_binomial(raw, probability, UInt32(trials)))
    }

    /// True with probability `p` (`gsl_ran_bernoulli`).
    ///
    /// - Parameter p: probability of `true`, 0 through 1.
    ///
    /// `gsl_ran_bernoulli` is one uniform `u` (`gsl_rng_uniform`) and `u < p`; that is done here
    /// without the call, drawing the same number and giving the same answer.
    @inline(__always)
    public func bernoulli(_ p: Double) -> Bool {
        precondition(p >= 0 && p <= 1, "RandomStream.bernoulli: probability \(p) must be between 0 and 1")
        return gsl_rng_uniform(raw) < p
    }

    /// A normal variate with the given mean and standard deviation (`gsl_ran_gaussian`, which
    /// draws with mean 0; the mean is added here).
    ///
    /// - Parameters:
    ///   - mean: mean, finite.
    ///   - sd: standard deviation (not variance); ≥ 0.
    public func gaussian(mean: Double, sd: Double) -> Double {
        precondition(mean.isFinite, "RandomStream.gaussian: mean \(mean) must be finite")
        precondition(sd >= 0 && sd.isFinite, "RandomStream.gaussian: sd \(sd) must be non-negative and finite")
        return mean + gsl_ran_gaussian(raw, sd)
    }

    /// A gamma variate with the given arithmetic mean and standard deviation (`gsl_ran_gamma`).
    ///
    /// GSL takes shape `a` and scale `b` (mean = a·b, variance = a·b²); here
    /// `a = (mean / sd)²` and `b = sd² / mean`.
    ///
    /// - Parameters:
    ///   - mean: arithmetic mean; > 0.
    ///   - sd: standard deviation; > 0.
    public func gamma(mean: Double, sd: Double) -> Double {
        precondition(mean > 0 && mean.isFinite, "RandomStream.gamma: mean \(mean) must be positive and finite")
        precondition(sd > 0 && sd.isFinite, "RandomStream.gamma: sd \(sd) must be positive and finite")
        return gammaVariate(mean: mean, sd: sd)
    }

    /// `gamma(mean:sd:)` without checking its parameters.
    @inline(__always)
    func gammaVariate(mean: Double, sd: Double) -> Double {
        let ratio = mean / sd
        return gsl_ran_gamma(raw, ratio * ratio, sd * sd / mean)
    }

    /// A lognormal variate with the given arithmetic mean and standard deviation
    /// (`gsl_ran_lognormal`).
    ///
    /// GSL takes the mean `zeta` and standard deviation `sigma` of log(x); here
    /// `sigma² = ln(1 + sd² / mean²)` and `zeta = ln(mean) − sigma² / 2`, so the variate itself
    /// has the requested mean and sd.
    ///
    /// - Parameters:
    ///   - mean: arithmetic mean; > 0.
    ///   - sd: arithmetic standard deviation; ≥ 0 (0 gives `mean` every time).
    public func lognormal(mean: Double, sd: Double) -> Double {
        precondition(mean > 0 && mean.isFinite, "RandomStream.lognormal: mean \(mean) must be positive and finite")
        precondition(sd >= 0 && sd.isFinite, "RandomStream.lognormal: sd \(sd) must be non-negative and finite")
        return lognormalVariate(mean: mean, sd: sd)
    }

    /// `lognormal(mean:sd:)` without checking its parameters.
    @inline(__always)
    func lognormalVariate(mean: Double, sd: Double) -> Double {
        let cv = sd / mean
        let sigmaSquared = log1p(cv * cv)
        return gsl_ran_lognormal(raw, log(mean) - sigmaSquared / 2, sigmaSquared.squareRoot())
    }

    /// A Weibull variate with the given mean and shape (`gsl_ran_weibull`).
    ///
    /// GSL takes scale `a` and shape `b`, with mean `a·Γ(1 + 1/b)`; here
    /// `a = mean / Γ(1 + 1/shape)` (`gsl_sf_gamma`). Shape 1 is the exponential; shape > 1
    /// means the hazard rises with time (e.g. packages that end more often the longer they run).
    ///
    /// - Parameters:
    ///   - mean: mean; > 0.
    ///   - shape: shape `b`; at least 0.01 (below that Γ(1 + 1/b) overflows).
    public func weibull(mean: Double, shape: Double) -> Double {
        precondition(mean > 0 && mean.isFinite, "RandomStream.weibull: mean \(mean) must be positive and finite")
        precondition(shape >= 0.01 && shape.isFinite, "RandomStream.weibull: shape \(shape) must be at least 0.01 and finite")
        return weibullVariate(mean: mean, shape: shape)
    }

    /// `weibull(mean:shape:)` without checking its parameters.
    @inline(__always)
    func weibullVariate(mean: Double, shape: Double) -> Double {
        let scale = mean / gsl_sf_gamma(1 + 1 / shape)
        return gsl_ran_weibull(raw, scale, shape)
    }

    /// Splits `trials` items among `weights.count` categories (`gsl_ran_multinomial`).
    ///
    /// - Parameters:
    ///   - trials: number of items to split; 0 through 2^32 − 1.
    ///   - weights: relative weight of each category; non-negative, finite, with a positive sum.
    ///     They need not sum to 1 (GSL normalises them).
    ///   - counts: receives the number of items in each category; same count as `weights`.
    ///     The counts sum to `trials`.
    public func multinomial(trials: Int, weights: UnsafeBufferPointer<Double>,
                            into counts: UnsafeMutableBufferPointer<UInt32>) {
        precondition(trials >= 0 && trials <= Int(UInt32.max),
                     "RandomStream.multinomial: trials \(trials) must be between 0 and \(UInt32.max)")
        precondition(!weights.isEmpty, "RandomStream.multinomial: weights are empty")
        precondition(weights.count == counts.count,
                     "RandomStream.multinomial: \(weights.count) weights but room for \(counts.count) counts")
        precondition(DiscreteSampler.validWeights(weights),
                     "RandomStream.multinomial: weights must be non-negative and finite with a positive sum")
        gsl_ran_multinomial(raw, weights.count, UInt32(trials), weights.baseAddress!, counts.baseAddress!)
    }
}

/// Draws category indices with fixed relative weights in constant time per draw, using GSL's
/// Walker alias tables (`gsl_ran_discrete_preproc` once, then `gsl_ran_discrete`).
///
/// Worth it when the same weights are sampled many times (e.g. which zone a referral comes
/// from). Not `Sendable`; like `RandomStream` it belongs to one thread at a time.
public final class DiscreteSampler {
    /// Number of categories.
    public let count: Int

    private let table: UnsafeMutablePointer<gsl_ran_discrete_t>

    /// Builds the alias table.
    ///
    /// - Parameter weights: relative weight of each category; non-negative, finite, with a
    ///   positive sum. They need not sum to 1. A category with weight 0 is never drawn.
    public init(weights: [Double]) {
        GSL.configure()
        precondition(!weights.isEmpty, "DiscreteSampler: weights are empty")
        let valid = weights.withUnsafeBufferPointer { DiscreteSampler.validWeights($0) }
        precondition(valid, "DiscreteSampler: weights \(weights) must be non-negative and finite with a positive sum")
        guard let built = gsl_ran_discrete_preproc(weights.count, weights) else {
            preconditionFailure("DiscreteSampler: GSL could not build the alias table for \(weights.count) weights")
        }
        count = weights.count
        table = built
    }

    deinit {
        gsl_ran_discrete_free(table)
    }

    /// A category index in `0..<count`, drawn with probability proportional to its weight.
    ///
    /// Always one uniform from `stream`: with a single category `gsl_ran_discrete` would draw it
    /// and return 0, so that is done here without the table.
    @inline(__always)
    public func sample(_ stream: RandomStream) -> Int {
        if count == 1 {
            _ = gsl_rng_uniform(stream.raw)
            return 0
        }
        return Int(gsl_ran_discrete(stream.raw, table))
    }

    /// The category `sample(_:)` gives when its one uniform (`gsl_rng_uniform`) is `u`, in
    /// [0, 1): Walker's alias lookup as `gsl_ran_discrete` does it (GSL keeps each F[c] as
    /// (c + F[c]) / K, so `u` is compared with it directly). Lets a caller keep the uniform and
    /// choose again with other weights.
    public func index(forUniform u: Double) -> Int {
        if count == 1 { return 0 }
        let k = table.pointee.K
        let c = min(Int(u * Double(k)), count - 1)
        let f = table.pointee.F[c]
        if f == 1.0 || u < f { return c }
        return Int(table.pointee.A[c])
    }

    /// Whether `weights` is usable by GSL's discrete and multinomial samplers.
    static func validWeights(_ weights: UnsafeBufferPointer<Double>) -> Bool {
        var sum = 0.0
        for w in weights {
            guard w >= 0 && w.isFinite else { return false }
            sum += w
        }
        return sum > 0 && sum.isFinite
    }
}
