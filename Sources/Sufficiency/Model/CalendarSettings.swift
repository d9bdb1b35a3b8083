import Foundation

/// When the run starts, how long it lasts and how results are grouped in time.
public struct CalendarSettings: Sendable, Equatable {
    /// First day of the run (midnight UTC).
    public var start: Date
    /// Days simulated after the start.
    public var horizonDays: Int
    public var period: ReportingPeriod
    /// Days simulated before the start and not reported (for synthetic scenarios
    /// that start empty).
    public var warmUpDays: Int

    public init(start: Date, horizonDays: Int, period: ReportingPeriod = .week, warmUpDays: Int = 0) {
        self.start = start
        self.horizonDays = horizonDays
        self.period = period
        self.warmUpDays = warmUpDays
    }
}
