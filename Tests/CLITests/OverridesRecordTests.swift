import Foundation
import XCTest

/// Results made with `--set` say so: in manifest.json, in the report's title block and in the
/// terminal's header line; results made without any carry an empty list and nothing else.
final class OverridesRecordTests: XCTestCase {
    private func manifest(_ folder: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("manifest.json"))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func testARunWithSetRecordsItsOverridesInTheManifestReportAndHeader() throws {
        let folder = try makeTemporaryFolder()
        try write(TestScenarioFiles.tiny, to: "tiny.yaml", in: folder)
        let result = try runTool(["run", "tiny.yaml", "--replications", "2", "--out", "changed",
                                  "--set", "demand.referrals_per_week=6", "--set", "zones[North].referral_share=0.6"],
                                 in: folder, expecting: 0)
        XCTAssertTrue(result.stderr.contains("seed 11, with --set demand.referrals_per_week=6 "
                                             + "--set 'zones[North].referral_share=0.6'."), result.transcript)
        let changed = folder.appendingPathComponent("changed")
        XCTAssertEqual(try manifest(changed)["overrides"] as? [String],
                       ["demand.referrals_per_week=6", "zones[North].referral_share=0.6"])
        let report = try String(contentsOf: changed.appendingPathComponent("report.html"), encoding: .utf8)
        XCTAssertTrue(report.contains("<tr><th>Changed from the file</th><td>--set demand.referrals_per_week=6 "
                                      + "--set &#39;zones[North].referral_share=0.6&#39;</td></tr>"), report)
        XCTAssertTrue(report.contains("2 replications, with --set demand.referrals_per_week=6"), report)
    }

    func testARunWithoutSetHasAnEmptyListAndAnUnchangedReport() throws {
        let folder = try makeTemporaryFolder()
        try write(TestScenarioFiles.tiny, to: "tiny.yaml", in: folder)
        let result = try runTool(["run", "tiny.yaml", "--replications", "2", "--out", "plain"], in: folder, expecting: 0)
        XCTAssertFalse(result.stderr.contains("--set"), result.transcript)
        let plain = folder.appendingPathComponent("plain")
        XCTAssertEqual(try manifest(plain)["overrides"] as? [String], [])
        let report = try String(contentsOf: plain.appendingPathComponent("report.html"), encoding: .utf8)
        XCTAssertFalse(report.contains("Changed from the file"), report)
        XCTAssertFalse(report.contains("--set"), report)
    }

    func testSweepSolveAndMergeManifestsRecordTheOverrides() throws {
        let folder = try makeTemporaryFolder()
        try write(ExperimentCommandsTests.sweepScenario, to: "tiny.yaml", in: folder)
        try runTool(["sweep", "tiny.yaml", "--replications", "2", "--out", "swept", "--quiet",
                     "--set", "demand.referrals_per_week=6"], in: folder, expecting: 0)
        XCTAssertEqual(try manifest(folder.appendingPathComponent("swept"))["overrides"] as? [String], ["demand.referrals_per_week=6"])
        let solved = try runTool(["solve", "tiny.yaml", "--replications", "2", "--out", "solved", "--target-below", "1000000",
                                  "--set", "solve.probability=0.6"], in: folder, expecting: 0)
        XCTAssertTrue(solved.stderr.contains(", with --set solve.probability=0.6."), solved.transcript)
        XCTAssertEqual(try manifest(folder.appendingPathComponent("solved"))["overrides"] as? [String],
                       ["solve.probability=0.6"])
        for k in 1...2 {
            try runTool(["run", "tiny.yaml", "--replications", "2", "--shard", "\(k)/2", "--out", "shard-\(k)", "--quiet",
                         "--set", "demand.referrals_per_week=6"], in: folder, expecting: 0)
        }
        let merged = try runTool(["merge", "--out", "merged", "shard-1", "shard-2"], in: folder, expecting: 0)
        XCTAssertTrue(merged.stderr.contains("with --set demand.referrals_per_week=6."), merged.transcript)
        XCTAssertEqual(try manifest(folder.appendingPathComponent("merged"))["overrides"] as? [String], ["demand.referrals_per_week=6"])
    }
}
