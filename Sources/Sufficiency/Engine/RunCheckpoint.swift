import Foundation

/// A run stopped part way (`StopRequest`): the exact statistics of its first `completed`
/// replications, saved beside the results folder so `run --resume` can continue from them and
/// write the same bytes as a run that was never stopped.
///
/// On disk it is a hidden folder `.NAME.resume` beside results folder `NAME`, holding
/// `checkpoint.json` (`CheckpointRecord`) and `state.bin` (`StateArchive` bytes), written
/// atomically. Its size is fixed by the scenario's cells, not by the replications done.
public final class RunCheckpoint {
    let accumulator: Accumulator

    init(accumulator: Accumulator) {
        self.accumulator = accumulator
    }

    /// Replications whose results the checkpoint holds: 0 ..< completed.
    public var completed: Int { accumulator.folded }

    /// The checkpoint of a run that finished all its replications, for a command stopped after
    /// them (during its ranking analysis): `--resume` then runs none again. Nil for results
    /// not folded by a run (merged shards).
    public static func finished(_ results: RunResults) -> RunCheckpoint? {
        results.accumulator.map(RunCheckpoint.init)
    }

    /// Where the checkpoint of results folder `folder` lives.
    public static func location(for folder: URL) -> URL {
        let folder = folder.standardizedFileURL
        return folder.deletingLastPathComponent().appendingPathComponent(".\(folder.lastPathComponent).resume", isDirectory: true)
    }

    /// Saves the checkpoint for `runner`'s scenario (whose file hashes to `scenarioSHA256`) to `location`.
    public func write(to location: URL, runner: Runner, scenarioSHA256: String) throws {
        var archive = StateArchive()
        accumulator.archive(into: &archive)
        let record = CheckpointRecord(scenarioSHA256: scenarioSHA256, seed: runner.scenario.run.seed,
                                      replications: runner.scenario.run.replications, completed: completed,
                                      layoutSHA256: runner.layout.fingerprint,
                                      savedAt: ISO8601DateFormatter().string(from: Date()))
        try CheckpointFolder.write(state: archive.data, record: record, to: location)
    }

    /// Reads the checkpoint at `location` for `runner`'s scenario, or nil when there is none.
    /// Throws when there is one but it belongs to another run or cannot be read.
    public static func read(from location: URL, runner: Runner, scenarioSHA256: String) throws -> RunCheckpoint? {
        guard let record = try CheckpointFolder.record(CheckpointRecord.self, at: location,
                                                       what: "the record of a stopped run") else { return nil }
        guard record.kind == "checkpoint" else {
            throw CheckpointError.damaged("\(location.path) holds a stopped \(record.kind), not a run")
        }
        try CheckpointFolder.checkOrigin(record, scenarioSHA256: scenarioSHA256, seed: runner.scenario.run.seed,
                                         replications: runner.scenario.run.replications,
                                         and: [("layout", record.layoutSHA256, runner.layout.fingerprint)], at: location)
        let accumulator = Accumulator(layout: runner.layout)
        var reader = StateArchiveReader(try CheckpointFolder.state(at: location, record: record))
        try accumulator.restore(from: &reader)
        guard accumulator.folded == record.completed else {
            throw CheckpointError.damaged("\(location.path) holds \(accumulator.folded) replications, its record says \(record.completed)")
        }
        return RunCheckpoint(accumulator: accumulator)
    }

    /// Deletes the checkpoint at `location`, if any (after the run it saved has finished).
    public static func remove(at location: URL) {
        try? FileManager.default.removeItem(at: location)
    }
}

/// `checkpoint.json`: which run a checkpoint belongs to and how far it got.
struct CheckpointRecord: Codable, Equatable, CheckpointOrigin {
    var tool = "sufficiency"
    var kind = "checkpoint"
    var sufficiencyVersion = BuildInfo.sufficiencyVersion
    var gslVersion = GSL.version
    var scenarioSHA256: String
    var seed: UInt64
    var replications: Int
    /// Replications 0 ..< completed are in the saved state.
    var completed: Int
    var layoutSHA256: String
    var savedAt: String
    /// SHA-256 of state.bin, set when saved (`CheckpointFolder.write`).
    var stateSHA256: String? = nil
}
