import Foundation

/// Reads the CSV files Sufficiency writes (RFC 4180: fields quoted only when they hold a
/// comma, quote or line break), by header name. For reports, which read a results folder back,
/// and the workbench, which shows its tables.
public struct ResultsCSV: Sendable {
    public let header: [String]
    public let rows: [[String]]

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

    /// Files at least this large (bytes) are read in two halves at once.
    static let splitSize = 1 << 22

    /// Parses `data` (UTF-8) whole, keeping the rows `keep(header)` accepts (all when nil); data
    /// of `splitSize` bytes or more is read in two halves at once.
    init(data: Data, keep: ((_ header: [String]) -> (RawRow) -> Bool)? = nil, splitSize: Int = ResultsCSV.splitSize) {
        var header: [String] = []
        var rows: [[String]] = []
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
            let count = bytes.count
            let quoted = memchr(base, Int32(UInt8(ascii: "\"")), count) != nil
            var accept: ((RawRow) -> Bool)? = nil
            let afterHeader = Self.parse(bytes, from: 0, to: count, quoted: quoted, rows: 1) { row in
                header = Self.strings(row)
                accept = keep?(header)
            }
            // A large file is read in two halves at once, each on its own core, split at a line
            // break outside quotes (an even number of quote marks before it), and the halves' rows
            // are put back in file order.
            if count >= splitSize, let split = Self.lineBreak(bytes, after: afterHeader + (count - afterHeader) / 2,
                                                                   from: afterHeader) {
                let read = SplitRead(bytes: bytes, quoted: quoted, accept: accept)
                DispatchQueue.concurrentPerform(iterations: 2) { half in
                    if half == 0 {
                        read.first = read.rows(from: afterHeader, to: split)
                    } else {
                        read.second = read.rows(from: split, to: count)
                    }
                }
                rows = read.first + read.second
            } else {
                _ = Self.parse(bytes, from: afterHeader, to: count, quoted: quoted, rows: .max) { row in
                    if accept?(row) ?? true { rows.append(Self.strings(row)) }
                }
            }
        }
        self.header = header
        self.rows = rows
    }

    /// The two halves of a file read at once: each writes only its own rows; the filter reads
    /// nothing but the row it is given.
    private final class SplitRead: @unchecked Sendable {
        let bytes: UnsafeBufferPointer<UInt8>
        let quoted: Bool
        let accept: ((RawRow) -> Bool)?
        var first: [[String]] = []
        var second: [[String]] = []

        init(bytes: UnsafeBufferPointer<UInt8>, quoted: Bool, accept: ((RawRow) -> Bool)?) {
            self.bytes = bytes
            self.quoted = quoted
            self.accept = accept
        }

        /// The kept rows of the lines from offset `from` (a line's start) to `to`.
        func rows(from: Int, to: Int) -> [[String]] {
            var kept: [[String]] = []
            _ = ResultsCSV.parse(bytes, from: from, to: to, quoted: quoted, rows: .max) { row in
                if accept?(row) ?? true { kept.append(ResultsCSV.strings(row)) }
            }
            return kept
        }
    }

    /// The offset just after the first line break at or after `middle` that ends a row: one with
    /// an even number of quote marks between `from` (a row's start) and it. Nil when there is none.
    private static func lineBreak(_ bytes: UnsafeBufferPointer<UInt8>, after middle: Int, from: Int) -> Int? {
        let base = bytes.baseAddress!, count = bytes.count
        func next(_ byte: Character, from start: Int, to end: Int) -> Int? {
            guard start < end, let found = memchr(base + start, Int32(byte.asciiValue!), end - start) else { return nil }
            return UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
        }
        var quotes = 0, counted = from, candidate = middle
        while let newline = next("\n", from: candidate, to: count) {
            while let q = next("\"", from: counted, to: newline) {
                quotes += 1
                counted = q + 1
            }
            counted = newline
            if quotes % 2 == 0 { return newline + 1 }
            candidate = newline + 1
        }
        return nil
    }

    /// Reads at most `limit` rows of `bytes` from offset `from` (the start of a line) up to `to`,
    /// handing each to `body`; returns the offset after the last row read. Lines of a file
    /// without quotes (`quoted` false) are found with memchr, and their fields only if `body`
    /// asks for them (a summary.csv of 15 MB is mostly such lines, most of them not kept); with
    /// quotes, lines are read byte by byte, as a quoted field may hold commas and line breaks.
    fileprivate static func parse(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to count: Int, quoted: Bool,
                                  rows limit: Int, _ body: (RawRow) -> Void) -> Int {
        let base = bytes.baseAddress!
        let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n")
        var fields: [Range<Int>] = []
        fields.reserveCapacity(32)
        var start = from, read = 0
        while start < count && read < limit {
            read += 1
            let found = memchr(base + start, Int32(newline), count - start)
            let lineEnd = found.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? count
            if !quoted || memchr(base + start, Int32(quote), lineEnd - start) == nil {
                let end = lineEnd > start && base[lineEnd - 1] == UInt8(ascii: "\r") ? lineEnd - 1 : lineEnd
                body(RawRow(bytes: bytes, fields: [], line: start..<end))
                start = lineEnd + 1
                continue
            }
            fields.removeAll(keepingCapacity: true)
            var fieldStart = start
            var inQuotes = false
            var i = start
            while i < count {
                let b = base[i]
                if inQuotes {
                    if b == quote {
                        if i + 1 < count && base[i + 1] == quote { i += 1 } else { inQuotes = false }
                    }
                } else if b == quote {
                    inQuotes = true
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
            body(RawRow(bytes: bytes, fields: fields, line: start..<start))
            start = i + 1
        }
        return start
    }

    /// Reads the file at `url`, or nil if there is none; see `init(data:keep:)`.
    init?(url: URL, keep: ((_ header: [String]) -> (RawRow) -> Bool)? = nil) {
        // Mapped rather than read: a summary.csv of 15 MB is not copied, only its pages touched.
        guard let data = try? Data(contentsOf: url, options: .alwaysMapped) else { return nil }
        self.init(data: data, keep: keep)
    }

    /// Reads the CSV file at `url` whole, or nil if there is none.
    public init?(contentsOf url: URL) {
        self.init(url: url)
    }

    /// The position of column `name`.
    public func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    /// The fields of `row` as strings, quotes removed and doubled quotes undone, and the `'`
    /// put in front of text that looked like a formula removed (`CSVFormat.original`), so names
    /// read back are the names the user wrote.
    fileprivate static func strings(_ row: RawRow) -> [String] {
        row.allFields.map { range in
            let slice = UnsafeBufferPointer(rebasing: row.bytes[range])
            guard slice.first == UInt8(ascii: "\""), slice.count >= 2 else { return String(decoding: slice, as: UTF8.self) }
            var text: [UInt8] = []
            // Fields starting with `'` are always quoted, since `'` itself is neutralised.
            var k = slice.count >= 3 && slice[1] == UInt8(ascii: "'") ? 2 : 1
            while k < slice.count - 1 {
                text.append(slice[k])
                k += slice[k] == UInt8(ascii: "\"") ? 2 : 1
            }
            return String(decoding: text, as: UTF8.self)
        }
    }
}
