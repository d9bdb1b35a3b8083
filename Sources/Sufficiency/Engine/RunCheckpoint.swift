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
        let staged = try AtomicDirectory(destination: location)
        do {
            try staged.write(archive.data, to: "state.bin")
            try staged.write(record.jsonData(), to: "checkpoint.json")
            try staged.commit()
        } catch {
            staged.discard()
            throw error
        }
    }

    /// Reads the checkpoint at `location` for `runner`'s scenario, or nil when there is none.
    /// Throws when there is one but it belongs to another run or cannot be read.
    public static func read(from location: URL, runner: Runner, scenarioSHA256: String) throws -> RunCheckpoint? {
        let json = location.appendingPathComponent("checkpoint.json")
        guard FileManager.default.fileExists(atPath: json.path) else { return nil }
        guard let data = try? Data(contentsOf: json),
              let record = try? JSONDecoder().decode(CheckpointRecord.self, from: data) else {
            throw CheckpointError.damaged("\(json.path) is not a checkpoint record")
        }
        let path = location.path
        let checks: [(String, String, String)] = [
            ("scenario SHA-256", record.scenarioSHA256, scenarioSHA256),
            ("seed", String(record.seed), String(runner.scenario.run.seed)),
            ("replications", String(record.replications), String(runner.scenario.run.replications)),
            ("layout", record.layoutSHA256, runner.layout.fingerprint),
            ("Sufficiency version", record.sufficiencyVersion, BuildInfo.sufficiencyVersion),
            ("GSL version", record.gslVersion, GSL.version),
        ]
        for (field, found, expected) in checks where found != expected {
            throw CheckpointError.mismatch(path: path, field: field, found: found, expected: expected)
        }
        guard let state = try? Data(contentsOf: location.appendingPathComponent("state.bin")) else {
            throw CheckpointError.damaged("\(path)/state.bin is missing")
        }
        let accumulator = Accumulator(layout: runner.layout)
        var reader = StateArchiveReader(state)
        try accumulator.restore(from: &reader)
        guard accumulator.folded == record.completed else {
            throw CheckpointError.damaged("\(path) holds \(accumulator.folded) replications, its record says \(record.completed)")
        }
        return RunCheckpoint(accumulator: accumulator)
    }

    /// Deletes the checkpoint at `location`, if any (after the run it saved has finished).
    public static func remove(at location: URL) {
        try? FileManager.default.removeItem(at: location)
    }
}

/// `checkpoint.json`: which run a checkpoint belongs to and how far it got.
struct CheckpointRecord: Codable, Equatable {
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

    func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
