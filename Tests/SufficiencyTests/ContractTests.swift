import Foundation
import XCTest
@testable import Sufficiency

/// Contracts that act: terms that end in an extension or a re-tender, losers who lose their
/// work, transfers of packages and staff, vehicles that admit providers, entry. Fixed seeds;
/// "this lever moves that measure" is checked on paired replications (the same seeds).
final class ContractTests: XCTestCase {
    private func load(_ overrides: [String] = [], yaml: String = ContractScenario.yaml) throws -> Scenario {
        try ScenarioLoader.load(yaml: yaml, fileName: ContractScenario.fileName, overrides: overrides).scenario
    }

    private func measure(_ results: RunResults, _ name: String) -> Int {
        results.layout.measures.all.firstIndex { $0.name == name }!
    }

    /// The value of `name` in the county, option `option`, window `window`.
    private func mean(_ results: RunResults, option: Int, window: Int, _ name: String) -> Double {
        results.summary(option: option, window: window, measure: name)!.mean
    }

    // MARK: - The ranking follows the inputs

    /// The Cabinet's reasoning (Wiltshire, 23 November 2022, para 47): providers without the
    /// contract leave and the strategic providers cannot recruit enough, so one strategic
    /// provider per zone leaves more need unmet than a framework of every provider.
    func testLosersLeavingAndCappedRecruitmentMakeTheStrategicOptionWorse() throws {
        let results = Runner(scenario: try load()).run()
        let unmet = results.pairedDifference(MeasureName.unmetHours)
        // framework − strategic: significantly below zero.
        XCTAssertLessThan(unmet.mean + unmet.halfWidth, 0, "framework should leave less need unmet: \(unmet)")
        let exits = results.pairedDifference(MeasureName.providerExits)
        XCTAssertLessThan(exits.mean + exits.halfWidth, 0, "losers should leave under the strategic option: \(exits)")
    }

    /// The same county with ample recruitment and nobody leaving for lack of work: the strategic
    /// option's higher (front-loaded) rate reaches pay, and it leaves less need unmet.
    func testAmpleRecruitmentAndNoExitsReverseTheRanking() throws {
        let results = Runner(scenario: try load(ContractScenario.ampleRecruitment)).run()
        let unmet = results.pairedDifference(MeasureName.unmetHours)
        XCTAssertGreaterThan(unmet.mean - unmet.halfWidth, 0, "strategic should leave less need unmet: \(unmet)")
    }

    // MARK: - Terms

    /// A term at least as long as the run decides nothing inside it: every result file is
    /// byte-identical to the run with no term.
    func testATermAsLongAsTheRunChangesNoResult() throws {
        let withoutTerm = ContractScenario.yaml
            .replacingOccurrences(of: "    term: {initial_years: 6, extension_years: 2}\n", with: "")
            .replacingOccurrences(of: "    term: {initial_years: 1, extension_years: 1}\n", with: "")
        let longTerm = ContractScenario.yaml
            .replacingOccurrences(of: "term: {initial_years: 1, extension_years: 1}", with: "term: {initial_years: 5}")
        XCTAssertNotEqual(withoutTerm, ContractScenario.yaml)
        let a = try writeResults(try load(["run.replications=4"], yaml: withoutTerm))
        let b = try writeResults(try load(["run.replications=4"], yaml: longTerm))
        for name in ["summary.csv", "bands.csv", "replications.csv", "comparison.csv"] {
            let x = try Data(contentsOf: a.appendingPathComponent(name))
            let y = try Data(contentsOf: b.appendingPathComponent(name))
            XCTAssertEqual(x, y, "\(name) differs")
        }
    }

