extension RandomStream {
    /// Draws from `distribution`, clamped to its minimum and (if set) maximum.
    @inline(__always)
    func draw(_ d: Distribution) -> Double {
        var x: Double
        switch d.family {
        case .fixed: x = d.mean
        case .exponential: x = exponential(mean: d.mean)
        case .gamma: x = gamma(mean: d.mean, sd: d.sd)
        case .lognormal: x = lognormal(mean: d.mean, sd: d.sd)
        case .weibull: x = weibull(mean: d.mean, shape: d.shape)
        case .uniform: return d.minimum + (d.maximum - d.minimum) * uniform()
        }
        if x < d.minimum { x = d.minimum }
        if d.maximum > 0 && x > d.maximum { x = d.maximum }
        return x
    }
}
