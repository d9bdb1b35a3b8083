import XCTest
@testable import Sufficiency

/// The bundled Wiltshire scenario reproduces the published figures it claims to
/// (MODEL.md reference figures; the calibration targets stated in the file).
final class WiltshireCalibrationTests: XCTestCase {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios/wiltshire-home-care.yaml").path

    private func run() throws -> (RunResults, Int) {
        let loaded = try ScenarioLoader.load(path: Self.path, overrides: ["run.replications=16"])
        let results = Runner(scenario: loaded.scenario).run()
        let firstYear = results.layout.windows.firstIndex { $0.kind == .financialYear && $0.financialYear == 2023 }!
        return (results, firstYear)
    }

    func testBaselineFirstYearMatchesWiltshiresFigures() throws {
        let (results, year) = try run()
        func mean(_ measure: String) -> Double { results.summary(option: 0, window: year, measure: measure)!.mean }

        // Total spend within 5% of the 2022/23 estimate of GBP 27,567,548, compared like for
        // like: uplifted to 2023/24 by the published rise in the average council home care
        // rate, GBP 19.01 to 21.56 an hour (Homecare Association, ADASS; MODEL.md).
        let spend = mean(MeasureName.spend)
        let estimate = 27_567_548 * 21.56 / 19.01
        XCTAssertEqual(spend, estimate, accuracy: estimate * 0.05, "baseline 2023/24 spend \(spend) against \(estimate)")
        // The client-group split of that estimate (OP 85.5%, MH 9.0%, LD 5.5%), within 1.5 points.
        XCTAssertEqual(mean(MeasureName.spendGroup("older_people")) / spend, 23_560_562 / 27_567_548, accuracy: 0.015)
        XCTAssertEqual(mean(MeasureName.spendGroup("mental_health")) / spend, 2_490_556 / 27_567_548, accuracy: 0.015)
        XCTAssertEqual(mean(MeasureName.spendGroup("learning_disability")) / spend, 1_516_430 / 27_567_548, accuracy: 0.015)
        // An average package near 13 h 40 min a week (ADASS 2021/22).
        XCTAssertEqual(mean(MeasureName.averagePackageHours), 13.0 + 40.0 / 60, accuracy: 0.35)
        // About 5% of commissioned hours undelivered (ADASS: 5.2%).
        XCTAssertEqual(mean(MeasureName.undeliveredShare), 0.052, accuracy: 0.015)
        // Domiciliary care vacancy rate about 12.9% (Skills for Care 2022/23).
        XCTAssertEqual(mean(MeasureName.vacancyRate), 0.129, accuracy: 0.04)
    }

    /// Every Wiltshire home care scenario describes the same market: the one in
    /// `scenarios/markets/wiltshire.yaml`, which each includes.
    func testEveryWiltshireHomeCareScenarioSharesTheMarket() throws {
        let folder = URL(fileURLWithPath: Self.path).deletingLastPathComponent()
        let market = try ScenarioLoader.load(path: Self.path).scenario
        for file in ["wiltshire-price-uplift.yaml", "wiltshire-zone-coverage.yaml"] {
            let other = try ScenarioLoader.load(path: folder.appendingPathComponent(file).path).scenario
            XCTAssertEqual(other.zones, market.zones, file)
            XCTAssertEqual(other.demand, market.demand, file)
            XCTAssertEqual(other.providers, market.providers, file)
            XCTAssertEqual(other.caseload, market.caseload, file)
            XCTAssertEqual(other.workforce, market.workforce, file)
            XCTAssertEqual(other.handBacks, market.handBacks, file)
            XCTAssertEqual(other.exits, market.exits, file)
            XCTAssertEqual(other.prices.cost, market.prices.cost, file)
            XCTAssertEqual(other.calendar.start, market.calendar.start, file)
        }
        // The cost build-up is the Homecare Association's, pay follows the rate and
        // loss-making packages are handed back.
        XCTAssertEqual(market.prices.cost, CostBuildUp())
        XCTAssertGreaterThan(market.workforce.payPassThrough, 0)
        XCTAssertGreaterThan(market.handBacks.lossAnnualHazard, 0)
    }

    /// The market's provider margin in 2023/24 (the baseline: the market as it stands) lies
    /// where providers' own Cost of Care returns put it: the build-up's 3% surplus plus 0-7%,
    /// so 3-10% in all (Hounslow's Cost of Care report, 2022: surplus 0-10%, median 5%).
    func testFirstYearMarginIsDefensible() throws {
        let (results, year) = try run()
        let margin = results.summary(option: 0, window: year, measure: MeasureName.providerMargin)!.mean
        XCTAssertGreaterThanOrEqual(margin, 0, "baseline 2023/24 margin \(margin)")
        XCTAssertLessThanOrEqual(margin, 0.07, "baseline 2023/24 margin \(margin)")
    }

    func testScenarioHasTheFifteenZonesAndThreeOptions() throws {
        let scenario = try ScenarioLoader.load(path: Self.path).scenario
        XCTAssertEqual(scenario.zones.map(\.name), [
            "Salisbury", "Amesbury", "Tidworth", "Pewsey", "Marlborough", "Royal Wootton Bassett & Cricklade",
            "Malmesbury", "Chippenham, Corsham & Calne", "Bradford on Avon & Melksham", "Devizes",
            "Trowbridge & Westbury", "Warminster & Mere", "Tisbury", "Wilton", "Southern Wiltshire",
        ])
        XCTAssertEqual(scenario.options.map(\.name), ["baseline", "option 1", "option 2"])
        XCTAssertEqual(scenario.options[0].areas.count, 3, "the Help to Live at Home baseline has three zones")
        XCTAssertEqual(scenario.options[1].term, ContractTerm(initialYears: 6, extensionYears: 2))
        XCTAssertEqual(scenario.options[2].term, ContractTerm(initialYears: 1, extensionYears: 1))
        XCTAssertEqual(scenario.options[2].rule, .framework)
        XCTAssertEqual(scenario.calendar.horizonDays, 1827, "five years from 1 April 2023")
        XCTAssertGreaterThanOrEqual(scenario.run.replications, 100)
    }
}
