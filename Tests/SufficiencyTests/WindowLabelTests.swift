import Foundation
import XCTest
@testable import Sufficiency

/// Window labels are written without Foundation's formatter; they must read as
/// `String(format:)` writes them, across the turn of a century.
final class WindowLabelTests: XCTestCase {
    func testQuarterAndFinancialYearLabelsReadAsPrintfWritesThem() throws {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = try XCTUnwrap(TimeZone(identifier: "UTC"))
        let start = try XCTUnwrap(utc.date(from: DateComponents(year: 1998, month: 2, day: 10)))
        let calendar = SimulationCalendar(CalendarSettings(start: start, horizonDays: 104 * 365, period: .quarter,
                                                           warmUpDays: 0))
        var quarters = 0, years = 0
        for window in calendar.windows {
            let label = WindowLabel.label(window, calendar: calendar, period: .quarter)
            switch window.kind {
            case .period:
                let date = try XCTUnwrap(utc.date(byAdding: .day, value: window.fromDay, to: start))
                let parts = utc.dateComponents([.year, .month], from: date)
                let month = try XCTUnwrap(parts.month), year = try XCTUnwrap(parts.year)
                let financialYear = month >= 4 ? year : year - 1
                let expected = String(format: "%d/%02d Q%d", financialYear, (financialYear + 1) % 100,
                                      ((month - 4 + 12) % 12) / 3 + 1)
                XCTAssertEqual(label, expected)
                quarters += 1
            case .financialYear:
                let y = try XCTUnwrap(window.financialYear)
                XCTAssertEqual(label, String(format: "%d/%02d", y, (y + 1) % 100))
                years += 1
            case .horizon:
                XCTAssertEqual(label, "whole run")
            }
        }
        XCTAssertEqual(quarters, 417)
        XCTAssertEqual(years, 105)
        let month = SimulationCalendar(CalendarSettings(start: start, horizonDays: 60, period: .month))
        XCTAssertEqual(month.periods.map { WindowLabel.label($0, calendar: month, period: .month) },
                       ["1998-02", "1998-03", "1998-04"])
        let week = SimulationCalendar(CalendarSettings(start: start, horizonDays: 8, period: .week))
        XCTAssertEqual(week.periods.map { WindowLabel.label($0, calendar: week, period: .week) },
                       ["1998-02-10", "1998-02-17"])
    }
}
