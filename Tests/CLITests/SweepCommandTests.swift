import Foundation
import XCTest

/// `sufficiency sweep` with targets, its terminal table, and `sufficiency report` on its folder.
final class SweepCommandTests: XCTestCase {
    static let quickstart = Repository.url("scenarios/quickstart-uplift.yaml").path

    func testASweepPrintsEachPointWritesTargetsAndItsReportChartsThem() throws {
        let folder = try makeTemporaryFolder()
        let result = try runTool(["sweep", Self.quickstart, "--replications", "4", "--out", "sweep",
                                  "--target", "provider_exits<=2@horizon", "--target", "unmet_hours<300"],
                                 in: folder, expecting: 0)
        let lines = result.stdoutLines
        let header = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("Point  options[framework].uplift.rate") },
                                   result.transcript)
        XCTAssertTrue(lines[header].contains("provider_exits<=2@horizon")
                      && lines[header].contains("unmet_hours<300@every_financial_year"), result.transcript)
        // 6 points × 2 options, each with its values and option.
        let rows = lines[(header + 1)...].prefix { !$0.hasPrefix("Results in") }
        XCTAssertEqual(rows.count, 12, result.transcript)
        XCTAssertTrue(rows.last?.hasPrefix("    6                            0.08                       0.35  framework") == true,
                      result.transcript)
        XCTAssertTrue(lines.last?.hasPrefix("Results in sweep/ (sweep.csv, points.csv, targets.csv, manifest.json)") == true,
                      result.transcript)
        XCTAssertEqual(try contents(of: folder.appendingPathComponent("sweep")),
                       ["manifest.json", "points.csv", "sweep.csv", "targets.csv"])
        let targets = try String(contentsOf: folder.appendingPathComponent("sweep/targets.csv"), encoding: .utf8)
            .split(separator: "\n")
        XCTAssertEqual(targets.count, 1 + 6 * 2 * 2)

        let report = try runTool(["report", "sweep"], in: folder, expecting: 0)
        XCTAssertEqual(report.stdout, "Sweep report in sweep/report.html (12 charts in sweep/charts/)\n", report.transcript)
        let charts = try contents(of: folder.appendingPathComponent("sweep/charts"))
        XCTAssertEqual(charts.count, 12, "\(charts)")
        XCTAssertTrue(charts.contains("sweep-provider_exits-by-2.svg") && charts.contains("target-2-by-1.svg"), "\(charts)")
    }

    func testABadTargetIsRefusedWithExitTwoAndNothingIsWritten() throws {
        let folder = try makeTemporaryFolder()
        let result = try runTool(["sweep", Self.quickstart, "--replications", "2", "--out", "sweep",
                                  "--target", "provider_exit<=2", "--target", "spend=5"], in: folder, expecting: 2)
        XCTAssertTrue(result.stderr.contains("--target provider_exit<=2: 'provider_exit' is not a measure; did you mean "
                                             + "'provider_exits'?"), result.transcript)
        XCTAssertTrue(result.stderr.contains("--target spend=5: no comparison"), result.transcript)
        XCTAssertEqual(try contents(of: folder), [])
    }
}
