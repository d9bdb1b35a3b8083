import Foundation

/// Streams CSV rows to a file through a buffer, with the header declared once.
final class CSVFileWriter {
    private let handle: FileHandle
    private let path: String
    private var buffer = ""
    private let columns: Int

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

    /// Appends one row; it must have as many fields as the header.
    func write(_ fields: [String]) throws {
        precondition(fields.count == columns, "CSV row has \(fields.count) fields, header has \(columns)")
        buffer += CSVFormat.row(fields)
        if buffer.utf8.count >= 1 << 20 { try flush() }
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
        do { try handle.write(contentsOf: Data(buffer.utf8)) } catch {
            throw OutputError.cannotWrite(path: path, reason: error.localizedDescription)
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
