import XCTest
@testable import Sufficiency

/// The engine configured as textbook queues must reproduce queueing theory
/// within the replications' confidence intervals.
final class QueueVerificationTests: XCTestCase {
    func testMMcMatchesErlangC() {
        // The workload: arrivals 10 a day, mean time in care 20 days, 220 places.
        let scenario = TestScenarios.mmc(arrivalsPerDay: 10, meanServiceDays: 20, servers: 220, replications: 40)
        let results = Runner(scenario: scenario).run()
        let theory = QueueTheory.erlangC(arrivalRate: 10, meanService: 20, servers: 220)
        let horizon = results.layout.horizonWindow

        let wait = results.summary(option: 0, window: horizon, measure: MeasureName.waitMeanDays)!
        XCTAssertLessThanOrEqual(wait.ciLow, theory.meanWait, "Erlang C mean wait \(theory.meanWait) below CI \(wait)")
        XCTAssertGreaterThanOrEqual(wait.ciHigh, theory.meanWait, "Erlang C mean wait \(theory.meanWait) above CI \(wait)")

        let queue = results.summary(option: 0, window: horizon, measure: MeasureName.waiting)!
        XCTAssertLessThanOrEqual(queue.ciLow, theory.meanQueueLength)
        XCTAssertGreaterThanOrEqual(queue.ciHigh, theory.meanQueueLength)

        // Offered load: mean number in care is λ × mean time in care.
        let inCare = results.summary(option: 0, window: horizon, measure: MeasureName.inCare)!
        XCTAssertLessThanOrEqual(inCare.ciLow, 200)
        XCTAssertGreaterThanOrEqual(inCare.ciHigh, 200)
        // The queue is real: a test with no waiting could not tell a wrong wait.
        XCTAssertGreaterThan(theory.meanWait, 0.01)
        XCTAssertGreaterThan(wait.mean, 0.01)
    }

    func testHeavilyLoadedMMcMatchesErlangC() {
        // Few servers and high utilisation (ρ = 0.9): waits are long and sensitive to any error.
        let scenario = TestScenarios.mmc(arrivalsPerDay: 1.8, meanServiceDays: 5, servers: 10,
                                         horizonDays: 4000, replications: 40)
        let results = Runner(scenario: scenario).run()
        let theory = QueueTheory.erlangC(arrivalRate: 1.8, meanService: 5, servers: 10)
        let wait = results.summary(option: 0, window: results.layout.horizonWindow, measure: MeasureName.waitMeanDays)!
        XCTAssert(wait.ciLow <= theory.meanWait && theory.meanWait <= wait.ciHigh,
                  "Erlang C Wq \(theory.meanWait) outside \(wait.ciLow)...\(wait.ciHigh)")
    }

    func testMMInfinityMeanInCareIsOfferedLoad() {
        // Capacity far beyond demand: nobody waits, and the mean in care is λ/μ.
        let scenario = TestScenarios.mmc(arrivalsPerDay: 4, meanServiceDays: 30, servers: 100_000, replications: 40)
        let results = Runner(scenario: scenario).run()
        let expected = QueueTheory.mmInfinityMeanInSystem(arrivalRate: 4, meanService: 30)
        let inCare = results.summary(option: 0, window: results.layout.horizonWindow, measure: MeasureName.inCare)!
        XCTAssert(inCare.ciLow <= expected && expected <= inCare.ciHigh, "λ/μ = \(expected) outside \(inCare)")
        XCTAssertEqual(results.summary(option: 0, window: results.layout.horizonWindow, measure: MeasureName.waiting)!.mean, 0)
    }
}
