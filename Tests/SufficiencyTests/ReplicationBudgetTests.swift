import Foundation
import Testing
@testable import Sufficiency

/// The engine ends a replication that goes past its budget with a message naming the
/// replication, the option and the limit, and ends a long replication soon after a stop is asked
/// for, keeping the replications finished before it.
@Suite struct ReplicationBudgetTests {
    /// One long replication: 10 referrals a day for 400,000 days, several seconds' work.
    private static func longQueue(replications: Int = 1) -> Scenario {
        Scenario.mmc(arrivalsPerDay: 10, meanServiceDays: 5, servers: 60, horizonDays: 400_000, warmUpDays: 0,
                     period: .quarter, replications: replications, seed: 3, threads: 1)
    }

    @Test func aReplicationPastItsEventBudgetFailsTheRun() throws {
        let runner = Runner(scenario: Self.longQueue())
        runner.budget = ReplicationBudget(events: 200_000, bytes: ReplicationBudget.standard.bytes)
        let error = try #require(throws: ReplicationBudgetExceeded.self) { try runner.run(replications: 0..<1) }
        #expect(error.resource == .events)
        #expect(error.replication == 0 && error.option == "spot")
        #expect(error.used >= 200_000 && error.used < 200_000 + 2 * Int(ReplicationBudget.pollInterval))
        #expect(error.description.hasPrefix("replication 1, option 'spot', was stopped after "))
        #expect(error.description.contains("one replication of one option may handle at most 200000"))
        #expect(error.description.hasSuffix("Nothing was written."))
    }

    @Test func aReplicationPastItsMemoryBudgetFailsTheRun() throws {
        let runner = Runner(scenario: Self.longQueue())
        runner.budget = ReplicationBudget(events: ReplicationBudget.standard.events, bytes: 1_000)
        let error = try #require(throws: ReplicationBudgetExceeded.self) { try runner.run(replications: 0..<1) }
        #expect(error.resource == .memory && error.limit == 1_000)
        #expect(error.description.contains("may hold at most 1000"))
    }

    @Test func aStoppableRunReportsTheBudgetInsteadOfStopping() {
        let runner = Runner(scenario: Self.longQueue(replications: 3))
        runner.budget = ReplicationBudget(events: 100_000, bytes: ReplicationBudget.standard.bytes)
        guard case .exceeded(let error) = runner.run(resuming: nil, stop: StopRequest()) else {
            Issue.record("a run past its budget did not say so")
            return
        }
        #expect(error.replication == 0)
    }

    @Test func aStopEndsALongReplicationPartWay() {
        let runner = Runner(scenario: Self.longQueue(replications: 2))
        let stop = StopRequest()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { stop.stop() }
        let outcome = runner.run(resuming: nil, stop: stop)
        guard case .stopped(let checkpoint) = outcome else {
            Issue.record("a run asked to stop during its first replication did not stop")
            return
        }
        // The whole replication takes a minute or more in a debug build. A runner that looked at
        // the stop only between replications would finish it and keep it (completed 1); the
        // engine polls as it runs, so the replication in hand is dropped part way, to be run
        // again on resuming.
        #expect(checkpoint.completed == 0)
    }

    @Test func withinItsBudgetARunIsUnchanged() throws {
        let scenario = Scenario.mmc(arrivalsPerDay: 10, meanServiceDays: 5, servers: 60, horizonDays: 2_000,
                                    warmUpDays: 100, replications: 3, seed: 3, threads: 1)
        let plain = Runner(scenario: scenario).run()
        let budgeted = Runner(scenario: scenario)
        budgeted.budget = ReplicationBudget(events: 1 << 40, bytes: 1 << 40)
        let again = try budgeted.run(replications: 0..<3)
        let window = budgeted.layout.horizonWindow
        for measure in [MeasureName.waiting, MeasureName.placements, MeasureName.spend] {
            let a = try #require(plain.summary(option: 0, window: window, measure: measure))
            let b = try #require(again.summary(option: 0, window: window, measure: measure))
            #expect(a.mean.bitPattern == b.mean.bitPattern, "\(measure)")
        }
    }
}
