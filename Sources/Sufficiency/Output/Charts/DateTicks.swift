import Foundation

/// Ticks for a time axis: month starts (every 1, 2, 3 or 6 months) or year starts (every 1,
/// 2, 5, 10 … years), the finest step that keeps to `maxTicks`. Months are labelled like
/// "Apr 2024", years like "2025". Dates are taken in UTC on the Gregorian calendar, as the
/// results files write them, whatever the machine's time zone.
///
/// Multi-month steps are counted from April (Apr, Jul, Oct, Jan for quarters; Apr and Oct for
/// half-years) so ticks line up with the financial years councils budget in.
struct DateTicks: Sendable, Equatable {
    enum Step: Sendable, Equatable {
        case days(Int)
        case months(Int)
        case years(Int)
    }

    struct Tick: Sendable, Equatable {
        var date: Date
        var label: String
    }

    var step: Step
    var ticks: [Tick]

    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Ticks between `start` and `end` inclusive, at most `maxTicks` of them (at least 2 are
    /// allowed). A span too short to hold two month starts is ticked at whole days, labelled
    /// like "7 Apr 2024".
    init(from start: Date, to end: Date, maxTicks: Int) {
        let limit = max(2, maxTicks)
        let first = min(start, end), last = max(start, end)
        let firstDay = Self.day(first, roundingUp: true), lastDay = Self.day(last, roundingUp: false)
        let (y0, m0, _) = Self.civil(firstDay)
        let (y1, m1, _) = Self.civil(lastDay)
        // Every month start from the first on or after `start` to the last on or before `end`.
        var months: [(year: Int, month: Int)] = []
        var (y, m) = Self.civil(firstDay).day == 1 ? (y0, m0) : Self.next(y0, m0)
        while (y, m) <= (y1, m1) { months.append((y, m)); (y, m) = Self.next(y, m) }

        if months.count >= 2 || lastDay - firstDay >= 62 {
            for step in [1, 2, 3, 6] {
                let chosen = months.filter { ($0.month - 4 + 12) % step == 0 }
                if chosen.count <= limit {
                    self.step = .months(step)
                    self.ticks = chosen.map { Tick(date: Self.date(y: $0.year, m: $0.month, d: 1),
                                                   label: "\(Self.monthNames[$0.month - 1]) \($0.year)") }
                    return
                }
            }
            let years = months.filter { $0.month == 1 }.map(\.year)
            var step = 1
            for candidate in [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] {
                step = candidate
                if years.filter({ $0 % candidate == 0 }).count <= limit { break }
            }
            self.step = .years(step)
            self.ticks = years.filter { $0 % step == 0 }.map { Tick(date: Self.date(y: $0, m: 1, d: 1), label: String($0)) }
            return
        }
        // Under two months: whole days, spaced so the labels fit.
        let days = max(0, lastDay - firstDay)
        var step = 1
        for candidate in [1, 2, 7, 14, 28] {
            step = candidate
            if days / candidate + 1 <= limit { break }
        }
        self.step = .days(step)
        self.ticks = stride(from: firstDay, through: lastDay, by: step).map { day in
            let (y, m, d) = Self.civil(day)
            return Tick(date: Date(timeIntervalSince1970: Double(day) * 86_400),
                        label: "\(d) \(Self.monthNames[m - 1]) \(y)")
        }
    }

    private static func next(_ y: Int, _ m: Int) -> (Int, Int) { m == 12 ? (y + 1, 1) : (y, m + 1) }

    /// Days since 1970-01-01 (UTC) of `date`, rounded up to the next midnight or down to the last.
    private static func day(_ date: Date, roundingUp: Bool) -> Int {
        let days = date.timeIntervalSince1970 / 86_400
        guard days.isFinite, abs(days) < 1e8 else { return 0 }
        return Int(roundingUp ? days.rounded(.up) : days.rounded(.down))
    }

    /// The UTC midnight starting a calendar date.
    static func date(y: Int, m: Int, d: Int) -> Date {
        Date(timeIntervalSince1970: Double(daysSince1970(y: y, m: m, d: d)) * 86_400)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil):
    /// worked out directly so ticks do not depend on Foundation's calendar or time zone.
    static func daysSince1970(y: Int, m: Int, d: Int) -> Int {
        let y = m <= 2 ? y - 1 : y
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Year, month (1–12) and day of a count of days since 1970-01-01 (Hinnant's civil_from_days).
    static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
