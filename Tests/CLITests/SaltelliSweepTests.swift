import Foundation
import Sufficiency
import XCTest

/// `sufficiency sweep` with the saltelli design: Sobol indices in sensitivity.csv, the
/// terminal's table of them, and the report's chart.
final class SaltelliSweepTests: XCTestCase {
    static let design = [
        "--set", "sweep.design=saltelli", "--set", "sweep.points=4",
        "--set", "sweep.parameters[0]={path: \"options[framework].uplift.rate\", range: [0.0, 0.08]}",
        "--set", "sweep.parameters[1]={path: workforce.annual_turnover, range: [0.25, 0.45]}",
    ]

    func testASaltelliSweepWritesSobolIndicesForEveryMeasureOptionAndParameter() throws {
        let folder = try makeTemporaryFolder()
        let result = try runTool(["sweep", SweepCommandTests.quickstart, "--replications", "2", "--threads", "2",
                                  "--out", "sweep"] + Self.design, in: folder, expecting: 0)
        // 4 base rows × (2 parameters + 2) points.
        XCTAssertTrue(result.stdout.contains(": 16 points, 2 replications each"),
                      result.transcript)
        XCTAssertTrue(result.stdout.contains("Sobol indices over the whole run"), result.transcript)
        XCTAssertTrue(result.stdoutLines.contains { $0.hasPrefix("Spend (GBP m)") && $0.contains("workforce.annual_turnover") },
                      result.transcript)
        XCTAssertTrue(result.stdoutLines.last?.hasPrefix("Results in sweep/ (sweep.csv, points.csv, sensitivity.csv, manifest.json)")
                      == true, result.transcript)

        let sweep = try Self.rows(folder.appendingPathComponent("sweep/sweep.csv"))
        let measures = Set(sweep.rows.map { $0[sweep.header.firstIndex(of: "measure")!] })
        let csv = try Self.rows(folder.appendingPathComponent("sweep/sensitivity.csv"))
        XCTAssertEqual(csv.header, ["measure", "option", "window", "parameter", "first_order", "first_order_low",
                                    "first_order_high", "total", "total_low", "total_high", "base_rows"])
        // Every measure × 2 options × 2 parameters, over the whole run, from 4 base rows.
        XCTAssertEqual(csv.rows.count, measures.count * 2 * 2)
        XCTAssertEqual(Set(csv.rows.map { $0[0] }), measures)
        XCTAssertTrue(csv.rows.allSatisfy { $0[2] == "horizon" && $0[10] == "4" })
        for row in csv.rows where !row[4].isEmpty {
            let x = row[4...9].map { Double($0)! }
            // Each estimate inside its interval; Jansen's total is a mean of squares, never negative.
            XCTAssertTrue(x[1] <= x[0] && x[0] <= x[2] && x[4] <= x[3] && x[3] <= x[5], "\(row)")
            XCTAssertTrue(x[3] >= 0 && x[4] >= 0, "\(row)")
        }
        // The framework option's uplift does not touch the strategic option: its A_B^1 points
        // give the strategic option exactly A's means, so both indices are exactly 0.
        let untouched = csv.rows.filter { $0[1] == "strategic" && $0[3] == "options[framework].uplift.rate" && !$0[4].isEmpty }
        XCTAssertFalse(untouched.isEmpty)
        XCTAssertTrue(untouched.allSatisfy { $0[4...9].allSatisfy { $0 == "0" } }, "\(untouched)")
        // Turnover moves the framework option's spend.
        let turnover = try XCTUnwrap(csv.rows.first { $0[0] == MeasureName.spend && $0[1] == "framework" && $0[3] == "workforce.annual_turnover" })
        XCTAssertGreaterThan(Double(turnover[7]) ?? 0, 0, "\(turnover)")

        // The same seed gives the same indices on one thread.
        _ = try runTool(["sweep", SweepCommandTests.quickstart, "--replications", "2", "--threads", "1", "--quiet",
                         "--out", "again"] + Self.design, in: folder, expecting: 0)
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("again/sensitivity.csv")),
                       try Data(contentsOf: folder.appendingPathComponent("sweep/sensitivity.csv")))

        // The report charts the indices instead of r².
        let report = try runTool(["report", "sweep"], in: folder, expecting: 0)
        let charts = try contents(of: folder.appendingPathComponent("sweep/charts"))
        XCTAssertTrue(charts.contains("sobol-spend-2.svg"), "\(charts) \(report.transcript)")
        XCTAssertFalse(charts.contains { $0.hasPrefix("sensitivity-") }, "\(charts)")
        let html = try String(contentsOf: folder.appendingPathComponent("sweep/report.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("<h2>What decides the answer</h2>"))
    }

    func testASaltelliDesignTooLargeForASweepIsRefusedWithNothingWritten() throws {
        let folder = try makeTemporaryFolder()
        let result = try runTool(["sweep", SweepCommandTests.quickstart, "--out", "sweep"] + Self.design
                                 + ["--set", "sweep.points=2501"], in: folder, expecting: 2)
        XCTAssertTrue(result.stderr.contains("2501 × 4 = 10004 points") && result.stderr.contains("at most 2500 base rows"),
                      result.transcript)
        XCTAssertEqual(try contents(of: folder), [])
    }

    /// The header and rows of a CSV file without quoted fields.
    static func rows(_ url: URL) throws -> (header: [String], rows: [[String]]) {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        return (lines[0], Array(lines.dropFirst()))
    }
}