    /// The framework's 1+1 term ends inside the run: the extension is taken in the first year
    /// (decided 60 days before the first anniversary), the lot is tendered 60 days before the
    /// second, and the winning bids differ from the old rates.
    func testAOnePlusOneTermIsExtendedThenTendered() throws {
        let results = Runner(scenario: try load(["run.replications=4"])).run()
        let windows = results.layout.windows
        let years = windows.indices.filter { windows[$0].kind == .financialYear }
        let framework = 1
        XCTAssertEqual(mean(results, option: framework, window: years[0], MeasureName.contractExtensions), 1)
        XCTAssertEqual(mean(results, option: framework, window: years[0], MeasureName.tenders), 0)
        XCTAssertEqual(mean(results, option: framework, window: years[1], MeasureName.tenders), 1)
        XCTAssertEqual(mean(results, option: framework, window: years[1], MeasureName.contractExtensions), 0)
        XCTAssertEqual(mean(results, option: framework, window: years[2], MeasureName.contractExtensions), 1)
        XCTAssertEqual(mean(results, option: framework, window: years[3], MeasureName.tenders), 1)
        XCTAssertTrue(mean(results, option: framework, window: years[0], MeasureName.tenderRateStep).isNaN)
        let step = mean(results, option: framework, window: years[1], MeasureName.tenderRateStep)
        XCTAssertTrue(step.isFinite && step != 0, "rate step \(step)")
        // The tender falls in the quarter holding day 730 − 60 = 670 (1 April 2026 less the mobilisation).
        let quarters = windows.indices.filter { windows[$0].kind == .period }
        let tenderQuarter = quarters.first { windows[$0].fromDay <= 670 && 670 < windows[$0].toDay }!
        for q in quarters {
            XCTAssertEqual(mean(results, option: framework, window: q, MeasureName.tenders),
                           q == tenderQuarter || windows[q].fromDay <= 670 + 730 && 670 + 730 < windows[q].toDay ? 1 : 0,
                           "quarter from day \(windows[q].fromDay)")
        }
        // The strategic option's 6+2 term outlasts the run: nothing is tendered.
        XCTAssertEqual(mean(results, option: 0, window: results.layout.horizonWindow, MeasureName.tenders), 0)
    }

    /// Extension on performance: a threshold no run can meet re-tenders at the first
    /// anniversary; one every run meets extends.
    func testExtensionOnPerformanceFollowsItsThresholds() throws {
        func run(_ maximumUnmet: Double) throws -> RunResults {
            let term = "{initial_years: 1, extension_years: 1, extend: on_performance, max_unmet_share: \(maximumUnmet), "
                + "max_hand_back_rate: 100}"
            return Runner(scenario: try load(["run.replications=2", "options[framework].term=\(term)"])).run()
        }
        let strict = try run(0), lenient = try run(1)
        let horizon = strict.layout.horizonWindow
        XCTAssertEqual(mean(strict, option: 1, window: horizon, MeasureName.contractExtensions), 0)
        XCTAssertEqual(mean(strict, option: 1, window: horizon, MeasureName.tenders), 4)
        XCTAssertEqual(mean(lenient, option: 1, window: horizon, MeasureName.contractExtensions), 2)
        XCTAssertEqual(mean(lenient, option: 1, window: horizon, MeasureName.tenders), 2)
    }

    // MARK: - Losers, transfers and TUPE

    /// A strategic lot re-tendered every year with the price spread wide enough for incumbents
    /// to lose: transferred packages and staff show, and with no TUPE share no staff move.
    func testLostContractsTransferPackagesWithTheTUPEShareOfStaff() throws {
        let tender = "{outgoing_packages: transfer, tupe_share: 1, bid_spread: 0.3, quality_weight: 0}"
        let base = ["run.replications=6", "options[strategic].term={initial_years: 1}",
                    "options[strategic].tender=\(tender)"]
        let results = Runner(scenario: try load(base)).run()
        let horizon = results.layout.horizonWindow
        XCTAssertGreaterThan(mean(results, option: 0, window: horizon, MeasureName.contractChanges), 0)
        XCTAssertGreaterThan(mean(results, option: 0, window: horizon, MeasureName.packagesTransferred), 0)
        XCTAssertGreaterThan(mean(results, option: 0, window: horizon, MeasureName.staffTransferred), 0)
        let noTUPE = Runner(scenario: try load(base + ["options[strategic].tender.tupe_share=0"])).run()
        XCTAssertGreaterThan(mean(noTUPE, option: 0, window: horizon, MeasureName.packagesTransferred), 0)
        XCTAssertEqual(mean(noTUPE, option: 0, window: horizon, MeasureName.staffTransferred), 0)
        // Packages that stay are not transferred.
        let stay = Runner(scenario: try load(base + ["options[strategic].tender.outgoing_packages=stay"])).run()
        XCTAssertEqual(mean(stay, option: 0, window: horizon, MeasureName.packagesTransferred), 0)
    }

