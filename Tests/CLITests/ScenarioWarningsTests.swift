import Foundation
import XCTest

/// Values a scenario accepts although they are unusual: `validate` prints each after "valid."
/// as `warning: FILE:LINE:COLUMN: key.path: message`; `run` prints them on standard error before
/// running, runs, and records them in `manifest.json` under `warnings`.
final class ScenarioWarningsTests: XCTestCase {
    /// The tiny scenario with a spot premium of 1.5 (150%) in its first option, on line 39.
    static let unusualPremium = TestScenarioFiles.tiny.replacingOccurrences(
        of: "    reference_rate: 22\n    contracts:\n      - {provider: Alpha, route: strategic",
        with: "    reference_rate: 22\n    spot_premium: 1.5\n    contracts:\n      - {provider: Alpha, route: strategic")

    static let premiumWarning = "tiny.yaml:39:19: options[0].spot_premium: 1.5 is a premium of 150%, which is "
        + "unusual; if you meant 1.5%, write 0.015."

    func testValidatePrintsTheWarningAfterValid() throws {
        let folder = try makeTemporaryFolder()
        try write(Self.unusualPremium, to: "tiny.yaml", in: folder)

        let result = try runTool(["validate", "tiny.yaml"], in: folder, expecting: 0)

        XCTAssertTrue(result.stdoutLines.first?.hasPrefix("tiny.yaml: valid.") == true, result.transcript)
        // The starting position follows the verdict, then the warnings, in the file's order: the
        // caseload's drift towards its steady state (demand, line 15), then the premium.
        XCTAssertTrue(result.stdoutLines.contains { $0.hasPrefix("Starting position") }, result.transcript)
        XCTAssertEqual(result.stdoutLines.filter { $0.hasPrefix("warning: ") }.count, 2, result.transcript)
        XCTAssertEqual(result.stdoutLines.last, "warning: " + Self.premiumWarning, result.transcript)
        XCTAssertEqual(result.stderr, "", result.transcript)
    }

    func testRunPrintsTheWarningRunsAndRecordsItInTheManifest() throws {
        let folder = try makeTemporaryFolder()
        try write(Self.unusualPremium, to: "tiny.yaml", in: folder)

        let result = try runTool(["run", "tiny.yaml", "--replications", "2", "--out", "out", "--quiet"], in: folder,
                                 expecting: 0)

        XCTAssertEqual(result.stderrLines.first, "warning: " + Self.premiumWarning, result.transcript)
        XCTAssertEqual(result.stdoutLines, ["out"], result.transcript)
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("out/manifest.json")))
        XCTAssertEqual((manifest as? [String: Any])?["warnings"] as? [String], [Self.premiumWarning])
    }

    func testAWarningFromASetNamesTheSetAndARunWithoutWarningsRecordsNone() throws {
        let folder = try makeTemporaryFolder()
        try write(TestScenarioFiles.tiny, to: "tiny.yaml", in: folder)

        let warned = try runTool(["run", "tiny.yaml", "--replications", "1", "--set", "calendar.start=2023-04-15",
                                  "--out", "warned", "--quiet"], in: folder, expecting: 0)
        XCTAssertEqual(warned.stderrLines.first, "warning: --set calendar.start=2023-04-15: calendar.start: 2023-04-15 "
                       + "is not the first day of a month, so the first month reported, labelled 2023-04, covers only "
                       + "2023-04-15 to 2023-04-30; start on 2023-04-01 or 2023-05-01 for whole months.", warned.transcript)

        let plain = try runTool(["run", "tiny.yaml", "--replications", "1", "--out", "plain", "--quiet"], in: folder,
                                expecting: 0)
        XCTAssertEqual(plain.stderr, "", plain.transcript)
        let manifest = try String(contentsOf: folder.appendingPathComponent("plain/manifest.json"), encoding: .utf8)
        XCTAssertFalse(manifest.contains("\"warnings\""), manifest)
    }

    func testSweepPrintsTheWarningBeforeRunning() throws {
        let folder = try makeTemporaryFolder()
        try write(Self.unusualPremium + "sweep:\n  parameters:\n    - path: demand.referrals_per_week\n      values: [4, 5]\n",
                  to: "tiny.yaml", in: folder)

        let result = try runTool(["sweep", "tiny.yaml", "--replications", "1", "--out", "out", "--quiet"], in: folder,
                                 expecting: 0)

        XCTAssertEqual(result.stderrLines.first, "warning: " + Self.premiumWarning, result.transcript)
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("out/manifest.json")))
        XCTAssertEqual((manifest as? [String: Any])?["warnings"] as? [String], [Self.premiumWarning])
    }

    func testASweptValueThatIsUnusualIsWarnedAboutAtItsPoint() throws {
        let folder = try makeTemporaryFolder()
        try write(TestScenarioFiles.tiny + "sweep:\n  parameters:\n    - path: options[0].spot_premium\n"
                  + "      values: [0.1, 2]\n", to: "tiny.yaml", in: folder)
        let warning = "tiny.yaml:51:21: sweep point 2, options[0].spot_premium = 2: options[0].spot_premium: 2 is a "
            + "premium of 200%, which is unusual; if you meant 2%, write 0.02."

        let validate = try runTool(["validate", "tiny.yaml"], in: folder, expecting: 0)
        XCTAssertEqual(validate.stdoutLines.last, "warning: " + warning, validate.transcript)

        let sweep = try runTool(["sweep", "tiny.yaml", "--replications", "1", "--out", "out", "--quiet"], in: folder,
                                expecting: 0)
        XCTAssertEqual(sweep.stderrLines.first, "warning: " + warning, sweep.transcript)
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("out/manifest.json")))
        XCTAssertEqual((manifest as? [String: Any])?["warnings"] as? [String], [warning])
    }

    func testACaseloadRowOfSeveralPeopleRepeatedFieldForFieldIsWarnedAbout() throws {
        let folder = try makeTemporaryFolder()
        try write(TestScenarioFiles.tiny.replacingOccurrences(of: "caseload:\n  entries:", with: "caseload:\n  file: caseload.csv\n  entries:"),
                  to: "tiny.yaml", in: folder)
        try write("zone,provider,client_group,hours_per_week,people\nNorth,Alpha,,,4\nSouth,Beta,,,1\nSouth,Beta,,,1\n"
                  + "North,Alpha,,,4\n", to: "caseload.csv", in: folder)

        let result = try runTool(["validate", "tiny.yaml"], in: folder, expecting: 0)

        XCTAssertEqual(result.stdoutLines.filter { $0.hasPrefix("warning: caseload") }, ["warning: caseload.csv:5:1: this row repeats line 2 field for field, "
                       + "so its 4 people are counted twice; remove it if the rows are the same packages, or add its "
                       + "people to line 2's."], result.transcript)
    }

    func testASetThatUpsetsSharesIsNamedAsWellAsTheList() throws {
        let folder = try makeTemporaryFolder()
        try write(TestScenarioFiles.tiny, to: "tiny.yaml", in: folder)

        let result = try runTool(["validate", "tiny.yaml", "--set", "zones[0].referral_share=0.9"], in: folder, expecting: 2)

        XCTAssertEqual(result.stderrLines.first, "tiny.yaml:8:3: --set zones[0].referral_share=0.9: zones: the "
                       + "referral_share values add up to 1.3; they must add up to 1 (±0.001).", result.transcript)
    }
}
