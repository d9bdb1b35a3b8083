import Foundation
import Testing
@testable import Sufficiency

/// `ISODate` counts days itself from 1583 on; it must agree with Foundation's calendar.
@Suite struct ISODateTests {
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    static func foundationDate(_ year: Int, _ month: Int, _ day: Int) -> Date? {
        guard let date = utc.date(from: DateComponents(year: year, month: month, day: day)) else { return nil }
        let back = utc.dateComponents([.year, .month, .day], from: date)
        return back.year == year && back.month == month && back.day == day ? date : nil
    }

    static func text(_ year: Int, _ month: Int, _ day: Int) -> String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    @Test func parsesAsFoundationDoes() {
        for year in [1500, 1582, 1583, 1600, 1900, 1970, 1999, 2000, 2023, 2024, 2100, 2400, 9999] {
            for month in 0...13 {
                for day in 0...32 {
                    let expected = Self.foundationDate(year, month, day)
                    #expect(ISODate.parse(Self.text(year, month, day)) == expected, "\(Self.text(year, month, day))")
                }
            }
        }
    }

    @Test func countsDaysAndAddsYearsAsFoundationDoes() throws {
        let starts = [(2023, 4, 1), (2024, 2, 29), (2020, 2, 29), (1583, 1, 1), (1970, 1, 1), (1999, 12, 31),
                      (1582, 10, 20), (1600, 2, 29)]
        for (year, month, day) in starts {
            let start = try #require(Self.foundationDate(year, month, day))
            for years in [-400, -3, -1, 0, 1, 4, 5, 100, 401] {
                let expected = Self.utc.date(byAdding: .year, value: years, to: start)!
                let added = ISODate.adding(years: years, to: start)
                #expect(added == expected, "\(Self.text(year, month, day)) + \(years) years")
                let expectedDays = Self.utc.dateComponents([.day], from: start, to: expected).day!
                #expect(ISODate.days(from: start, to: added) == expectedDays)
                #expect(ISODate.days(from: added, to: start) == -expectedDays)
            }
        }
        let noon = Date(timeIntervalSince1970: 43_200)
        #expect(ISODate.days(from: noon, to: Date(timeIntervalSince1970: 86_400 * 3))
                == Self.utc.dateComponents([.day], from: noon, to: Date(timeIntervalSince1970: 86_400 * 3)).day)
    }

    @Test func addsDaysAndFindsFirstsOfMonthsAsFoundationDoes() throws {
        let starts = [(2023, 4, 1), (2024, 2, 29), (1583, 1, 1), (1582, 12, 31), (1999, 12, 31), (1600, 2, 29)]
        for (year, month, day) in starts {
            let start = try #require(Self.foundationDate(year, month, day))
            for days in [-800, -366, -1, 0, 1, 28, 365, 366, 36_524, 146_097] {
                let expected = Self.utc.date(byAdding: .day, value: days, to: start)!
                #expect(ISODate.adding(days: days, to: start) == expected, "\(Self.text(year, month, day)) + \(days) days")
                let parts = Self.utc.dateComponents([.year, .month, .day], from: expected)
                let civil = ISODate.civil(days, after: start)
                #expect(civil == GregorianDay(year: parts.year!, month: parts.month!, day: parts.day!))
            }
        }
        for year in [1581, 1583, 1999, 2000, 2023, 2100] {
            for months in -25...25 {
                let january = try #require(Self.foundationDate(year, 1, 1))
                let expected = Self.utc.date(byAdding: .month, value: months, to: january)!
                #expect(ISODate.firstOfMonth(year: year, monthsAfterJanuary: months) == expected,
                        "\(year) + \(months) months")
            }
        }
    }
}