    /// Capacity to mobilise: when no bidder can take on the lot's work by the handover, nobody
    /// wins it and its holders keep it at their rates (no changes, no rate step), paired against
    /// the same tenders open to every bidder.
    func testBiddersMustBeAbleToMobilise() throws {
        let tender = "{bid_spread: 0.3, quality_weight: 0, minimum_mobilisation_share: "
        let base = ["run.replications=4", "options[strategic].term={initial_years: 1}"]
        let open = Runner(scenario: try load(base + ["options[strategic].tender=\(tender)0}"])).run()
        let closed = Runner(scenario: try load(base + ["options[strategic].tender=\(tender)10}"])).run()
        let horizon = open.layout.horizonWindow
        XCTAssertGreaterThan(mean(open, option: 0, window: horizon, MeasureName.contractChanges), 0)
        XCTAssertEqual(mean(closed, option: 0, window: horizon, MeasureName.tenders), 12)  // 3 lots, 4 year ends
        XCTAssertEqual(mean(closed, option: 0, window: horizon, MeasureName.contractChanges), 0)
        XCTAssertTrue(mean(closed, option: 0, window: horizon, MeasureName.tenderRateStep).isNaN)
    }

    /// Losing spot access is losing work: the same strategic option with spot open to every
    /// provider keeps the second providers in business (fewer exits, paired).
    func testClosingSpotToNonHoldersTakesTheirWork() throws {
        let closed = Runner(scenario: try load(["run.replications=10"])).run()
        let open = Runner(scenario: try load(["run.replications=10", "options[strategic].spot_access=all"])).run()
        let m = measure(closed, MeasureName.providerExits)
        let difference = (0..<10).map {
            closed.total(replication: $0, option: 0, measure: m) - open.total(replication: $0, option: 0, measure: m)
        }
        XCTAssertGreaterThan(difference.reduce(0, +) / 10, 1, "exits with spot closed minus open: \(difference)")
    }

    // MARK: - Vehicles, guarantees, entry

    /// A dynamic market admits providers during the term; a closed framework does not.
    func testADynamicMarketAdmitsNewMembers() throws {
        let onlyLeads = ["run.replications=3", "options[framework].term={initial_years: 5}",
                         "options[framework].contracts=[{provider: North Lead, route: framework}, "
                            + "{provider: South Lead, route: framework}, {provider: West Lead, route: framework}]"]
        let closed = Runner(scenario: try load(onlyLeads)).run()
        let dynamic = Runner(scenario: try load(onlyLeads + ["options[framework].vehicle=dynamic",
                                                                 "options[framework].tender={price_ceiling: 0.5}"])).run()
        let horizon = closed.layout.horizonWindow
        XCTAssertEqual(mean(closed, option: 1, window: horizon, MeasureName.contractChanges), 0)
        XCTAssertEqual(mean(dynamic, option: 1, window: horizon, MeasureName.contractChanges), 3)
    }

