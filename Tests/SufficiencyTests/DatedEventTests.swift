import Foundation
import Testing
@testable import Sufficiency

/// Dated events change the market from their day on and not before: each is run paired, on the
/// same seed with and without it, and every reporting period before its day is the same to the
/// bit in every zone and measure.
@Suite struct DatedEventTests {
    /// The test market over three years, to March 2026, by month.
    static func market() -> Scenario {
        var scenario = TestScenarios.market(replications: 6, threads: 1)
        scenario.calendar.horizonDays = 1_096
        return scenario
    }

    /// 1 April 2025, day 731 of a run from 1 April 2023.
    static let april2025 = 731

    /// The providers of the test market, by name.
    static let alpha = 0, delta = 3
    /// Its zones: Alpha serves North and South, and never Downs.
    static let north = 0, south = 1, downs = 2

    /// Every replication's results under `scenario`, in replication order (each as
    /// `ResultLayout.cell` numbers them), and the layout.
    static func cells(_ scenario: Scenario) -> (replications: [[Double]], layout: ResultLayout) {
        final class Collected: @unchecked Sendable { var cells: [[Double]] = [] }
        let collected = Collected()
        let runner = Runner(scenario: scenario)
        // The observer is called in replication order and never concurrently.
        _ = runner.run(observer: { _, cells in collected.cells.append(Array(cells)) })
        return (collected.cells, runner.layout)
    }

    /// The reporting periods (indices into `layout.windows`) that end by day `day`, and those
    /// that start on it or later.
    static func periods(_ layout: ResultLayout, around day: Int) -> (before: [Int], after: [Int]) {
        let periods = layout.windows.indices.filter { layout.windows[$0].kind == .period }
        return (periods.filter { layout.windows[$0].toDay <= day }, periods.filter { layout.windows[$0].fromDay >= day })
    }

    /// The value of `measure` in zone slot `slot` (0: the county) in one replication's cells.
    static func value(_ cells: [Double], _ layout: ResultLayout, option: Int = 0, window: Int, slot: Int,
                      _ measure: String) -> Double {
        let m = layout.measures.all.firstIndex { $0.name == measure }!
        return cells[layout.cell(option: option, window: window, zoneSlot: slot, measure: m)]
    }

    /// Checks that every cell of every period before `day` is the same, bit for bit.
    static func expectSameBefore(_ day: Int, _ with: [[Double]], _ without: [[Double]], _ layout: ResultLayout,
                                 sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let before = periods(layout, around: day).before
        #expect(!before.isEmpty, sourceLocation: sourceLocation)
        for r in with.indices {
            for option in layout.options.indices {
                for window in before {
                    for slot in 0..<layout.zoneSlots {
                        for m in layout.measures.all.indices {
                            let cell = layout.cell(option: option, window: window, zoneSlot: slot, measure: m)
                            guard with[r][cell].bitPattern != without[r][cell].bitPattern else { continue }
                            let message = "replication \(r), option \(option), period \(window), zone slot \(slot): "
                                + "\(layout.measures.all[m].name) is \(with[r][cell]) with the event and "
                                + "\(without[r][cell]) without, before its day"
                            Issue.record("\(message)", sourceLocation: sourceLocation)
                            return
                        }
                    }
                }
            }
        }
    }

    @Test func aDatedExitMovesUnmetNeedInItsZonesOnlyFromItsDate() {
        let without = Self.market()
        var with = without
        with.events = [ScenarioEvent(day: Self.april2025, kind: .providerExit(provider: Self.alpha))]
        let (withCells, layout) = Self.cells(with)
        let (withoutCells, _) = Self.cells(without)
        Self.expectSameBefore(Self.april2025, withCells, withoutCells, layout)

        let after = Self.periods(layout, around: Self.april2025).after
        var changed = false
        for r in withCells.indices {
            for option in layout.options.indices {
                for window in after {
                    for zone in [Self.north, Self.south] {
                        let a = Self.value(withCells[r], layout, option: option, window: window, slot: zone + 1, MeasureName.unmetHours)
                        let b = Self.value(withoutCells[r], layout, option: option, window: window, slot: zone + 1,
                                           MeasureName.unmetHours)
                        if a != b { changed = true }
                    }
                }
                // Alpha is the only provider based in North: unless it had already left, it leaves
                // in April 2025, and the exit is counted there.
                let exitsBefore = Self.periods(layout, around: Self.april2025).before.reduce(0.0) {
                    $0 + Self.value(withCells[r], layout, option: option, window: $1, slot: Self.north + 1, MeasureName.providerExits)
                }
                let april = Self.value(withCells[r], layout, option: option, window: after[0], slot: Self.north + 1,
                                       MeasureName.providerExits)
                #expect(april == (exitsBefore == 0 ? 1 : 0), "replication \(r), option \(option)")
            }
        }
        #expect(changed, "Alpha's exit should change the unmet hours of North or South after April 2025")
    }

