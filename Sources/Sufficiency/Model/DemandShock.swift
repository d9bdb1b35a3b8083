/// A dated change in the referral rate of some zones (`kind: demand_shock`), such as a
/// hospital discharge surge or a neighbouring service closing.
///
/// The zones' referrals a week are multiplied by `referralsFactor` from the event's day until
/// `untilDay`, on top of growth, seasonality and `demand.steps`; referrals stay a Poisson
/// process, drawn exactly (see `DemandSchedule`).
public struct DemandShock: Sendable, Equatable {
    /// Multiplier on the zones' referral rates while the shock lasts (above 0; 1.2 = 20% more).
    public var referralsFactor: Double
    /// Indices of the zones it applies to, ascending; nil for every zone.
    public var zones: [Int]?
    /// Day of the run (from `calendar.start`) on which the rate returns, the first day without
    /// the shock; nil to the end of the run.
    public var untilDay: Int?

    public init(referralsFactor: Double, zones: [Int]? = nil, untilDay: Int? = nil) {
        self.referralsFactor = referralsFactor
        self.zones = zones
        self.untilDay = untilDay
    }

    /// Whether zone `zone` (an index into the scenario's zones) is shocked.
    public func covers(zone: Int) -> Bool {
        zones?.contains(zone) ?? true
    }
}
