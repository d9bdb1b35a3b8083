import Foundation

/// The disk a shard's cells.f64 takes, checked before the shard runs: 8 bytes × values a
/// replication × the shard's replications, worked out without overflow, against the space free
/// where the shard folder goes, so a shard too large for the disk is refused at once rather than
/// after filling it.
public struct ShardSize: Sendable, Equatable {
    /// Replications the shard runs.
    public let replications: Int
    /// Values a replication (`ResultLayout.cellCount`).
    public let cellCount: Int

    public init(replications: Int, cellCount: Int) {
        self.replications = replications
        self.cellCount = cellCount
    }

    /// Bytes of cells.f64, or nil when the product does not fit in 64 bits.
    public var bytes: Int? {
        let (perReplication, o1) = cellCount.multipliedReportingOverflow(by: MemoryLayout<Double>.size)
        let (total, o2) = perReplication.multipliedReportingOverflow(by: replications)
        return o1 || o2 ? nil : total
    }

    /// Bytes free on the file system that will hold `destination` (the nearest folder of its
    /// path that exists), or nil when the system does not say.
    public static func freeBytes(for destination: URL) -> Int? {
        var folder = destination.standardizedFileURL.deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.path) && folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        let attributes = try? FileManager.default.attributesOfFileSystem(forPath: folder.path)
        return (attributes?[.systemFreeSize] as? NSNumber)?.intValue
    }

    /// Why the shard cannot be written to `destination`, or nil when its cells fit in the space
    /// free there (or the system does not say how much is free).
    public func problem(writingTo destination: URL, free: Int? = nil) -> String? {
        let available = free ?? ShardSize.freeBytes(for: destination)
        let needed = bytes
        if let needed, let available, needed <= available { return nil }
        if needed != nil && available == nil { return nil }
        let size = needed.map { ShardSize.format($0) } ?? "more than 9 EB"
        let where_ = available.map { "; \(ShardSize.format($0)) are free there" } ?? ""
        return "\(destination.path)/\(ShardRecord.cellsFile) would need \(size) (\(replications) replications × \(cellCount) values × 8 bytes)"
            + "\(where_); run more shards, fewer replications, or write the shard where there is room"
    }

    /// `bytes` in the largest unit of at least 1 (B, kB, MB, GB, TB, PB, EB; powers of 1000).
    static func format(_ bytes: Int) -> String {
        let units = ["B", "kB", "MB", "GB", "TB", "PB", "EB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1000 && unit < units.count - 1 { value /= 1000; unit += 1 }
        return unit == 0 ? "\(bytes) B" : String(format: "%.1f", value) + " " + units[unit]
    }
}
