import Foundation

extension ScenarioLoader {
    static let calendarKeys = ["start", "years", "days", "period", "warm_up_days"]

    /// `calendar`: the start date (required, `yyyy-mm-dd`), the horizon as exactly one of
    /// `years` (whole calendar years from the start, at most 100) or `days` (at most 400,000),
    /// the reporting `period` (at most 5,218 periods over the run) and `warm_up_days` (at most
    /// 36,525). Records the start in `context` so later sections can turn dates into days.
    static func decodeCalendar(_ reader: NodeReader?, _ context: Context) -> CalendarSettings? {
        guard let calendar = reader?.mapping(keys: calendarKeys,
                                             expected: "a mapping such as {start: 2023-04-01, years: 5}") else { return nil }
        let startReader = calendar.required("start")
        let start = startReader?.date()
        context.calendarStart = start

        let yearsReader = calendar.optional("years")
        let daysReader = calendar.optional("days")
        let years = yearsReader?.wholeNumber(.positive("whole number of years", atMost: ScenarioLimits.years))
        let days = daysReader?.wholeNumber(.positive("whole number of days", atMost: ScenarioLimits.days))
        var horizonDays: Int?
        switch (yearsReader, daysReader) {
        case (.some, .some):
            calendar.report("both 'years' and 'days' are given; give exactly one of them.")
        case (.some, nil):
            if let years, let start {
                horizonDays = ISODate.days(from: start, to: ISODate.adding(years: years, to: start))
            }
        case (nil, .some):
            horizonDays = days
        case (nil, nil):
            calendar.report("missing required key 'years' or 'days'.")
        }

        let defaults = CalendarSettings(start: Date(timeIntervalSince1970: 0), horizonDays: 1)
        let periodReader = calendar.optional("period")
        let period = periodReader?.choice(ReportingPeriod.self) ?? defaults.period
        let warmUpDays = calendar.optional("warm_up_days")?
            .wholeNumber(.nonNegative("whole number of days", atMost: ScenarioLimits.warmUpDays))
            ?? defaults.warmUpDays
        guard let start, let horizonDays else { return nil }
        let periods = reportingPeriods(start: start, horizonDays: horizonDays, period: period)
        if periods > ScenarioLimits.reportingPeriods {
            let reader = periodReader ?? yearsReader ?? daysReader
            reader?.report("reporting by \(period.rawValue) over \(horizonDays) days makes \(periods) periods; "
                           + "at most \(ScenarioLimits.reportingPeriods) are allowed (100 years of weeks): report "
                           + "by a longer period or shorten the run.")
            return nil
        }
        checkPeriodBoundary(startReader, start: start, horizonDays: horizonDays, period: period)
        return CalendarSettings(start: start, horizonDays: horizonDays, period: period, warmUpDays: warmUpDays)
    }

    /// How many reporting periods the run has: the first and last may be partial, months and
    /// quarters (of the financial year: April, July, October, January) are calendar ones.
    static func reportingPeriods(start: Date, horizonDays: Int, period: ReportingPeriod) -> Int {
        if period == .week { return (horizonDays + 6) / 7 }
        let from = ISODate.yearAndMonth(0, after: start)
        let to = ISODate.yearAndMonth(horizonDays - 1, after: start)
        // Months since year 0, shifted so that a quarter's months share a quotient.
        let first = from.year * 12 + from.month - 4
        let end = to.year * 12 + to.month - 4
        let step = period == .month ? 1 : 3
        return end / step - first / step + 1
    }
}
