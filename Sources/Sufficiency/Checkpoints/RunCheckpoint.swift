import Foundation

/// A run stopped part way (`StopRequest`): the exact statistics of its first `completed`
/// replications, saved beside the results folder (`CheckpointStore` of a `RunJob`) so
/// `run --resume` can continue from them and write the same bytes as a run that was never
/// stopped. Its size is fixed by the scenario's cells, not by the replications done.
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
}

/// `checkpoint.json` of a stopped run: which run it belongs to and how far it got.
public struct CheckpointRecord: Codable, Equatable, CheckpointOrigin {
    var tool = "sufficiency"
    public var kind = RunJob.kind
    public var sufficiencyVersion = BuildInfo.sufficiencyVersion
    public var gslVersion = GSL.version
    public var scenarioSHA256: String
    public var seed: UInt64
    public var replications: Int
    /// Replications 0 ..< completed are in the saved state.
    var completed: Int
    var layoutSHA256: String
    var savedAt: String
    /// SHA-256 of state.bin, set when saved (`CheckpointFolder.write`).
    public var stateSHA256: String? = nil
}
