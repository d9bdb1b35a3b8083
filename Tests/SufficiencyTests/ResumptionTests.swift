import Foundation
@testable import Sufficiency
import Testing

/// The one checkpoint mechanism run, sweep and solve share (`CheckpointStore`, `Resumption`),
/// and the one replication loop both services' engines run in.
struct ResumptionTests {
    private static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("sufficiency-resumption-\(UUID().uuidString)",
                                                                      isDirectory: true)
    }

    /// Every measure's mean over the whole run under every option, as bits.
    private static func bits(_ results: RunResults) -> [UInt64] {
        results.layout.options.indices.flatMap { o in
            results.layout.measures.all.map { measure in
                results.summary(option: o, window: results.layout.horizonWindow, measure: measure.name)?.mean.bitPattern ?? 0
            }
        }
    }

    @Test func aResumptionSaysWhereItResumesContinuesToTheSameBitsAndIsRemovedWhenFinished() throws {
        let scenario = TestScenarios.market(replications: 6, threads: 1, checkInvariants: false)
        let whole = Runner(scenario: scenario).run()
        let parent = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let folder = parent.appendingPathComponent("results").path

        let runner = Runner(scenario: scenario)
        let fresh = try Resumption(RunJob(runner: runner), resultsFolder: folder, scenarioSHA256: "abc", resume: false)
        #expect(fresh.checkpoint == nil && fresh.announcement == nil)
        let nothing = try Resumption(RunJob(runner: runner), resultsFolder: folder, scenarioSHA256: "abc", resume: true)
        #expect(nothing.checkpoint == nil)
        #expect(nothing.announcement == "No stopped run of \(folder) to resume; starting from the first replication.")

        let stop = StopRequest()
        guard case .stopped(let stopped) = runner.run(resuming: nil, stop: stop, progress: { done, _ in
            if done == 2 { stop.stop() }
        }) else {
            Issue.record("the run did not stop")
            return
        }
        #expect(fresh.done(stopped) == "2 of 6 replications" && !fresh.isEmpty(stopped))
        try fresh.save(stopped)
        #expect(fresh.location == CheckpointFolder.location(for: URL(fileURLWithPath: folder)))

        // Another process, on two threads: only what was saved carries over.
        var twoThreads = scenario
        twoThreads.run.threads = 2
        let again = Runner(scenario: twoThreads)
        let resumed = try Resumption(RunJob(runner: again, toPrecision: true), resultsFolder: folder,
                                     scenarioSHA256: "abc", resume: true)
        #expect(resumed.announcement == "Resuming \(folder) from 2 of at most 6 replications done.")
        let checkpoint = try #require(resumed.checkpoint)
        guard case .finished(let results) = again.run(resuming: checkpoint, stop: StopRequest()) else {
            Issue.record("the resumed run did not finish")
            return
        }
        #expect(Self.bits(results) == Self.bits(whole))
        resumed.finish()
        #expect(!FileManager.default.fileExists(atPath: resumed.location.path))
    }

    @Test func aCheckpointOfAnotherKindOfJobIsRefusedByName() throws {
        let runner = Runner(scenario: TestScenarios.market(replications: 3, threads: 1, checkInvariants: false))
        let stop = StopRequest()
        guard case .stopped(let stopped) = runner.run(resuming: nil, stop: stop, progress: { done, _ in
            if done == 1 { stop.stop() }
        }) else {
            Issue.record("the run did not stop")
            return
        }
        let location = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: location) }
        let store = CheckpointStore(RunJob(runner: runner), at: location, scenarioSHA256: "abc")
        try store.save(stopped)
        let json = location.appendingPathComponent("checkpoint.json")
        var record = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])
        #expect(record["kind"] as? String == RunJob.kind)
        record["kind"] = SolveJob.kind
        try JSONSerialization.data(withJSONObject: record).write(to: json)
        let error = try #require(throws: CheckpointError.self) { _ = try store.read() }
        #expect("\(error)".contains("holds a stopped solve, not a run"), "\(error)")
    }

    @Test func theServiceIsAnEnumThatTheLayoutAndTheRecordFollow() {
        let homeCare = TestScenarios.market(replications: 2, threads: 1, checkInvariants: false)
        let day = DayOpportunitiesTests.scenario(replications: 2)
        #expect(homeCare.service == .homeCare && homeCare.service.name == "home_care")
        guard case .dayOpportunities(let section) = day.service else {
            Issue.record("a scenario with a day opportunities section is not that service")
            return
        }
        #expect(section == day.dayOpportunities && day.service.name == "day_opportunities")
        #expect(Runner(scenario: homeCare).layout.hasProviders && !Runner(scenario: day).layout.hasProviders)
        #expect(StudyRecord(scenario: day, fileText: nil).service == "day_opportunities")
    }

    @Test func bothEnginesGiveTheSameBitsOnOneThreadAndOnTwo() {
        for make in [{ (threads: Int) in TestScenarios.market(replications: 5, threads: threads, checkInvariants: false) },
                     { (threads: Int) in DayOpportunitiesTests.scenario(replications: 5, threads: threads) }] {
            #expect(Self.bits(Runner(scenario: make(1)).run()) == Self.bits(Runner(scenario: make(2)).run()))
        }
    }
}
