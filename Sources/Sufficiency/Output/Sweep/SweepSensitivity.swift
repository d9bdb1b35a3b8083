/// A simple first look at which swept parameter matters, for Latin hypercube and Sobol designs.
///
/// The measure used is the squared Pearson correlation r² between a parameter's values and
/// the points' means: the share of the variance of the means that a straight line in that
/// parameter alone explains. It is chosen over a correlation ratio (which needs the points
/// binned, arbitrary with few points) and over regression coefficients fitted on all
/// parameters at once (ill-conditioned with few points): a Latin hypercube or Sobol design
/// leaves the parameters nearly uncorrelated, and then r² equals the squared standardised
/// regression coefficient, so the parameters' r² add to about the R² of a linear model.
/// It sees no interactions or curvature; full Sobol indices need a design made for them.
enum SweepSensitivity {
    /// r² of `y` on `x` (pairs where both are finite), between 0 and 1; NaN with fewer than
    /// three pairs or when either does not vary.
    static func explained(x: [Double], y: [Double]) -> Double {
        let pairs = zip(x, y).filter { $0.0.isFinite && $0.1.isFinite }
        guard pairs.count >= 3 else { return .nan }
        let n = Double(pairs.count)
        let mx = pairs.reduce(0) { $0 + $1.0 } / n, my = pairs.reduce(0) { $0 + $1.1 } / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in pairs {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
        }
        guard sxx > 0, syy > 0 else { return .nan }
        return min(1, sxy * sxy / (sxx * syy))
    }
}
