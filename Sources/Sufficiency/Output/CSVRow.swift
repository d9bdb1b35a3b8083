/// One CSV row being written in place into a `CSVFileWriter`'s buffer, which has room for the
/// bound its caller gave; see `CSVFileWriter.row(atMost:_:)`.
///
/// Keeping the write position and field count here, in a local value, rather than in the
/// writer lets each field cost a few stores: summary.csv has about a million fields.
struct CSVRow {
    /// Where the next byte goes.
    private(set) var end: UnsafeMutablePointer<UInt8>
    /// Fields written so far.
    private(set) var fields = 0

    /// Most bytes one number field can take, its comma included: a comma, then up to 309
    /// integer digits, a sign, a point and 6 decimals for the largest doubles.
    static let numberRoom = 320
    /// Most bytes one whole-number field can take, its comma included.
    static let integerRoom = 21

    init(at start: UnsafeMutablePointer<UInt8>) { end = start }

    /// Appends encoded fields (`count` of them in `bytes`), with the comma before them.
    @inline(__always)
    mutating func append(_ bytes: UnsafeRawBufferPointer, fields count: Int) {
        guard count > 0 else { return }
        separate()
        if let source = bytes.baseAddress, !bytes.isEmpty {
            end.update(from: source.assumingMemoryBound(to: UInt8.self), count: bytes.count)
            end += bytes.count
        }
        fields += count
    }

    /// Appends already-encoded text fields.
    @inline(__always)
    mutating func append(_ run: CSVFields) {
        run.bytes.withUnsafeBytes { append($0, fields: run.count) }
    }

    /// Appends entry `i` of a `CSVFieldTable`.
    @inline(__always)
    mutating func append(_ entries: CSVFieldTable.Entries, _ i: Int) {
        append(entries[i], fields: entries.fieldsPerEntry)
    }

    /// Appends one number, formatted by `CSVFormat.number` (takes at most `numberRoom` bytes).
    @inline(__always)
    mutating func number(_ x: Double) {
        separate()
        fields += 1
        if let length = CSVFormat.writeNumber(x, to: end) {
            end += length
        } else {
            end += Self.writeHuge(x, to: end)
        }
    }

    /// Appends one whole number as `String(n)` prints it (takes at most `integerRoom` bytes).
    @inline(__always)
    mutating func integer(_ n: Int) {
        separate()
        fields += 1
        end += CSVFormat.writeInteger(n, to: end)
    }

    @inline(__always)
    private mutating func separate() {
        if fields > 0 { end[0] = UInt8(ascii: ","); end += 1 }
    }

    /// Numbers beyond 9 × 10^12, through the string path: rare, and kept out of line so that
    /// `number` stays small enough to inline.
    @inline(never)
    private static func writeHuge(_ x: Double, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var text = CSVFormat.number(x)
        return text.withUTF8 { bytes in
            out.update(from: bytes.baseAddress!, count: bytes.count)
            return bytes.count
        }
    }
}