    /// The same exit in the per-provider results (providers.csv): the provider is still in the
    /// market in 2023/24 and 2024/25 in some replications (delivering hours), has left in
    /// 2025/26 in every one, and delivers nothing that year.
    @Test func aDatedExitShowsInTheProvidersResultsFromItsYear() {
        var with = Self.market()
        with.events = [ScenarioEvent(day: Self.april2025, kind: .providerExit(provider: Self.alpha))]
        let results = Runner(scenario: with).run()
        let providers = results.layout.providers
        let years = providers.windows.filter { results.layout.windows[$0].kind == .financialYear }
        #expect(years.count == 3)
        for o in results.layout.options.indices {
            for (slot, window) in providers.windows.enumerated() where results.layout.windows[window].kind == .financialYear {
                let exited = results.providerSummary(option: o, window: slot, provider: Self.alpha, measure: .exited).mean
                let hours = results.providerSummary(option: o, window: slot, provider: Self.alpha, measure: .weeklyHours).mean
                if results.layout.windows[window].fromDay >= Self.april2025 {
                    #expect(exited == 1 && hours == 0, "option \(o), window from day \(results.layout.windows[window].fromDay)")
                } else {
                    // Before its date it has left only where its margin drove it out, as without the event.
                    #expect(exited < 1 && hours > 0, "option \(o), window from day \(results.layout.windows[window].fromDay)")
                }
            }
        }
    }

