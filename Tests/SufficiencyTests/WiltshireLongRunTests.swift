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
            let providers = series("active_providers")
            let name = loaded.scenario.options[option].name
            // The number of providers stays within a quarter of where it starts every year, and
            // within a sixth over the last four (option 1's re-tender falls in year 9).
            for (year, count) in providers.enumerated() {
                XCTAssertLessThan(abs(count / providers[0] - 1), 0.25, "\(name), year \(year + 1): \(providers)")
            }
            XCTAssertLessThan(abs(providers[8...].reduce(0, +) / 4 / providers[0] - 1), 1.0 / 6, "\(name): \(providers)")
            // Entrants arrive throughout (entry is not a one-off), and about as many as leave.
            let entries = series("provider_entries"), exits = series("provider_exits")
            XCTAssertGreaterThan(entries[8...].reduce(0, +), 0, "\(name): \(entries)")
            XCTAssertLessThan(abs(entries.reduce(0, +) - exits.reduce(0, +)), 0.5 * exits.reduce(0, +),
                              "\(name): entries \(entries), exits \(exits)")
            // The unmet share settles: its mean over the last four years is within three points of
            // the middle four's, or closer to it than the middle four's is to the first four's.
            let unmet = series("unmet_share")
            func mean(_ slice: ArraySlice<Double>) -> Double { slice.reduce(0, +) / Double(slice.count) }
            let first = mean(unmet[0..<4]), middle = mean(unmet[4..<8]), last = mean(unmet[8..<12])
            XCTAssertLessThan(abs(last - middle), max(0.03, abs(middle - first)), "\(name): \(unmet)")
        }
    }
}
