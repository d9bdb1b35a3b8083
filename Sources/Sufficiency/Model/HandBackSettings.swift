/// When providers give packages back to the council.
public struct HandBackSettings: Sendable, Equatable {
    /// Which packages a provider over capacity hands back first.
    public enum Policy: String, Sendable, CaseIterable {
        case newest, largest, random
    }

    /// Share by which committed hours may exceed capacity before hand-backs start.
    public var tolerance: Double
    /// Days a provider may stay over the tolerance before it hands packages back.
    public var graceDays: Double
    public var policy: Policy
    /// Annual hazard that a package is handed back for other reasons (assumption).
    public var backgroundAnnualHazard: Double

    /// Annual hazard that a package is handed back while its provider's margin (rate
    /// minus cost, over rate) is below `lossMargin`; lowest-rate packages go first (0: never).
    public var lossAnnualHazard: Double
    /// The margin below which providers hand back loss-making packages (0: rate below cost).
    public var lossMargin: Double
    public init(tolerance: Double = 0.05, graceDays: Double = 28, policy: Policy = .newest,
                backgroundAnnualHazard: Double = 0.05, lossAnnualHazard: Double = 0, lossMargin: Double = 0) {
        self.lossAnnualHazard = lossAnnualHazard
        self.lossMargin = lossMargin
        self.tolerance = tolerance
        self.graceDays = graceDays
        self.policy = policy
        self.backgroundAnnualHazard = backgroundAnnualHazard
    }
}
