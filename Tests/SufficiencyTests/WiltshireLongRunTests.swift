import Foundation
import XCTest
@testable import Sufficiency

/// The bundled Wiltshire scenario over twelve years: with entry, exit for lack of work and a
/// labour pool that grows, the market neither empties nor fills without end.
final class WiltshireLongRunTests: XCTestCase {
    func testOverTwelveYearsEntryBalancesExitAndTheUnmetShareSlows() throws {
        let loaded = try ScenarioLoader.load(path: WiltshireCalibrationTests.path,
                                             overrides: ["run.replications=20", "calendar.years=12"])
        let results = Runner(scenario: loaded.scenario).run()
        let windows = results.layout.windows
        let years = windows.indices.filter { windows[$0].kind == .financialYear }
        XCTAssertEqual(years.count, 12)
        for option in loaded.scenario.options.indices {
            func series(_ name: String) -> [Double] {
                years.map { results.summary(option: option, window: $0, measure: name)!.mean }
            }
            let providers = series(MeasureName.activeProviders)
            let name = loaded.scenario.options[option].name
            // The number of providers stays within a quarter of where it starts every year, and
            // within a sixth over the last four (option 1's re-tender falls in year 9).
            for (year, count) in providers.enumerated() {
                XCTAssertLessThan(abs(count / providers[0] - 1), 0.25, "\(name), year \(year + 1): \(providers)")
            }
            XCTAssertLessThan(abs(providers[8...].reduce(0, +) / 4 / providers[0] - 1), 1.0 / 6, "\(name): \(providers)")
            // Entrants arrive throughout (entry is not a one-off), and about as many as leave.
            let entries = series(MeasureName.providerEntries), exits = series(MeasureName.providerExits)
            XCTAssertGreaterThan(entries[8...].reduce(0, +), 0, "\(name): \(entries)")
            XCTAssertLessThan(abs(entries.reduce(0, +) - exits.reduce(0, +)), 0.5 * exits.reduce(0, +),
                              "\(name): entries \(entries), exits \(exits)")
            // The unmet share settles: its mean over the last four years is within three points of
            // the middle four's, or closer to it than the middle four's is to the first four's.
            let unmet = series(MeasureName.unmetShare)
            func mean(_ slice: ArraySlice<Double>) -> Double { slice.reduce(0, +) / Double(slice.count) }
            let first = mean(unmet[0..<4]), middle = mean(unmet[4..<8]), last = mean(unmet[8..<12])
            XCTAssertLessThan(abs(last - middle), max(0.03, abs(middle - first)), "\(name): \(unmet)")
        }
    }

    /// Option 2's 1+1 year framework ends inside the five-year run: extended in 2023/24 and
    /// 2025/26, tendered in 2024/25 and 2026/27 (45 days before 1 April 2025 and 2027, when the
    /// winners take over), with a rate step at each tender; reopened to new providers in April
    /// 2024 and 2026. The baseline (to the end of the run) and option 1 (6+2) tender nothing.
    func testOptionTwosTermEndsInTheRunWithTendersAndARateStep() throws {
        let loaded = try ScenarioLoader.load(path: WiltshireCalibrationTests.path, overrides: ["run.replications=2"])
        let results = Runner(scenario: loaded.scenario).run()
        let windows = results.layout.windows
        let years = windows.indices.filter { windows[$0].kind == .financialYear }
        func series(_ option: Int, _ name: String) -> [Double] {
            years.map { results.summary(option: option, window: $0, measure: name)!.mean }
        }
        XCTAssertEqual(series(2, MeasureName.contractExtensions), [1, 0, 1, 0, 0])
        XCTAssertEqual(series(2, MeasureName.tenders), [0, 1, 0, 1, 0])
        let step = series(2, MeasureName.tenderRateStep)
        XCTAssertTrue(step[1].isFinite && step[1] != 0 && step[3].isFinite && step[3] != 0, "\(step)")
        XCTAssertTrue(step[0].isNaN && step[2].isNaN && step[4].isNaN, "\(step)")
        // Handovers on 1 April 2025 and 2027 change contracts in 2025/26 and 2027/28; the
        // reopenings of April 2024 and 2026 admit newcomers in 2024/25 and 2026/27.
        let changes = series(2, MeasureName.contractChanges)
        XCTAssertEqual(changes[0], 0)
        XCTAssertGreaterThan(changes[2], 0)
        XCTAssertGreaterThan(changes[4], 0)
        for option in [0, 1] {
            XCTAssertEqual(series(option, MeasureName.tenders), [0, 0, 0, 0, 0])
            XCTAssertEqual(series(option, MeasureName.contractChanges), [0, 0, 0, 0, 0])
        }
    }
}
