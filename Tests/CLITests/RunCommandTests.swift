import Foundation
import Sufficiency
import XCTest

/// `sufficiency run`: refuses broken scenarios without writing anything, applies overrides,
/// and reports progress and results as users expect.
final class RunCommandTests: XCTestCase {
    // MARK: Nothing is written when the scenario is wrong

    func testABrokenScenarioIsReportedAndNothingIsWritten() throws {
        let folder = try makeTemporaryFolder()
        try write(TestScenarioFiles.broken, to: "broken.yaml", in: folder)

        let result = try runTool(["run", "broken.yaml", "--out", "results/broken"], in: folder, expecting: 2)

        XCTAssertEqual(Array(result.stderrLines.prefix(TestScenarioFiles.brokenProblems.count)),
                       TestScenarioFiles.brokenProblems, result.transcript)
        XCTAssertEqual(result.stderrLines.last, "7 problems found in broken.yaml; nothing was run.", result.transcript)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("results/broken").path))
        XCTAssertEqual(try contents(of: folder), ["broken.yaml"], "a failed run left files behind")
        XCTAssertFalse(result.stderr.contains("replications ("), "progress shown for a run that never started")
    }

    func testABrokenScenarioWithoutOutLeavesNoDefaultResultsFolder() throws {
        let folder = try makeTemporaryFolder()
        try write(TestScenarioFiles.broken, to: "broken.yaml", in: folder)

        try runTool(["run", "broken.yaml"], in: folder, expecting: 2)

        XCTAssertEqual(try contents(of: folder), ["broken.yaml"])
    }

    func testABadSetValueStopsTheRunNamingTheSetArgument() throws {
        let folder = try makeTemporaryFolder()
        try write(TestScenarioFiles.tiny, to: "tiny.yaml", in: folder)

        let result = try runTool(["run", "tiny.yaml", "--set", "demand.growth=-5", "--out", "out"], in: folder, expecting: 2)

        XCTAssertEqual(result.stderrLines.first,
                       "--set demand.growth=-5: demand.growth: -5 is not allowed; expected a number greater than -1 "
                        + "(annual growth; 0.03 = 3% a year).", result.transcript)
        XCTAssertEqual(try contents(of: folder), ["tiny.yaml"])
    }

    func testAFailedRunLeavesAnEarlierResultsFolderUntouched() throws {
        let folder = try makeTemporaryFolder()
        try write(TestScenarioFiles.broken, to: "broken.yaml", in: folder)
        let out = folder.appendingPathComponent("out", isDirectory: true)
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try write("earlier results\n", to: "summary.csv", in: out)

        try runTool(["run", "broken.yaml", "--out", "out"], in: folder, expecting: 2)

        XCTAssertEqual(try contents(of: out), ["summary.csv"])
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("summary.csv"), encoding: .utf8), "earlier results\n")
    }

    func testOutOfRangeArgumentsAreBadInputAndAllReportedAtOnce() throws {
        let folder = try makeTemporaryFolder()
        try write(TestScenarioFiles.tiny, to: "tiny.yaml", in: folder)

        let zero = try runTool(["run", "tiny.yaml", "--replications", "0", "--out", "out"], in: folder, expecting: 2)
        XCTAssertTrue(zero.stderr.contains("--replications \"0\" is not allowed; expected a whole number of replications from 1 to 1000000"),
                      zero.transcript)
        let all = try runTool(["run", "tiny.yaml", "--threads=-1", "--seed=-1", "--replications", "x", "--out", "out"],
                              in: folder, expecting: 2)
        XCTAssertTrue(all.stderr.contains("--threads \"-1\" is not allowed"), all.transcript)
        XCTAssertTrue(all.stderr.contains("--seed \"-1\" is not allowed"), all.transcript)
        XCTAssertTrue(all.stderr.contains("--replications \"x\" is not allowed"), all.transcript)
        let many = try runTool(["run", "tiny.yaml", "--threads", "5000", "--out", "out"], in: folder, expecting: 2)
        XCTAssertTrue(many.stderr.contains("from 0 (one per core) to 1024 (the limit of run.threads)"), many.transcript)
        XCTAssertEqual(try contents(of: folder), ["tiny.yaml"])
    }

    // MARK: Overrides

    func testSetOverridesTheFilesReplications() throws {
        let folder = try makeTemporaryFolder()
        try write(TestScenarioFiles.tiny, to: "tiny.yaml", in: folder)

        try runTool(["run", "tiny.yaml", "--set", "run.replications=3", "--out", "out", "--quiet"], in: folder, expecting: 0)

        try assertReplications(3, in: folder.appendingPathComponent("out"))
    }

    func testReplicationsOptionBeatsTheFilesValue() throws {
        let folder = try makeTemporaryFolder()
        try write(TestScenarioFiles.tiny, to: "tiny.yaml", in: folder)  // run.replications: 6

        try runTool(["run", "tiny.yaml", "--replications", "2", "--out", "out", "--quiet"], in: folder, expecting: 0)

        try assertReplications(2, in: folder.appendingPathComponent("out"))
    }

    func testSeedOptionBeatsTheFilesValue() throws {
        let folder = try makeTemporaryFolder()
        try write(TestScenarioFiles.tiny, to: "tiny.yaml", in: folder)  // run.seed: 11

        try runTool(["run", "tiny.yaml", "--replications", "2", "--seed", "99", "--out", "a", "--quiet"], in: folder, expecting: 0)
        try runTool(["run", "tiny.yaml", "--replications", "2", "--set", "run.seed=99", "--out", "b", "--quiet"],
                    in: folder, expecting: 0)
        try runTool(["run", "tiny.yaml", "--replications", "2", "--out", "c", "--quiet"], in: folder, expecting: 0)

        let a = try CSVText(contentsOf: folder.appendingPathComponent("a/replications.csv")).text
        let b = try CSVText(contentsOf: folder.appendingPathComponent("b/replications.csv")).text
        let c = try CSVText(contentsOf: folder.appendingPathComponent("c/replications.csv")).text
        XCTAssertEqual(a, b, "--seed 99 and --set run.seed=99 should give the same results")
        XCTAssertNotEqual(a, c, "--seed 99 gave the same results as the file's seed 11")
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("a/manifest.json")))
        XCTAssertEqual((manifest as? [String: Any])?["seed"] as? Int, 99)
    }

    func testSetChangesTheModel() throws {
        let folder = try makeTemporaryFolder()
        try write(TestScenarioFiles.tiny, to: "tiny.yaml", in: folder)  // 5 referrals a week

        try runTool(["run", "tiny.yaml", "--replications", "3", "--out", "base", "--quiet"], in: folder, expecting: 0)
        try runTool(["run", "tiny.yaml", "--replications", "3", "--set", "demand.referrals_per_week=50", "--out", "busy", "--quiet"],
                    in: folder, expecting: 0)

        let base = try horizonMean(MeasureName.referrals, in: folder.appendingPathComponent("base"))
        let busy = try horizonMean(MeasureName.referrals, in: folder.appendingPathComponent("busy"))
        XCTAssertGreaterThan(busy, 4 * base, "ten times the referral rate gave \(busy) referrals against \(base)")
    }

    // MARK: What the user sees

    func testProgressIsPlainLinesWhenStandardErrorIsNotATerminal() throws {
        let folder = try makeTemporaryFolder()
        try write(TestScenarioFiles.tiny, to: "tiny.yaml", in: folder)

        let result = try runTool(["run", "tiny.yaml", "--replications", "4", "--out", "out"], in: folder, expecting: 0)

        XCTAssertFalse(result.stderr.contains("\r"), "a redrawn progress bar was written to a non-terminal:\n\(result.transcript)")
        XCTAssertFalse(result.stderr.contains("\u{1B}["), "terminal escape codes written to a non-terminal")
        let progress = result.stderrLines.filter { $0.range(of: #"^[0-9]+/[0-9]+ replications"#, options: .regularExpression) != nil }
        XCTAssertFalse(progress.isEmpty, "no plain progress lines:\n\(result.transcript)")
        XCTAssertTrue(progress.allSatisfy { $0.range(of: #"^[0-9]+/4 replications"#, options: .regularExpression) != nil },
                      result.transcript)
        XCTAssertTrue(progress.last?.hasPrefix("4/4 replications") ?? false, "progress never reached 4/4:\n\(result.transcript)")
        XCTAssertLessThanOrEqual(progress.count, 11, "progress should be occasional, not one line per event")
        XCTAssertTrue(result.stderrLines.first?.hasPrefix("Running Tiny county: 2 options x 4 replications") ?? false,
                      result.transcript)

        // The results go to standard output: the comparison table, then where the files are.
        XCTAssertTrue(result.stdoutLines.contains { $0.hasPrefix("Measure (mean [95% CI])") }, result.transcript)
        XCTAssertEqual(result.stdoutLines.last, "Results in out/ ("
                       + "summary.csv, bands.csv, replications.csv, comparison.csv, providers.csv, manifest.json; report.html with its charts/)",
                       result.transcript)
        XCTAssertFalse(result.stdout.contains("replications ("), "progress written to standard output")
    }

    func testQuietPrintsOnlyTheResultsFolder() throws {
        let folder = try makeTemporaryFolder()
        try write(TestScenarioFiles.tiny, to: "tiny.yaml", in: folder)

        let result = try runTool(["run", "tiny.yaml", "--replications", "4", "--out", "results/quiet", "--quiet"],
                                 in: folder, expecting: 0)

        XCTAssertEqual(result.stdout, "results/quiet\n", result.transcript)
        XCTAssertEqual(result.stderr, "", result.transcript)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("results/quiet/summary.csv").path))
    }

    func testTheDefaultResultsFolderIsNamedAfterTheScenarioFile() throws {
        let folder = try makeTemporaryFolder()
        try write(TestScenarioFiles.tiny, to: "tiny.yaml", in: folder)

        let result = try runTool(["run", "tiny.yaml", "--replications", "2", "--quiet"], in: folder, expecting: 0)

        XCTAssertEqual(result.stdout, "results/tiny\n", result.transcript)
        XCTAssertEqual(try contents(of: folder.appendingPathComponent("results/tiny")),
                       ["bands.csv", "charts", "comparison.csv", "manifest.json", "providers.csv", "replications.csv", "report.html",
                        "summary.csv"])
    }

    func testTheQuickstartScenarioRuns() throws {
        let out = try makeTemporaryFolder().appendingPathComponent("quick")

        let result = try runTool(["run", "scenarios/quickstart.yaml", "--replications", "4", "--seed", "5", "--out", out.path],
                                 in: Repository.root, expecting: 0)

        XCTAssertTrue(result.stdoutLines.contains { $0.hasPrefix("Measure (mean [95% CI])") }, result.transcript)
        XCTAssertEqual(try contents(of: out), ["bands.csv", "charts", "comparison.csv", "manifest.json", "providers.csv", "replications.csv", "report.html",
                        "summary.csv"])
        try assertReplications(4, in: out, options: nil)
    }

    // MARK: Helpers

    /// Every summary row counts at most `n` replications, counts such as referrals count all `n`,
    /// and replications.csv has `n` replications of each option.
    private func assertReplications(_ n: Int, in out: URL, options: [String]? = TestScenarioFiles.tinyOptions,
                                    file: StaticString = #filePath, line: UInt = #line) throws {
        let summary = try CSVText(contentsOf: out.appendingPathComponent("summary.csv"))
        let nColumn = try XCTUnwrap(summary.column("n"), file: file, line: line)
        let measureColumn = try XCTUnwrap(summary.column("measure"), file: file, line: line)
        XCTAssertFalse(summary.rows.isEmpty, file: file, line: line)
        let counts = summary.rows.map { Int($0[nColumn]) ?? -1 }
        XCTAssertEqual(counts.max(), n, file: file, line: line)
        XCTAssertTrue(counts.allSatisfy { (1...n).contains($0) }, "n outside 1...\(n): \(Set(counts))", file: file, line: line)
        let referrals = summary.rows.filter { $0[measureColumn] == MeasureName.referrals }
        XCTAssertFalse(referrals.isEmpty, file: file, line: line)
        XCTAssertTrue(referrals.allSatisfy { $0[nColumn] == String(n) }, file: file, line: line)

        let replications = try CSVText(contentsOf: out.appendingPathComponent("replications.csv"))
        XCTAssertEqual(Set(replications.values("replication")), Set((1...n).map(String.init)), file: file, line: line)
        let optionCount = options?.count ?? Set(replications.values("option")).count
        XCTAssertEqual(replications.rows.count, n * optionCount, file: file, line: line)
        if let options {
            XCTAssertEqual(Array(replications.values("option").prefix(options.count)), options, file: file, line: line)
        }

        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("manifest.json")))
        XCTAssertEqual((manifest as? [String: Any])?["replications"] as? Int, n, file: file, line: line)
    }

    /// The whole-run, county-wide mean of `measure` for the first option.
    private func horizonMean(_ measure: String, in out: URL) throws -> Double {
        let summary = try CSVText(contentsOf: out.appendingPathComponent("summary.csv"))
        let h = try XCTUnwrap(summary.column("window"))
        let z = try XCTUnwrap(summary.column("zone"))
        let m = try XCTUnwrap(summary.column("measure"))
        let mean = try XCTUnwrap(summary.column("mean"))
        let row = try XCTUnwrap(summary.rows.first { $0[h] == "horizon" && $0[z] == "all" && $0[m] == measure })
        return try XCTUnwrap(Double(row[mean]))
    }
}
