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
    /// Share (0 to 1) of the hours a week that leaving care workers leave uncovered which the
    /// provider hands back at once, rather than stretching its remaining staff over them.
    ///
    /// A leaver's hours are uncovered when the rest of the workforce has no room for them:
    /// beyond its capacity with the usual overcommitment. The packages go back in the order
    /// `policy` gives, counted as capacity hand-backs, so hand-backs follow staffing: a
    /// provider that cannot replace its leavers gives work back as they go (0: only the
    /// tolerance and grace rule hands back).
    public var uncoveredShare: Double

    /// Annual hazard that a package is handed back while its provider's margin (rate
    /// minus cost, over rate) is below `lossMargin`; lowest-rate packages go first (0: never).
    public var lossAnnualHazard: Double
    /// The margin below which providers hand back loss-making packages (0: rate below cost).
    public var lossMargin: Double
    public init(tolerance: Double = 0.05, graceDays: Double = 28, policy: Policy = .newest,
                backgroundAnnualHazard: Double = 0.05, uncoveredShare: Double = 0, lossAnnualHazard: Double = 0,
                lossMargin: Double = 0) {
        self.uncoveredShare = uncoveredShare
        self.lossAnnualHazard = lossAnnualHazard
        self.lossMargin = lossMargin
        self.tolerance = tolerance
        self.graceDays = graceDays
        self.policy = policy
        self.backgroundAnnualHazard = backgroundAnnualHazard
    }
}
