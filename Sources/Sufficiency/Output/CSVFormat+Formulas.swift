/// Spreadsheet formula injection: a CSV cell whose text starts with `=`, `+`, `-`, `@`, a tab
/// or a carriage return is read by Excel, LibreOffice and Google Sheets as a formula, so a zone
/// or option named `=HYPERLINK("http://…","y")` would become a live link (or worse) in the
/// council's spreadsheet.
///
/// Following OWASP's advice on CSV injection, every text cell goes through `field(_:)`, which
/// puts one single quote `'` in front of such text and quotes the field, so spreadsheets show it
/// as text. Text that already starts with `'` gets one more, so the rule can be undone exactly:
/// `original(_:)` removes one leading `'`. Numbers the project writes (`number`, `integer`,
/// `CSVFileWriter.number`) never pass through here, so a negative number stays a number; a
/// value a user typed that is a plain decimal number goes through `value(_:)`, which leaves it
/// as a number. See docs/OUTPUTS.md, "Names that look like formulas".
extension CSVFormat {
    /// Whether text starting with this byte (UTF-8) is neutralised: `=`, `+`, `-`, `@`, tab,
    /// carriage return, and `'` (so that the rule can be undone).
    @inline(__always)
    static func startsFormula(_ first: UInt8) -> Bool {
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"),
             0x09, 0x0D, UInt8(ascii: "'"):
            return true
        default:
            return false
        }
    }

    /// Whether `text` would be neutralised by `neutralised(_:)`.
    public static func looksLikeFormula(_ text: String) -> Bool {
        text.utf8.first.map(startsFormula) ?? false
    }

    /// `text` with a `'` in front when it starts with `=`, `+`, `-`, `@`, a tab, a carriage
    /// return or `'`; otherwise unchanged. Not quoted: `field(_:)` quotes.
    public static func neutralised(_ text: String) -> String {
        looksLikeFormula(text) ? "'" + text : text
    }

    /// The text a user wrote, from a cell's text as a Sufficiency CSV file holds it (quotes
    /// already removed): one leading `'` removed, when there is one. Every text cell the project
    /// writes that starts with `'` had one added by `neutralised(_:)`.
    public static func original(_ cell: String) -> String {
        cell.utf8.first == UInt8(ascii: "'") ? String(cell.dropFirst()) : cell
    }

    /// A value a user typed that may be a number (a sweep point's value): written as it is when
    /// it is a plain decimal number (`-0.25`, `3`, `1.5e-3`), which spreadsheets read as a
    /// number; otherwise as text through `field(_:)`.
    public static func value(_ text: String) -> String {
        isPlainNumber(text) ? text : field(text)
    }

    /// Whether `text` is an optional `-`, digits, an optional point and digits, and an optional
    /// exponent: a number and nothing else, so never a formula.
    static func isPlainNumber(_ text: String) -> Bool {
        var bytes = text.utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        func digits() -> Int {
            var n = 0
            while let b = bytes.first, b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") { bytes = bytes.dropFirst(); n += 1 }
            return n
        }
        var mantissa = digits()
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            mantissa += digits()
        }
        guard mantissa > 0 else { return false }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty
    }
}
