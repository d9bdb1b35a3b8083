import CGSL

extension RandomStream {
    /// Draws from `distribution`, clamped to its minimum and (if set) maximum.
    @inline(__always)
    func draw(_ d: Distribution) -> Double {
        precondition(d.isDrawable, "RandomStream.draw: \(d.family) distribution with mean \(d.mean), sd \(d.sd) "
                     + "and shape \(d.shape) cannot be drawn from")
        return drawChecked(d)
    }
}

extension Distribution {
    /// Whether GSL's sampler for the family takes these parameters, so `drawChecked(_:)` may
    /// be used without checking them again.
    var isDrawable: Bool {
        func positive(_ x: Double) -> Bool { x > 0 && x.isFinite }
        switch family {
        case .fixed, .uniform: return true
        case .exponential: return positive(mean)
        case .gamma: return positive(mean) && positive(sd)
        case .lognormal: return positive(mean) && sd >= 0 && sd.isFinite
        case .weibull: return positive(mean) && shape >= 0.01 && shape.isFinite
        }
    }
}

extension RandomStream {
    /// `draw(d)` for a distribution already known to satisfy `isDrawable`, without checking
    /// the parameters again on every draw (the demand schedule draws hundreds of thousands a run).
    @inline(__always)
    func drawChecked(_ d: Distribution) -> Double {
        if d.family == .uniform { return d.minimum + (d.maximum - d.minimum) * uniform() }
        return d.clamped(unclampedDraw(d))
    }

    /// The family's variate before `drawChecked(_:)` clamps it (the uniform family's is within
    /// its bounds already), for a distribution known to satisfy `isDrawable`.
    @inline(__always)
    func unclampedDraw(_ d: Distribution) -> Double {
        switch d.family {
        case .fixed: return d.mean
        case .exponential: return gsl_ran_exponential(raw, d.mean)
        case .gamma: return gammaVariate(mean: d.mean, sd: d.sd)
        case .lognormal: return lognormalVariate(mean: d.mean, sd: d.sd)
        case .weibull: return weibullVariate(mean: d.mean, shape: d.shape)
        case .uniform: return d.minimum + (d.maximum - d.minimum) * uniform()
        }
    }
}

extension Distribution {
    /// `x` held within the minimum and (if set) the maximum.
    @inline(__always)
    func clamped(_ x: Double) -> Double {
        var x = x
        if x < minimum { x = minimum }
        if maximum > 0 && x > maximum { x = maximum }
        return x
    }
}