    /// Guaranteed hours are staffed for and paid for whether used or not: the provider recruits
    /// ahead of demand (more care workers, paired) and the unused part is charged.
    func testGuaranteedHoursAreStaffedForAndTheUnusedPartCharged() throws {
        let base = ["run.replications=2"]
        let plain = Runner(scenario: try load(base)).run()
        let guaranteed = Runner(scenario: try load(base + [
            "options[strategic].contracts[0].guaranteed_hours=5000"])).run()
        let horizon = plain.layout.horizonWindow
        XCTAssertEqual(mean(plain, option: 0, window: horizon, MeasureName.unusedGuaranteeCost), 0)
        XCTAssertGreaterThan(mean(guaranteed, option: 0, window: horizon, MeasureName.careWorkers),
                             mean(plain, option: 0, window: horizon, MeasureName.careWorkers))
        // 5,000 hours a week against the 1,400 or so placed in North (more once it staffs for
        // them, as it takes the zone's packages first), at about £27 an hour over five years.
        let cost = mean(guaranteed, option: 0, window: horizon, MeasureName.unusedGuaranteeCost)
        XCTAssertGreaterThan(cost, 1000 * 25 * 52 * 5)
        XCTAssertLessThan(cost, 5000 * 40 * 52 * 5)
        // The framework, with no guarantee, is untouched.
        XCTAssertEqual(mean(guaranteed, option: 1, window: horizon, MeasureName.unmetHours),
                       mean(plain, option: 1, window: horizon, MeasureName.unmetHours))
    }

    /// Other buyers compete for the same providers: with a private market, providers sell part
    /// of their capacity elsewhere (reported), the council has less of it and more need goes
    /// unmet (paired), and no delivered figure goes below zero when providers leave.
    func testAPrivateMarketTakesCapacityFromTheCouncil() throws {
        let base = ["run.replications=4", "run.check_invariants=true"]
        let council = Runner(scenario: try load(base)).run()
        let shared = Runner(scenario: try load(base + ["private_market={need_share: 0.3, provider_share: 0.4}"])).run()
        let horizon = council.layout.horizonWindow
        for option in 0..<2 {
            XCTAssertEqual(mean(council, option: option, window: horizon, MeasureName.privateHours), 0)
            XCTAssertGreaterThan(mean(shared, option: option, window: horizon, MeasureName.privateHours), 0)
            XCTAssertLessThan(mean(shared, option: option, window: horizon, MeasureName.capacityHours),
                              mean(council, option: option, window: horizon, MeasureName.capacityHours))
            XCTAssertGreaterThan(mean(shared, option: option, window: horizon, MeasureName.unmetHours),
                                 mean(council, option: option, window: horizon, MeasureName.unmetHours))
            let windows = shared.layout.windows.indices
            for w in windows {
                XCTAssertGreaterThanOrEqual(shared.summary(option: option, window: w, measure: MeasureName.deliveredHours)!.mean, 0)
            }
        }
    }

    /// Entry rises with margin and unmet need: a county with entry gains providers, and more of
    /// them where the option leaves more need unmet.
    func testProvidersEnterWhereNeedIsUnmet() throws {
        let results = Runner(scenario: try load(["run.replications=6", "entry={annual_rate: 0.3}"])).run()
        let horizon = results.layout.horizonWindow
        let strategic = mean(results, option: 0, window: horizon, MeasureName.providerEntries)
        let framework = mean(results, option: 1, window: horizon, MeasureName.providerEntries)
        XCTAssertGreaterThan(framework, 0)
        XCTAssertGreaterThan(strategic, framework, "the option with more unmet need draws more entrants")
        let none = Runner(scenario: try load(["run.replications=6"])).run()
        XCTAssertEqual(mean(none, option: 0, window: horizon, MeasureName.providerEntries), 0)
    }

    // MARK: - Writing results

    private func writeResults(_ scenario: Scenario) throws -> URL {
        let runner = Runner(scenario: scenario)
        let results = runner.run()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("contracts-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let manifest = Manifest(scenarioFile: "two.yaml", scenarioSHA256: "", seed: scenario.run.seed,
                                replications: scenario.run.replications, threads: results.threads,
                                options: scenario.options.map(\.name), commandLine: ["sufficiency", "run", "two.yaml"],
                                startedAt: "2026-12-07T00:00:00Z", wallSeconds: 1, files: [],
                                study: StudyRecord(scenario: scenario, fileText: nil))
        try ResultsWriter.write(results, runner: runner, to: folder, manifest: manifest)
        return folder
    }
}
