/// A step change in the referral rate over a span of days (e.g. a discharge surge).
public struct DemandStep: Sendable, Equatable {
    /// First day (from the scenario start) the factor applies.
    public var fromDay: Double
    /// Day the factor stops applying (nil: to the end of the run).
    public var untilDay: Double?
    /// Multiplier on the referral rate while the step applies.
    public var factor: Double

    public init(fromDay: Double, untilDay: Double?, factor: Double) {
        self.fromDay = fromDay
        self.untilDay = untilDay
        self.factor = factor
    }
}
