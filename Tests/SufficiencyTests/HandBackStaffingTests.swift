import XCTest
import CGSL
@testable import Sufficiency

/// Hand-backs follow staffing: providers that lose care workers they cannot replace hand
/// packages back, so more turnover means more hand-backs (paired on common random numbers).
final class HandBackStaffingTests: XCTestCase {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios/wiltshire-home-care.yaml").path

    /// Each replication's whole-run county total of `measure` under every option, for the
    /// Wiltshire scenario with `overrides` (16 replications, the file's seed).
    private func totals(_ measure: String, _ overrides: [String]) throws -> [[Double]] {
        let loaded = try ScenarioLoader.load(path: Self.path, overrides: ["run.replications=16"] + overrides)
        let results = Runner(scenario: loaded.scenario).run()
        let m = results.layout.measures.all.firstIndex { $0.name == measure }!
        return loaded.scenario.options.indices.map { option in
            (0..<results.replications).map { results.total(replication: $0, option: option, measure: m) }
        }
    }

    /// The 95% confidence interval of the mean of `b − a`, replication by replication.
    private func pairedInterval(_ a: [Double], _ b: [Double]) -> (low: Double, mean: Double, high: Double) {
        let d = zip(a, b).map { $1 - $0 }
        let n = Double(d.count)
        let mean = d.reduce(0, +) / n
        let sd = (d.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)).squareRoot()
        let half = gsl_cdf_tdist_Pinv(0.975, n - 1) * sd / n.squareRoot()
        return (mean - half, mean, mean + half)
    }

    /// Raising turnover from Skills for Care's 29.1% (2022/23) to 40% raises hand-backs in
    /// every option, and the capacity hand-backs carry the rise.
    func testHandBacksRiseWithTurnover() throws {
        let low = try totals(MeasureName.handBacks, ["workforce.annual_turnover=0.291"])
        let high = try totals(MeasureName.handBacks, ["workforce.annual_turnover=0.40"])
        let lowCapacity = try totals(MeasureName.handBacksCapacity, ["workforce.annual_turnover=0.291"])
        let highCapacity = try totals(MeasureName.handBacksCapacity, ["workforce.annual_turnover=0.40"])
        for option in low.indices {
            let all = pairedInterval(low[option], high[option])
            XCTAssertGreaterThan(all.low, 0, "option \(option): hand-backs rise with turnover (\(all))")
            let capacity = pairedInterval(lowCapacity[option], highCapacity[option])
            XCTAssertGreaterThan(capacity.low, 0, "option \(option): capacity hand-backs rise with turnover (\(capacity))")
            XCTAssertGreaterThan(capacity.mean, 0.5 * all.mean, "option \(option): capacity hand-backs carry the rise")
        }
    }

    /// With `uncovered_share` at 0 leavers hand nothing back at once; at 1 every hour they
    /// leave uncovered goes back, so capacity hand-backs rise with the share.
    func testLeaversUncoveredHoursGoBackByTheShare() throws {
        let none = try totals(MeasureName.handBacksCapacity, ["hand_backs.uncovered_share=0"])
        let half = try totals(MeasureName.handBacksCapacity, ["hand_backs.uncovered_share=0.5"])
        let all = try totals(MeasureName.handBacksCapacity, ["hand_backs.uncovered_share=1"])
        for option in none.indices {
            XCTAssertGreaterThan(pairedInterval(none[option], half[option]).low, 0, "option \(option)")
            XCTAssertGreaterThan(pairedInterval(half[option], all[option]).low, 0, "option \(option)")
        }
    }
}
