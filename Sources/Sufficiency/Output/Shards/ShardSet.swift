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

    /// The largest shard.json read: a record is a few kilobytes, so a larger file is not one.
    static let largestRecordBytes = 1 << 20

    /// Reads and checks the shard folders at `paths` (any order). Every problem found is
    /// reported at once: every number in shard.json is bounded and consistent with the shard's
    /// range, every shard must be of one scenario (SHA-256), seed, layout and build, and every
    /// cells.f64 must be the size its record gives and have the SHA-256 recorded when it was
    /// written. Reads nothing outside the folders given.
    public static func open(_ paths: [String]) throws(ShardError) -> ShardSet {
        var problems: [ShardError] = []
        var found: [(URL, ShardRecord)] = []
        for path in paths {
            let folder = URL(fileURLWithPath: path, isDirectory: true)
            let json = folder.appendingPathComponent(ShardRecord.recordFile)
            if FileManager.default.fileExists(atPath: json.path), !RegularFile.isInside(folder, named: ShardRecord.recordFile) {
                problems.append(.notAShard(path: path, reason: "its \(ShardRecord.recordFile) is not a file of the folder itself "
                                           + "(a link out of it, or a device), so it is not read"))
                continue
            }
            if let size = FileSize.bytes(at: json), size > largestRecordBytes {
                problems.append(.notAShard(path: path, reason: "its \(ShardRecord.recordFile) holds \(size) bytes, more than a shard record's "
                                           + "\(largestRecordBytes)"))
                continue
            }
            guard let data = try? Data(contentsOf: json) else {
                problems.append(.notAShard(path: path, reason: "it has no readable \(ShardRecord.recordFile)"))
                continue
            }
            guard let record = try? JSONDecoder().decode(ShardRecord.self, from: data),
                  record.tool == "sufficiency", record.kind == "shard" else {
                problems.append(.notAShard(path: path, reason: "its \(ShardRecord.recordFile) is not a Sufficiency shard record"))
                continue
            }
            let bounds = boundsProblems(record, folder: folder)
            if !bounds.isEmpty {
                problems += bounds
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
                    let (shown, reference) = Excerpt.ofDifference(value, expected)
                    problems.append(.mismatch(path: folder.path, field: field, value: shown, expected: reference,
                                              reference: referenceFolder.path))
                }
            }
            let count = reference.shards
            let indices = Set(found.map(\.1.shard))
            let missing = (1...count).filter { !indices.contains($0) }
            var seen = Set<Int>()
            let duplicated = Set(found.map(\.1.shard).filter { !seen.insert($0).inserted }).sorted()
            if !missing.isEmpty || !duplicated.isEmpty {
                problems.append(.incomplete(count: count, missing: Array(missing.prefix(20)), duplicated: Array(duplicated.prefix(20))))
            }
            for (folder, record) in found {
                if let problem = cellsProblem(record, folder: folder) { problems.append(problem) }
            }
        } else if paths.isEmpty {
            problems.append(.notAShard(path: "(none)", reason: "no shard folders were given"))
        }
        if problems.count == 1 { throw problems[0] }
        if problems.count > 1 { throw .several(problems) }
        let sorted = found.sorted { $0.1.shard < $1.1.shard }
        return ShardSet(records: sorted.map(\.1), folders: sorted.map(\.0))
    }

    /// Problems with the numbers and checksums `record` gives, each bounded before it is used:
    /// replications 1 to 1,000,000, shard K/N as `--shard` accepts it, its first replication and
    /// count those of shard K of N, at least one value a replication and a cells file whose size
    /// fits in 64 bits, and SHA-256 fields of 64 hexadecimal digits.
    static func boundsProblems(_ record: ShardRecord, folder: URL) -> [ShardError] {
        let path = folder.path
        var problems: [ShardError] = []
        func bad(_ field: String, _ value: String, _ expected: String) {
            problems.append(.outOfBounds(path: path, field: field, value: Excerpt.of(value), expected: expected))
        }
        if record.replications < 1 || record.replications > Int(ScenarioLimits.replications) {
            bad("replications", String(record.replications), "a whole number from 1 to 1000000, as run.replications")
        }
        let shard = try? Shard(index: record.shard, count: record.shards)
        if shard == nil {
            bad("shard", "\(record.shard)/\(record.shards)", "K/N with 1 ≤ K ≤ N ≤ \(Shard.largestCount)")
        }
        if let shard, problems.isEmpty {
            let range = shard.replications(of: record.replications)
            if record.firstReplication != range.lowerBound {
                bad("firstReplication", String(record.firstReplication),
                    "\(range.lowerBound), the first of shard \(shard) of \(record.replications) replications")
            }
            if record.replicationCount != range.count {
                bad("replicationCount", String(record.replicationCount),
                    "\(range.count), the replications of shard \(shard) of \(record.replications)")
            }
        }
        if record.cellCount < 1 || record.cellCount > Int.max / MemoryLayout<Double>.size / Int(ScenarioLimits.replications) {
            bad("cellCount", String(record.cellCount), "a positive number of values a replication")
        }
        for (field, value) in [("scenarioSHA256", record.scenarioSHA256), ("layoutSHA256", record.layoutSHA256)]
        where !isSHA256(value) {
            bad(field, value, "a SHA-256 of 64 hexadecimal digits")
        }
        if let cells = record.cellsSHA256, !isSHA256(cells) {
            bad("cellsSHA256", cells, "a SHA-256 of 64 hexadecimal digits")
        }
        return problems
    }

    /// The problem with a shard's cells.f64, if any: missing, not the size its record gives,
    /// without a recorded checksum, or with bytes whose SHA-256 is not the one recorded.
    static func cellsProblem(_ record: ShardRecord, folder: URL) -> ShardError? {
        let cells = folder.appendingPathComponent(ShardRecord.cellsFile)
        // Bounded by `boundsProblems`: at most 1,000,000 × (Int.max / 8 / 1,000,000) × 8.
        let expected = record.replicationCount * record.cellCount * MemoryLayout<Double>.size
        guard let size = FileSize.bytes(at: cells) else {
            return .damagedCells(path: cells.path, reason: "the file is missing")
        }
        guard RegularFile.isInside(folder, named: ShardRecord.cellsFile) else {
            return .damagedCells(path: cells.path, reason: "it is not a file of the shard folder itself (a link out of it, or a device), "
                                 + "so it is not read")
        }
        guard size == expected else {
            return .damagedCells(path: cells.path,
                                 reason: "it holds \(size) bytes, expected \(expected) (\(record.replicationCount) replications of \(record.cellCount) values)")
        }
        guard let recorded = record.cellsSHA256 else {
            return .damagedCells(path: folder.appendingPathComponent(ShardRecord.recordFile).path,
                                 reason: "it has no cellsSHA256 (the shard was written by an earlier version), so its cells cannot be checked")
        }
        guard let found = sha256(of: cells) else {
            return .damagedCells(path: cells.path, reason: "the file cannot be read")
        }
        guard found == recorded else {
            return .damagedCells(path: cells.path, reason: "it has changed since the shard was written (SHA-256 \(found), "
                                 + "shard.json has \(recorded))")
        }
        return nil
    }

    /// SHA-256 of the file at `url`, read a few megabytes at a time; nil when it cannot be read.
    static func sha256(of url: URL) -> String? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        var hasher = SHA256Hasher()
        while true {
            let chunk: Data?
            do { chunk = try handle.read(upToCount: 1 << 22) } catch { return nil }
            // Foundation gives nil or empty data at the end of the file.
            guard let chunk, !chunk.isEmpty else { break }
            hasher.update(chunk)
        }
        return hasher.hex()
    }

    static func isSHA256(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
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
            // Checked again as it is read, so a file changed since `open` checked it is refused
            // too (before any results are written).
            var hasher = SHA256Hasher()
            for k in 0..<record.replicationCount {
                guard let data = try handle.read(upToCount: cellCount * MemoryLayout<Double>.size),
                      data.count == cellCount * MemoryLayout<Double>.size else {
                    throw ShardError.damagedCells(path: url.path, reason: "it ends early, in replication \(record.firstReplication + k)")
                }
                hasher.update(data)
                var cells = [Double](repeating: 0, count: cellCount)
                _ = cells.withUnsafeMutableBufferPointer { data.copyBytes(to: $0) }
                try body(record.firstReplication + k, cells)
            }
            let found = hasher.hex()
            if found != record.cellsSHA256 {
                throw ShardError.damagedCells(path: url.path, reason: "it has changed since the shard was written (SHA-256 \(found), "
                                              + "shard.json has \(Excerpt.of(record.cellsSHA256 ?? "none")))")
            }
        }
    }
}
