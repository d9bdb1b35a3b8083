import XCTest
@testable import Sufficiency

/// The calendar's day tables are counted on from the first day; they must agree with
/// Foundation's Gregorian calendar on every day, across leap years and centuries.
final class SimulationCalendarTests: XCTestCase {
    func testMonthsFinancialYearsAndAprilsAgreeWithFoundationOverTwoCenturies() throws {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = try XCTUnwrap(TimeZone(identifier: "UTC"))
        let start = try XCTUnwrap(utc.date(from: DateComponents(year: 1999, month: 2, day: 27)))
        // 1999 → 2201 covers 2000 (leap), 2100 and 2200 (not leap).
        let settings = CalendarSettings(start: start, horizonDays: 202 * 365, period: .quarter, warmUpDays: 400)
        let calendar = SimulationCalendar(settings)
        var aprils: [(Int, Int)] = []
        for day in -settings.warmUpDays..<settings.horizonDays {
            let date = try XCTUnwrap(utc.date(byAdding: .day, value: day, to: start))
            let parts = utc.dateComponents([.year, .month, .day], from: date)
            let month = try XCTUnwrap(parts.month), year = try XCTUnwrap(parts.year)
            XCTAssertEqual(calendar.month(at: Double(day) + 0.5), month, "day \(day)")
            XCTAssertEqual(calendar.financialYear(at: Double(day)), month >= 4 ? year : year - 1, "day \(day)")
            if month == 4 && parts.day == 1 && day > -settings.warmUpDays { aprils.append((day, year)) }
        }
        XCTAssertEqual(calendar.aprilFirsts.map(\.day), aprils.map(\.0))
        XCTAssertEqual(calendar.aprilFirsts.map(\.year), aprils.map(\.1))
    }

    /// The loader refuses runs of more than 5,218 reporting periods by counting them before the
    /// calendar is built; its count must be the calendar's, partial periods included.
    func testTheLoadersCountOfReportingPeriodsIsTheCalendars() throws {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = try XCTUnwrap(TimeZone(identifier: "UTC"))
        for (year, month, day) in [(2023, 4, 1), (2024, 2, 29), (2023, 12, 31), (2025, 1, 15), (2026, 7, 1)] {
            let start = try XCTUnwrap(utc.date(from: DateComponents(year: year, month: month, day: day)))
            for horizon in [1, 2, 27, 31, 89, 92, 365, 366, 1_826, 10_000] {
                for period in ReportingPeriod.allCases {
                    let settings = CalendarSettings(start: start, horizonDays: horizon, period: period, warmUpDays: 0)
                    XCTAssertEqual(ScenarioLoader.reportingPeriods(start: start, horizonDays: horizon, period: period),
                                   SimulationCalendar(settings).periods.count,
                                   "\(year)-\(month)-\(day), \(horizon) days by \(period)")
                }
            }
        }
    }

    /// Periods start on the first of a month (of a financial-year quarter) after the start, and
    /// dates are the start plus whole days: both as Foundation's calendar has them.
    func testPeriodBoundsAndDatesAgreeWithFoundation() throws {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = try XCTUnwrap(TimeZone(identifier: "UTC"))
        for (year, month, day) in [(2023, 4, 1), (2024, 2, 29), (2023, 12, 31), (2025, 1, 15), (1999, 11, 30)] {
            let start = try XCTUnwrap(utc.date(from: DateComponents(year: year, month: month, day: day)))
            for horizon in [1, 31, 92, 366, 1_826, 40_000] {
                for (period, step) in [(ReportingPeriod.month, 1), (.quarter, 3)] {
                    // The bounds counted with Foundation: the first of each month (or quarter
                    // month: April, July, October, January) after the start.
                    var first = try XCTUnwrap(utc.date(from: DateComponents(year: year, month: month, day: 1)))
                    if period == .quarter {
                        first = try XCTUnwrap(utc.date(byAdding: .month, value: -(((month - 4) % 3 + 3) % 3), to: first))
                    }
                    var bounds = [0]
                    var next = try XCTUnwrap(utc.date(byAdding: .month, value: step, to: first))
                    while true {
                        let d = try XCTUnwrap(utc.dateComponents([.day], from: start, to: next).day)
                        if d >= horizon { break }
                        if d > 0 { bounds.append(d) }
                        next = try XCTUnwrap(utc.date(byAdding: .month, value: step, to: next))
                    }
                    bounds.append(horizon)
                    let settings = CalendarSettings(start: start, horizonDays: horizon, period: period, warmUpDays: 30)
                    let calendar = SimulationCalendar(settings)
                    XCTAssertEqual(calendar.periods.map(\.fromDay) + [horizon], bounds,
                                   "\(year)-\(month)-\(day), \(horizon) days by \(period)")
                    for day in [-30, -1, 0, 1, horizon / 2, horizon - 1] {
                        XCTAssertEqual(calendar.date(ofDay: day), utc.date(byAdding: .day, value: day, to: start))
                    }
                }
            }
        }
    }
}
