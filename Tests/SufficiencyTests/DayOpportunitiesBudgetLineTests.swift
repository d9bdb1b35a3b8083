import XCTest
@testable import Sufficiency

/// Spend and savings by budget line, and a savings target measured on a line.
final class DayOpportunitiesBudgetLineTests: XCTestCase {
    private func mean(_ results: RunResults, option: Int, window: Int? = nil, _ measure: String) -> Double {
        results.summary(option: option, window: window ?? results.layout.horizonWindow, measure: measure)!.mean
    }

    /// With nobody arriving, leaving or being reviewed, a line's spend is its groups' spend,
    /// with their transport when it carries it, and its savings are the first option's line
    /// spend minus this option's; the target met on a line compares that line's savings.
    func testALineIsItsGroupsSpendAndItsSavingsArePaired() throws {
        var scenario = DayOpportunitiesTests.scenario(transport: 12)
        scenario.dayOpportunities!.budgetLines = [
            BudgetLine(name: "Adults", groups: [0]),
            BudgetLine(name: "Adults with transport", groups: [0], includesTransport: true),
        ]
        scenario.dayOpportunities!.savingsTargetPerYear = 1
        scenario.dayOpportunities!.savingsTargetLine = 1
        let results = Runner(scenario: scenario).run()
        let names = results.layout.measures.all.map(\.name)
        let spendOrder = [MeasureName.spendGroup("adults"), MeasureName.budgetSpendLine("adults"), MeasureName.budgetSpendLine("adults_with_transport")]
        XCTAssertEqual(spendOrder.map { names.firstIndex(of: $0)! }, spendOrder.map { names.firstIndex(of: $0)! }.sorted())
        let savingsOrder = [MeasureName.savings, MeasureName.budgetSavingsLine("adults"), MeasureName.budgetSavingsLine("adults_with_transport"), MeasureName.savingsTargetMet]
        XCTAssertEqual(savingsOrder.map { names.firstIndex(of: $0)! },
                       savingsOrder.map { names.firstIndex(of: $0)! }.sorted())
        for option in 0..<2 {
            let group = mean(results, option: option, MeasureName.spendGroup("adults"))
            XCTAssertEqual(mean(results, option: option, MeasureName.budgetSpendLine("adults")), group, accuracy: 1e-6)
            XCTAssertEqual(mean(results, option: option, MeasureName.budgetSpendLine("adults_with_transport")),
                           group + mean(results, option: option, MeasureName.transportSpend), accuracy: 1e-6)
        }
        // The framework option (1) buys the framework people at £70 and £45 where the spot
        // option (0) keeps their caseload rates (£0 for framework people), so it spends more on
        // the line: its savings are negative, and it misses a target of £1 a year.
        let savings = mean(results, option: 1, MeasureName.budgetSavingsLine("adults"))
        XCTAssertEqual(savings, mean(results, option: 0, MeasureName.budgetSpendLine("adults")) - mean(results, option: 1, MeasureName.budgetSpendLine("adults")),
                       accuracy: 1e-6)
        XCTAssertLessThan(savings, 0)
        XCTAssertEqual(mean(results, option: 1, MeasureName.budgetSavingsLine("adults_with_transport")), mean(results, option: 1, MeasureName.savings),
                       accuracy: 1e-6, "one group with its transport is the whole spend")
        XCTAssertEqual(mean(results, option: 1, MeasureName.savingsTargetMet), 0)
        XCTAssertEqual(mean(results, option: 0, MeasureName.savingsTargetMet), 0, "the first option saves nothing on itself")
    }

    /// A target on a line is met or missed by that line's savings, whatever the total does.
    /// The line here holds no group, so its savings are 0 and a target of £0 is met, where the
    /// whole spend's savings are negative.
    func testTheTargetIsMeasuredOnItsLine() throws {
        var scenario = DayOpportunitiesTests.scenario(transport: 12)
        scenario.dayOpportunities!.budgetLines = [BudgetLine(name: "Nobody", groups: [])]
        scenario.dayOpportunities!.savingsTargetPerYear = 0
        scenario.dayOpportunities!.savingsTargetLine = 0
        let onLine = Runner(scenario: scenario).run()
        XCTAssertEqual(mean(onLine, option: 1, MeasureName.savingsTargetMet), 1)
        scenario.dayOpportunities!.savingsTargetLine = nil
        let onTotal = Runner(scenario: scenario).run()
        XCTAssertLessThan(mean(onTotal, option: 1, MeasureName.savings), 0)
        XCTAssertEqual(mean(onTotal, option: 1, MeasureName.savingsTargetMet), 0)
    }

    /// Kent's two lines are its client groups' service provision (transport apart), and its
    /// GBP 1 M target is measured on the 26+ line: the line's savings decide the target.
    func testKentsLinesAreItsGroupsAndItsTargetIsOnThe26PlusLine() throws {
        let loaded = try ScenarioLoader.load(path: DayOpportunitiesCalibrationTests.kent, overrides: ["run.replications=4"])
        let day = try XCTUnwrap(loaded.scenario.dayOpportunities)
        XCTAssertEqual(day.budgetLines.map(\.name), ["26+ disability", "18-25"])
        XCTAssertEqual(day.savingsTargetPerYear, 1_000_000)
        XCTAssertEqual(day.savingsTargetLine, 0)
        let results = Runner(scenario: loaded.scenario).run()
        for option in 0..<2 {
            XCTAssertEqual(mean(results, option: option, MeasureName.budgetSpendLine("26_disability")),
                           mean(results, option: option, MeasureName.spendGroup("26")), accuracy: 1e-3)
            XCTAssertEqual(mean(results, option: option, MeasureName.budgetSpendLine("18_25")),
                           mean(results, option: option, MeasureName.spendGroup("18_25")), accuracy: 1e-3)
        }
        let m = results.layout.measures.all
        let saved = m.firstIndex { $0.name == MeasureName.budgetSavingsLine("26_disability") }!
        let met = m.firstIndex { $0.name == MeasureName.savingsTargetMet }!
        let days = Double(results.layout.windows[results.layout.horizonWindow].days)
        for r in 0..<results.replications {
            let savings = results.total(replication: r, option: 1, measure: saved)
            XCTAssertEqual(results.total(replication: r, option: 1, measure: met),
                           savings >= 1_000_000 * days / 365.25 ? 1 : 0)
        }
    }
}
