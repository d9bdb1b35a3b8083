import Foundation

extension ScenarioLoader {
    /// Warns when months or quarters are reported from a start that is not the first day of
    /// one: the first period is then partial but labelled like a whole one (`2024-05`,
    /// `2024/25 Q1`), so it reads as a low month or quarter beside the others. Weeks run from
    /// the start itself and are always whole.
    static func checkPeriodBoundary(_ startReader: NodeReader?, start: Date, horizonDays: Int,
                                    period: ReportingPeriod) {
        guard period != .week, let startReader else { return }
        let day = ISODate.civil(0, after: start)
        let step = period == .month ? 1 : 3
        // Months from January of the start's year to the period the start falls in (quarters
        // of the financial year begin in April, July, October and January).
        let monthIndex = day.month - 1
        let periodMonth = period == .month ? monthIndex : monthIndex - ((day.month - 4) % 3 + 3) % 3
        guard day.day != 1 || periodMonth != monthIndex else { return }
        let before = ISODate.firstOfMonth(year: day.year, monthsAfterJanuary: periodMonth)
        let after = ISODate.firstOfMonth(year: day.year, monthsAfterJanuary: periodMonth + step)
        let lastDay = min(ISODate.days(from: start, to: after), horizonDays) - 1
        let label = WindowLabel.periodLabel(of: start, period: period)
        let what = period == .month ? "a month" : "a quarter of the financial year (1 April, 1 July, 1 October, 1 January)"
        let plural = period == .month ? "months" : "quarters"
        startReader.warn("\(CSVFormat.date(start)) is not the first day of \(what), so the first "
                         + "\(period.rawValue) reported, labelled \(label), covers only \(CSVFormat.date(start)) to "
                         + "\(CSVFormat.date(ISODate.adding(days: lastDay, to: start))); start on "
                         + "\(CSVFormat.date(before)) or \(CSVFormat.date(after)) for whole \(plural).")
    }
}
