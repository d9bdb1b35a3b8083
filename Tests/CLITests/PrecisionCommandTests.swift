import Foundation
import Sufficiency
import XCTest

/// `sufficiency run --precision` as users run it: it stops where the replications algorithm
/// says, says so, and writes the files of a run of the count it stopped at, byte for byte.
final class PrecisionCommandTests: XCTestCase {
    func testARunToAPrecisionWritesTheFilesOfARunOfTheCountItStoppedAt() throws {
        let folder = try makeTemporaryFolder()
        let scenario = Repository.url("scenarios/quickstart.yaml").path
        let run = try runTool(["run", scenario, "--precision", "0.1", "--threads", "2", "--no-ranking",
                               "--out", folder.appendingPathComponent("precise").path], expecting: 0)
        XCTAssertTrue(run.stderr.contains("replications until the 95% intervals of unmet_hours, spend are within ±10% "
                                          + "of their means under every option (at most 1000)"), run.transcript)
        let manifest = try XCTUnwrap(JSONSerialization.jsonObject(
            with: Data(contentsOf: folder.appendingPathComponent("precise/manifest.json"))) as? [String: Any])
        let precision = try XCTUnwrap(manifest["precision"] as? [String: Any])
        let n = try XCTUnwrap(manifest["replications"] as? Int)
        XCTAssertEqual(precision["replicationsRun"] as? Int, n)
        XCTAssertEqual(precision["stoppedBy"] as? String, "precision")
        XCTAssertEqual(precision["measures"] as? [String], [MeasureName.unmetHours, MeasureName.spend])
        XCTAssertEqual(precision["kind"] as? String, "relative")
        XCTAssertEqual(precision["maximumReplications"] as? Int, 1000)
        let needed = try XCTUnwrap(precision["replicationsNeeded"] as? Int)
        XCTAssertEqual(n, needed + 5)
        let sentence = "\(needed) replications put the 95% interval of unmet_hours, spend (whole run, county-wide, every "
            + "option) within ±10% of the mean, and it held for the next 5 (the look-ahead), so the run stopped at \(n)."
        XCTAssertTrue(run.stderr.contains(sentence), run.transcript)
        XCTAssertTrue(run.stdout.contains("\(n) replications"), run.transcript)
        let report = try String(contentsOf: folder.appendingPathComponent("precise/report.html"), encoding: .utf8)
        XCTAssertTrue(report.contains(sentence), "the report does not say how many replications were needed")

        try runTool(["run", scenario, "--replications", "\(n)", "--threads", "1", "--no-ranking", "--quiet",
                     "--out", folder.appendingPathComponent("fixed").path], expecting: 0)
        let csvs = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("precise").path)
            .filter { $0.hasSuffix(".csv") }.sorted()
        XCTAssertTrue(csvs.contains("replications.csv") && csvs.contains("summary.csv"), "\(csvs)")
        for name in csvs {
            XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("precise/\(name)")),
                           try Data(contentsOf: folder.appendingPathComponent("fixed/\(name)")),
                           "\(name) differs from a run of \(n) replications")
        }
    }

    func testPrecisionFlagsAreCheckedBeforeAnythingRuns() throws {
        let folder = try makeTemporaryFolder()
        let scenario = Repository.url("scenarios/quickstart.yaml").path
        let out = folder.appendingPathComponent("out").path
        let values = try runTool(["run", scenario, "--precision", "5", "--max-replications", "2",
                                  "--precision-windows", "every_year", "--out", out], expecting: 2)
        XCTAssertTrue(values.stderr.contains("--precision \"5\" is not allowed; expected a share of the mean above 0 and below 1"),
                      values.transcript)
        XCTAssertTrue(values.stderr.contains("--max-replications \"2\" is not allowed; expected a whole number from 3"),
                      values.transcript)
        XCTAssertTrue(values.stderr.contains("--precision-windows \"every_year\" is not allowed; expected whole_run or "
                                             + "every_financial_year."), values.transcript)
        let measures = try runTool(["run", scenario, "--precision", "0.05", "--precision-measures", "unmet_hour,spend",
                                    "--out", out], expecting: 2)
        XCTAssertTrue(measures.stderr.contains("--precision-measures: 'unmet_hour' is not a measure of this scenario's results; "
                                               + "did you mean 'unmet_hours'?"), measures.transcript)
        let shard = try runTool(["run", scenario, "--precision", "0.05", "--shard", "1/2"], expecting: 64)
        XCTAssertTrue(shard.stderr.contains("--precision and --shard cannot be used together"), shard.transcript)
        let fixed = try runTool(["run", scenario, "--precision", "0.05", "--replications", "10"], expecting: 64)
        XCTAssertTrue(fixed.stderr.contains("give the most replications with --max-replications"), fixed.transcript)
        let alone = try runTool(["run", scenario, "--max-replications", "10"], expecting: 64)
        XCTAssertTrue(alone.stderr.contains("need --precision"), alone.transcript)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out), "a refused run wrote its folder")
    }
}

extension InterruptionTests {
    func testAnInterruptedRunToAPrecisionResumesToTheBytesOfAnUninterruptedOne() throws {
        let folder = try makeTemporaryFolder()
        let scenario = Repository.url("scenarios/quickstart.yaml").path
        let common = [scenario, "--precision", "0.1", "--threads", "1", "--no-ranking"]
        try runTool(["run"] + common + ["--out", "whole", "--quiet"], in: folder, expecting: 0)
        let stopped = try runInterrupted(["run"] + common + ["--out", "results"], in: folder, signal: SIGINT,
                                         after: "/1000 replications")
        XCTAssertEqual(stopped.status, 130, stopped.transcript)
        XCTAssertTrue(stopped.stderr.contains("of at most 1000 replications"), stopped.transcript)
        XCTAssertTrue(try contents(of: folder).contains(".results.resume"), stopped.transcript)
        let resumed = try runTool(["run"] + common + ["--out", "results", "--resume"], in: folder, expecting: 0)
        XCTAssertTrue(resumed.stderr.contains("Resuming results from"), resumed.transcript)
        for name in ["summary.csv", "bands.csv", "replications.csv", "comparison.csv", "providers.csv"] {
            XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("results/\(name)")),
                           try Data(contentsOf: folder.appendingPathComponent("whole/\(name)")),
                           "\(name) of the resumed run to a precision differs from the uninterrupted run's")
        }
    }
}
