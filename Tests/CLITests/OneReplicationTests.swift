import Foundation
import XCTest

/// A run of one replication, and of two: every file and the terminal say what there is to say
/// about a single value (no spread, no interval) and never print NaN or infinity.
final class OneReplicationTests: XCTestCase {
    /// Runs the bundled scenario `name` with `replications` into a fresh folder.
    private func run(_ name: String, replications: Int) throws -> (out: URL, result: ToolResult) {
        let folder = try makeTemporaryFolder()
        let arguments = ["run", Repository.url("scenarios/\(name)").path, "--replications", "\(replications)",
                         "--threads", "1", "--out", folder.appendingPathComponent("out").path]
        let result = try runTool(arguments, expecting: 0)
        return (folder.appendingPathComponent("out", isDirectory: true), result)
    }

    /// Every file under `folder` (CSV, JSON, HTML, SVG) with its text.
    private func files(under folder: URL) throws -> [(name: String, text: String)] {
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
        var files: [(String, String)] = []
        for case let url as URL in enumerator where !url.hasDirectoryPath {
            files.append((url.lastPathComponent, String(decoding: try Data(contentsOf: url), as: UTF8.self)))
        }
        return files
    }

    /// The words "nan", "inf" or "infinity" in any case, as a number printer would write them.
    private func nonFinite(in text: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: "(?<![A-Za-z])[-+]?(nan|inf|infinity)(?![A-Za-z])",
                                               options: [.caseInsensitive])
        let range = NSRange(text.startIndex..., in: text)
        return pattern.matches(in: text, range: range).map { match in
            let r = Range(match.range, in: text)!
            let from = text.index(r.lowerBound, offsetBy: -30, limitedBy: text.startIndex) ?? text.startIndex
            let to = text.index(r.upperBound, offsetBy: 30, limitedBy: text.endIndex) ?? text.endIndex
            return String(text[from..<to])
        }
    }

    private func assertNoNonFiniteValues(_ out: URL, _ result: ToolResult, file: StaticString = #filePath,
                                         line: UInt = #line) throws {
        let written = try files(under: out)
        XCTAssertTrue(written.contains { $0.name == "report.html" }, file: file, line: line)
        for (name, text) in written + [("standard output", result.stdout), ("standard error", result.stderr)] {
            XCTAssertEqual(nonFinite(in: text), [], "\(name) prints a non-finite number", file: file, line: line)
        }
    }

    func testOneReplicationLeavesSpreadAndIntervalsBlankAndPrintsNoNaN() throws {
        let (out, result) = try run("quickstart.yaml", replications: 1)
        try assertNoNonFiniteValues(out, result)

        let summary = try CSVText(contentsOf: out.appendingPathComponent("summary.csv"))
        XCTAssertFalse(summary.rows.isEmpty)
        XCTAssertEqual(Set(summary.values("n")), ["1"])
        for column in ["sd", "ci95_low", "ci95_high"] {
            XCTAssertEqual(Set(summary.values(column)), [""], "summary.csv \(column) should be blank with n = 1")
        }
        XCTAssertTrue(summary.values("mean").allSatisfy { Double($0) != nil }, "every mean is a number")
        // Percentiles of one value are that value (financial years and the whole run).
        let p50 = try XCTUnwrap(summary.column("p50")), mean = try XCTUnwrap(summary.column("mean"))
        for row in summary.rows where !row[p50].isEmpty { XCTAssertEqual(row[p50], row[mean]) }

        let comparison = try CSVText(contentsOf: out.appendingPathComponent("comparison.csv"))
        XCTAssertFalse(comparison.rows.isEmpty)
        for column in ["ci95_low", "ci95_high"] {
            XCTAssertEqual(Set(comparison.values(column)), [""], "comparison.csv \(column) should be blank with n = 1")
        }

        XCTAssertTrue(result.stdout.contains("1 replication, "), result.transcript)
        XCTAssertTrue(result.stdout.contains("Measure (mean; n = 1: no interval)"), result.transcript)
        XCTAssertTrue(result.stdout.contains("lower in the one replication"), result.transcript)
        XCTAssertFalse(result.stdout.contains("["), "an interval was printed:\n\(result.transcript)")
        XCTAssertFalse(result.stdout.contains("% of replications"), result.transcript)

        let report = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        XCTAssertTrue(report.contains("n = 1: no interval"))
        XCTAssertTrue(report.contains("One replication: each figure is that replication"))
        XCTAssertFalse(report.contains("<span class=\"ci\">["), "the report shows an interval from one replication")
    }

    func testOneReplicationOfADayOpportunitiesScenarioPrintsNoNaN() throws {
        let (out, result) = try run("wiltshire-day-opportunities.yaml", replications: 1)
        try assertNoNonFiniteValues(out, result)
        XCTAssertTrue(result.stdout.contains("n = 1: no interval"), result.transcript)
    }

    /// Two replications: intervals exist, are wide, and are not shown below zero for counts.
    func testTwoReplicationsShowIntervalsCutAtZero() throws {
        let (out, result) = try run("quickstart.yaml", replications: 2)
        try assertNoNonFiniteValues(out, result)
        let summary = try CSVText(contentsOf: out.appendingPathComponent("summary.csv"))
        // An interval wherever two replications gave a value; blank where only one did.
        let n = try XCTUnwrap(summary.column("n")), low = try XCTUnwrap(summary.column("ci95_low"))
        for row in summary.rows {
            XCTAssertEqual(Double(row[low]) != nil, row[n] == "2", "n \(row[n]), ci95_low '\(row[low])'")
        }
        // The file keeps the interval as computed (here some go below zero)...
        XCTAssertTrue(summary.values("ci95_low").contains { $0.hasPrefix("-") })
        // ...the terminal cuts counts' intervals at zero.
        let table = result.stdoutLines.filter { $0.contains("[") }
        XCTAssertFalse(table.isEmpty, result.transcript)
        for line in table where !line.hasPrefix("Provider margin") {
            XCTAssertFalse(line.contains("[-"), "interval below zero: \(line)")
        }
        // ...and so do the report's error bars: unmet need's axis does not run below zero.
        let chart = try String(contentsOf: out.appendingPathComponent("charts/zones-unmet_hours.svg"), encoding: .utf8)
        XCTAssertTrue(chart.contains(">0</text>"), "no zero tick on the unmet need chart")
        XCTAssertFalse(chart.contains(">\u{2212}"), "the unmet need chart's axis runs below zero")
    }
}
