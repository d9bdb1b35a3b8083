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

    func testDefaultsDescribeThisBuild() {
        let m = sample()
        XCTAssertEqual(m.tool, "sufficiency")
        XCTAssertEqual(m.sufficiencyVersion, "0.1.0")
        XCTAssertEqual(m.gslVersion, GSL.version)
        XCTAssertEqual(m.swiftVersion, "6.3")  // this project builds with Swift 6.3.1
    }
}
