/// A day of the proleptic Gregorian calendar as year, month and day, counted to and from
/// days since 1 January 1970, in integer arithmetic.
///
/// Foundation's calendar gives the same days from 15 October 1582 on, but costs more to make
/// than a scenario's dates cost to read; `ISODate` uses this for years from 1583 and leaves
/// earlier ones (Julian in Foundation) to Foundation. The arithmetic is Howard Hinnant's
/// `days_from_civil` and `civil_from_days`.
struct GregorianDay: Equatable {
    var year: Int
    var month: Int
    var day: Int

    /// The first year in which Foundation's Gregorian calendar and this one agree throughout.
    static let firstAgreeingYear = 1583

    init(year: Int, month: Int, day: Int) {
        (self.year, self.month, self.day) = (year, month, day)
    }

    /// The day `days` days after 1 January 1970.
    init(daysSince1970 days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153 // March is 0
        day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days from 1 January 1970 to this day.
    var daysSince1970: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Whether the month and day name a real day of the year.
    var isValid: Bool {
        (1...12).contains(month) && day >= 1 && day <= GregorianDay.daysIn(month: month, year: year)
    }

    static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
