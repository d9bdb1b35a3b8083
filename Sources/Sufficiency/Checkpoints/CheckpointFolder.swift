import Foundation

/// The hidden folder beside a results folder in which a stopped run, sweep or solve keeps what
/// it has done: `checkpoint.json`, a record of what it belongs to, and `state.bin`, the exact
/// state (`StateArchive` bytes). Written atomically, so a checkpoint is whole or absent.
/// `CheckpointStore` reads and writes it for every `ResumableJob`.
public enum CheckpointFolder {
    static let recordFile = "checkpoint.json"
    static let stateFile = "state.bin"

    /// Where the checkpoint of results folder `folder` lives: `.NAME.resume` beside it.
    public static func location(for folder: URL) -> URL {
        let folder = folder.standardizedFileURL
        return folder.deletingLastPathComponent().appendingPathComponent(".\(folder.lastPathComponent).resume", isDirectory: true)
    }

    /// Writes `state` and `record` (as indented JSON, with the SHA-256 of `state` as its
    /// `stateSHA256`) to `location`, replacing what was there.
    static func write<Record: Encodable & CheckpointOrigin>(state: Data, record: Record, to location: URL) throws {
        var record = record
        record.stateSHA256 = SHA256Hasher.hex(of: state)
        let staged = try AtomicDirectory(destination: location)
        do {
            try staged.write(state, to: stateFile)
            try staged.write(json(record), to: recordFile)
            try staged.commit()
        } catch {
            staged.discard()
            throw error
        }
    }

    /// The record at `location`, or nil when there is no checkpoint there; throws when there is
    /// one that is not a `Record` (`what` names it in the message).
    static func record<Record: Decodable>(_ type: Record.Type, at location: URL, what: String) throws(CheckpointError) -> Record? {
        let url = location.appendingPathComponent(recordFile)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        guard RegularFile.isInside(location, named: recordFile) else {
            throw .damaged("\(url.path) is not a file of the folder itself (a link out of it, or a device)")
        }
        guard let data = try? Data(contentsOf: url), let record = try? JSONDecoder().decode(type, from: data) else {
            throw .damaged("\(url.path) is not \(what)")
        }
        return record
    }

    /// Throws for the first of `checks` (field, saved value, this run's value) that differs.
    static func check(_ checks: [(field: String, saved: String, now: String)], at location: URL) throws(CheckpointError) {
        for check in checks where check.saved != check.now {
            throw .mismatch(path: location.path, field: check.field, found: check.saved, expected: check.now)
        }
    }

    /// Throws unless `record` was saved by a run of the same scenario and overrides
    /// (`scenarioSHA256`), seed, replications and build, and each of `more` matches: the first
    /// that differs is reported, in that order (the build last).
    static func checkOrigin(_ record: some CheckpointOrigin, scenarioSHA256: String, seed: UInt64, replications: Int,
                            and more: [(field: String, saved: String, now: String)] = [],
                            at location: URL) throws(CheckpointError) {
        try check([
            ("scenario SHA-256", record.scenarioSHA256, scenarioSHA256),
            ("seed", String(record.seed), String(seed)),
            ("replications", String(record.replications), String(replications)),
        ] + more + [
            ("Sufficiency version", record.sufficiencyVersion, BuildInfo.sufficiencyVersion),
            ("GSL version", record.gslVersion, GSL.version),
        ], at: location)
    }

    /// The saved state at `location`, whose SHA-256 must be the one `record` holds: a state
    /// changed since it was saved (a flipped byte, a truncated copy) or saved without a
    /// checksum (by an earlier version) is refused rather than resumed into wrong results.
    static func state(at location: URL, record: some CheckpointOrigin) throws(CheckpointError) -> Data {
        let url = location.appendingPathComponent(stateFile)
        guard let expected = record.stateSHA256 else {
            throw .unverifiable(path: location.appendingPathComponent(recordFile).path)
        }
        guard FileManager.default.fileExists(atPath: url.path) else { throw .damaged("\(url.path) is missing") }
        guard RegularFile.isInside(location, named: stateFile), let data = try? Data(contentsOf: url) else {
            throw .damaged("\(url.path) is not a file of the folder itself (a link out of it, or a device), or cannot be read")
        }
        let found = SHA256Hasher.hex(of: data)
        guard found == expected else {
            throw .changed(path: url.path, expected: expected, found: found)
        }
        return data
    }

    /// `record` as indented JSON with sorted keys.
    static func json<Record: Encodable>(_ record: Record) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(record)
    }
}

/// What the record of every saved run, sweep or solve says about where it came from.
public protocol CheckpointOrigin {
    /// Which kind of job saved it (`ResumableJob.kind`).
    var kind: String { get }
    var scenarioSHA256: String { get }
    var seed: UInt64 { get }
    var replications: Int { get }
    var sufficiencyVersion: String { get }
    var gslVersion: String { get }
    /// SHA-256 of `state.bin` as saved; nil in a checkpoint saved by an earlier version.
    var stateSHA256: String? { get set }
}
