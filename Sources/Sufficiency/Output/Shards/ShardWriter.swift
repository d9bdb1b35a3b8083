import Foundation

/// Writes a shard folder (`shard.json` and `cells.f64`) atomically: replications' cells are
/// streamed to disk as they are folded, so memory does not grow with the shard's size, and
/// the folder appears only once it is complete.
public final class ShardWriter: @unchecked Sendable {
    private let staged: AtomicDirectory
    private let handle: FileHandle
    private let cellCount: Int
    /// SHA-256 of the cells written so far, recorded in shard.json.
    private var hasher = SHA256Hasher()
    /// Replications written so far, and the first write error (later writes are skipped).
    private(set) var written = 0
    private var failure: Error?

    /// Stages a shard folder for `destination`, which must be new, empty, or an earlier
    /// Sufficiency output (see `ResultsWriter.checkDestination`).
    public init(destination: URL, cellCount: Int) throws {
        try ResultsWriter.checkDestination(destination)
        staged = try AtomicDirectory(destination: destination)
        let cells = staged.url(for: ShardRecord.cellsFile)
        guard FileManager.default.createFile(atPath: cells.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: cells) else {
            staged.discard()
            throw OutputError.cannotWrite(path: cells.path, reason: "the file could not be created")
        }
        self.handle = handle
        self.cellCount = cellCount
    }

    /// Appends one replication's cells; called in replication order (a `Runner` observer).
    public func append(_ cells: UnsafeBufferPointer<Double>) {
        precondition(cells.count == cellCount, "ShardWriter: \(cells.count) cells, expected \(cellCount)")
        guard failure == nil else { return }
        do {
            // Little-endian binary64 on every platform Swift runs on here; the record says so.
            try handle.write(contentsOf: UnsafeRawBufferPointer(cells))
            hasher.update(UnsafeRawBufferPointer(cells))
            written += 1
        } catch {
            failure = error
        }
    }

    /// Writes `record` as shard.json, with the SHA-256 of the cells written as its
    /// `cellsSHA256`, and moves the folder into place.
    public func finish(record: ShardRecord) throws {
        var record = record
        record.cellsSHA256 = hasher.hex()
        do {
            try handle.close()
            if let failure { throw failure }
            precondition(written == record.replicationCount,
                         "ShardWriter: \(written) replications written, record says \(record.replicationCount)")
            try staged.write(record.jsonData(), to: ShardRecord.recordFile)
            try staged.commit()
        } catch let error as OutputError {
            staged.discard()
            throw error
        } catch {
            staged.discard()
            throw OutputError.cannotWrite(path: staged.url(for: ShardRecord.cellsFile).path, reason: "\(error)")
        }
    }

    /// Abandons the shard, leaving the destination untouched.
    public func discard() {
        try? handle.close()
        staged.discard()
    }
}
