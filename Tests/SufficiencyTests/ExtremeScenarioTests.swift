import Foundation
import XCTest
@testable import Sufficiency

/// Scenarios at the edges of what is valid: no providers, no demand, no capacity, a million
/// customers, thirty years, one replication, a day opportunities service nobody provides. Each
/// runs without crashing, writes no NaN or infinity (a value with no meaning is a blank, as
/// docs/OUTPUTS.md says), and gives results that follow from the scenario.
final class ExtremeScenarioTests: XCTestCase {
    /// Measures that are counts, stocks or totals: defined in every window, so never blank.
    private static let alwaysDefined = [MeasureName.referrals, MeasureName.placements, MeasureName.inCare, MeasureName.waiting, MeasureName.waitingHours,
                                        MeasureName.commissionedHours, MeasureName.deliveredHours, MeasureName.unmetHours, MeasureName.handBacks,
                                        MeasureName.providerExits, MeasureName.careWorkers, MeasureName.capacityHours, MeasureName.spend]

    // MARK: - Running and reading back

    /// Runs `scenario`, writes its results folder, and checks every CSV value is a number or blank.
    private func run(_ scenario: Scenario, file: StaticString = #filePath, line: UInt = #line) throws -> (RunResults, URL) {
        let runner = Runner(scenario: scenario)
        let results = runner.run()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("extreme-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let manifest = Manifest(scenarioFile: "extreme.yaml", scenarioSHA256: "", seed: scenario.run.seed,
                                replications: scenario.run.replications, threads: results.threads,
                                options: scenario.options.map(\.name), commandLine: ["sufficiency", "run", "extreme.yaml"],
                                startedAt: "2026-11-30T00:00:00Z", wallSeconds: 1, files: [],
                                study: StudyRecord(scenario: scenario, fileText: nil))
        try ResultsWriter.write(results, runner: runner, to: folder, manifest: manifest)
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".csv") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            assertNoNonFiniteText(text, in: name, file: file, line: line)
        }
        return (results, folder)
    }

    /// Fails for any field that reads as NaN or infinity in any spelling.
    private func assertNoNonFiniteText(_ csv: String, in name: String, file: StaticString, line: UInt) {
        let bad: Set<String> = ["nan", "-nan", "inf", "-inf", "+inf", "infinity", "-infinity"]
        for (number, row) in csv.split(separator: "\n").enumerated() {
            for field in row.split(separator: ",", omittingEmptySubsequences: false)
            where bad.contains(field.lowercased()) {
                XCTFail("\(name) line \(number + 1) holds '\(field)': \(row)", file: file, line: line)
                return
            }
        }
    }

    /// The county mean of `measure` over the whole run for `option`.
    private func mean(_ results: RunResults, _ measure: String, option: Int = 0) -> Double {
        results.summary(option: option, window: results.layout.horizonWindow, measure: measure)?.mean ?? .nan
    }

    /// Every always-defined measure is finite in every window, zone and option.
    private func assertCountsDefined(_ results: RunResults, file: StaticString = #filePath, line: UInt = #line) {
        let layout = results.layout
        for measure in Self.alwaysDefined where layout.measures.all.contains(where: { $0.name == measure }) {
            for option in 0..<layout.options.count {
                for window in layout.windows.indices {
                    let value = results.summary(option: option, window: window, measure: measure)?.mean ?? .nan
                    XCTAssertTrue(value.isFinite, "\(measure) is \(value) in window \(window) of option \(option)",
                                  file: file, line: line)
                }
            }
        }
    }

    // MARK: - Scenarios

    /// The test market with nothing that changes on its own: no exits, hand-backs or reviews.
    private static func market(replications: Int = 2) -> Scenario {
        var scenario = TestScenarios.market(replications: replications, seed: 5, threads: 1, checkInvariants: true)
        scenario.exits = ExitSettings(annualHazard: 0)
        scenario.handBacks = HandBackSettings(tolerance: 10, backgroundAnnualHazard: 0)
        return scenario
    }

    /// Options with no contracts (they name providers), so the providers can be taken away.
    private static func withoutContracts(_ scenario: Scenario) -> Scenario {
        var scenario = scenario
        scenario.options = scenario.options.map { option in
            var option = option
            option.contracts = []
            option.zonePremiums = [:]
            return option
        }
        return scenario
    }

    // MARK: - Tests

    func testWithNoProvidersEveryoneWaitsAndAllNeedIsUnmet() throws {
        var scenario = Self.withoutContracts(Self.market())
        scenario.providers = []
        scenario.caseload = InitialCaseload(entries: [.init(zone: 0, provider: nil, people: 30)])
        let (results, _) = try run(scenario)
        assertCountsDefined(results)
        for option in 0..<scenario.options.count {
            XCTAssertEqual(mean(results, MeasureName.placements, option: option), 0)
            XCTAssertEqual(mean(results, MeasureName.inCare, option: option), 0)
            XCTAssertEqual(mean(results, MeasureName.deliveredHours, option: option), 0)
            XCTAssertEqual(mean(results, MeasureName.capacityHours, option: option), 0)
            XCTAssertEqual(mean(results, MeasureName.spend, option: option), 0)
            XCTAssertGreaterThan(mean(results, MeasureName.waiting, option: option), 30)
            XCTAssertGreaterThan(mean(results, MeasureName.referrals, option: option), 0)
            // Unmet hours are every hour asked for: the waiting list's.
            XCTAssertEqual(mean(results, MeasureName.unmetHours, option: option), mean(results, MeasureName.waitingHours, option: option),
                           accuracy: 1e-9)
            XCTAssertEqual(mean(results, MeasureName.unmetShare, option: option), 1, accuracy: 1e-12)
            XCTAssertEqual(mean(results, MeasureName.sufficiencyRatio, option: option), 0)
        }
    }

    func testWithNoDemandNothingIsPlacedAndNothingIsNaN() throws {
        var scenario = Self.market()
        scenario.demand.referralsPerWeek = 0
        scenario.caseload = InitialCaseload()
        let (results, _) = try run(scenario)
        assertCountsDefined(results)
        for option in 0..<scenario.options.count {
            XCTAssertEqual(mean(results, MeasureName.referrals, option: option), 0)
            XCTAssertEqual(mean(results, MeasureName.placements, option: option), 0)
            XCTAssertEqual(mean(results, MeasureName.waiting, option: option), 0)
            XCTAssertEqual(mean(results, MeasureName.unmetHours, option: option), 0)
            XCTAssertEqual(mean(results, MeasureName.spend, option: option), 0)
            XCTAssertGreaterThan(mean(results, MeasureName.capacityHours, option: option), 0)
            // Ratios over no demand have no value: left out of the files, not NaN.
            for measure in [MeasureName.sufficiencyRatio, MeasureName.unmetShare, MeasureName.averageRate, MeasureName.waitMeanDays, MeasureName.averagePackageHours] {
                let summary = results.summary(option: option, window: results.layout.horizonWindow, measure: measure)
                XCTAssertEqual(summary?.n ?? 0, 0, "\(measure) has a value without demand")
            }
        }
    }

    func testWithNoCareWorkersEveryoneWaitsAndTheSufficiencyRatioIsZero() throws {
        var scenario = Self.market()
        scenario.workforce.dynamic = false
        scenario.zones = scenario.zones.map { zone in
            var zone = zone
            zone.labourPoolPerWeek = 0
            return zone
        }
        scenario.providers = scenario.providers.map { provider in
            var provider = provider
            provider.careWorkers = 0
            provider.recruitmentPerWeek = 0
            return provider
        }
        scenario.caseload = InitialCaseload(entries: [.init(zone: 1, provider: nil, people: 12)])
        let (results, _) = try run(scenario)
        assertCountsDefined(results)
        for option in 0..<scenario.options.count {
            XCTAssertEqual(mean(results, MeasureName.careWorkers, option: option), 0)
            XCTAssertEqual(mean(results, MeasureName.capacityHours, option: option), 0)
            XCTAssertEqual(mean(results, MeasureName.deliveredHours, option: option), 0)
            XCTAssertEqual(mean(results, MeasureName.sufficiencyRatio, option: option), 0)
            XCTAssertEqual(mean(results, MeasureName.unmetShare, option: option), 1, accuracy: 1e-12)
            XCTAssertGreaterThan(mean(results, MeasureName.waiting, option: option), 12)
        }
    }

    func testAMillionCustomersInOneReplicationAddUp() throws {
        // 20,000 referrals a week for a year, each needing 10 hours a week for a fortnight on
        // average, with capacity to spare: a million people through one replication.
        var scenario = Self.market(replications: 1)
        scenario.run.checkInvariants = false
        scenario.calendar = CalendarSettings(start: TestScenarios.start, horizonDays: 365, period: .quarter)
        scenario.demand = Demand(referralsPerWeek: 20_000, clientGroups: [
            ClientGroup(name: "everyone", share: 1, packageHours: .fixed(10),
                        tiers: [Tier(name: "short", kind: .longTerm, share: 1, duration: .exponential(mean: 14))]),
        ], review: ReviewSettings(intervalDays: 0))
        scenario.caseload = InitialCaseload()
        scenario.workforce.dynamic = false
        scenario.providers = scenario.providers.map { provider in
            var provider = provider
            provider.careWorkers = 40_000
            return provider
        }
        scenario.options = [scenario.options[0]]
        let (results, _) = try run(scenario)
        assertCountsDefined(results)
        let referrals = mean(results, MeasureName.referrals)
        let expected = 20_000.0 * 365 / 7
        // A Poisson count: its standard deviation is about 1,000; six of them is generous.
        XCTAssertEqual(referrals, expected, accuracy: 6 * expected.squareRoot())
        // Everyone is placed, at once: only referrals of the last moments can still wait.
        XCTAssertLessThanOrEqual(mean(results, MeasureName.placements), referrals)
        XCTAssertGreaterThan(mean(results, MeasureName.placements), referrals - 100)
        XCTAssertLessThan(mean(results, MeasureName.unmetShare), 0.001)
        // Little's law: people in care are arrivals a day times days in care, 2,857 × 14 =
        // 40,000 (less the first fortnight, when the run starts empty).
        XCTAssertEqual(mean(results, MeasureName.inCare), 40_000 * (1 - 14.0 / 365), accuracy: 800)
        XCTAssertEqual(mean(results, MeasureName.commissionedHours), 10 * mean(results, MeasureName.inCare), accuracy: 1e-6 * referrals)
        let summary = try XCTUnwrap(results.summary(option: 0, window: results.layout.horizonWindow, measure: MeasureName.referrals))
        XCTAssertEqual(summary.n, 1)
    }

    func testThirtyYearsRunWithPricesBeyondTheTables() throws {
        var scenario = Self.market(replications: 2)
        scenario.run.checkInvariants = false
        let thirtyYears = 10_958 // 2023-04-01 to 2053-04-01
        scenario.calendar = CalendarSettings(start: TestScenarios.start, horizonDays: thirtyYears, period: .quarter)
        let (results, _) = try run(scenario)
        assertCountsDefined(results)
        let financialYears = results.layout.windows.filter { $0.kind == .financialYear }
        XCTAssertEqual(financialYears.count, 30)
        for option in 0..<scenario.options.count {
            XCTAssertGreaterThan(mean(results, MeasureName.spend, option: option), 0)
            XCTAssertTrue(mean(results, MeasureName.averageRate, option: option).isFinite)
            XCTAssertTrue(mean(results, MeasureName.careWorkerPay, option: option).isFinite)
        }
    }

    func testOneReplicationGivesMeansOfOneAndNoNaN() throws {
        var scenario = Self.market(replications: 1)
        scenario.run.checkInvariants = false
        let (results, folder) = try run(scenario)
        assertCountsDefined(results)
        let summary = try String(contentsOf: folder.appendingPathComponent("summary.csv"), encoding: .utf8)
        let rows = summary.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let header = try XCTUnwrap(rows.first).map(String.init)
        let n = try XCTUnwrap(header.firstIndex(of: "n"))
        let meanColumn = try XCTUnwrap(header.firstIndex(of: "mean"))
        let measureColumn = try XCTUnwrap(header.firstIndex(of: "measure"))
        for row in rows.dropFirst() {
            XCTAssertEqual(row[n], "1")
            if Self.alwaysDefined.contains(String(row[measureColumn])) {
                XCTAssertNotNil(Double(row[meanColumn]), "no mean for \(row[measureColumn]): \(row.joined(separator: ","))")
            }
        }
    }

    func testADayOpportunitiesServiceWithNoProvidersPlacesNobody() throws {
        var scenario = DayOpportunitiesTests.scenario(
            referralsPerWeek: 3,
            caseload: [DayCaseloadEntry(provider: nil, route: .directPayment, people: 5, group: 0, level: 1,
                                        daysPerWeek: 3, dailyRate: 50)])
        scenario.dayOpportunities?.providers = []
        let (results, _) = try run(scenario)
        for option in 0..<scenario.options.count {
            XCTAssertGreaterThan(mean(results, MeasureName.referrals, option: option), 0, "option \(option)")
            XCTAssertEqual(mean(results, MeasureName.placementsStarted, option: option), 0, "option \(option)")
            for route in ["framework", "legacy", "spot"] {
                XCTAssertEqual(mean(results, "placements_\(route)", option: option), 0, "option \(option), \(route)")
            }
            // Only the direct payments, who need no provider, have support.
            XCTAssertEqual(mean(results, MeasureName.placements, option: option), 5, accuracy: 1e-9, "option \(option)")
            XCTAssertGreaterThan(mean(results, MeasureName.waiting, option: option), 0, "option \(option)")
            XCTAssertTrue(mean(results, MeasureName.spend, option: option).isFinite, "option \(option)")
        }
    }
}
