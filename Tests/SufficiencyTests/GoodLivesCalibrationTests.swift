import XCTest
@testable import Sufficiency

/// `scenarios/wiltshire-good-lives.yaml` reproduces, in its first financial year, the
/// published figures its header names (ONS's self-funded share of care home beds and bed
/// occupancy; a steady council caseload from referrals and lengths of stay; short waits).
final class GoodLivesCalibrationTests: XCTestCase {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios/wiltshire-good-lives.yaml").path

    func testFirstYearMatchesThePublishedFigures() throws {
        let loaded = try ScenarioLoader.load(path: Self.path, overrides: ["run.replications=16"])
        XCTAssertEqual(loaded.scenario.options.map(\.name), ["spot", "Good Lives 3+2", "Good Lives re-procured"])
        let results = Runner(scenario: loaded.scenario).run()
        let year = try XCTUnwrap(results.layout.windows.firstIndex { $0.kind == .financialYear && $0.financialYear == 2023 })
        for option in loaded.scenario.options.indices {
            func summary(_ measure: String) -> Summary { results.summary(option: option, window: year, measure: measure)! }
            func mean(_ measure: String) -> Double { summary(measure).mean }
            func halfWidth(_ measure: String) -> Double { (summary(measure).ciHigh - summary(measure).ciLow) / 2 }

            // Self-funders hold 48.9% of occupied care home beds (ONS 2022/23, homes for older people).
            let careHome = ["residential", "residential_dementia", "nursing", "nursing_dementia"]
                .map { mean("placements_level_\($0)") }.reduce(0, +)
            let selfFunded = mean(MeasureName.selfFundedResidents)
            XCTAssertEqual(selfFunded / (careHome + selfFunded), 0.489, accuracy: 0.03, "self-funded share, option \(option)")
            // 84.7% of places occupied (ONS 2019/20, England).
            XCTAssertEqual(mean(MeasureName.occupancy), 0.847, accuracy: 0.03 + halfWidth(MeasureName.occupancy), "occupancy, option \(option)")
            // A steady caseload: the council's residents by level within 5% of the starting caseload.
            let start: [(String, Double)] = [("residential", 900), ("residential_dementia", 600), ("nursing", 350),
                                             ("nursing_dementia", 300), ("step_up_step_down", 45), ("supported_living", 550)]
            for (level, people) in start {
                let measure = "placements_level_\(level)"
                XCTAssertEqual(mean(measure), people, accuracy: people * 0.05 + halfWidth(measure),
                               "\(level), option \(option)")
            }
            // NICE QS173: bed-based intermediate care within 2 days of referral.
            XCTAssertLessThan(mean(MeasureName.waitMeanDays), 2, "mean wait, option \(option)")
            XCTAssertEqual(mean(MeasureName.selfFundersTurnedAway), 0, accuracy: 1, "self-funders finding no bed")
        }
        // The framework is re-procured on 4 September 2026 under the option that does not extend it.
        let reprocured = loaded.scenario.options.firstIndex { $0.name == "Good Lives re-procured" }!
        let extended = loaded.scenario.options.firstIndex { $0.name == "Good Lives 3+2" }!
        let whole = results.layout.horizonWindow
        XCTAssertEqual(results.summary(option: reprocured, window: whole, measure: MeasureName.frameworkReprocurements)!.mean, 1)
        XCTAssertEqual(results.summary(option: extended, window: whole, measure: MeasureName.frameworkExtensions)!.mean, 1)
        XCTAssertEqual(results.summary(option: extended, window: whole, measure: MeasureName.frameworkReprocurements)!.mean, 0)
    }
}
