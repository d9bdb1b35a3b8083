import Foundation

/// A solve stopped part way (`StopRequest`): the evaluations it finished and, for the one it
/// stopped in, the replications run and how many met the target, saved beside the results
/// folder so `solve --resume` can continue and write the same bytes as a solve never stopped.
///
/// A solve keeps only counts, so this is small whatever the scenario: on disk, like
/// `RunCheckpoint`, a hidden folder `.NAME.resume` beside results folder `NAME`, holding
/// `checkpoint.json` (`SolveCheckpointRecord`) and `state.bin` (the inputs and counts, exactly),
/// written atomically.
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

    /// Where the checkpoint of results folder `folder` lives (as for a run).
    public static func location(for folder: URL) -> URL {
        RunCheckpoint.location(for: folder)
    }

    /// Saves the checkpoint of a solve with `settings` and `run` on a scenario file and overrides
    /// hashing to `scenarioSHA256`, to `location`.
    public func write(to location: URL, settings: SolveSettings, run: RunSettings, scenarioSHA256: String) throws {
        var archive = StateArchive()
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
        let record = SolveCheckpointRecord(scenarioSHA256: scenarioSHA256, seed: run.seed, replications: run.replications,
                                           settings: settings, completedEvaluations: completedEvaluations,
                                           completedReplications: completedReplications,
                                           savedAt: ISO8601DateFormatter().string(from: Date()))
        try CheckpointFolder.write(state: archive.data, record: record, to: location)
    }

    /// Reads the checkpoint at `location` for a solve with `settings` and `run`, or nil when there
    /// is none. Throws when there is one but it belongs to another solve (another scenario,
    /// overrides, seed, replications, solve settings or version) or cannot be read.
    public static func read(from location: URL, settings: SolveSettings, run: RunSettings,
                            scenarioSHA256: String) throws -> SolveCheckpoint? {
        guard let record = try CheckpointFolder.record(SolveCheckpointRecord.self, at: location,
                                                       what: "the record of a stopped solve") else { return nil }
        guard record.kind == SolveCheckpointRecord.kindName else {
            throw CheckpointError.damaged("\(location.path) holds a stopped \(record.kind), not a solve")
        }
        try CheckpointFolder.checkOrigin(record, scenarioSHA256: scenarioSHA256, seed: run.seed, replications: run.replications,
                                         and: [("solve settings", try Self.text(record.settings), try Self.text(settings))],
                                         at: location)
        let path = location.path
        var reader = StateArchiveReader(try CheckpointFolder.state(at: location, record: record))
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
            throw CheckpointError.damaged("\(path)/state.bin does not hold the \(record.completedEvaluations) evaluations its record says")
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
            guard count >= 0 && count <= n else { throw CheckpointError.damaged("\(path): evaluation \(k + 1) has \(count) of \(n) replications meeting the target") }
            guard tallies[k].allSatisfy({ $0.met >= 0 && $0.met <= n && $0.valued >= 0 && $0.valued <= n }) else {
                throw CheckpointError.damaged("\(path): evaluation \(k + 1) has window counts outside 0 to \(n)")
            }
            evaluations.append(Solver.evaluation(number: k + 1, input: input, met: count, replications: n,
                                                 windows: tallies[k], settings: settings))
        }
        var partial: Partial? = nil
        if let input = partialInput.first {
            let done = partialCounts[0], count = partialCounts[1]
            guard done > 0 && done < n && count >= 0 && count <= done else {
                throw CheckpointError.damaged("\(path): the stopped evaluation has \(count) of \(done) replications meeting the target")
            }
            guard tallies[inputs.count].allSatisfy({ $0.met >= 0 && $0.met <= done && $0.valued >= 0 && $0.valued <= done }) else {
                throw CheckpointError.damaged("\(path): the stopped evaluation has window counts outside 0 to \(done)")
            }
            partial = Partial(input: input, replications: done, met: count, windows: tallies[inputs.count])
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
            throw CheckpointError.damaged("\(path): the saved evaluations are not the ones this search makes")
        }
        return SolveCheckpoint(evaluations: evaluations, partial: partial)
    }

    /// Deletes the checkpoint at `location`, if any (after the solve it saved has finished).
    public static func remove(at location: URL) {
        RunCheckpoint.remove(at: location)
    }

    /// Solve settings as compact JSON with sorted keys, to compare and to show.
    private static func text(_ settings: SolveSettings) throws(CheckpointError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(settings) else { throw .damaged("its solve settings cannot be written out") }
        return String(decoding: data, as: UTF8.self)
    }
}

/// `checkpoint.json` of a stopped solve: which solve it belongs to and how far it got.
struct SolveCheckpointRecord: Codable, Equatable, CheckpointOrigin {
    static let kindName = "solve-checkpoint"

    var tool = "sufficiency"
    var kind = SolveCheckpointRecord.kindName
    var sufficiencyVersion = BuildInfo.sufficiencyVersion
    var gslVersion = GSL.version
    var scenarioSHA256: String
    var seed: UInt64
    /// Replications in every evaluation.
    var replications: Int
    var settings: SolveSettings
    /// Evaluations 1 ... completedEvaluations are finished.
    var completedEvaluations: Int
    /// Replications 0 ..< completedReplications of the next evaluation are counted.
    var completedReplications: Int
    var savedAt: String
    /// SHA-256 of state.bin, set when saved (`CheckpointFolder.write`).
    var stateSHA256: String? = nil
}
