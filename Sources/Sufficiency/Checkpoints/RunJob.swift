import Foundation

/// A run of a scenario's replications as resumable work (`run --resume`): its checkpoint is the
/// exact statistics of the replications folded so far (`RunCheckpoint`), which must be of the
/// same scenario, seed, replications and results layout.
public struct RunJob: ResumableJob {
    public static let kind = "checkpoint"
    public static let noun = "run"
    public static let firstStep = "the first replication"
    public static let kept = "replications"

    public let runner: Runner
    /// Whether the run stops at a precision, so its replications are a maximum (messages say "at most").
    public let toPrecision: Bool

    public init(runner: Runner, toPrecision: Bool = false) {
        self.runner = runner
        self.toPrecision = toPrecision
    }

    public var seed: UInt64 { runner.scenario.run.seed }
    public var replications: Int { runner.scenario.run.replications }

    public func record(of checkpoint: RunCheckpoint, scenarioSHA256: String) -> CheckpointRecord {
        CheckpointRecord(scenarioSHA256: scenarioSHA256, seed: seed, replications: replications,
                         completed: checkpoint.completed, layoutSHA256: runner.layout.fingerprint,
                         savedAt: ISO8601DateFormatter().string(from: Date()))
    }

    public func archive(_ checkpoint: RunCheckpoint, into archive: inout StateArchive) {
        checkpoint.accumulator.archive(into: &archive)
    }

    public func checks(_ record: CheckpointRecord) -> [(field: String, saved: String, now: String)] {
        [("layout", record.layoutSHA256, runner.layout.fingerprint)]
    }

    public func restore(_ record: CheckpointRecord, from reader: inout StateArchiveReader,
                        at location: URL) throws(CheckpointError) -> RunCheckpoint {
        let accumulator = Accumulator(layout: runner.layout)
        try accumulator.restore(from: &reader)
        guard accumulator.folded == record.completed else {
            throw .damaged("\(location.path) holds \(accumulator.folded) replications, its record says \(record.completed)")
        }
        return RunCheckpoint(accumulator: accumulator)
    }

    public func done(_ checkpoint: RunCheckpoint) -> String {
        "\(checkpoint.completed) of \(toPrecision ? "at most " : "")\(replications) replications"
    }

    public func resumed(_ checkpoint: RunCheckpoint) -> String { done(checkpoint) + " done" }

    public func isEmpty(_ checkpoint: RunCheckpoint) -> Bool { checkpoint.completed == 0 }
}
