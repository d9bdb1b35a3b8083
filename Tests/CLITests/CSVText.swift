import Foundation

/// A CSV file read back for checking: RFC 4180 quoting (fields with commas, quotes or line
/// breaks in double quotes, quotes doubled), first row the header.
struct CSVText {
    var header: [String]
    var rows: [[String]]
    /// The file's text exactly as written.
    var text: String

    init(contentsOf url: URL) throws {
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        let records = CSVText.records(text)
        self.text = text
        self.header = records.first ?? []
        self.rows = Array(records.dropFirst())
    }

    /// The column named `name`; nil when there is none.
    func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    /// Every row's value in column `name` (empty when there is no such column).
    func values(_ name: String) -> [String] {
        guard let c = column(name) else { return [] }
        return rows.map { c < $0.count ? $0[c] : "" }
    }

    /// Splits `text` into records of fields. A final line break does not start a record.
    static func records(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { chars.removeFirst(); field.unicodeScalars.append("\"") } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                record.append(field); field = ""
            } else if c == "\n" || c == "\r" {
                if c == "\r", chars.first == "\n" { chars.removeFirst() }
                record.append(field); field = ""
                records.append(record); record = []
            } else {
                field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }
}
