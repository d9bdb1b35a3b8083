import XCTest
@testable import Sufficiency

/// Little's law, L = λW, on a general scenario: several zones, priority
/// classes, tiers, reviews and a live workforce, where no formula gives the answer.
final class LittlesLawTests: XCTestCase {
    func testTimeAverageQueueEqualsThroughputTimesMeanWait() {
        var scenario = TestScenarios.market(replications: 16, checkInvariants: false)
        // Nobody may leave the queue other than by being placed, so every wait ends in
        // a placement; hand-backs and exits are off for the same reason.
        scenario.demand.durationStartsAt = .placement
        scenario.handBacks = HandBackSettings(tolerance: 10, graceDays: 10_000, backgroundAnnualHazard: 0)
        scenario.exits = ExitSettings(annualHazard: 0)
        // Contracts held for the whole run: a re-tender would reprice and reorder providers.
        for o in scenario.options.indices { scenario.options[o].term = nil }
        // A long warm-up lets the market settle from its starting caseload, so edge
        // effects (waits that began before the window) stay small.
        scenario.calendar = CalendarSettings(start: TestScenarios.start, horizonDays: 3000, period: .quarter,
                                             warmUpDays: 1000)
        scenario.demand.annualGrowth = 0
        scenario.demand.steps = []
        for z in scenario.zones.indices { scenario.zones[z].labourPoolPerWeek *= 0.65 }
        // Equal packages: a large package can wait behind many smaller ones for years,
        // and such a wait begun before the window would swamp the comparison.
        for g in scenario.demand.clientGroups.indices { scenario.demand.clientGroups[g].packageHours = .fixed(10) }
        let results = Runner(scenario: scenario).run()
        let measures = results.layout.measures.all.map(\.name)
        let waiting = measures.firstIndex(of: MeasureName.waiting)!
        let placements = measures.firstIndex(of: MeasureName.placements)!
        let wait = measures.firstIndex(of: MeasureName.waitMeanDays)!
        let days = Double(scenario.calendar.horizonDays)

        for option in 0..<2 {
            let differences = (0..<results.replications).map { r -> Double in
                let l = results.total(replication: r, option: option, measure: waiting)
                let lambda = results.total(replication: r, option: option, measure: placements) / days
                return l - lambda * results.total(replication: r, option: option, measure: wait)
            }
            let queue = results.summary(option: option, window: results.layout.horizonWindow, measure: MeasureName.waiting)!
            XCTAssertGreaterThan(queue.mean, 0.1, "a queue must form for the test to mean anything")
            let n = Double(differences.count)
            let mean = differences.reduce(0, +) / n
            let sd = (differences.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)).squareRoot()
            let half = Summary.confidenceHalfWidth(sd: sd, n: differences.count)
            // People still queueing when the run ends (or placed from the warm-up) make a
            // small edge effect; allow it on top of the sampling interval.
            XCTAssertLessThanOrEqual(abs(mean), half + 0.02 * queue.mean,
                                     "option \(option): L − λW = \(mean) ± \(half), L = \(queue.mean)")
        }
    }
}
