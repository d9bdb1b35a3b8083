import Foundation

/// The one way this project writes values into CSV files, so output stays byte-stable across
/// runs and machines and opens cleanly in spreadsheets.
public enum CSVFormat {
    /// A number as a plain decimal.
    ///
    /// Fixed-point with at most 6 digits after the point, trailing zeros and a trailing point
    /// removed, never exponent notation, and "-0" written as "0" (so a tiny negative rounding
    /// error does not show as "-0"). Non-finite values (NaN, ±infinity) become the empty string,
    /// which spreadsheets read as a blank cell. Examples: 27567548 → "27567548", 0.1 → "0.1",
    /// 2.5e-7 → "0", −0.0 → "0".
    public static func number(_ x: Double) -> String {
        var bytes: [UInt8] = []
        appendNumber(x, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `number(x)`'s text to `bytes` as UTF-8, without building a string.
    public static func appendNumber(_ x: Double, to bytes: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: longestNumber) { scratch in
            if let length = writeNumber(x, to: scratch.baseAddress!) {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[0..<length]))
            } else {
                bytes.append(contentsOf: hugeNumber(x).utf8)
            }
        }
    }

    /// The most bytes `writeNumber` writes: a sign, 13 integer digits, a point and 6 decimals.
    static let longestNumber = 21

    /// Writes `number(x)`'s text at `out` (room for `longestNumber` bytes) and returns its
    /// length in bytes, or returns nil, having written nothing, when |x| ≥ 9 × 10^12: those
    /// few go through `hugeNumber`.
    @inline(__always)
    static func writeNumber(_ x: Double, to out: UnsafeMutablePointer<UInt8>) -> Int? {
        guard x.isFinite else { return 0 }
        // Round to millionths once, in binary, then print the integer digits: exact and
        // deterministic, and fast enough for files of millions of numbers.
        let scaled = (abs(x) * 1_000_000).rounded(.toNearestOrEven)
        guard scaled < 9.0e18 else { return nil }
        let units = UInt64(scaled)
        if units == 0 { out[0] = UInt8(ascii: "0"); return 1 }
        var length = 0
        if x < 0 { out[0] = UInt8(ascii: "-"); length = 1 }
        let whole = units / 1_000_000
        let millionths = units - whole * 1_000_000
        let digits = digitCount(whole)
        length += digits
        writeDigits(whole, count: digits, endingAt: out + length)
        guard millionths != 0 else { return length }
        // All six decimals, then the trailing zeros dropped: cheaper than dividing them off.
        out[length] = UInt8(ascii: ".")
        length += 7
        writeDigits(millionths, count: 6, endingAt: out + length)
        while out[length - 1] == UInt8(ascii: "0") { length -= 1 }
        return length
    }

    /// Writes `String(n)`'s text at `out` (room for 20 bytes) and returns its length in bytes.
    @inline(__always)
    static func writeInteger(_ n: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var length = 0
        if n < 0 { out[0] = UInt8(ascii: "-"); length = 1 }
        let magnitude = UInt64(n.magnitude)
        let digits = digitCount(magnitude)
        length += digits
        writeDigits(magnitude, count: digits, endingAt: out + length)
        return length
    }

    /// How many decimal digits `value` has (1 for 0).
    @inline(__always)
    private static func digitCount(_ value: UInt64) -> Int {
        var digits = 1
        var rest = value
        while rest >= 100 { rest /= 100; digits += 2 }
        if rest >= 10 { digits += 1 }
        return digits
    }

    /// Writes exactly `count` decimal digits of `value` (zero-padded on the left, higher digits
    /// dropped) into the `count` bytes before `end`, two digits per division.
    @inline(__always)
    private static func writeDigits(_ value: UInt64, count: Int, endingAt end: UnsafeMutablePointer<UInt8>) {
        let pairs = pairDigits.utf8Start
        var v = value
        var p = end
        var left = count
        while left >= 2 {
            let q = v / 100
            let r = Int(truncatingIfNeeded: v &- q &* 100)
            p -= 2
            p[0] = pairs[2 &* r]
            p[1] = pairs[2 &* r &+ 1]
            v = q
            left -= 2
        }
        if left == 1 {
            p -= 1
            p[0] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: v % 10)
        }
    }

    /// "00" to "99", each two-digit number's text at offset 2 × n.
    private static var pairDigits: StaticString { """
        00010203040506070809101112131415161718192021222324252627282930313233343536373839\
        40414243444546474849505152535455565758596061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899
        """ }

    /// Numbers beyond 9 × 10^12: printed by glibc, whose "%.6f" is exact and uses "." unless
    /// setlocale was called.
    private static func hugeNumber(_ x: Double) -> String {
        var text = String(format: "%.6f", x)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// A text field: neutralised when it could be read as a spreadsheet formula (a `'` put in
    /// front of text starting with `=`, `+`, `-`, `@`, tab, carriage return or `'`; see
    /// CSVFormat+Formulas.swift), then quoted per RFC 4180 when it has to be: when it contains a
    /// comma, a double quote, a carriage return or a line feed, or was neutralised, it is wrapped
    /// in double quotes and each double quote inside is doubled. Other fields are returned
    /// unchanged. Every text cell of every CSV file the project writes goes through here.
    public static func field(_ s: String) -> String {
        let formula = looksLikeFormula(s)
        let needsQuotes = formula || s.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return s }
        return "\"" + (formula ? "'" : "") + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One CSV record: each raw text field passed through `field(_:)`, joined with commas,
    /// ending with "\n".
    ///
    /// Pass raw text; quoting is done here, so do not quote fields beforehand. Every field is
    /// text: a negative number passed here would be neutralised like a name starting with `-`,
    /// so write numbers with `CSVFileWriter.number` or `CSVRow.number`.
    public static func row(_ fields: [String]) -> String {
        var line = ""
        for (i, f) in fields.enumerated() {
            if i > 0 { line.append(",") }
            line.append(field(f))
        }
        line.append("\n")
        return line
    }

    /// A calendar date in ISO 8601 form, yyyy-MM-dd, as the date falls in UTC, on the Gregorian
    /// calendar whatever the machine's locale and time zone.
    public static func date(_ date: Date) -> String {
        let day = (date.timeIntervalSince1970 / 86_400).rounded(.down)
        // Years 1600 to 9999: worked out directly, as Foundation's calendar would (its Julian
        // days end in 1582); Foundation costs tens of thousands of instructions a date.
        guard day >= -135_080, day < 2_932_897 else { return foundationDate(date) }
        let (year, month, dayOfMonth) = civil(daysSince1970: Int(day))
        var bytes = [UInt8](repeating: UInt8(ascii: "-"), count: 10)
        bytes.withUnsafeMutableBufferPointer { out in
            let p = out.baseAddress!
            writeDigits(UInt64(year), count: 4, endingAt: p + 4)
            writeDigits(UInt64(month), count: 2, endingAt: p + 7)
            writeDigits(UInt64(dayOfMonth), count: 2, endingAt: p + 10)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `date` through Foundation's Gregorian calendar, for dates outside the direct range.
    static func foundationDate(_ date: Date) -> String {
        let parts = gregorianUTC.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    /// Year, month (1–12) and day of month of the proleptic Gregorian calendar date `days`
    /// days after 1970-01-01 (Hinnant's civil_from_days), for days from 1600-03-01 on.
    private static func civil(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = z / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Built once: making a calendar cost more than reading a date from it.
    private static let gregorianUTC: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        return calendar
    }()
}
