import XCTest
@testable import Sufficiency

/// `MeasureComputer` (period sums, percentiles from sorted buckets) gives the
/// same measures as computing every window from scratch (`ReferenceMeasures`).
final class MeasureComputerTests: XCTestCase {
    /// Measures that are counts or order statistics: these must match exactly.
    private static let exact: Set<Int> = [
        MeasureCatalog.Fixed.referrals, .placements, .waitP90Days, .handBacks, .handBacksCapacity,
        .handBacksFinancial, .handBacksBackground, .providerExits,
    ].reduce(into: []) { $0.insert($1.rawValue) }

    func testMatchesTheReferenceOnTheMarketScenarioByMonth() {
        compareWithReference(TestScenarios.market(replications: 3, checkInvariants: false), replications: 3)
    }

    func testMatchesTheReferenceByWeekAndByQuarter() {
        for period in [ReportingPeriod.week, .quarter] {
            var scenario = TestScenarios.market(replications: 2, checkInvariants: false)
            // Start mid-year so the first and last financial years are partial.
            scenario.calendar = CalendarSettings(start: TestScenarios.start.addingTimeInterval(86_400 * 100),
                                                 horizonDays: 1000, period: period)
            compareWithReference(scenario, replications: 2)
        }
    }

    func testMatchesTheReferenceOnCrowdedAndTiedWaits() {
        // Replace a run's waits with made-up ones: a crowded bucket, many ties
        // (whole and half days), zero waits, empty periods and zones, and waits
        // after the last period (which no window counts). The first option has
        // no waits at all, so the computer's buffers grow between two calls.
        compareWithReference(TestScenarios.market(replications: 1, checkInvariants: false), replications: 1) {
            sim, option, periods, zones in
            guard option == 1 else { sim.waits = []; return }
            var waits: [(Int32, Int32, Double)] = []
            var state: UInt64 = 0x9E37_79B9_7F4A_7C15
            func next() -> UInt64 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return state >> 33
            }
            for period in 0..<(periods + 1) {
                if period % 7 == 3 { continue }
                let count = period == 5 ? 900 : Int(next() % 40)
                for _ in 0..<count {
                    let zone = period == 5 ? 1 : Int(next() % UInt64(zones))
                    if zone == 2 && period % 3 == 0 { continue }
                    let wait: Double
                    switch next() % 4 {
                    case 0: wait = 0
                    case 1: wait = Double(next() % 30)
                    case 2: wait = Double(next() % 60) / 2
                    default: wait = Double(next() % 10_000) / 97
                    }
                    waits.append((Int32(period), Int32(zone), wait))
                }
            }
            sim.waits = waits
        }
    }

    /// Runs `replications` replications of every option, computing each
    /// option-run's measures both ways and comparing them cell by cell.
    private func compareWithReference(_ scenario: Scenario, replications: Int,
                                      adjust: ((HomeCareSimulation, Int, Int, Int) -> Void)? = nil,
                                      file: StaticString = #filePath, line: UInt = #line) {
        GSL.configure()
        let calendar = SimulationCalendar(scenario.calendar)
        let layout = ResultLayout(scenario: scenario, calendar: calendar)
        let plans = scenario.options.map { OptionPlan(option: $0, scenario: scenario) }
        let sim = HomeCareSimulation(scenario: scenario, calendar: calendar, plans: plans)
        let schedule = DemandSchedule(scenario: scenario, calendar: calendar)
        let streams = RandomStreams()
        let zones = scenario.zones.count
        var computer = MeasureComputer(layout: layout, zoneCount: zones, providerCount: scenario.providers.count,
                                       groupCount: scenario.demand.clientGroups.count)
        var reference = ReferenceMeasures(layout: layout, zoneCount: zones, providerCount: scenario.providers.count,
                                          groupCount: scenario.demand.clientGroups.count)
        var fast = [Double](repeating: 0, count: layout.cellCount)
        var slow = [Double](repeating: 0, count: layout.cellCount)
        var compared = 0, percentiles = 0
        for r in 0..<replications {
            streams.seedDemand(master: scenario.run.seed, replication: r)
            schedule.generate(streams.demand)
            for o in scenario.options.indices {
                streams.seedSupply(master: scenario.run.seed, replication: r)
                sim.run(option: o, schedule: schedule, streams: streams)
                adjust?(sim, o, calendar.periods.count, zones)
                // Run twice: the second call reuses the first one's buffers.
                for _ in 0..<2 {
                    fast.withUnsafeMutableBufferPointer { computer.compute(option: o, from: sim, into: $0) }
                }
                slow.withUnsafeMutableBufferPointer { reference.compute(option: o, from: sim, into: $0) }
                for w in layout.windows.indices {
                    for slot in 0..<layout.zoneSlots {
                        for m in 0..<layout.measures.count {
                            let cell = layout.cell(option: o, window: w, zoneSlot: slot, measure: m)
                            let a = fast[cell], b = slow[cell]
                            let what = "replication \(r), option \(o), window \(w), slot \(slot), "
                                + layout.measures.all[m].name
                            compared += 1
                            if m == MeasureCatalog.Fixed.waitP90Days.rawValue && !b.isNaN { percentiles += 1 }
                            if a.isNaN || b.isNaN {
                                XCTAssertTrue(a.isNaN && b.isNaN, "\(what): \(a) vs \(b)", file: file, line: line)
                            } else if Self.exact.contains(m) {
                                XCTAssertEqual(a, b, what, file: file, line: line)
                            } else {
                                // Sums over several periods add in another order; values
                                // that cancel (unmet hours, undelivered share) are judged
                                // against a scale of at least 1.
                                XCTAssertEqual(a, b, accuracy: 1e-9 * max(abs(a), abs(b), 1), what,
                                               file: file, line: line)
                            }
                        }
                    }
                }
            }
        }
        XCTAssertGreaterThan(percentiles, layout.windows.count, "too few percentiles compared", file: file, line: line)
        XCTAssertGreaterThan(compared, 0, file: file, line: line)
    }
}
