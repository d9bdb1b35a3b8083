import Foundation

/// Reads the CSV files Sufficiency writes (RFC 4180: fields quoted only when they hold a
/// comma, quote or line break), by header name. For reports, which read a results folder back.
struct ResultsCSV {
    let header: [String]
    let rows: [[String]]

    /// One data row as found in the file, before its fields become strings: a report reads a
    /// fraction of a large summary.csv, and making strings of every field cost more than the
    /// rest of the report.
    struct RawRow {
        fileprivate let bytes: UnsafeBufferPointer<UInt8>
        /// Each field's bytes, quotes included.
        fileprivate let fields: [Range<Int>]

        /// Whether field `i` is exactly `text` (an unquoted field; quoted fields never match).
        func field(_ i: Int, is text: StaticString) -> Bool {
            guard i < fields.count else { return false }
            let range = fields[i]
            guard range.count == text.utf8CodeUnitCount else { return false }
            let expected = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
            for (k, b) in zip(range, expected) where bytes[k] != b { return false }
            return true
        }
    }

    /// Parses `data` (UTF-8) whole, keeping the rows `keep(header)` accepts (all when nil).
    init(data: Data, keep: ((_ header: [String]) -> (RawRow) -> Bool)? = nil) {
        var header: [String]? = nil
        var accept: ((RawRow) -> Bool)? = nil
        var rows: [[String]] = []
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var fields: [Range<Int>] = []
            var start = 0
            var quoted = false
            var i = 0
            func finishRow() {
                let row = RawRow(bytes: bytes, fields: fields)
                if header == nil {
                    header = Self.strings(row)
                    accept = keep?(header!)
                } else if accept?(row) ?? true {
                    rows.append(Self.strings(row))
                }
                fields.removeAll(keepingCapacity: true)
            }
            while i < bytes.count {
                let b = bytes[i]
                if quoted {
                    if b == UInt8(ascii: "\"") {
                        if i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\"") { i += 1 } else { quoted = false }
                    }
                } else if b == UInt8(ascii: "\"") {
                    quoted = true
                } else if b == UInt8(ascii: ",") {
                    fields.append(start..<i)
                    start = i + 1
                } else if b == UInt8(ascii: "\n") {
                    let end = i > start && bytes[i - 1] == UInt8(ascii: "\r") ? i - 1 : i
                    fields.append(start..<end)
                    finishRow()
                    start = i + 1
                }
                i += 1
            }
            if start < bytes.count || !fields.isEmpty {
                fields.append(start..<bytes.count)
                finishRow()
            }
        }
        self.header = header ?? []
        self.rows = rows
    }

    /// Reads the file at `url`, or nil if there is none; see `init(data:keep:)`.
    init?(url: URL, keep: ((_ header: [String]) -> (RawRow) -> Bool)? = nil) {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        self.init(data: data, keep: keep)
    }

    /// The position of column `name`.
    func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    /// The fields of `row` as strings, quotes removed and doubled quotes undone.
    private static func strings(_ row: RawRow) -> [String] {
        row.fields.map { range in
            let slice = UnsafeBufferPointer(rebasing: row.bytes[range])
            guard slice.first == UInt8(ascii: "\""), slice.count >= 2 else { return String(decoding: slice, as: UTF8.self) }
            var text: [UInt8] = []
            var k = 1
            while k < slice.count - 1 {
                text.append(slice[k])
                k += slice[k] == UInt8(ascii: "\"") ? 2 : 1
            }
            return String(decoding: text, as: UTF8.self)
        }
    }
}
