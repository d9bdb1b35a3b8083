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
        var x: Double
        switch d.family {
        case .fixed: x = d.mean
        case .exponential: x = gsl_ran_exponential(raw, d.mean)
        case .gamma: x = gammaVariate(mean: d.mean, sd: d.sd)
        case .lognormal: x = lognormalVariate(mean: d.mean, sd: d.sd)
        case .weibull: x = weibullVariate(mean: d.mean, shape: d.shape)
        case .uniform: return d.minimum + (d.maximum - d.minimum) * uniform()
        }
        if x < d.minimum { x = d.minimum }
        if d.maximum > 0 && x > d.maximum { x = d.maximum }
        return x
    }
}
