import XCTest
@testable import Sufficiency

/// Behaviour of the home care engine that users rely on.
final class EngineTests: XCTestCase {
    func testInvariantsHoldWithEveryMechanismSwitchedOn() {
        // check_invariants makes the engine stop on any violation after every event.
        let results = Runner(scenario: TestScenarios.market(replications: 6, checkInvariants: true)).run()
        let handBacks = results.summary(option: 0, window: results.layout.horizonWindow, measure: MeasureName.handBacks)!
        XCTAssertGreaterThan(handBacks.mean, 0, "the market scenario should exercise hand-backs")
        let placements = results.summary(option: 1, window: results.layout.horizonWindow, measure: MeasureName.placements)!
        XCTAssertGreaterThan(placements.mean, 0)
    }

    func testSameSeedGivesIdenticalResultsWhateverTheThreadCount() {
        let one = Runner(scenario: TestScenarios.market(replications: 7, threads: 1, checkInvariants: false)).run()
        let two = Runner(scenario: TestScenarios.market(replications: 7, threads: 2, checkInvariants: false)).run()
        XCTAssertEqual(one.threads, 1)
        XCTAssertEqual(two.threads, 2)
        XCTAssertEqual(one.replicationTotals.map(\.bitPattern), two.replicationTotals.map(\.bitPattern))
        for cell in stride(from: 0, to: one.layout.cellCount, by: 97) {
            XCTAssertEqual(one.summaries.summary(cell), two.summaries.summary(cell))
        }
    }

    func testPercentilesAreKeptForFinancialYearsAndTheWholeRunOnly() {
        let results = Runner(scenario: TestScenarios.market(replications: 3, checkInvariants: false)).run()
        let layout = results.layout
        for w in layout.windows.indices {
            let s = results.summary(option: 0, window: w, measure: MeasureName.referrals)!
            XCTAssertGreaterThan(s.n, 0)
            if layout.comparedWindows.contains(w) {
                XCTAssertFalse(s.p05.isNaN || s.p50.isNaN || s.p95.isNaN, "window \(w)")
            } else {
                XCTAssertEqual(layout.windows[w].kind, .period)
                XCTAssertTrue(s.p05.isNaN && s.p50.isNaN && s.p95.isNaN, "window \(w)")
                XCTAssertFalse(s.mean.isNaN, "window \(w)")
            }
        }
    }

    func testDifferentSeedsGiveDifferentResults() {
        let a = Runner(scenario: TestScenarios.market(replications: 2, seed: 1, checkInvariants: false)).run()
        let b = Runner(scenario: TestScenarios.market(replications: 2, seed: 2, checkInvariants: false)).run()
        XCTAssertNotEqual(a.replicationTotals, b.replicationTotals)
    }

    func testEveryOptionSeesTheSameReferralsInAReplication() {
        let results = Runner(scenario: TestScenarios.market(replications: 5, checkInvariants: false)).run()
        let referrals = results.layout.measures.all.firstIndex { $0.name == MeasureName.referrals }!
        for r in 0..<5 {
            let strategic = results.total(replication: r, option: 0, measure: referrals)
            let framework = results.total(replication: r, option: 1, measure: referrals)
            XCTAssertEqual(strategic, framework, "replication \(r)")
            XCTAssertGreaterThan(strategic, 0)
        }
        // …and different replications see different demand.
        XCTAssertNotEqual(results.total(replication: 0, option: 0, measure: referrals),
                          results.total(replication: 1, option: 0, measure: referrals))
    }

    func testFixedSeedGivesTheRecordedResult() {
        // A fixed seed reproduces exactly: this guards against accidental changes to
        // the random streams or the order events are handled in.
        let results = Runner(scenario: TestScenarios.market(replications: 3, seed: 2024, threads: 1,
                                                            checkInvariants: false)).run()
        let measures = results.layout.measures.all.map(\.name)
        let referrals = measures.firstIndex(of: MeasureName.referrals)!
        let placements = measures.firstIndex(of: MeasureName.placements)!
        let values = (0..<3).map { results.total(replication: $0, option: 0, measure: referrals) }
            + (0..<3).map { results.total(replication: $0, option: 1, measure: placements) }
        XCTAssertEqual(values, FixedSeedRecord.market)
    }
}

/// Financial exits follow the hazard, including its edges.
final class ExitHazardTests: XCTestCase {
    func testAZeroExitHazardNeverClosesAProviderHoweverFarCostsOutrunTheRate() {
        // Over 300 years with a fixed rate and costs growing with inflation, the margin
        // falls below −40: the hazard's exponential must not turn 0 into an exit.
        var scenario = TestScenarios.mmc(arrivalsPerDay: 1, meanServiceDays: 5, servers: 20,
                                         horizonDays: 300 * 365, warmUpDays: 0, replications: 1)
        scenario.calendar.period = .quarter
        scenario.prices.cpi = [2020: 0.05]
        let results = Runner(scenario: scenario).run()
        let exits = results.summary(option: 0, window: results.layout.horizonWindow, measure: MeasureName.providerExits)!
        XCTAssertEqual(exits.mean, 0)
        let waiting = results.summary(option: 0, window: results.layout.horizonWindow, measure: MeasureName.waiting)!
        XCTAssertLessThan(waiting.mean, 1, "the only provider must still be serving at the end")
    }
}

/// The engine's memory follows the market, not the number of people ever referred.
final class CustomerSlotTests: XCTestCase {
    func testSlotsOfPeopleWhoLeaveAreReused() {
        // M/M/c with 10 arrivals a day, mean stay 5 days, 60 servers: about 50 people in the
        // market at a time and 3,000 referred in 300 days (Poisson, so within ±200 of 3,000).
        var scenario = TestScenarios.mmc(arrivalsPerDay: 10, meanServiceDays: 5, servers: 60,
                                         horizonDays: 300, warmUpDays: 0, replications: 1, seed: 3)
        scenario.run.checkInvariants = true   // people conserved, free slots all accounted for
        let worker = EngineWorker(scenario)
        worker.drawPeople(replication: 0)
        worker.run(option: 0, replication: 0)
        let (sim, schedule) = (worker.sim, worker.schedule)
        XCTAssertGreaterThan(schedule.people.count, 2_500)
        XCTAssertEqual(sim.people.arrived, schedule.people.count)
        XCTAssertGreaterThan(sim.people.departed, 2_000, "most people should have left")
        // Everyone still in the market holds a slot; nobody else does, beyond the peak.
        XCTAssertEqual(sim.people.usedSlots - sim.people.freeSlots.count, sim.people.arrived - sim.people.departed)
        XCTAssertLessThan(sim.people.usedSlots, 200, "slots should be reused, not one per referral")
        XCTAssertLessThan(sim.people.customers.count, 1_000)
    }
}
