import Foundation
import Testing
@testable import Sufficiency

/// A sweep stopped part way and resumed from its saved checkpoint gives the bits of one never stopped.
@Suite struct SweepResumeTests {
    @Test func aSweepStoppedTwiceAndResumedFromDiskGivesTheBitsOfOneNeverStopped() throws {
        let file = try ExperimentFile.load(yaml: ExperimentTests.scenario(sweep: """
            sweep:
              parameters:
                - path: options[only].uplift.rate
                  values: [0.03, 0.05, 0.08]
            """, replications: 20), fileName: "sweep.yaml")
        // One thread, so each stop comes exactly after the replication that asked for it.
        var run = file.base.scenario.run
        run.threads = 1
        let plan = try file.sweepPlan(try #require(file.sweep), run: run)
        // Counted as replications finish: the checkpoint carries the counts so far.
        let targets = try SweepTarget.read(["unmet_hours<2", "in_care>=20@horizon"], runner: Runner(scenario: plan.scenarios[0]),
                                           file: "sweep.yaml")
        let whole = SweepRunner.run(plan, targets: targets)

        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("sufficiency-sweep-resume-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let saved = CheckpointFolder.location(for: folder.appendingPathComponent("results"))
        // Stopped in point 1 (whose values the differences are paired with), then in point 2.
        var checkpoint: SweepCheckpoint? = nil
        var stops: [(points: Int, replications: Int)] = []
        for stopAt in [7, 33] {
            let stop = StopRequest()
            let outcome = SweepRunner.run(plan, targets: targets, resuming: checkpoint, stop: stop) { done, _ in
                if done >= stopAt { stop.stop() }
            }
            guard case .stopped(let stopped) = outcome else {
                Issue.record("the sweep did not stop at \(stopAt) replications")
                return
            }
            try CheckpointStore(SweepJob(plan: plan, targets: targets), at: saved, scenarioSHA256: file.base.sha256).save(stopped)
            // Resuming with other targets would mix counts of two questions.
            let other = try #require(throws: CheckpointError.self) {
                _ = try CheckpointStore(SweepJob(plan: plan, targets: Array(targets.prefix(1))), at: saved,
                                        scenarioSHA256: file.base.sha256).read()
            }
            #expect("\(other)".contains("targets"), "\(other)")
            guard let read = try CheckpointStore(SweepJob(plan: plan, targets: targets), at: saved,
                                                 scenarioSHA256: file.base.sha256).read() else {
                Issue.record("nothing was saved at \(saved.path)")
                return
            }
            checkpoint = read
            stops.append((read.completedPoints, read.completedReplications))
        }
        #expect(stops[0].points == 0 && stops[0].replications == 7, "\(stops)")
        #expect(stops[1].points == 1 && stops[1].replications == 13, "\(stops)")
        guard case .finished(let resumed) = SweepRunner.run(plan, targets: targets, resuming: checkpoint,
                                                             stop: StopRequest()) else {
            Issue.record("the resumed sweep did not finish")
            return
        }
        #expect(resumed.summaries.map { $0.map(Self.bits) } == whole.summaries.map { $0.map(Self.bits) })
        #expect(resumed.differences.map { $0.map(Self.bits) } == whole.differences.map { $0.map(Self.bits) })
        #expect(resumed.targetMet == whole.targetMet)
        // The targets split the replications, so equal counts are not trivially all or none.
        #expect(whole.targetMet.joined().contains { $0 > 0 && $0 < 20 }, "\(whole.targetMet)")
    }

    @Test func aCheckpointOfAnotherSweepIsRefusedWithWhatDiffers() throws {
        let yaml = ExperimentTests.scenario(sweep: """
            sweep:
              parameters:
                - path: options[only].uplift.rate
                  values: [0.03, 0.05]
            """, replications: 6)
        let file = try ExperimentFile.load(yaml: yaml, fileName: "sweep.yaml")
        let plan = try file.sweepPlan(try #require(file.sweep), run: file.base.scenario.run)
        let stop = StopRequest()
        let outcome = SweepRunner.run(plan, resuming: nil, stop: stop) { done, _ in if done >= 2 { stop.stop() } }
        guard case .stopped(let stopped) = outcome else {
            Issue.record("the sweep did not stop")
            return
        }
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("sufficiency-sweep-refuse-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try CheckpointStore(SweepJob(plan: plan), at: folder, scenarioSHA256: file.base.sha256).save(stopped)

        var more = file.base.scenario.run
        more.replications = 7
        let longer = try file.sweepPlan(try #require(file.sweep), run: more)
        let error = try #require(throws: CheckpointError.self) {
            _ = try CheckpointStore(SweepJob(plan: longer), at: folder, scenarioSHA256: file.base.sha256).read()
        }
        #expect("\(error)".contains("replications 6, this one has 7"), "\(error)")
        #expect(throws: CheckpointError.self) {
            _ = try CheckpointStore(SweepJob(plan: plan), at: folder, scenarioSHA256: "another scenario").read()
        }
        // A run's checkpoint is not a sweep's.
        try Data("{\"tool\": \"sufficiency\", \"kind\": \"checkpoint\"}".utf8)
            .write(to: folder.appendingPathComponent("checkpoint.json"))
        #expect(throws: CheckpointError.self) {
            _ = try CheckpointStore(SweepJob(plan: plan), at: folder, scenarioSHA256: file.base.sha256).read()
        }
        #expect(try CheckpointStore(SweepJob(plan: plan), at: folder.appendingPathComponent("none"),
                                    scenarioSHA256: file.base.sha256).read() == nil)
    }

    private static func bits(_ s: Summary) -> [UInt64] {
        [UInt64(s.n)] + [s.mean, s.sd, s.ciLow, s.ciHigh, s.p05, s.p50, s.p95].map(\.bitPattern)
    }

    private static func bits(_ c: Comparison) -> [UInt64] {
        [UInt64(c.n)] + [c.meanDifference, c.sdDifference, c.ciLow, c.ciHigh, c.shareABetter, c.shareBBetter,
                         c.shareTied].map(\.bitPattern)
    }
}
