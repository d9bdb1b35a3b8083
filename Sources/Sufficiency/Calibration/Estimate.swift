import Foundation

/// A fitted quantity with its 95% Wald interval.
public struct Estimate: Sendable, Equatable {
    public var value: Double
    public var low: Double
    public var high: Double

    public init(_ value: Double, low: Double, high: Double) {
        (self.value, self.low, self.high) = (value, low, high)
    }

    /// The normal quantile of a two-sided 95% interval.
    static let z95 = 1.959963984540054

    /// A positive quantity whose logarithm is estimated as `log` with standard error `se`:
    /// the interval is symmetric on the log scale.
    static func fromLog(_ log: Double, se: Double) -> Estimate {
        Estimate(Foundation.exp(log), low: Foundation.exp(log - z95 * se), high: Foundation.exp(log + z95 * se))
    }

    /// Whether the interval holds `x`.
    public func covers(_ x: Double) -> Bool { low <= x && x <= high }
}

