/// Consecutive text fields of a CSV row, quoted and joined once so that rows sharing them copy
/// bytes instead of escaping strings: summary.csv repeats the same option, window, zone and
/// measure names across ~100,000 rows.
struct CSVFields: Sendable {
    /// The fields as UTF-8, each passed through `CSVFormat.field` (or `CSVFormat.value`) and joined by commas, with no
    /// leading or trailing comma.
    let bytes: [UInt8]
    /// How many fields `bytes` holds (an empty field still counts).
    let count: Int

    /// Encodes raw `fields` (not quoted beforehand).
    init(_ fields: [String]) {
        bytes = Array(fields.map(CSVFormat.field).joined(separator: ",").utf8)
        count = fields.count
    }

    /// Encodes values a user typed that may be numbers (a sweep point's values), each through
    /// `CSVFormat.value`: plain decimal numbers as written, other text neutralised and quoted.
    init(values: [String]) {
        bytes = Array(values.map(CSVFormat.value).joined(separator: ",").utf8)
        count = values.count
    }

    /// `first`'s fields followed by `second`'s.
    init(_ first: CSVFields, _ second: CSVFields) {
        if first.count == 0 || second.count == 0 {
            bytes = first.bytes + second.bytes
        } else {
            bytes = first.bytes + [UInt8(ascii: ",")] + second.bytes
        }
        count = first.count + second.count
    }
}
