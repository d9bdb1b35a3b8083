import Foundation

/// Calendar dates written `yyyy-mm-dd`, as midnight UTC on the Gregorian calendar.
enum ISODate {
    /// The Gregorian calendar in UTC, so day arithmetic never meets a clock change; for dates
    /// before 1583, where it counts Julian days (later ones are counted by `GregorianDay`).
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// Midnight UTC on the date `text` names, or nil unless `text` is exactly four digits,
    /// a hyphen, two digits, a hyphen and two digits naming a real day (not 2023-02-30).
    static func parse(_ text: String) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else {
            return nil
        }
        if year >= GregorianDay.firstAgreeingYear {
            let day = GregorianDay(year: year, month: month, day: day)
            return day.isValid ? date(of: day) : nil
        }
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = calendar.date(from: components) else { return nil }
        let back = calendar.dateComponents([.year, .month, .day], from: date)
        guard back.year == year, back.month == month, back.day == day else { return nil }
        return date
    }

    /// Whole days from `start` to `end` (negative when `end` is earlier).
    static func days(from start: Date, to end: Date) -> Int {
        if let first = gregorianDays(of: start), let last = gregorianDays(of: end) { return last - first }
        return calendar.dateComponents([.day], from: start, to: end).day ?? 0
    }

    /// The same day of the month `years` calendar years after `date` (29 February → 28
    /// February in a year that has none).
    static func adding(years: Int, to date: Date) -> Date {
        if let days = gregorianDays(of: date) {
            var day = GregorianDay(daysSince1970: days)
            day.year += years
            if day.year >= GregorianDay.firstAgreeingYear {
                day.day = min(day.day, GregorianDay.daysIn(month: day.month, year: day.year))
                return self.date(of: day)
            }
        }
        return calendar.date(byAdding: .year, value: years, to: date) ?? date
    }

    /// Year and month of the day `days` days after `date`.
    static func yearAndMonth(_ days: Int, after date: Date) -> (year: Int, month: Int) {
        let day = civil(days, after: date)
        return (day.year, day.month)
    }

    /// Year, month and day of the month of the day `days` days after `date`.
    static func civil(_ days: Int, after date: Date) -> GregorianDay {
        if let first = gregorianDays(of: date) {
            let day = GregorianDay(daysSince1970: first + days)
            if day.year >= GregorianDay.firstAgreeingYear { return day }
        }
        let later = calendar.date(byAdding: .day, value: days, to: date) ?? date
        let parts = calendar.dateComponents([.year, .month, .day], from: later)
        return GregorianDay(year: parts.year ?? 0, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    /// The date `days` days after `date` (before it when negative).
    static func adding(days: Int, to date: Date) -> Date {
        if let first = gregorianDays(of: date) {
            let day = GregorianDay(daysSince1970: first + days)
            if day.year >= GregorianDay.firstAgreeingYear { return self.date(of: day) }
        }
        return calendar.date(byAdding: .day, value: days, to: date) ?? date
    }

    /// Midnight UTC on the first day of the month `months` months after January of `year`
    /// (so `month: 0` is January, `month: -1` the December before, `month: 13` the February after).
    static func firstOfMonth(year: Int, monthsAfterJanuary months: Int) -> Date {
        // Floor division, so months before January fall in earlier years.
        let yearOffset = months >= 0 ? months / 12 : (months - 11) / 12
        let first = GregorianDay(year: year + yearOffset, month: months - 12 * yearOffset + 1, day: 1)
        if first.year >= GregorianDay.firstAgreeingYear { return date(of: first) }
        return calendar.date(from: DateComponents(year: first.year, month: first.month, day: 1)) ?? Date.distantPast
    }

    /// Midnight UTC on `day`.
    private static func date(of day: GregorianDay) -> Date {
        Date(timeIntervalSince1970: Double(day.daysSince1970) * secondsPerDay)
    }

    /// Days since 1 January 1970 of `date` when it is a midnight UTC from 1583 on (as every
    /// date a scenario names is), which is where Foundation's calendar need not be asked.
    private static func gregorianDays(of date: Date) -> Int? {
        let seconds = date.timeIntervalSince1970
        let days = (seconds / secondsPerDay).rounded(.down)
        guard days * secondsPerDay == seconds, days >= firstAgreeingDay, days < 1e12 else { return nil }
        return Int(days)
    }

    private static let secondsPerDay = 86_400.0
    /// 1 January 1583, in days since 1970.
    private static let firstAgreeingDay =
        Double(GregorianDay(year: GregorianDay.firstAgreeingYear, month: 1, day: 1).daysSince1970)
}
