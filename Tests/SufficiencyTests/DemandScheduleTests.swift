import XCTest
@testable import Sufficiency

/// A streamed demand schedule (drawn a block at a time, for runs of one option) must give the
/// run exactly the people, in the same order, as one drawn whole.
final class DemandScheduleTests: XCTestCase {
    func testAStreamedScheduleRunsExactlyAsOneDrawnWhole() throws {
        let scenario = TestScenarios.market(replications: 1, seed: 23)   // invariants checked
        GSL.configure()
        let calendar = SimulationCalendar(scenario.calendar)
        let plans = scenario.options.map { OptionPlan(option: $0, scenario: scenario) }

        func run(option: Int, blockSize: Int?) -> (bins: [Double], waits: [(Int32, Int32, Double)], arrived: Int,
                                                 blocks: Int) {
            let sim = HomeCareSimulation(scenario: scenario, calendar: calendar, plans: plans)
            let schedule = DemandSchedule(scenario: scenario, calendar: calendar, blockSize: blockSize)
            let streams = RandomStreams()
            streams.seedDemand(master: scenario.run.seed, replication: 2)
            schedule.generate(streams.demand)
            streams.seedSupply(master: scenario.run.seed, replication: 2)
            sim.run(option: option, schedule: schedule, streams: streams)
            XCTAssertTrue(schedule.isComplete)
            let blocks = blockSize.map { (schedule.base + schedule.people.count - schedule.initialCount + $0 - 1) / $0 } ?? 1
            return (sim.bins, sim.waits, sim.people.arrived, blocks)
        }

        for option in scenario.options.indices {
            let whole = run(option: option, blockSize: nil)
            XCTAssertGreaterThan(whole.arrived, 500, "the market should see hundreds of people")
            for blockSize in [1, 7, 1_000] {
                let streamed = run(option: option, blockSize: blockSize)
                XCTAssertEqual(streamed.arrived, whole.arrived)
                XCTAssertEqual(streamed.bins.map(\.bitPattern), whole.bins.map(\.bitPattern),
                               "option \(option), blocks of \(blockSize)")
                XCTAssertEqual(streamed.waits.map { "\($0.0) \($0.1) \($0.2.bitPattern)" },
                               whole.waits.map { "\($0.0) \($0.1) \($0.2.bitPattern)" })
                if blockSize < 1_000 { XCTAssertGreaterThan(streamed.blocks, 5) }
            }
        }
    }
}
