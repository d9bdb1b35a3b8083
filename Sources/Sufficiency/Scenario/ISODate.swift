import Foundation

/// Calendar dates written `yyyy-mm-dd`, as midnight UTC on the Gregorian calendar.
enum ISODate {
    /// The Gregorian calendar in UTC, so day arithmetic never meets a clock change.
    static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }

    /// Midnight UTC on the date `text` names, or nil unless `text` is exactly four digits,
    /// a hyphen, two digits, a hyphen and two digits naming a real day (not 2023-02-30).
    static func parse(_ text: String) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else {
            return nil
        }
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = calendar.date(from: components) else { return nil }
        let back = calendar.dateComponents([.year, .month, .day], from: date)
        guard back.year == year, back.month == month, back.day == day else { return nil }
        return date
    }

    /// Whole days from `start` to `end` (negative when `end` is earlier).
    static func days(from start: Date, to end: Date) -> Int {
        calendar.dateComponents([.day], from: start, to: end).day ?? 0
    }

    /// The same day of the month `years` calendar years after `date` (29 February → 28
    /// February in a year that has none).
    static func adding(years: Int, to date: Date) -> Date {
        calendar.date(byAdding: .year, value: years, to: date) ?? date
    }
}
