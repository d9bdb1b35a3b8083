import Foundation

/// The shard folders of one run, checked to belong together and to make up every replication
/// once, read back replication by replication in order for `Runner.merge`.
public struct ShardSet: Sendable {
    /// The shards' records, in shard order.
    public let records: [ShardRecord]
    /// Each shard's folder, in the same order.
    public let folders: [URL]

    /// What every shard agrees on (the first shard's record).
    public var run: ShardRecord { records[0] }

    /// Reads and checks the shard folders at `paths` (any order). Every problem found is
    /// reported at once.
    public static func open(_ paths: [String]) throws(ShardError) -> ShardSet {
        var problems: [ShardError] = []
        var found: [(URL, ShardRecord)] = []
        for path in paths {
            let folder = URL(fileURLWithPath: path, isDirectory: true)
            let json = folder.appendingPathComponent(ShardRecord.recordFile)
            guard let data = try? Data(contentsOf: json) else {
                problems.append(.notAShard(path: path, reason: "it has no readable \(ShardRecord.recordFile)"))
                continue
            }
            guard let record = try? JSONDecoder().decode(ShardRecord.self, from: data),
                  record.tool == "sufficiency", record.kind == "shard" else {
                problems.append(.notAShard(path: path, reason: "its \(ShardRecord.recordFile) is not a Sufficiency shard record"))
                continue
            }
            found.append((folder, record))
        }
        if let (referenceFolder, reference) = found.first {
            for (folder, record) in found.dropFirst() {
                let checks: [(String, String, String)] = [
                    ("scenarioSHA256", record.scenarioSHA256, reference.scenarioSHA256),
                    ("seed", String(record.seed), String(reference.seed)),
                    ("replications", String(record.replications), String(reference.replications)),
                    ("shards", String(record.shards), String(reference.shards)),
                    ("layoutSHA256", record.layoutSHA256, reference.layoutSHA256),
                    ("cellCount", String(record.cellCount), String(reference.cellCount)),
                    ("sufficiencyVersion", record.sufficiencyVersion, reference.sufficiencyVersion),
                    ("gslVersion", record.gslVersion, reference.gslVersion),
                ]
                for (field, value, expected) in checks where value != expected {
                    problems.append(.mismatch(path: folder.path, field: field, value: value, expected: expected,
                                              reference: referenceFolder.path))
                }
            }
            let count = reference.shards
            let indices = found.map(\.1.shard)
            let missing = (1...max(1, count)).filter { !indices.contains($0) }
            let duplicated = Set(indices.filter { i in indices.filter { $0 == i }.count > 1 }).sorted()
            if !missing.isEmpty || !duplicated.isEmpty {
                problems.append(.incomplete(count: count, missing: missing, duplicated: duplicated))
            }
            for (folder, record) in found {
                let expectedRange = (try? Shard(index: record.shard, count: record.shards))?.replications(of: record.replications)
                if expectedRange != record.firstReplication..<(record.firstReplication + record.replicationCount) {
                    problems.append(.notAShard(path: folder.path, reason: "its replications do not match shard \(record.shard) of \(record.shards)"))
                    continue
                }
                let cells = folder.appendingPathComponent(ShardRecord.cellsFile)
                let size = FileSize.bytes(at: cells)
                let expected = record.replicationCount * record.cellCount * MemoryLayout<Double>.size
                if size == nil {
                    problems.append(.damagedCells(path: cells.path, reason: "the file is missing"))
                } else if size != expected {
                    problems.append(.damagedCells(path: cells.path,
                                                  reason: "it holds \(size!) bytes, expected \(expected) (\(record.replicationCount) replications of \(record.cellCount) values)"))
                }
            }
        } else if paths.isEmpty {
            problems.append(.notAShard(path: "(none)", reason: "no shard folders were given"))
        }
        if problems.count == 1 { throw problems[0] }
        if problems.count > 1 { throw .several(problems) }
        let sorted = found.sorted { $0.1.shard < $1.1.shard }
        return ShardSet(records: sorted.map(\.1), folders: sorted.map(\.0))
    }

    /// Reads every replication's cells in replication order, calling `body(r, cells)`.
    public func forEachReplication(_ body: (Int, [Double]) throws -> Void) throws {
        let cellCount = run.cellCount
        for (folder, record) in zip(folders, records) {
            let url = folder.appendingPathComponent(ShardRecord.cellsFile)
            guard let handle = try? FileHandle(forReadingFrom: url) else {
                throw ShardError.damagedCells(path: url.path, reason: "the file cannot be read")
            }
            defer { try? handle.close() }
            for k in 0..<record.replicationCount {
                guard let data = try handle.read(upToCount: cellCount * MemoryLayout<Double>.size),
                      data.count == cellCount * MemoryLayout<Double>.size else {
                    throw ShardError.damagedCells(path: url.path, reason: "it ends early, in replication \(record.firstReplication + k)")
                }
                var cells = [Double](repeating: 0, count: cellCount)
                _ = cells.withUnsafeMutableBufferPointer { data.copyBytes(to: $0) }
                try body(record.firstReplication + k, cells)
            }
        }
    }
}
