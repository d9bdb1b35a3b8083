import Foundation

/// Streams CSV rows to a file through a byte buffer, with the header declared once.
///
/// Rows are assembled straight into the buffer — precomputed text fields copied in, numbers
/// printed in place — because results files run to millions of fields and building a string
/// or array per field or row cost more than the rest of writing.
final class CSVFileWriter {
    private let handle: FileHandle
    private let path: String
    /// Bytes not yet written to the file: `count` of `capacity`. It grows only for a row longer
    /// than the headroom above `flushSize`.
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    private let columns: Int
    private var pending = 0

    /// Buffered bytes at which a finished row sends the buffer to the file.
    private static let flushSize = 1 << 20

    /// Creates (or truncates) `url` and writes the header row.
    init(url: URL, header: [String]) throws {
        path = url.path
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw OutputError.cannotWrite(path: url.path, reason: "the file could not be created")
        }
        do {
            handle = try FileHandle(forWritingTo: url)
        } catch {
            throw OutputError.cannotWrite(path: url.path, reason: error.localizedDescription)
        }
        columns = header.count
        capacity = Self.flushSize + (1 << 16)
        buffer = .allocate(capacity: capacity)
        try write(header)
    }

    deinit { buffer.deallocate() }

    /// Appends one text field to the current row, through `CSVFormat.field`: neutralised if a
    /// spreadsheet could read it as a formula, quoted where RFC 4180 needs it.
    func field(_ text: String) {
        var text = text
        let plain = text.withUTF8 { bytes -> Bool in
            if let first = bytes.first, CSVFormat.startsFormula(first) { return false }
            for b in bytes where b == 0x2C || b == 0x22 || b == 0x0D || b == 0x0A { return false }
            append(UnsafeRawBufferPointer(bytes), fields: 1)
            return true
        }
        if !plain { append(CSVFields([text])) }
    }

    /// Appends a value a user typed that may be a number (`CSVFormat.value`): a plain decimal
    /// number as written, other text as `field` writes it.
    func value(_ text: String) {
        if CSVFormat.isPlainNumber(text) {
            Array(text.utf8).withUnsafeBytes { append($0, fields: 1) }
        } else {
            field(text)
        }
    }

    /// Appends already-encoded text fields to the current row.
    @inline(__always)
    func append(_ fields: CSVFields) {
        fields.bytes.withUnsafeBytes { append($0, fields: fields.count) }
    }

    /// Appends one number field to the current row, formatted by `CSVFormat.number`.
    @inline(__always)
    func number(_ x: Double) {
        reserve(1 + CSVFormat.longestNumber)
        let comma = pending > 0 ? 1 : 0
        if let length = CSVFormat.writeNumber(x, to: buffer + count + comma) {
            if comma == 1 { buffer[count] = UInt8(ascii: ",") }
            count += comma + length
            pending += 1
        } else {
            hugeNumber(x)
        }
    }

    /// Numbers beyond 9 × 10^12: rare, so the string path is fine, and kept out of line so
    /// that `number` stays small enough to inline.
    @inline(never)
    private func hugeNumber(_ x: Double) {
        let text = Array(CSVFormat.number(x).utf8)
        text.withUnsafeBytes { append($0, fields: 1) }
    }

    /// Appends one whole-number field to the current row, as `String(n)` prints it.
    @inline(__always)
    func integer(_ n: Int) {
        reserve(21)
        separate()
        count += CSVFormat.writeInteger(n, to: buffer + count)
    }

    /// Writes one whole row through `body`, which must write no more than `bound` bytes and as
    /// many fields as the header; the row's line feed is added here. Rows must not be
    /// started with `field`, `number` or the like before this.
    @inline(__always)
    func row(atMost bound: Int, _ body: (inout CSVRow) -> Void) throws {
        precondition(pending == 0, "CSV row started before row(atMost:)")
        reserve(bound + 1)
        let start = buffer + count
        var row = CSVRow(at: start)
        body(&row)
        let length = row.end - start
        precondition(length <= bound, "CSV row took \(length) bytes, bound \(bound)")
        precondition(row.fields == columns, "CSV row has \(row.fields) fields, header has \(columns)")
        row.end[0] = UInt8(ascii: "\n")
        count += length + 1
        if count >= Self.flushSize { try flush() }
    }

    /// Ends the current row; it must have had as many fields as the header.
    @inline(__always)
    func endRow() throws {
        precondition(pending == columns, "CSV row has \(pending) fields, header has \(columns)")
        reserve(1)
        buffer[count] = UInt8(ascii: "\n")
        count += 1
        pending = 0
        if count >= Self.flushSize { try flush() }
    }

    /// Appends one row of raw values (quoted here where RFC 4180 needs it); it must
    /// have as many fields as the header.
    func write(_ fields: [String]) throws {
        for text in fields { field(text) }
        try endRow()
    }

    /// Writes out anything buffered and closes the file.
    func close() throws {
        try flush()
        do { try handle.close() } catch {
            throw OutputError.cannotWrite(path: path, reason: error.localizedDescription)
        }
    }

    /// Writes the comma before every field but a row's first, and counts the field.
    @inline(__always)
    private func separate() {
        if pending > 0 { buffer[count] = UInt8(ascii: ","); count += 1 }
        pending += 1
    }

    /// Appends `bytes`, holding `fields` encoded fields, to the current row.
    @inline(__always)
    private func append(_ bytes: UnsafeRawBufferPointer, fields: Int) {
        guard fields > 0 else { return }
        reserve(1 + bytes.count)
        if pending > 0 { buffer[count] = UInt8(ascii: ","); count += 1 }
        if let source = bytes.baseAddress, !bytes.isEmpty {
            (buffer + count).update(from: source.assumingMemoryBound(to: UInt8.self), count: bytes.count)
            count += bytes.count
        }
        pending += fields
    }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    private func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private func grow(to needed: Int) {
        let larger = max(needed, 2 * capacity)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.update(from: buffer, count: count)
        buffer.deallocate()
        buffer = moved
        capacity = larger
    }

    private func flush() throws {
        guard count > 0 else { return }
        let chunk = Data(bytesNoCopy: buffer, count: count, deallocator: .none)
        do { try handle.write(contentsOf: chunk) } catch {
            throw OutputError.cannotWrite(path: path, reason: error.localizedDescription)
        }
        count = 0
    }
}
