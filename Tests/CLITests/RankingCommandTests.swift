import Foundation
import Sufficiency
import XCTest

/// `sufficiency run` on a scenario with a `ranking_sensitivity` section: ranking.csv beside the
/// other files, "What decides the ranking" after the table and in the report, the same bytes
/// whatever the threads, `--no-ranking`, and a bad section refused before anything runs.
final class RankingCommandTests: XCTestCase {
    /// The fixture: two options at 25 and 26 an hour; the second's rate decides which is
    /// cheaper, the first's front loading moves the gap, the exit sensitivity changes nothing.
    static let fixture = "Tests/Fixtures/ranking/two-rates.yaml"

    /// The fixture copied into a new folder, as `two-rates.yaml`.
    private func folderWithFixture() throws -> URL {
        let folder = try makeTemporaryFolder()
        try FileManager.default.copyItem(at: Repository.url(Self.fixture), to: folder.appendingPathComponent("two-rates.yaml"))
        return folder
    }

    func testARunWritesRankingCSVAndSaysWhatDecidesTheRanking() throws {
        let folder = try folderWithFixture()

        let result = try runTool(["run", "two-rates.yaml", "--out", "out"], in: folder, expecting: 0)

        let out = folder.appendingPathComponent("out")
        let csv = try String(contentsOf: out.appendingPathComponent("ranking.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "input,end,value,option,measure,unit,window,better,n,mean,ci95_low,ci95_high,rank,"
                       + "best_option,margin,gap,gap_ci95_low,gap_ci95_high,flips,input_rank,source")
        XCTAssertEqual(lines.count, 1 + 2 + 3 * 2 * 2, csv)
        XCTAssertTrue(lines.contains("options[indexed].reference_rate,low,24,indexed,average_rate,GBP per hour,whole run,"
                                     + "lower,3,24,24,24,1,indexed,1,-1,-1,-1,true,1,assumption: the rates the tender may bring"),
                      csv)
        XCTAssertTrue(lines.filter { $0.hasPrefix("exits.sensitivity,") }.allSatisfy { $0.contains(",false,3,") }, csv)

        let stdout = result.stdoutLines
        let heading = try XCTUnwrap(stdout.firstIndex { $0.hasPrefix("What decides the ranking (average_rate") }, result.transcript)
        XCTAssertLessThan(try XCTUnwrap(stdout.firstIndex { $0.hasPrefix("Measure (mean") }), heading, "after the table")
        let flipping = try XCTUnwrap(stdout.firstIndex(of: "Inputs whose range flips the best option:"), result.transcript)
        XCTAssertTrue(stdout[flipping + 1].hasPrefix("  options[indexed].reference_rate, 24 to 28: at 24, indexed is best"),
                      result.transcript)
        XCTAssertEqual(stdout[flipping + 2], "    source: assumption: the rates the tender may bring")
        XCTAssertEqual(stdout[flipping + 3], "Inputs that do not flip it, the largest change in fixed's lead first:")
        XCTAssertTrue(result.stdout.contains("comparison.csv, providers.csv, ranking.csv, manifest.json"), result.transcript)

        let manifest = try XCTUnwrap(JSONSerialization.jsonObject(
            with: Data(contentsOf: out.appendingPathComponent("manifest.json"))) as? [String: Any])
        XCTAssertTrue((manifest["files"] as? [String] ?? []).contains("ranking.csv"))
        XCTAssertNotNil((manifest["fileBytes"] as? [String: Int])?["ranking.csv"])
        let ranking = try XCTUnwrap(manifest["ranking"] as? [String: Any])
        XCTAssertEqual(ranking["measure"] as? String, MeasureName.averageRate)
        XCTAssertEqual(ranking["replications"] as? Int, 3)
        XCTAssertEqual(ranking["best"] as? String, "fixed")
        let inputs = try XCTUnwrap(ranking["inputs"] as? [[String: Any]])
        XCTAssertEqual(inputs.map { $0["key"] as? String },
                       ["exits.sensitivity", "options[fixed].front_loading", "options[indexed].reference_rate"])
        XCTAssertEqual(inputs.map { $0["flips"] as? Bool }, [false, false, true])

        let report = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        XCTAssertTrue(report.contains("<h2>What decides the ranking</h2>"))
        XCTAssertTrue(report.contains("<td>indexed is best, ahead of fixed by 1.00</td>"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("charts/ranking-lead.svg").path))

        // Rebuilt from the folder, the report says the same.
        try runTool(["report", "out"], in: folder, expecting: 0)
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8), report)
    }

    func testRankingCSVIsTheSameBytesWhateverTheThreads() throws {
        let folder = try folderWithFixture()

        try runTool(["run", "two-rates.yaml", "--out", "one", "--threads", "1", "--quiet"], in: folder, expecting: 0)
        try runTool(["run", "two-rates.yaml", "--out", "two", "--threads", "2", "--quiet"], in: folder, expecting: 0)

        let one = try Data(contentsOf: folder.appendingPathComponent("one/ranking.csv"))
        XCTAssertFalse(one.isEmpty)
        XCTAssertEqual(one, try Data(contentsOf: folder.appendingPathComponent("two/ranking.csv")))
    }

    func testNoRankingLeavesTheAnalysisOut() throws {
        let folder = try folderWithFixture()

        let result = try runTool(["run", "two-rates.yaml", "--out", "out", "--no-ranking"], in: folder, expecting: 0)

        let out = folder.appendingPathComponent("out")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("ranking.csv").path))
        XCTAssertFalse(result.stdout.contains("What decides the ranking"), result.transcript)
        XCTAssertFalse(result.stderr.contains("What decides the ranking"), result.transcript)
        let manifest = try XCTUnwrap(JSONSerialization.jsonObject(
            with: Data(contentsOf: out.appendingPathComponent("manifest.json"))) as? [String: Any])
        XCTAssertNil(manifest["ranking"])
    }

    func testABadSectionIsRefusedWithEveryProblemAtItsLineAndNothingWritten() throws {
        let folder = try makeTemporaryFolder()
        let text = try String(contentsOf: Repository.url(Self.fixture), encoding: .utf8)
        let section = """
            ranking_sensitivity:
              measure: unmet_hour
              inputs:
                - key: exits.sensitivty
                  low: 5
                  high: 25
                  source: "assumption: a misspelt key"
                - key: providers[Alpha].care_workers
                  low: -5
                  high: 80
                  source: "assumption: a headcount below zero"
                - key: demand.growth
                  low: 0
                  high: 0.05

            """
        let yaml = String(text[..<text.range(of: "ranking_sensitivity:")!.lowerBound]) + section
        try write(yaml, to: "bad.yaml", in: folder)
        func line(_ needle: String) -> Int {
            yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) }! + 1
        }

        let result = try runTool(["run", "bad.yaml", "--out", "out"], in: folder, expecting: 2)

        let problems = result.stderrLines
        XCTAssertEqual(problems.count, 5, result.transcript)
        XCTAssertTrue(problems[0].hasPrefix("bad.yaml:\(line("measure: unmet_hour")):12: ranking_sensitivity.measure: "
                                            + "'unmet_hour' is not a measure; did you mean 'unmet_hours'?"), result.transcript)
        XCTAssertEqual(problems[1], "bad.yaml:\(line("key: exits")):12: ranking_sensitivity.inputs[0].key exits.sensitivty: "
                       + "exits.sensitivty: unknown key 'sensitivty'; did you mean 'sensitivity'?", result.transcript)
        XCTAssertEqual(problems[2], "bad.yaml:\(line("low: -5")):12: ranking_sensitivity.inputs[1] low end, "
                       + "providers[Alpha].care_workers = -5: providers[0].care_workers: -5 is not allowed; expected a "
                       + "non-negative whole number of care workers.", result.transcript)
        XCTAssertTrue(problems[3].hasPrefix("bad.yaml:\(line("key: demand.growth")):7: ranking_sensitivity.inputs[2]: "
                                            + "missing required key 'source'"), result.transcript)
        XCTAssertEqual(problems[4], "4 problems found in bad.yaml; nothing was run.")
        XCTAssertEqual(try contents(of: folder), ["bad.yaml"], "a refused run left files behind")
        XCTAssertFalse(result.stderr.contains("replications ("), "the run started")

        // validate says the same.
        let validated = try runTool(["validate", "bad.yaml"], in: folder, expecting: 2)
        XCTAssertEqual(validated.stderrLines, problems)
        // And --no-ranking does not read the section.
        try runTool(["run", "bad.yaml", "--out", "out", "--no-ranking", "--quiet"], in: folder, expecting: 0)
    }

    func testValidateReportsTheProblemsOfTheSweepAndTheRankingAnalysisTogether() throws {
        let folder = try makeTemporaryFolder()
        let text = try String(contentsOf: Repository.url(Self.fixture), encoding: .utf8)
        let yaml = text.replacingOccurrences(of: "      low: 24\n", with: "      low: -24\n")
            + "sweep:\n  parameters:\n    - {path: demand.growth, values: [0, -3]}\n"
        try write(yaml, to: "both.yaml", in: folder)

        let result = try runTool(["validate", "both.yaml"], in: folder, expecting: 2)

        XCTAssertEqual(result.stderrLines.count, 3, result.transcript)
        XCTAssertTrue(result.stderrLines[0].contains("ranking_sensitivity.inputs[2] low end, options[indexed].reference_rate = -24"),
                      result.transcript)
        XCTAssertTrue(result.stderrLines[1].contains("sweep point 2, demand.growth = -3"), result.transcript)
        XCTAssertEqual(result.stderrLines[2], "2 problems found in both.yaml; nothing was run.")
    }

    func testValidateSummarisesTheSection() throws {
        let result = try runTool(["validate", Self.fixture], expecting: 0)

        XCTAssertTrue(result.stdout.contains("Ranking: 3 inputs (exits.sensitivity, options[fixed].front_loading, "
                                             + "options[indexed].reference_rate), average_rate over the whole run, "
                                             + "3 replications at each end."), result.transcript)
    }
}
