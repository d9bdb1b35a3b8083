import Foundation
import Testing
@testable import Sufficiency

/// A solve stopped part way and resumed from its saved checkpoint makes the evaluations, with
/// the counts, of one never stopped.
@Suite struct SolveResumeTests {
    /// The quick start's uplift solve, whose shares fall between 0 and 1 near the answer.
    private static func load() throws -> (ExperimentFile, SolveSettings, RunSettings) {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scenarios/quickstart-uplift.yaml").path
        let file = try ExperimentFile.load(path: path)
        let settings = try file.solveSettings(flags: SolveOverrides())
        var run = file.base.scenario.run
        run.replications = 20
        // One thread, so each stop comes exactly after the replication that asked for it.
        run.threads = 1
        return (file, settings, run)
    }

    private static func temporaryFolder(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("sufficiency-\(name)-\(UUID().uuidString)",
                                                                      isDirectory: true)
    }

    @Test func aSolveStoppedTwiceAndResumedFromDiskMakesTheEvaluationsOfOneNeverStopped() throws {
        let (file, settings, run) = try Self.load()
        let whole = try Solver.solve(file, settings: settings, run: run)
        #expect(whole.outcome == .found)
        #expect(whole.evaluations.contains { $0.met > 0 && $0.met < $0.replications },
                "a share strictly between 0 and 1, so the counts carried over matter")

        let folder = Self.temporaryFolder("solve-resume")
        defer { try? FileManager.default.removeItem(at: folder) }
        let saved = CheckpointFolder.location(for: folder.appendingPathComponent("results"))
        var checkpoint: SolveCheckpoint? = nil
        var stops: [(evaluations: Int, replications: Int)] = []
        // Stopped in evaluation 1, then in evaluation 7 (near the answer).
        for (evaluation, replication) in [(1, 7), (7, 13)] {
            let stop = StopRequest()
            let outcome = try Solver.solve(file, settings: settings, run: run, resuming: checkpoint, stop: stop) { number, done, _ in
                if number > evaluation || (number == evaluation && done >= replication) { stop.stop() }
            }
            guard case .stopped(let stopped) = outcome else {
                Issue.record("the solve did not stop in evaluation \(evaluation)")
                return
            }
            try CheckpointStore(SolveJob(settings: settings, run: run), at: saved, scenarioSHA256: file.base.sha256).save(stopped)
            let read = try #require(try CheckpointStore(SolveJob(settings: settings, run: run), at: saved,
                                                        scenarioSHA256: file.base.sha256).read())
            #expect(read.evaluations == stopped.evaluations && read.partial == stopped.partial)
            checkpoint = read
            stops.append((read.completedEvaluations, read.completedReplications))
        }
        #expect(stops[0].evaluations == 0 && stops[0].replications == 7, "\(stops)")
        #expect(stops[1].evaluations == 6 && stops[1].replications == 13, "\(stops)")
        guard case .finished(let resumed) = try Solver.solve(file, settings: settings, run: run, resuming: checkpoint,
                                                             stop: StopRequest()) else {
            Issue.record("the resumed solve did not finish")
            return
        }
        #expect(resumed.evaluations == whole.evaluations)
        #expect(resumed.outcome == whole.outcome)
        #expect(resumed.low.bitPattern == whole.low.bitPattern && resumed.high.bitPattern == whole.high.bitPattern)
    }

    @Test func aCheckpointOfAnotherSolveIsRefusedWithWhatDiffers() throws {
        let (file, settings, run) = try Self.load()
        let stop = StopRequest()
        let outcome = try Solver.solve(file, settings: settings, run: run, resuming: nil, stop: stop) { number, done, _ in
            if number == 2 && done >= 3 { stop.stop() }
        }
        guard case .stopped(let stopped) = outcome else {
            Issue.record("the solve did not stop")
            return
        }
        let folder = Self.temporaryFolder("solve-refuse")
        defer { try? FileManager.default.removeItem(at: folder) }
        try CheckpointStore(SolveJob(settings: settings, run: run), at: folder, scenarioSHA256: file.base.sha256).save(stopped)

        var finer = settings
        finer.tolerance = 0.0005
        let error = try #require(throws: CheckpointError.self) {
            _ = try CheckpointStore(SolveJob(settings: finer, run: run), at: folder, scenarioSHA256: file.base.sha256).read()
        }
        #expect("\(error)".contains("solve settings") && "\(error)".contains("\"tolerance\":0.0005"), "\(error)")
        var more = run
        more.replications = 21
        let longer = try #require(throws: CheckpointError.self) {
            _ = try CheckpointStore(SolveJob(settings: settings, run: more), at: folder, scenarioSHA256: file.base.sha256).read()
        }
        #expect("\(longer)".contains("replications 20, this one has 21"), "\(longer)")
        #expect(throws: CheckpointError.self) {
            _ = try CheckpointStore(SolveJob(settings: settings, run: run), at: folder, scenarioSHA256: "another scenario").read()
        }
        // A count the record does not match is damage, not a different solve.
        var record = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("checkpoint.json")))
            as! [String: Any]
        record["completedEvaluations"] = 2
        try JSONSerialization.data(withJSONObject: record).write(to: folder.appendingPathComponent("checkpoint.json"))
        let damaged = try #require(throws: CheckpointError.self) {
            _ = try CheckpointStore(SolveJob(settings: settings, run: run), at: folder, scenarioSHA256: file.base.sha256).read()
        }
        #expect("\(damaged)".hasPrefix("What was saved cannot be read"), "\(damaged)")
        // A run's checkpoint is not a solve's.
        try Data("{\"tool\": \"sufficiency\", \"kind\": \"checkpoint\"}".utf8)
            .write(to: folder.appendingPathComponent("checkpoint.json"))
        #expect(throws: CheckpointError.self) {
            _ = try CheckpointStore(SolveJob(settings: settings, run: run), at: folder, scenarioSHA256: file.base.sha256).read()
        }
        #expect(try CheckpointStore(SolveJob(settings: settings, run: run), at: folder.appendingPathComponent("none"),
                                    scenarioSHA256: file.base.sha256).read() == nil)
    }
}
