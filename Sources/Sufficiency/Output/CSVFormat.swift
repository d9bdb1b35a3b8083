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
        guard x.isFinite else { return }
        // Round to millionths once, in binary, then print the integer digits: exact and
        // deterministic, and fast enough for files of millions of numbers.
        let scaled = (abs(x) * 1_000_000).rounded(.toNearestOrEven)
        guard scaled < 9.0e18 else { bytes.append(contentsOf: hugeNumber(x).utf8); return }
        var units = UInt64(scaled)
        if units == 0 { bytes.append(UInt8(ascii: "0")); return }
        var millionths = units % 1_000_000
        units /= 1_000_000
        var places = 6
        while places > 0 && millionths % 10 == 0 { millionths /= 10; places -= 1 }
        if x < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(units, minimumCount: 1, to: &bytes)
        if places > 0 {
            bytes.append(UInt8(ascii: "."))
            appendDigits(millionths, minimumCount: places, to: &bytes)
        }
    }

    /// Decimal digits of `value`, zero-padded on the left to `minimumCount` (at most 20).
    private static func appendDigits(_ value: UInt64, minimumCount: Int, to bytes: inout [UInt8]) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { d in
            // Fill from the end, then append the used tail in one go.
            var start = 24
            var v = value
            repeat {
                start -= 1
                d[start] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: v % 10)
                v /= 10
            } while v > 0 || 24 - start < minimumCount
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: d[start..<24]))
        }
    }

    /// Numbers beyond 9 × 10^12: printed by glibc, whose "%.6f" is exact and uses "." unless
    /// setlocale was called.
    private static func hugeNumber(_ x: Double) -> String {
        var text = String(format: "%.6f", x)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// A text field quoted per RFC 4180 when it has to be: when it contains a comma, a double
    /// quote, a carriage return or a line feed, it is wrapped in double quotes and each double
    /// quote inside is doubled. Other fields are returned unchanged.
    public static func field(_ s: String) -> String {
        let needsQuotes = s.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One CSV record: each raw field passed through `field(_:)`, joined with commas, ending
    /// with "\n".
    ///
    /// Pass raw values (numbers already formatted by `number(_:)`); quoting is done here, so do
    /// not quote fields beforehand.
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
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }
}
