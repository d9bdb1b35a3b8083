import Foundation

/// Maps simulation days to calendar dates, reporting periods, financial years
/// and the April uplift days.
///
/// Day 0 is the scenario's start date; warm-up days are negative. Everything
/// is in whole UTC days, so boundaries are exact.
public struct SimulationCalendar: Sendable {
    /// A span of days that results are reported over.
    public struct Window: Sendable, Equatable {
        public enum Kind: String, Sendable {
            /// One reporting period (week, month or quarter).
            case period
            /// A financial year from 1 April (clipped to the run).
            case financialYear = "financial_year"
            /// The whole run.
            case horizon
        }
        public var kind: Kind
        /// First day (inclusive) and last day (exclusive), from the start.
        public var fromDay: Int
        public var toDay: Int
        /// First and last base period covered (indices into `periods`, inclusive–exclusive).
        public var firstPeriod: Int
        public var endPeriod: Int
        /// The financial year's starting calendar year, for `.financialYear`.
        public var financialYear: Int?

        /// Length in days.
        public var days: Int { toDay - fromDay }
    }

    public let start: Date
    public let horizonDays: Int
    public let warmUpDays: Int
    /// Base reporting periods covering [0, horizon), in order.
    public let periods: [Window]
    /// Every reported window: base periods, then financial years, then the horizon.
    public let windows: [Window]
    /// Days (from the start, in (−warm-up, horizon)) on which a new financial year
    /// begins, with that year; uplifts apply on these days.
    public let aprilFirsts: [(day: Int, year: Int)]
    private let monthByDay: [UInt8]
    private let yearByDay: [Int16]

    public init(_ settings: CalendarSettings) {
        self.start = settings.start
        self.horizonDays = settings.horizonDays
        self.warmUpDays = settings.warmUpDays

        var months: [UInt8] = []
        var fyears: [Int16] = []
        months.reserveCapacity(settings.warmUpDays + settings.horizonDays + 1)
        var aprils: [(Int, Int)] = []
        // The first day is dated once; later days are counted on from it.
        let first = ISODate.civil(-settings.warmUpDays, after: settings.start)
        var (year, month, dayOfMonth) = (first.year, first.month, first.day)
        for day in -settings.warmUpDays...settings.horizonDays {
            months.append(UInt8(month))
            fyears.append(Int16(month >= 4 ? year : year - 1))
            if month == 4 && dayOfMonth == 1 && day > -settings.warmUpDays && day < settings.horizonDays {
                aprils.append((day, year))
            }
            dayOfMonth += 1
            if dayOfMonth > SimulationCalendar.daysIn(month: month, year: year) {
                dayOfMonth = 1
                month += 1
                if month > 12 { month = 1; year += 1 }
            }
        }
        self.monthByDay = months
        self.yearByDay = fyears
        self.aprilFirsts = aprils

        // Base periods: weeks from the start, or calendar months / quarters
        // (the first and last may be partial).
        var bounds: [Int] = [0]
        switch settings.period {
        case .week:
            var d = 7
            while d < settings.horizonDays { bounds.append(d); d += 7 }
        case .month, .quarter:
            let step = settings.period == .month ? 1 : 3
            // Periods start on the first of a month, counted in months from January of the
            // start's year (a Foundation calendar call per period made long runs slow to set up).
            let startDay = ISODate.civil(0, after: settings.start)
            var firstMonth = startDay.month - 1
            if settings.period == .quarter {
                // Quarters of the financial year: April, July, October, January.
                firstMonth -= ((startDay.month - 4) % 3 + 3) % 3
            }
            var next = firstMonth + step
            while true {
                let d = ISODate.days(from: settings.start,
                                     to: ISODate.firstOfMonth(year: startDay.year, monthsAfterJanuary: next))
                if d >= settings.horizonDays { break }
                if d > 0 { bounds.append(d) }
                next += step
            }
        }
        bounds.append(settings.horizonDays)
        var periods: [Window] = []
        for i in 0..<(bounds.count - 1) {
            periods.append(Window(kind: .period, fromDay: bounds[i], toDay: bounds[i + 1],
                                  firstPeriod: i, endPeriod: i + 1, financialYear: nil))
        }
        self.periods = periods

        // Financial years: windows made of whole base periods. With weekly
        // periods a week that straddles 1 April counts in the year it starts in.
        var windows = periods
        var fyStart = 0
        for i in 1...periods.count {
            let yearOf = { (p: Int) -> Int in Int(fyears[periods[p].fromDay + settings.warmUpDays]) }
            if i == periods.count || yearOf(i) != yearOf(fyStart) {
                windows.append(Window(kind: .financialYear, fromDay: periods[fyStart].fromDay,
                                      toDay: periods[i - 1].toDay, firstPeriod: fyStart, endPeriod: i,
                                      financialYear: yearOf(fyStart)))
                fyStart = i
            }
        }
        windows.append(Window(kind: .horizon, fromDay: 0, toDay: settings.horizonDays,
                              firstPeriod: 0, endPeriod: periods.count, financialYear: nil))
        self.windows = windows
    }

    /// Days in `month` (1–12) of `year` in the Gregorian calendar.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11:
            return 30
        default:
            return 31
        }
    }

    /// The day `years` after day `day`: whole years to the same calendar date (so a five-year
    /// term from 1 April 2023 ends on 1 April 2028, whatever the leap days), and any fraction of
    /// a year as 365.25 days a year.
    public func day(_ years: Double, yearsAfter day: Double) -> Double {
        let whole = years.rounded(.down)
        guard whole >= 1, whole < 1000, day == day.rounded(.down), abs(day) < 4_000_000 else { return day + years * 365.25 }
        let from = ISODate.adding(days: Int(day), to: start)
        let wholeDays = ISODate.days(from: from, to: ISODate.adding(years: Int(whole), to: from))
        return day + Double(wholeDays) + (years - whole) * 365.25
    }

    /// Calendar month (1–12) of the day containing time `t` (days from the start).
    @inline(__always)
    public func month(at t: Double) -> Int {
        let i = min(max(Int(t.rounded(.down)) + warmUpDays, 0), monthByDay.count - 1)
        return Int(monthByDay[i])
    }

    /// Financial year (its starting calendar year) of the day containing time `t`.
    @inline(__always)
    public func financialYear(at t: Double) -> Int {
        let i = min(max(Int(t.rounded(.down)) + warmUpDays, 0), yearByDay.count - 1)
        return Int(yearByDay[i])
    }

    /// The date `day` days after the start.
    public func date(ofDay day: Int) -> Date {
        ISODate.adding(days: day, to: start)
    }
}
