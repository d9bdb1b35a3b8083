import Foundation

extension ScenarioLoader {
    static let calendarKeys = ["start", "years", "days", "period", "warm_up_days"]
    /// The longest run, and the longest warm-up, a scenario may ask for. The engine keeps a
    /// value per day of both and numbers financial years in 16 bits, so a horizon of millions
    /// of years cannot run; a century is far beyond any contract.
    static let maximumYears = 100
    static let maximumDays = 36_525

    /// `calendar`: the start date (required, `yyyy-mm-dd`), the horizon as exactly one of
    /// `years` (whole calendar years from the start, at most 100) or `days` (at most 36,525),
    /// the reporting `period` and `warm_up_days` (at most 36,525). Records the start in
    /// `context` so later sections can turn dates into days.
    static func decodeCalendar(_ reader: NodeReader?, _ context: Context) -> CalendarSettings? {
        guard let calendar = reader?.mapping(keys: calendarKeys,
                                             expected: "a mapping such as {start: 2023-04-01, years: 5}") else { return nil }
        let start = calendar.required("start")?.date()
        context.calendarStart = start

        let yearsReader = calendar.optional("years")
        let daysReader = calendar.optional("days")
        let years = yearsReader?.wholeNumber(.between(1, Double(maximumYears), "whole number of years"))
        let days = daysReader?.wholeNumber(.between(1, Double(maximumDays), "whole number of days"))
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
        let period = calendar.optional("period")?.choice(ReportingPeriod.self) ?? defaults.period
        let warmUpDays = calendar.optional("warm_up_days")?
            .wholeNumber(.between(0, Double(maximumDays), "whole number of days"))
            ?? defaults.warmUpDays
        guard let start, let horizonDays else { return nil }
        return CalendarSettings(start: start, horizonDays: horizonDays, period: period, warmUpDays: warmUpDays)
    }
}
