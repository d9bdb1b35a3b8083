import Foundation

/// Reads the CSV files Sufficiency writes (RFC 4180: fields quoted only when they hold a
/// comma, quote or line break), by header name. For reports, which read a results folder back.
struct ResultsCSV {
    let header: [String]
    let rows: [[String]]

    /// Parses `data` (UTF-8) whole.
    init(data: Data) {
        var rows: [[String]] = []
        var row: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var i = 0
        let bytes = [UInt8](data)
        func endField() { row.append(String(decoding: field, as: UTF8.self)); field.removeAll(keepingCapacity: true) }
        while i < bytes.count {
            let b = bytes[i]
            if quoted {
                if b == UInt8(ascii: "\"") {
                    if i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\"") { field.append(b); i += 1 } else { quoted = false }
                } else {
                    field.append(b)
                }
            } else if b == UInt8(ascii: "\"") {
                quoted = true
            } else if b == UInt8(ascii: ",") {
                endField()
            } else if b == UInt8(ascii: "\n") {
                endField()
                rows.append(row)
                row.removeAll(keepingCapacity: true)
            } else if b != UInt8(ascii: "\r") {
                field.append(b)
            }
            i += 1
        }
        if !field.isEmpty || !row.isEmpty { endField(); rows.append(row) }
        header = rows.first ?? []
        self.rows = Array(rows.dropFirst())
    }

    /// Reads the file at `url`, or nil if there is none.
    init?(url: URL) {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        self.init(data: data)
    }

    /// The position of column `name`.
    func column(_ name: String) -> Int? { header.firstIndex(of: name) }
}
