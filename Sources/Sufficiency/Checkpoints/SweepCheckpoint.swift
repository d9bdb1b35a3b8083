import Foundation

/// A sweep stopped part way (`StopRequest`): the results of the points it finished, point 1's
/// values for the paired differences, and the exact statistics of the point it stopped in, saved
/// beside the results folder so `sweep --resume` can continue from them and write the same bytes
/// as a sweep that was never stopped.
///
/// Kept by a `CheckpointStore` of a `SweepJob`, like a run's. Its size is fixed by the cells a
/// sweep reports (county level, financial years and the whole run) and the number of points and
/// replications, not by how far it got.
public final class SweepCheckpoint {
    /// The point the sweep stopped in: the statistics of its tracked cells over its replications
    /// so far, how many those are, and their differences from point 1.
    struct Current {
        let statistics: SummaryGrid
        let replications: Int
        let differences: ComparisonGrid
        /// Its replications so far meeting each (option, target) (`SweepResults.targetMet`).
        let targetMet: [Int]
    }

    /// `summaries[p]`: finished point p's summary of every tracked cell.
    let summaries: [[Summary]]
    /// `differences[p]`: finished point p's difference from point 1 in every tracked cell.
    let differences: [[Comparison]]
    /// Point 1's value of every tracked cell, replication-major (NaN for replications not yet run).
    let reference: [Double]
    /// `targetMet[p]`: finished point p's replications meeting each (option, target).
    let targetMet: [[Int]]
    let current: Current

    init(summaries: [[Summary]], differences: [[Comparison]], reference: [Double], targetMet: [[Int]],
         current: Current) {
        self.summaries = summaries
        self.differences = differences
        self.reference = reference
        self.targetMet = targetMet
        self.current = current
    }

    /// Points finished: 0 ..< completedPoints.
    public var completedPoints: Int { summaries.count }
    /// Replications of the next point already run: 0 ..< completedReplications.
    public var completedReplications: Int { current.replications }
}

/// `checkpoint.json` of a stopped sweep: which sweep it belongs to and how far it got.
public struct SweepCheckpointRecord: Codable, Equatable, CheckpointOrigin {
    var tool = "sufficiency"
    public var kind = SweepJob.kind
    public var sufficiencyVersion = BuildInfo.sufficiencyVersion
    public var gslVersion = GSL.version
    public var scenarioSHA256: String
    public var seed: UInt64
    /// Replications at every point.
    public var replications: Int
    var points: Int
    /// Points 0 ..< completedPoints are finished.
    var completedPoints: Int
    /// Replications 0 ..< completedReplications of the next point are in the saved state.
    var completedReplications: Int
    var layoutSHA256: String
    /// The targets counted, as `SweepJob.targetsText` writes them ("none" for none; absent before targets).
    var targets: String?
    var savedAt: String
    /// SHA-256 of state.bin, set when saved (`CheckpointFolder.write`).
    public var stateSHA256: String? = nil
}
