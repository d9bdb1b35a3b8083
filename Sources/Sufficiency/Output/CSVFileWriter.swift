import Foundation

/// Streams CSV rows to a file through a byte buffer, with the header declared once.
final class CSVFileWriter {
    private let handle: FileHandle
    private let path: String
    private var buffer: [UInt8] = []
    private let columns: Int
    private var pending = 0
    private var rowStarted = false

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
        buffer.reserveCapacity(1 << 20)
        try write(header)
    }

    /// Appends one text field to the current row (quoted here where RFC 4180 needs it).
    func field(_ text: String) {
        if !rowStarted { rowStarted = true } else { buffer.append(UInt8(ascii: ",")) }
        pending += 1
        var text = text
        let plain = text.withUTF8 { bytes -> Bool in
            for b in bytes where b == 0x2C || b == 0x22 || b == 0x0D || b == 0x0A { return false }
            buffer.append(contentsOf: bytes)
            return true
        }
        if !plain { buffer.append(contentsOf: CSVFormat.field(text).utf8) }
    }

    /// Appends one number field to the current row, formatted by `CSVFormat.number`.
    func number(_ x: Double) {
        if !rowStarted { rowStarted = true } else { buffer.append(UInt8(ascii: ",")) }
        pending += 1
        CSVFormat.appendNumber(x, to: &buffer)
    }

    /// Ends the current row; it must have had as many fields as the header.
    func endRow() throws {
        precondition(pending == columns, "CSV row has \(pending) fields, header has \(columns)")
        buffer.append(UInt8(ascii: "\n"))
        pending = 0
        rowStarted = false
        if buffer.count >= 1 << 20 { try flush() }
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

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        do { try handle.write(contentsOf: Data(buffer)) } catch {
            throw OutputError.cannotWrite(path: path, reason: error.localizedDescription)
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
