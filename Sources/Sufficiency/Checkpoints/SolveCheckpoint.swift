import Foundation

/// A solve stopped part way (`StopRequest`): the evaluations it finished and, for the one it
/// stopped in, the replications run and how many met the target, saved beside the results
/// folder so `solve --resume` can continue and write the same bytes as a solve never stopped.
///
/// A solve keeps only counts, so this is small whatever the scenario; it is kept by a
/// `CheckpointStore` of a `SolveJob`, like a run's.
public final class SolveCheckpoint {
    /// The evaluation the solve stopped in.
    struct Partial: Equatable {
        /// The input's value, in its own unit.
        var input: Double
        /// Replications 0 ..< replications have run.
        var replications: Int
        /// Of those, the ones meeting the target in every chosen window.
        var met: Int
        /// The measure in each tallied window over those replications.
        var windows: [SolveWindowTally]
    }

    /// Finished evaluations, in the order run.
    let evaluations: [SolveEvaluation]
    let partial: Partial?

    init(evaluations: [SolveEvaluation], partial: Partial?) {
        self.evaluations = evaluations
        self.partial = partial
    }

    /// Evaluations finished: 1 ... completedEvaluations.
    public var completedEvaluations: Int { evaluations.count }
    /// Replications of the next evaluation already run.
    public var completedReplications: Int { partial?.replications ?? 0 }
}

/// `checkpoint.json` of a stopped solve: which solve it belongs to and how far it got.
public struct SolveCheckpointRecord: Codable, Equatable, CheckpointOrigin {
    var tool = "sufficiency"
    public var kind = SolveJob.kind
    public var sufficiencyVersion = BuildInfo.sufficiencyVersion
    public var gslVersion = GSL.version
    public var scenarioSHA256: String
    public var seed: UInt64
    /// Replications in every evaluation.
    public var replications: Int
    var settings: SolveSettings
    /// Evaluations 1 ... completedEvaluations are finished.
    var completedEvaluations: Int
    /// Replications 0 ..< completedReplications of the next evaluation are counted.
    var completedReplications: Int
    var savedAt: String
    /// SHA-256 of state.bin, set when saved (`CheckpointFolder.write`).
    public var stateSHA256: String? = nil
}
