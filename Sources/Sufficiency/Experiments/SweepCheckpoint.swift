import Foundation

/// A sweep stopped part way (`StopRequest`): the results of the points it finished, point 1's
/// values for the paired differences, and the exact statistics of the point it stopped in, saved
/// beside the results folder so `sweep --resume` can continue from them and write the same bytes
/// as a sweep that was never stopped.
///
/// On disk, like `RunCheckpoint`: a hidden folder `.NAME.resume` beside results folder `NAME`,
/// holding `checkpoint.json` (`SweepCheckpointRecord`) and `state.bin` (`StateArchive` bytes),
/// written atomically. Its size is fixed by the cells a sweep reports (county level, financial
/// years and the whole run) and the number of points and replications, not by how far it got.
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

    /// Where the checkpoint of results folder `folder` lives (as for a run).
    public static func location(for folder: URL) -> URL {
        RunCheckpoint.location(for: folder)
    }

    /// Saves the checkpoint of `plan` (its scenario file and overrides hashing to `scenarioSHA256`),
    /// counting `targets`, to `location`.
    public func write(to location: URL, plan: SweepPlan, targets: [SweepTarget] = [], scenarioSHA256: String) throws {
        var archive = StateArchive()
        archive.append(summaries.flatMap { $0 })
        archive.append(differences.flatMap { $0 })
        archive.append(reference)
        current.differences.archive(into: &archive)
        archive.append(current.replications)
        current.statistics.archive(into: &archive)
        archive.append(targetMet.flatMap { $0 })
        archive.append(current.targetMet)
        let run = plan.scenarios[0].run
        let layout = ResultLayout(scenario: plan.scenarios[completedPoints],
                                  calendar: SimulationCalendar(plan.scenarios[completedPoints].calendar))
        let record = SweepCheckpointRecord(scenarioSHA256: scenarioSHA256, seed: run.seed, replications: run.replications,
                                           points: plan.scenarios.count, completedPoints: completedPoints,
                                           completedReplications: completedReplications,
                                           layoutSHA256: layout.fingerprint,
                                           targets: SweepCheckpointRecord.targetsText(targets),
                                           savedAt: ISO8601DateFormatter().string(from: Date()))
        try CheckpointFolder.write(state: archive.data, record: record, to: location)
    }

    /// Reads the checkpoint at `location` for `plan`, or nil when there is none. Throws when
    /// there is one but it belongs to another sweep (another scenario, overrides, seed, number of
    /// points or replications, other targets, or another version) or cannot be read.
    public static func read(from location: URL, plan: SweepPlan, targets: [SweepTarget] = [],
                            scenarioSHA256: String) throws -> SweepCheckpoint? {
        guard let record = try CheckpointFolder.record(SweepCheckpointRecord.self, at: location,
                                                       what: "the record of a stopped sweep") else { return nil }
        guard record.kind == SweepCheckpointRecord.kindName else {
            throw CheckpointError.damaged("\(location.path) holds a stopped \(record.kind), not a sweep")
        }
        let path = location.path
        let run = plan.scenarios[0].run
        try CheckpointFolder.checkOrigin(record, scenarioSHA256: scenarioSHA256, seed: run.seed, replications: run.replications,
                                         and: [("points", String(record.points), String(plan.scenarios.count))],
                                         at: location)
        guard record.completedPoints >= 0 && record.completedPoints < plan.scenarios.count else {
            throw CheckpointError.damaged("\(path) says \(record.completedPoints) of \(plan.scenarios.count) points are done")
        }
        let scenario = plan.scenarios[record.completedPoints]
        let layout = ResultLayout(scenario: scenario, calendar: SimulationCalendar(scenario.calendar))
        try CheckpointFolder.check([("layout", record.layoutSHA256, layout.fingerprint),
                                    ("targets", record.targets ?? "none", SweepCheckpointRecord.targetsText(targets))], at: location)
        let state = try CheckpointFolder.state(at: location, record: record)
        let tracked = SweepResults.trackedCells(layout)
        var reader = StateArchiveReader(state)
        let summaries = try reader.readArray(of: Summary.self)
        let differences = try reader.readArray(of: Comparison.self)
        let reference = try reader.readArray(of: Double.self)
        let done = record.completedPoints * tracked.count
        guard summaries.count == done, differences.count == done, reference.count == run.replications * tracked.count else {
            throw CheckpointError.damaged("\(path)/state.bin holds results of another size than \(record.completedPoints) points")
        }
        let grid = ComparisonGrid(preferences: SweepRunner.preferences(tracked, layout))
        try grid.restore(from: &reader)
        let replications = try reader.readInt()
        guard replications == record.completedReplications && replications >= 0 && replications <= run.replications else {
            throw CheckpointError.damaged("\(path) holds \(replications) replications, its record says \(record.completedReplications)")
        }
        let statistics = SummaryGrid(cellCount: tracked.count)
        try statistics.restore(from: &reader)
        let counted = layout.options.count * targets.count
        let targetMet = try reader.readArray(of: Int.self)
        let currentMet = try reader.readArray(of: Int.self)
        guard targetMet.count == record.completedPoints * counted, currentMet.count == counted,
              (targetMet + currentMet).allSatisfy({ $0 >= 0 && $0 <= run.replications }) else {
            throw CheckpointError.damaged("\(path)/state.bin holds target counts of another size than \(record.completedPoints) points")
        }
        guard reader.isAtEnd else { throw CheckpointError.damaged("\(path)/state.bin has bytes left over") }
        let rows = tracked.count
        return SweepCheckpoint(summaries: (0..<record.completedPoints).map { Array(summaries[($0 * rows)..<(($0 + 1) * rows)]) },
                               differences: (0..<record.completedPoints).map { Array(differences[($0 * rows)..<(($0 + 1) * rows)]) },
                               reference: reference,
                               targetMet: (0..<record.completedPoints).map { Array(targetMet[($0 * counted)..<(($0 + 1) * counted)]) },
                               current: Current(statistics: statistics, replications: replications, differences: grid,
                                                targetMet: currentMet))
    }

    /// Deletes the checkpoint at `location`, if any (after the sweep it saved has finished).
    public static func remove(at location: URL) {
        RunCheckpoint.remove(at: location)
    }
}

/// `checkpoint.json` of a stopped sweep: which sweep it belongs to and how far it got.
struct SweepCheckpointRecord: Codable, Equatable, CheckpointOrigin {
    static let kindName = "sweep-checkpoint"

    var tool = "sufficiency"
    var kind = SweepCheckpointRecord.kindName
    var sufficiencyVersion = BuildInfo.sufficiencyVersion
    var gslVersion = GSL.version
    var scenarioSHA256: String
    var seed: UInt64
    /// Replications at every point.
    var replications: Int
    var points: Int
    /// Points 0 ..< completedPoints are finished.
    var completedPoints: Int
    /// Replications 0 ..< completedReplications of the next point are in the saved state.
    var completedReplications: Int
    var layoutSHA256: String
    /// The targets counted, as `targetsText` writes them ("none" for none; absent before targets).
    var targets: String?
    var savedAt: String
    /// SHA-256 of state.bin, set when saved (`CheckpointFolder.write`).
    var stateSHA256: String? = nil

    /// The targets as the record names them: each canonical form, separated by spaces.
    static func targetsText(_ targets: [SweepTarget]) -> String {
        targets.isEmpty ? "none" : targets.map(\.description).joined(separator: " ")
    }
}
