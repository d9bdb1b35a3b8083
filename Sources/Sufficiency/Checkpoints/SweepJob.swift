import Foundation

/// A sweep as resumable work (`sweep --resume`): its checkpoint (`SweepCheckpoint`) must be of
/// the same scenario and overrides, seed, replications, number of points, results layout and
/// targets counted.
public struct SweepJob: ResumableJob {
    public static let kind = "sweep-checkpoint"
    public static let noun = "sweep"
    public static let firstStep = "the first point"
    public static let kept = "points"

    public let plan: SweepPlan
    /// The targets counted at every point.
    public let targets: [SweepTarget]

    public init(plan: SweepPlan, targets: [SweepTarget] = []) {
        self.plan = plan
        self.targets = targets
    }

    public var seed: UInt64 { plan.scenarios[0].run.seed }
    public var replications: Int { plan.scenarios[0].run.replications }

    /// The targets as the record names them: each canonical form, separated by spaces.
    var targetsText: String {
        targets.isEmpty ? "none" : targets.map(\.description).joined(separator: " ")
    }

    /// The results layout of point `point` (from 0).
    private func layout(ofPoint point: Int) -> ResultLayout {
        ResultLayout(scenario: plan.scenarios[point], calendar: SimulationCalendar(plan.scenarios[point].calendar))
    }

    public func record(of checkpoint: SweepCheckpoint, scenarioSHA256: String) -> SweepCheckpointRecord {
        SweepCheckpointRecord(scenarioSHA256: scenarioSHA256, seed: seed, replications: replications,
                              points: plan.scenarios.count, completedPoints: checkpoint.completedPoints,
                              completedReplications: checkpoint.completedReplications,
                              layoutSHA256: layout(ofPoint: checkpoint.completedPoints).fingerprint,
                              targets: targetsText, savedAt: ISO8601DateFormatter().string(from: Date()))
    }

    public func archive(_ checkpoint: SweepCheckpoint, into archive: inout StateArchive) {
        archive.append(checkpoint.summaries.flatMap { $0 })
        archive.append(checkpoint.differences.flatMap { $0 })
        archive.append(checkpoint.reference)
        checkpoint.current.differences.archive(into: &archive)
        archive.append(checkpoint.current.replications)
        checkpoint.current.statistics.archive(into: &archive)
        archive.append(checkpoint.targetMet.flatMap { $0 })
        archive.append(checkpoint.current.targetMet)
    }

    public func checks(_ record: SweepCheckpointRecord) -> [(field: String, saved: String, now: String)] {
        [("points", String(record.points), String(plan.scenarios.count))]
    }

    public func restore(_ record: SweepCheckpointRecord, from reader: inout StateArchiveReader,
                        at location: URL) throws(CheckpointError) -> SweepCheckpoint {
        let path = location.path
        let run = plan.scenarios[0].run
        guard record.completedPoints >= 0 && record.completedPoints < plan.scenarios.count else {
            throw .damaged("\(path) says \(record.completedPoints) of \(plan.scenarios.count) points are done")
        }
        let layout = layout(ofPoint: record.completedPoints)
        try CheckpointFolder.check([("layout", record.layoutSHA256, layout.fingerprint),
                                    ("targets", record.targets ?? "none", targetsText)], at: location)
        let tracked = SweepResults.trackedCells(layout)
        let summaries = try reader.readArray(of: Summary.self)
        let differences = try reader.readArray(of: Comparison.self)
        let reference = try reader.readArray(of: Double.self)
        let done = record.completedPoints * tracked.count
        guard summaries.count == done, differences.count == done, reference.count == run.replications * tracked.count else {
            throw .damaged("\(path)/state.bin holds results of another size than \(record.completedPoints) points")
        }
        let grid = ComparisonGrid(preferences: SweepRunner.preferences(tracked, layout))
        try grid.restore(from: &reader)
        let replications = try reader.readInt()
        guard replications == record.completedReplications && replications >= 0 && replications <= run.replications else {
            throw .damaged("\(path) holds \(replications) replications, its record says \(record.completedReplications)")
        }
        let statistics = SummaryGrid(cellCount: tracked.count)
        try statistics.restore(from: &reader)
        let counted = layout.options.count * targets.count
        let targetMet = try reader.readArray(of: Int.self)
        let currentMet = try reader.readArray(of: Int.self)
        guard targetMet.count == record.completedPoints * counted, currentMet.count == counted,
              (targetMet + currentMet).allSatisfy({ $0 >= 0 && $0 <= run.replications }) else {
            throw .damaged("\(path)/state.bin holds target counts of another size than \(record.completedPoints) points")
        }
        guard reader.isAtEnd else { throw .damaged("\(path)/state.bin has bytes left over") }
        let rows = tracked.count
        return SweepCheckpoint(summaries: (0..<record.completedPoints).map { Array(summaries[($0 * rows)..<(($0 + 1) * rows)]) },
                               differences: (0..<record.completedPoints).map { Array(differences[($0 * rows)..<(($0 + 1) * rows)]) },
                               reference: reference,
                               targetMet: (0..<record.completedPoints).map { Array(targetMet[($0 * counted)..<(($0 + 1) * counted)]) },
                               current: .init(statistics: statistics, replications: replications, differences: grid,
                                              targetMet: currentMet))
    }

    public func done(_ checkpoint: SweepCheckpoint) -> String {
        "\(checkpoint.completedPoints) of \(plan.points.count) points and \(checkpoint.completedReplications) replications of the next"
    }

    public func resumed(_ checkpoint: SweepCheckpoint) -> String {
        "\(checkpoint.completedPoints) of \(plan.points.count) points done "
            + "and \(checkpoint.completedReplications) replications of point \(checkpoint.completedPoints + 1)"
    }

    public func isEmpty(_ checkpoint: SweepCheckpoint) -> Bool {
        checkpoint.completedPoints == 0 && checkpoint.completedReplications == 0
    }
}