    @Test func anEventForOneOptionLeavesTheOthersAlone() {
        let without = Self.market()
        var with = without
        with.events = [ScenarioEvent(day: Self.april2025, options: [1], kind: .providerExit(provider: Self.alpha))]
        let (withCells, layout) = Self.cells(with)
        let (withoutCells, _) = Self.cells(without)
        let perOption = layout.cellsPerOption
        for r in withCells.indices {
            #expect(withCells[r][0..<perOption].map(\.bitPattern) == withoutCells[r][0..<perOption].map(\.bitPattern),
                    "replication \(r): the strategic option, which the exit does not apply to")
        }
        #expect(withCells.indices.contains { r in
            withCells[r][perOption...].map(\.bitPattern) != withoutCells[r][perOption...].map(\.bitPattern)
        })
    }

    @Test func aDemandShockRaisesReferralsInItsZoneFromItsDate() {
        let without = Self.market()
        var with = without
        let shock = DemandShock(referralsFactor: 2, zones: [Self.downs], untilDay: Self.april2025 + 183)
        with.events = [ScenarioEvent(day: Self.april2025, kind: .demandShock(shock))]
        let (withCells, layout) = Self.cells(with)
        let (withoutCells, _) = Self.cells(without)
        // Referrals before the shock are drawn exactly as without it.
        Self.expectSameBefore(Self.april2025, withCells, withoutCells, layout)

        let during = Self.periods(layout, around: Self.april2025).after.filter {
            layout.windows[$0].toDay <= Self.april2025 + 183
        }
        #expect(during.count == 6)
        func referrals(_ cells: [[Double]], zone: Int) -> Double {
            cells.reduce(0) { total, replication in
                total + during.reduce(0) { $0 + Self.value(replication, layout, window: $1, slot: zone + 1, MeasureName.referrals) }
            }
        }
        let shocked = (referrals(withCells, zone: Self.downs), referrals(withoutCells, zone: Self.downs))
        #expect(shocked.0 > 1.5 * shocked.1, "Downs' referrals over the shock: \(shocked.0) with it, \(shocked.1) without")
        let north = (referrals(withCells, zone: Self.north), referrals(withoutCells, zone: Self.north))
        #expect(abs(north.0 - north.1) < 0.25 * north.1, "North's referrals: \(north.0) with the shock, \(north.1) without")
    }

    @Test func aCapacityChangeDropsTheWorkforceOnItsDate() {
        let without = Self.market()
        var with = without
        let change = CapacityChange(provider: Self.alpha, size: .factor(0.5))
        with.events = [ScenarioEvent(day: Self.april2025, kind: .capacityChange(change))]
        let (withCells, layout) = Self.cells(with)
        let (withoutCells, _) = Self.cells(without)
        Self.expectSameBefore(Self.april2025, withCells, withoutCells, layout)

        let april = Self.periods(layout, around: Self.april2025).after[0]
        let workers = (withCells.reduce(0) { $0 + Self.value($1, layout, window: april, slot: 0, MeasureName.careWorkers) },
                       withoutCells.reduce(0) { $0 + Self.value($1, layout, window: april, slot: 0, MeasureName.careWorkers) })
        let count = Double(withCells.count)
        #expect(workers.0 / count < workers.1 / count - 4,
                "care workers in April 2025: \(workers.0 / count) with Alpha's halved, \(workers.1 / count) without")
    }

    /// After Alpha loses its strategic contract for North, no package is placed with it under
    /// that contract; before, some are (the packages in care two months on are looked at).
    @Test func aProviderTakesNoPackagesUnderALostContract() {
        var scenario = Self.market()
        scenario.calendar.horizonDays = Self.april2025 + 61
        let lost = ContractChange(provider: Self.alpha, zones: [Self.north])
        scenario.events = [ScenarioEvent(day: Self.april2025, options: [0], kind: .contractLost(lost))]
        let worker = EngineWorker(scenario)
        var before = 0
        for replication in 0..<3 {
            worker.drawPeople(replication: replication)
            worker.run(option: 0, replication: replication)
            let sim = worker.sim
            for c in 0..<sim.people.usedSlots where sim.people.customers[c].state == .inCare && sim.people.customers[c].provider == 0 {
                guard sim.people.customers[c].route == .strategic else { continue }
                if sim.people.customers[c].placedAt < Double(Self.april2025) {
                    before += 1
                } else {
                    let message = "replication \(replication): a strategic package placed with Alpha on day "
                        + "\(sim.people.customers[c].placedAt), after it lost the contract"
                    Issue.record("\(message)")
                }
            }
        }
        #expect(before > 0, "Alpha should hold strategic packages placed before it lost the contract")
    }

    /// Delta's framework contract starts in April 2024: no package is on it before, and some
    /// after (the packages in care two months on are looked at).
    @Test func aProviderTakesPackagesUnderAContractOnlyOnceGained() {
        var scenario = Self.market()
        scenario.calendar.horizonDays = 366 + 61
        let gained = ContractChange(provider: Self.delta, route: .framework)
        scenario.events = [ScenarioEvent(day: 366, options: [1], kind: .contractGained(gained))]
        let worker = EngineWorker(scenario)
        var after = 0
        for replication in 0..<3 {
            worker.drawPeople(replication: replication)
            worker.run(option: 1, replication: replication)
            let sim = worker.sim
            for c in 0..<sim.people.usedSlots where sim.people.customers[c].state == .inCare && sim.people.customers[c].provider == 3 {
                guard sim.people.customers[c].route == .framework else { continue }
                if sim.people.customers[c].placedAt >= 366 {
                    after += 1
                } else {
                    let message = "replication \(replication): a framework package placed with Delta on day "
                        + "\(sim.people.customers[c].placedAt), before its contract started"
                    Issue.record("\(message)")
                }
            }
        }
        #expect(after > 0, "Delta should take framework packages once its contract has started")
    }

    /// A contract event names slots of the contracts it concerns: the stated zones, or every zone
    /// of the county when the stated zones are all the contract covers.
    @Test func contractEventsSwitchTheSlotsOfTheirZones() {
        let framework = Self.market().options[1]   // Alpha: North and South; Delta: every zone
        let part = ContractChange(provider: Self.alpha, zones: [Self.south])
        #expect(part.switched(in: framework, zoneCount: 3).map(\.contract) == [0])
        #expect(part.switched(in: framework, zoneCount: 3).map(\.zones) == [[Self.south]])
        let whole = ContractChange(provider: Self.alpha, zones: [Self.north, Self.south])
        #expect(whole.switched(in: framework, zoneCount: 3).map(\.zones) == [[0, 1, 2]])
        let elsewhere = ContractChange(provider: Self.alpha, zones: [Self.downs])
        #expect(elsewhere.switched(in: framework, zoneCount: 3).isEmpty)
        let onAnotherRoute = ContractChange(provider: Self.delta, route: .dps)
        #expect(onAnotherRoute.contracts(in: framework).isEmpty)

        var scenario = Self.market()
        scenario.events = [ScenarioEvent(day: 400, options: [1], kind: .contractLost(part)),
                           ScenarioEvent(day: 500, kind: .contractGained(ContractChange(provider: Self.delta)))]
        let plan = EventPlan(scenario: scenario, option: 1)
        // Alpha's contract (0) and Delta's (3) have slots, three zones each, in contract order.
        #expect(plan.slotBase == [0, -1, -1, 3])
        #expect(plan.slotCount == 6)
        #expect(plan.slots[0] == [1])
        #expect(plan.slots[1] == [3, 4, 5])
        #expect(plan.inactiveAtStart == [3, 4, 5])
        #expect(plan.dated.map(\.day) == [400, 500])
        #expect(EventPlan(scenario: scenario, option: 0).slotBase == [-1, -1, -1, 0])
    }
}
