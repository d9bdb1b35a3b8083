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
        guard x.isFinite else { return "" }
        // glibc's snprintf rounds correctly and uses "." unless setlocale was called, so this
        // is deterministic; formatting into a stack buffer keeps large files fast to write.
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 352) { buffer in
            let written = withVaList([x]) { vsnprintf(buffer.baseAddress, 352, "%.6f", $0) }
            var end = Int(written)
            var hasPoint = false
            for i in 0..<end where buffer[i] == 0x2E { hasPoint = true; break }
            if hasPoint {
                while end > 0 && buffer[end - 1] == 0x30 { end -= 1 }
                if end > 0 && buffer[end - 1] == 0x2E { end -= 1 }
            }
            if end == 2 && buffer[0] == 0x2D && buffer[1] == 0x30 { return "0" }
            return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress, count: end)
                            .bindMemory(to: UInt8.self), as: UTF8.self)
        }
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
