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
        /// Each field's bytes, quotes included; empty for a line without quotes, whose fields
        /// are found in `line` only when asked for (most rows are read for one or two fields).
        fileprivate let fields: [Range<Int>]
        /// The line without its line break, when `fields` is empty.
        fileprivate let line: Range<Int>

        /// The bytes of field `i`, or nil when the row has fewer fields.
        fileprivate func range(_ i: Int) -> Range<Int>? {
            if !fields.isEmpty { return i < fields.count ? fields[i] : nil }
            var start = line.lowerBound, k = 0
            var j = start
            while j < line.upperBound {
                if bytes[j] == UInt8(ascii: ",") {
                    if k == i { return start..<j }
                    k += 1
                    start = j + 1
                }
                j += 1
            }
            return k == i ? start..<line.upperBound : nil
        }

        /// Every field's bytes.
        fileprivate var allFields: [Range<Int>] {
            if !fields.isEmpty { return fields }
            var split: [Range<Int>] = []
            var start = line.lowerBound
            for j in line where bytes[j] == UInt8(ascii: ",") {
                split.append(start..<j)
                start = j + 1
            }
            split.append(start..<line.upperBound)
            return split
        }

        /// Whether field `i` is exactly `text` (an unquoted field; quoted fields never match).
        func field(_ i: Int, is text: StaticString) -> Bool {
            guard i >= 0, let range = range(i), range.count == text.utf8CodeUnitCount else { return false }
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
            guard let base = bytes.baseAddress else { return }
            let count = bytes.count
            let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n")
            var fields: [Range<Int>] = []
            fields.reserveCapacity(32)
            func finishRow(_ row: RawRow) {
                if header == nil {
                    header = Self.strings(row)
                    accept = keep?(header!)
                } else if accept?(row) ?? true {
                    rows.append(Self.strings(row))
                }
            }
            var start = 0
            while start < count {
                // A line's end found with memchr; most lines hold no quote, and their fields
                // are found only if the row is kept or `keep` asks for them (a summary.csv of
                // 15 MB is mostly such lines, most of them not kept).
                let found = memchr(base + start, Int32(newline), count - start)
                let lineEnd = found.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? count
                if memchr(base + start, Int32(quote), lineEnd - start) == nil {
                    let end = lineEnd > start && base[lineEnd - 1] == UInt8(ascii: "\r") ? lineEnd - 1 : lineEnd
                    finishRow(RawRow(bytes: bytes, fields: [], line: start..<end))
                    start = lineEnd + 1
                    continue
                }
                // A line with quotes: byte by byte, as a quoted field may hold commas and line breaks.
                fields.removeAll(keepingCapacity: true)
                var fieldStart = start
                var quoted = false
                var i = start
                while i < count {
                    let b = base[i]
                    if quoted {
                        if b == quote {
                            if i + 1 < count && base[i + 1] == quote { i += 1 } else { quoted = false }
                        }
                    } else if b == quote {
                        quoted = true
                    } else if b == comma {
                        fields.append(fieldStart..<i)
                        fieldStart = i + 1
                    } else if b == newline {
                        break
                    }
                    i += 1
                }
                let end = i > fieldStart && base[i - 1] == UInt8(ascii: "\r") ? i - 1 : i
                fields.append(fieldStart..<min(end, count))
                finishRow(RawRow(bytes: bytes, fields: fields, line: start..<start))
                start = i + 1
            }
        }
        self.header = header ?? []
        self.rows = rows
    }

    /// Reads the file at `url`, or nil if there is none; see `init(data:keep:)`.
    init?(url: URL, keep: ((_ header: [String]) -> (RawRow) -> Bool)? = nil) {
        // Mapped rather than read: a summary.csv of 15 MB is not copied, only its pages touched.
        guard let data = try? Data(contentsOf: url, options: .alwaysMapped) else { return nil }
        self.init(data: data, keep: keep)
    }

    /// The position of column `name`.
    func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    /// The fields of `row` as strings, quotes removed and doubled quotes undone.
    private static func strings(_ row: RawRow) -> [String] {
        row.allFields.map { range in
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
