import Foundation
import XCTest

/// `sufficiency report FOLDER` rebuilds a results folder's report in place, as `run` wrote it.
final class ReportCommandTests: XCTestCase {
    /// Runs the quick start into `results` in a new temporary folder.
    private func runQuickstart(replications: Int) throws -> (folder: URL, results: URL) {
        let folder = try makeTemporaryFolder()
        let scenario = Repository.url("scenarios/quickstart.yaml").path
        try runTool(["run", scenario, "--replications", "\(replications)", "--out", "results", "--quiet"],
                    in: folder, expecting: 0)
        return (folder, folder.appendingPathComponent("results"))
    }

    func testRebuildingTheReportTwiceKeepsEveryChartAndTheSameBytes() throws {
        let (folder, results) = try runQuickstart(replications: 5)
        let charts = results.appendingPathComponent("charts")
        let written = try contents(of: charts)
        XCTAssertGreaterThan(written.count, 5)
        let chartBytes = try written.map { try Data(contentsOf: charts.appendingPathComponent($0)) }

        for _ in 0..<2 {
            let result = try runTool(["report", "results"], in: folder, expecting: 0)
            XCTAssertTrue(result.stdout.contains("\(written.count) charts"), result.transcript)
            XCTAssertEqual(try contents(of: charts), written, "the rebuilt report lost or added charts")
            XCTAssertEqual(try written.map { try Data(contentsOf: charts.appendingPathComponent($0)) }, chartBytes)
        }
        XCTAssertFalse(try contents(of: results).contains { $0.contains("partial") })
        let html = try String(contentsOf: results.appendingPathComponent("report.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("<svg"))
    }

    func testResultsCutShortOrMissingAreRefusedEachByNameAndTheReportIsKept() throws {
        let (folder, results) = try runQuickstart(replications: 3)
        let summary = results.appendingPathComponent("summary.csv")
        let written = try Data(contentsOf: summary)
        let bands = try Data(contentsOf: results.appendingPathComponent("bands.csv")).count
        let report = try Data(contentsOf: results.appendingPathComponent("report.html"))
        // A copy that stopped part-way: whole rows only, so nothing in the rows gives it away.
        let cut = written.prefix(through: try XCTUnwrap(written.prefix(written.count / 2).lastIndex(of: 0x0A)))
        try cut.write(to: summary)
        try FileManager.default.removeItem(at: results.appendingPathComponent("bands.csv"))

        let result = try runTool(["report", "results"], in: folder, expecting: 1)
        XCTAssertTrue(result.stderr.contains("the results in '\(results.path)' are not as the run wrote them: "
            + "bands.csv is missing (the run wrote \(bands) bytes); "
            + "summary.csv has \(cut.count) bytes where the run wrote \(written.count)."), result.transcript)
        XCTAssertEqual(try Data(contentsOf: results.appendingPathComponent("report.html")), report,
                       "the report of the whole results was replaced")
    }

    func testAManifestThatCannotBeReadIsNamedWithWhatIsWrong() throws {
        let (folder, results) = try runQuickstart(replications: 2)
        let manifest = results.appendingPathComponent("manifest.json")
        var object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: manifest)) as? [String: Any])
        object["seed"] = "twelve"
        try JSONSerialization.data(withJSONObject: object).write(to: manifest)
        var result = try runTool(["report", "results"], in: folder, expecting: 1)
        XCTAssertTrue(result.stderr.contains("'\(manifest.path)' is not a manifest Sufficiency can read: "
            + "'seed' is not a whole number."), result.transcript)

        try Data("{\"tool\": \"suff".utf8).write(to: manifest)
        result = try runTool(["report", "results"], in: folder, expecting: 1)
        XCTAssertTrue(result.stderr.contains("'\(manifest.path)' is not a manifest Sufficiency can read: "
            + "it is not valid JSON."), result.transcript)
    }

    func testAFolderThatIsNotResultsIsRefused() throws {
        let folder = try makeTemporaryFolder()
        let result = try runTool(["report", "."], in: folder, expecting: 1)
        XCTAssertFalse(result.stderr.isEmpty, result.transcript)
        XCTAssertEqual(try contents(of: folder), [])
    }

    /// A solve's folder has no report: the command says where its answer is, and writes nothing.
    func testASolvesFolderIsToldWhereItsAnswerIs() throws {
        let folder = try makeTemporaryFolder()
        let solved = folder.appendingPathComponent("solved")
        try runTool(["solve", "scenarios/quickstart-uplift.yaml", "--replications", "2", "--out", solved.path, "--quiet"],
                    expecting: 0, timeout: 300)
        let before = try contents(of: solved)
        let result = try runTool(["report", solved.path], expecting: 1)
        XCTAssertTrue(result.stderr.contains("holds a solve: it has no report, and its answer is in solve.csv"),
                      result.transcript)
        XCTAssertEqual(try contents(of: solved), before)
    }

    /// A results folder the report cannot be written into is refused before anything is
    /// replaced; a temporary file a killed rebuild left is removed by the next one.
    func testAReadOnlyFolderIsRefusedWholeAndAKilledRebuildsFileIsRemoved() throws {
        let (folder, results) = try runQuickstart(replications: 2)
        let report = try Data(contentsOf: results.appendingPathComponent("report.html"))
        let charts = results.appendingPathComponent("charts")
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let stale = ".report.html.partial-\(ended.processIdentifier)"
        try write("half a report", to: stale, in: results)

        let writable = try makeReadOnly(charts)
        let refused = try runTool(["report", "results"], in: folder, expecting: 1)
        XCTAssertTrue(refused.stderr.contains("\(charts.path) cannot be written to"), refused.transcript)
        XCTAssertTrue(refused.stderr.contains("nothing was changed"), refused.transcript)
        XCTAssertEqual(try Data(contentsOf: results.appendingPathComponent("report.html")), report)

        writable()
        try runTool(["report", "results"], in: folder, expecting: 0)
        XCTAssertFalse(try contents(of: results).contains(stale), "the killed rebuild's file was left")
    }
}
