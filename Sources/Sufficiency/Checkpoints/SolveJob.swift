import Foundation

/// A solve as resumable work (`solve --resume`): its checkpoint (`SolveCheckpoint`) must be of
/// the same scenario and overrides, seed, replications and solve settings, and its evaluations
/// the ones this search makes.
public struct SolveJob: ResumableJob {
    public static let kind = "solve-checkpoint"
    public static let noun = "solve"
    public static let firstStep = "the first evaluation"
    public static let kept = "evaluations"

    public let settings: SolveSettings
    public let run: RunSettings

    public init(settings: SolveSettings, run: RunSettings) {
        self.settings = settings
        self.run = run
    }

    public var seed: UInt64 { run.seed }
    public var replications: Int { run.replications }

    public func record(of checkpoint: SolveCheckpoint, scenarioSHA256: String) -> SolveCheckpointRecord {
        SolveCheckpointRecord(scenarioSHA256: scenarioSHA256, seed: seed, replications: replications,
                              settings: settings, completedEvaluations: checkpoint.completedEvaluations,
                              completedReplications: checkpoint.completedReplications,
                              savedAt: ISO8601DateFormatter().string(from: Date()))
    }

    public func archive(_ checkpoint: SolveCheckpoint, into archive: inout StateArchive) {
        let evaluations = checkpoint.evaluations, partial = checkpoint.partial
        archive.append(evaluations.map(\.input))
        archive.append(evaluations.map(\.met))
        archive.append(partial.map { [$0.input] } ?? [])
        archive.append(partial.map { [$0.replications, $0.met] } ?? [])
        // The window tallies, evaluation by evaluation then the stopped one's, each window's
        // counts and sum: the number of windows first.
        let tallies = evaluations.map(\.windows) + (partial.map { [$0.windows] } ?? [])
        archive.append([tallies.first?.count ?? 0])
        archive.append(tallies.flatMap { $0.flatMap { [$0.met, $0.valued] } })
        archive.append(tallies.flatMap { $0.map(\.sum) })
    }

    public func checks(_ record: SolveCheckpointRecord) throws(CheckpointError) -> [(field: String, saved: String, now: String)] {
        [("solve settings", try Self.text(record.settings), try Self.text(settings))]
    }

    public func restore(_ record: SolveCheckpointRecord, from reader: inout StateArchiveReader,
                        at location: URL) throws(CheckpointError) -> SolveCheckpoint {
        let path = location.path
        let inputs = try reader.readArray(of: Double.self)
        let met = try reader.readArray(of: Int.self)
        let partialInput = try reader.readArray(of: Double.self)
        let partialCounts = try reader.readArray(of: Int.self)
        let windowCount = try reader.readArray(of: Int.self)
        let windowCounts = try reader.readArray(of: Int.self)
        let windowSums = try reader.readArray(of: Double.self)
        let tallied = inputs.count + partialInput.count
        guard reader.isAtEnd, inputs.count == record.completedEvaluations, met.count == inputs.count,
              partialInput.count <= 1, partialCounts.count == 2 * partialInput.count,
              (partialCounts.first ?? 0) == record.completedReplications,
              windowCount.count == 1, windowCount[0] >= 0, windowSums.count == tallied * windowCount[0],
              windowCounts.count == 2 * windowSums.count else {
            throw .damaged("\(path)/state.bin does not hold the \(record.completedEvaluations) evaluations its record says")
        }
        let w = windowCount[0]
        let tallies = (0..<tallied).map { e in
            (0..<w).map { k in
                SolveWindowTally(met: windowCounts[2 * (e * w + k)], valued: windowCounts[2 * (e * w + k) + 1],
                                 sum: windowSums[e * w + k])
            }
        }
        let n = run.replications
        var evaluations: [SolveEvaluation] = []
        for (k, (input, count)) in zip(inputs, met).enumerated() {
            guard count >= 0 && count <= n else { throw .damaged("\(path): evaluation \(k + 1) has \(count) of \(n) replications meeting the target") }
            guard tallies[k].allSatisfy({ $0.met >= 0 && $0.met <= n && $0.valued >= 0 && $0.valued <= n }) else {
                throw .damaged("\(path): evaluation \(k + 1) has window counts outside 0 to \(n)")
            }
            evaluations.append(Solver.evaluation(number: k + 1, input: input, met: count, replications: n,
                                                 windows: tallies[k], settings: settings))
        }
        var partial: SolveCheckpoint.Partial? = nil
        if let input = partialInput.first {
            let done = partialCounts[0], count = partialCounts[1]
            guard done > 0 && done < n && count >= 0 && count <= done else {
                throw .damaged("\(path): the stopped evaluation has \(count) of \(done) replications meeting the target")
            }
            guard tallies[inputs.count].allSatisfy({ $0.met >= 0 && $0.met <= done && $0.valued >= 0 && $0.valued <= done }) else {
                throw .damaged("\(path): the stopped evaluation has window counts outside 0 to \(done)")
            }
            partial = SolveCheckpoint.Partial(input: input, replications: done, met: count, windows: tallies[inputs.count])
        }
        // The search is deterministic: the saved evaluations must be the ones it makes.
        var replayed: [Double] = []
        _ = Solver.search(settings) { x in
            let k = replayed.count
            replayed.append(x)
            return k < evaluations.count ? evaluations[k].meets : false
        }
        let expected = evaluations.map(\.input) + (partial.map { [$0.input] } ?? [])
        guard replayed.count >= expected.count, zip(replayed, expected).allSatisfy({ $0.bitPattern == $1.bitPattern }) else {
            throw .damaged("\(path): the saved evaluations are not the ones this search makes")
        }
        return SolveCheckpoint(evaluations: evaluations, partial: partial)
    }

    public func done(_ checkpoint: SolveCheckpoint) -> String {
        let evaluations = checkpoint.completedEvaluations
        return "\(evaluations) evaluation\(evaluations == 1 ? "" : "s") and \(checkpoint.completedReplications) replications of the next"
    }

    public func resumed(_ checkpoint: SolveCheckpoint) -> String {
        let evaluations = checkpoint.completedEvaluations
        return "\(evaluations) evaluation\(evaluations == 1 ? "" : "s") done "
            + "and \(checkpoint.completedReplications) replications of evaluation \(evaluations + 1)"
    }

    public func isEmpty(_ checkpoint: SolveCheckpoint) -> Bool {
        checkpoint.completedEvaluations == 0 && checkpoint.completedReplications == 0
    }

    /// Solve settings as compact JSON with sorted keys, to compare and to show.
    private static func text(_ settings: SolveSettings) throws(CheckpointError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(settings) else { throw .damaged("its solve settings cannot be written out") }
        return String(decoding: data, as: UTF8.self)
    }
}
