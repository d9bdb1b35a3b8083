import Foundation
import Sufficiency
import XCTest

/// What common random numbers saved, as a run of the quick start reports it: comparison.csv's
/// ratio for the whole run is the variance of the paired difference over the two options'
/// variances, computed here again from replications.csv, and the terminal and the report say it.
final class CommonRandomNumbersOutputTests: XCTestCase {
    static func variance(_ values: [Double]) -> Double {
        let mean = values.reduce(0, +) / Double(values.count)
        return values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count - 1)
    }

    func testTheRatioIsThePairedVarianceOverTheTwoOptionsAndIsSaid() throws {
        let out = try makeTemporaryFolder().appendingPathComponent("q")
        let result = try runTool(["run", "scenarios/quickstart.yaml", "--replications", "20", "--no-ranking",
                                  "--out", out.path], expecting: 0)
        let replications = try CSVText(contentsOf: out.appendingPathComponent("replications.csv"))
        let option = try XCTUnwrap(replications.column("option"))
        let comparison = try CSVText(contentsOf: out.appendingPathComponent("comparison.csv"))
        let column = { (name: String) in comparison.header.firstIndex(of: name)! }
        for measure in [MeasureName.unmetHours, MeasureName.spend] {
            let m = try XCTUnwrap(replications.column(measure))
            let a = replications.rows.filter { $0[option] == "strategic" }.map { Double($0[m])! }
            let b = replications.rows.filter { $0[option] == "framework" }.map { Double($0[m])! }
            XCTAssertEqual(a.count, 20)
            let expected = Self.variance(zip(a, b).map { $0 - $1 }) / (Self.variance(a) + Self.variance(b))
            let row = try XCTUnwrap(comparison.rows.first {
                $0[column("window")] == "horizon" && $0[column("zone")] == "all" && $0[column("measure")] == measure
            })
            let written = try XCTUnwrap(Double(row[column("crn_variance_ratio")]))
            XCTAssertEqual(written, expected, accuracy: 1e-5, measure)
            XCTAssertLessThan(written, 1, measure)
            XCTAssertEqual(try XCTUnwrap(Double(row[column("replications_saved")])), 20 / expected - 20, accuracy: 1e-3)
        }
        XCTAssertTrue(result.stdout.contains("What common random numbers saved, whole run"), result.transcript)
        XCTAssertTrue(result.stdout.contains("  strategic vs framework: unmet_hours "), result.transcript)
        let report = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        XCTAssertTrue(report.contains("What common random numbers saved: against strategic"), report)
    }
}
