import Foundation
import XCTest
@testable import Sufficiency

final class ManifestTests: XCTestCase {
    private func sample() -> Manifest {
        Manifest(scenarioFile: "scenarios/quick-start.yaml",
                 scenarioSHA256: SHA256Digest.hex(of: Data("zones: []".utf8)),
                 seed: 18_446_744_073_709_551_615, replications: 200, threads: 8,
                 options: ["framework", "spot"], commandLine: ["sufficiency", "run", "scenarios/quick-start.yaml"],
                 startedAt: "2025-01-31T09:15:00Z", wallSeconds: 12.5, files: ["summary.csv"])
    }

    func testJSONHasSortedKeysAndRoundTrips() throws {
        let data = try sample().jsonData()
        let text = String(decoding: data, as: UTF8.self)
        let keys = ["commandLine", "files", "gslVersion", "options", "replications", "scenarioFile",
                    "scenarioSHA256", "seed", "startedAt", "sufficiencyVersion", "swiftVersion", "threads",
                    "tool", "wallSeconds"]
        let positions = keys.map { text.range(of: "\"\($0)\"")!.lowerBound }
        XCTAssertEqual(positions, positions.sorted())
        XCTAssertTrue(text.contains("\n"))
        XCTAssertTrue(text.contains("\"seed\" : 18446744073709551615"))
        XCTAssertTrue(text.contains("\"scenarios/quick-start.yaml\""))
        XCTAssertEqual(try JSONDecoder().decode(Manifest.self, from: data), sample())
        XCTAssertEqual(try sample().jsonData(), data)
    }

    func testWarningsAreRecordedOnlyWhenThereAreSome() throws {
        let without = String(decoding: try sample().jsonData(), as: UTF8.self)
        XCTAssertFalse(without.contains("\"warnings\""), "a manifest without warnings has no warnings key")
        var warned = sample()
        warned.warnings = ["scenarios/quick-start.yaml:30:19: options[0].spot_premium: 1.5 is a premium of 150%, which "
                           + "is unusual; if you meant 1.5%, write 0.015."]
        let data = try warned.jsonData()
        XCTAssertTrue(String(decoding: data, as: UTF8.self).contains("\"warnings\" : ["))
        XCTAssertEqual(try JSONDecoder().decode(Manifest.self, from: data), warned)
        // A manifest written before warnings were recorded still reads.
        XCTAssertEqual(try JSONDecoder().decode(Manifest.self, from: Data(without.utf8)).warnings, nil)
    }

    func testDefaultsDescribeThisBuild() {
        let m = sample()
        XCTAssertEqual(m.tool, "sufficiency")
        XCTAssertEqual(m.sufficiencyVersion, "0.1.0")
        XCTAssertEqual(m.gslVersion, GSL.version)
        XCTAssertEqual(m.swiftVersion, "6.3")  // this project builds with Swift 6.3.1
    }
}
