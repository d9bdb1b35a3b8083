import Foundation

/// How a reporting window is named in the CSV files.
enum WindowLabel {
    /// A short human label: "2023-04" for a month, "2023/24" for a financial
    /// year, the first day for a week, "2023/24 Q1" for a quarter, "whole run".
    static func label(_ window: SimulationCalendar.Window, calendar: SimulationCalendar,
                      period: ReportingPeriod) -> String {
        switch window.kind {
        case .horizon:
            return "whole run"
        case .financialYear:
            return financialYear(window.financialYear ?? 0)
        case .period:
            switch period {
            case .week: return CSVFormat.date(calendar.date(ofDay: window.fromDay))
            case .month: return String(CSVFormat.date(calendar.date(ofDay: window.fromDay)).prefix(7))
            case .quarter:
                let month = calendar.month(at: Double(window.fromDay))
                let year = calendar.financialYear(at: Double(window.fromDay))
                let quarter = ((month - 4 + 12) % 12) / 3 + 1
                return financialYear(year) + " Q\(quarter)"
            }
        }
    }

    /// The label of the month or quarter (or, for weeks, the week) that begins or contains
    /// `date`: "2024-05", "2024/25 Q1", "2024-05-15".
    static func periodLabel(of date: Date, period: ReportingPeriod) -> String {
        let day = ISODate.civil(0, after: date)
        switch period {
        case .week: return CSVFormat.date(date)
        case .month: return String(CSVFormat.date(date).prefix(7))
        case .quarter:
            let year = day.month >= 4 ? day.year : day.year - 1
            return financialYear(year) + " Q\(((day.month - 4 + 12) % 12) / 3 + 1)"
        }
    }

    /// "2023/24" for the financial year starting in April 2023 (as `String(format: "%d/%02d")`
    /// writes it, without Foundation's formatter, which long runs of quarters made slow).
    private static func financialYear(_ year: Int) -> String {
        let next = (year + 1) % 100
        return "\(year)/" + (next >= 0 && next < 10 ? "0\(next)" : "\(next)")
    }

    /// First and last day (inclusive) as ISO dates.
    static func dates(_ window: SimulationCalendar.Window, calendar: SimulationCalendar) -> (String, String) {
        (CSVFormat.date(calendar.date(ofDay: window.fromDay)), CSVFormat.date(calendar.date(ofDay: window.toDay - 1)))
    }

    /// The window's four columns as the CSV files show them: kind, label, first and last day.
    static func fields(_ window: SimulationCalendar.Window, calendar: SimulationCalendar,
                       period: ReportingPeriod) -> CSVFields {
        let (first, last) = dates(window, calendar: calendar)
        return CSVFields([window.kind.rawValue, label(window, calendar: calendar, period: period), first, last])
    }
}
