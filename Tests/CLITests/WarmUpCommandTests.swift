import Foundation
import Sufficiency
import XCTest

/// `--warm-up auto` and the warning when a scenario's own warm-up looks too short, on the M/M/c
/// queue of `Benchmarks/peers/mmc.yaml` started empty (relaxation time 42 days, see
/// `WarmUpSuggestionTests`), shortened to 1,400 days reported by week.
final class WarmUpCommandTests: XCTestCase {
    static let queue = ["Benchmarks/peers/mmc.yaml", "--set", "calendar.days=1400", "--set", "calendar.period=week"]

    func testAutoChoosesTheWarmUpByMSERAndRecordsItAsAnOverride() throws {
        let out = try makeTemporaryFolder().appendingPathComponent("auto")
        let result = try runTool(["run"] + Self.queue + ["--warm-up", "auto", "--out", out.path], expecting: 0, timeout: 300)
        let line = try XCTUnwrap(result.stderrLines.first { $0.hasPrefix("Warm-up: ") }, result.transcript)
        let days = try XCTUnwrap(Int(line.dropFirst("Warm-up: ".count).prefix { $0.isNumber }), line)
        // Between half a relaxation time and five, as the statistic's own test on this queue requires.
        XCTAssertTrue((21...210).contains(days), line)
        XCTAssertTrue(result.stderr.contains("from a pilot of 100 replications with no warm-up"), result.transcript)

        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("manifest.json")))
            as? [String: Any]
        let overrides = try XCTUnwrap(manifest?["overrides"] as? [String])
        XCTAssertEqual(overrides.last, "calendar.warm_up_days=\(days)")
        let record = try XCTUnwrap(manifest?["warmUp"] as? [String: Any])
        XCTAssertEqual(record["chosenBy"] as? String, "MSER-5")
        XCTAssertEqual(record["days"] as? Int, days)
        XCTAssertEqual(record["measures"] as? [String], [MeasureName.inCare, MeasureName.waiting])
        XCTAssertEqual(record["pilotReplications"] as? Int, 100)

        // The same run with the chosen days set by hand gives the same results, byte for byte.
        let again = try makeTemporaryFolder().appendingPathComponent("set")
        try runTool(["run"] + Self.queue + ["--set", "calendar.warm_up_days=\(days)", "--out", again.path, "--quiet"],
                    expecting: 0, timeout: 300)
        for name in ["summary.csv", "replications.csv"] {
            XCTAssertEqual(try Data(contentsOf: out.appendingPathComponent(name)),
                           try Data(contentsOf: again.appendingPathComponent(name)), name)
        }
    }

    func testAWarmUpTooShortForTheQueueIsWarnedAbout() throws {
        let out = try makeTemporaryFolder().appendingPathComponent("short")
        let result = try runTool(["run"] + Self.queue + ["--set", "calendar.warm_up_days=7", "--replications", "100",
                                                         "--out", out.path], expecting: 0, timeout: 300)
        let warning = try XCTUnwrap(result.stderrLines.first { $0.hasPrefix("warning: Benchmarks/peers/mmc.yaml: the warm-up of 7 days") },
                                    result.transcript)
        XCTAssertTrue(warning.contains("looks too short: MSER-5 on the period means of in_care and waiting drops a further"), warning)
        XCTAssertTrue(warning.contains("or run with --warm-up auto."), warning)
        let manifest = try String(contentsOf: out.appendingPathComponent("manifest.json"), encoding: .utf8)
        XCTAssertTrue(manifest.contains("\"chosenBy\" : \"scenario\""), manifest)
    }

    func testAWarmUpGivenAsANumberOrUnknownMeasuresAreRefused() throws {
        let folder = try makeTemporaryFolder()
        let number = try runTool(["run"] + Self.queue + ["--warm-up", "30", "--out", folder.appendingPathComponent("a").path],
                                 expecting: 64)
        XCTAssertTrue(number.stderr.contains("--warm-up takes 'auto'"), number.transcript)
        XCTAssertTrue(number.stderr.contains("--set calendar.warm_up_days=30"), number.transcript)

        let unknown = try runTool(["run"] + Self.queue + ["--warm-up", "auto", "--warm-up-measures", "wating",
                                                          "--out", folder.appendingPathComponent("b").path], expecting: 2)
        XCTAssertTrue(unknown.stderr.contains("--warm-up-measures: 'wating' is not a measure of this scenario's results; "
                                              + "did you mean 'waiting'?"), unknown.transcript)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("b").path))
    }
}
