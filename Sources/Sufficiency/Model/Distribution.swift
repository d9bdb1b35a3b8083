/// A positive random quantity (hours a week, days) and how it is drawn.
///
/// Every family is parameterised by its arithmetic **mean** (and, where it has
/// one, standard deviation or shape), never by a rate: an exponential with
/// mean 540 days has rate 1/540 a day.
public struct Distribution: Sendable, Equatable {
    /// The family of the distribution.
    public enum Family: String, Sendable, CaseIterable {
        /// Always the mean.
        case fixed
        /// Exponential with the given mean (memoryless).
        case exponential
        /// Gamma with the given mean and standard deviation.
        case gamma
        /// Lognormal with the given arithmetic mean and standard deviation.
        case lognormal
        /// Weibull with the given mean and shape.
        case weibull
        /// Uniform on [minimum, maximum].
        case uniform
    }

    public var family: Family
    /// Arithmetic mean, in the unit of the quantity (hours a week, days).
    public var mean: Double
    /// Standard deviation, same unit as the mean (gamma, lognormal).
    public var sd: Double
    /// Weibull shape (dimensionless).
    public var shape: Double
    /// Bounds for the uniform family, and clamps for every family (0 = none for maximum).
    public var minimum: Double
    public var maximum: Double

    public init(family: Family, mean: Double, sd: Double = 0, shape: Double = 1,
                minimum: Double = 0, maximum: Double = 0) {
        self.family = family
        self.mean = mean
        self.sd = sd
        self.shape = shape
        self.minimum = minimum
        self.maximum = maximum
    }

    /// A distribution that always returns `value`.
    public static func fixed(_ value: Double) -> Distribution {
        Distribution(family: .fixed, mean: value)
    }

    /// An exponential distribution with the given mean (not rate).
    public static func exponential(mean: Double) -> Distribution {
        Distribution(family: .exponential, mean: mean)
    }
}
