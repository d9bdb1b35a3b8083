import Foundation
import XCTest

/// `sufficiency report FOLDER` rebuilds a results folder's report in place, as `run` wrote it.
final class ReportCommandTests: XCTestCase {
    func testRebuildingTheReportTwiceKeepsEveryChartAndTheSameBytes() throws {
        let folder = try makeTemporaryFolder()
        let scenario = Repository.url("scenarios/quickstart.yaml").path
        try runTool(["run", scenario, "--replications", "5", "--out", "results", "--quiet"], in: folder, expecting: 0)
        let results = folder.appendingPathComponent("results")
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

    func testAFolderThatIsNotResultsIsRefused() throws {
        let folder = try makeTemporaryFolder()
        let result = try runTool(["report", "."], in: folder, expecting: 1)
        XCTAssertFalse(result.stderr.isEmpty, result.transcript)
        XCTAssertEqual(try contents(of: folder), [])
    }
}
