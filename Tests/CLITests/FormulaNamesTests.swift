import Foundation
import XCTest

/// Names a spreadsheet would run as formulas (`=HYPERLINK(…)`, `+1`, `-2`, `@SUM(A1)`, a
/// leading tab) never reach a CSV cell as they are, whichever file and however it was written,
/// and the report still shows them as the user wrote them.
final class FormulaNamesTests: XCTestCase {
    static let link = "=HYPERLINK(\"http://x\",\"y\")"

    /// The quick start with its scenario, zones, a provider and both options renamed. (The loader
    /// trims spaces and tabs around names, so a leading tab never reaches a CSV file from a name.)
    private func hostileQuickstart(in folder: URL) throws {
        var text = try String(contentsOf: Repository.url("scenarios/quickstart.yaml"), encoding: .utf8)
        let renames = [
            ("Riverside Care", "PROVIDER_R"), ("Hilltop Homecare", "PROVIDER_H"), ("Marsh Carers", "PROVIDER_M"),
            ("Riverside", "'=HYPERLINK(\"http://x\",\"y\")'"), ("Hilltop", "'+1'"), ("Marshes", "'-2'"),
            ("PROVIDER_R", "'@SUM(A1)'"), ("PROVIDER_H", "Hilltop Homecare"), ("PROVIDER_M", "\"\\tMarsh, \\\"Carers\\\"\""),
            ("name: strategic", "name: '-strategic'"), ("name: framework", "name: \"@framework\\t\""),
            ("name: Quick start county", "name: '=Quick start'"),
        ]
        for (from, to) in renames { text = text.replacingOccurrences(of: from, with: to) }
        try write(text, to: "hostile.yaml", in: folder)
    }

    /// Fails for any cell of any CSV file in `folder` that a spreadsheet would read as a formula.
    private func assertNoFormulaCells(in folder: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        let names = try contents(of: folder).filter { $0.hasSuffix(".csv") }
        XCTAssertFalse(names.isEmpty, file: file, line: line)
        for name in names {
            let csv = try CSVText(contentsOf: folder.appendingPathComponent(name))
            for (r, row) in ([csv.header] + csv.rows).enumerated() {
                for cell in row {
                    guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { continue }
                    // A number the engine wrote (a negative difference) is not a formula.
                    if first == "-", Double(cell) != nil { continue }
                    XCTFail("\(name) row \(r) has the cell \(cell.debugDescription)", file: file, line: line)
                }
            }
        }
    }

    func testEveryCSVFileNeutralisesTheNamesAndTheReportShowsThemAsWritten() throws {
        let folder = try makeTemporaryFolder()
        try hostileQuickstart(in: folder)
        try runTool(["run", "hostile.yaml", "--replications", "4", "--out", "out", "--quiet"], in: folder, expecting: 0)
        let out = folder.appendingPathComponent("out")
        try assertNoFormulaCells(in: out)

        let summary = try CSVText(contentsOf: out.appendingPathComponent("summary.csv"))
        XCTAssertEqual(Set(summary.values("zone")), ["all", "'" + Self.link, "'+1", "'-2"])
        XCTAssertEqual(Set(summary.values("option")), ["'-strategic", "'@framework"])
        XCTAssertTrue(summary.text.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""), "the ' goes inside the quotes")
        XCTAssertTrue(summary.values("mean").contains { $0.hasPrefix("-") || $0.isEmpty || Double($0) != nil })
        let comparison = try CSVText(contentsOf: out.appendingPathComponent("comparison.csv"))
        XCTAssertTrue(comparison.values("mean_difference").contains { $0.hasPrefix("-") && Double($0) != nil },
                      "negative differences stay numbers")
        let replications = try CSVText(contentsOf: out.appendingPathComponent("replications.csv"))
        XCTAssertEqual(Set(replications.values("option")), ["'-strategic", "'@framework"])
        let providers = try CSVText(contentsOf: out.appendingPathComponent("providers.csv"))
        XCTAssertTrue(providers.values("provider").contains("'@SUM(A1)"), "the provider's name, neutralised")
        XCTAssertTrue(providers.values("provider").contains("Marsh, \"Carers\""), "quoted, and the quotes doubled")
        XCTAssertTrue(providers.text.contains(",\"Marsh, \"\"Carers\"\"\","))

        for html in [try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8),
                     try rebuiltReport(folder)] {
            XCTAssertTrue(html.contains("=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)"), "the zone's name, escaped")
            XCTAssertTrue(html.contains(">-strategic<"), "the option's name as written")
            XCTAssertFalse(html.contains("&#39;=HYPERLINK") || html.contains("'=HYPERLINK"), "the report shows the neutralised form")
            XCTAssertFalse(html.contains("&#39;-strategic") || html.contains("'-strategic"))
        }
    }

    /// In results.xlsx the same names are plain strings as the user wrote them (no ' added, and
    /// never formulas), and its numbers still equal the CSV files'.
    func testTheWorkbookHoldsTheNamesAsTextNeverFormulas() throws {
        let python = try openpyxlPython()
        let folder = try makeTemporaryFolder()
        try hostileQuickstart(in: folder)
        try runTool(["run", "hostile.yaml", "--replications", "3", "--xlsx", "--out", "out", "--quiet"], in: folder, expecting: 0)
        let out = folder.appendingPathComponent("out")
        try assertNoFormulaCells(in: out)
        let check = try runPython(python, [Repository.url("scripts/check-xlsx").path, out.path])
        XCTAssertEqual(check.status, 0, check.output)

        // Every cell's type and text, one per line: s for a string, f for a formula.
        let dump = try runPython(python, ["-c", """
            import openpyxl, sys
            book = openpyxl.load_workbook(sys.argv[1])
            for sheet in book.worksheets:
                for row in sheet.iter_rows():
                    for cell in row:
                        if isinstance(cell.value, str):
                            print(sheet.title + "\\t" + cell.data_type + "\\t" + cell.value.replace("\\n", " "))
            """, out.appendingPathComponent("results.xlsx").path])
        XCTAssertEqual(dump.status, 0, dump.output)
        let cells = dump.output.split(separator: "\n").map { $0.split(separator: "\t", maxSplits: 2).map(String.init) }
        XCTAssertFalse(cells.contains { $0.count > 1 && $0[1] == "f" }, "a cell is a formula")
        let texts = Set(cells.compactMap { $0.count == 3 && $0[1] == "s" ? $0[2] : nil })
        for name in [Self.link, "+1", "-2", "-strategic", "@framework", "@SUM(A1)", "Marsh, \"Carers\""] {
            XCTAssertTrue(texts.contains(name), "\(name) is not a string cell of the workbook")
        }
        XCTAssertTrue(cells.contains { $0 == ["Years by zone", "s", Self.link] }, "the zone's name as a string in its table")
        XCTAssertTrue(cells.contains { $0 == ["About", "s", "=Quick start"] }, "the scenario's name as written")
        XCTAssertFalse(texts.contains("'" + Self.link) || texts.contains("'-strategic"), "no ' added in the workbook")
    }

    /// `sufficiency report` on the same folder: the report read back from the CSV files.
    private func rebuiltReport(_ folder: URL) throws -> String {
        try runTool(["report", "out"], in: folder, expecting: 0)
        return try String(contentsOf: folder.appendingPathComponent("out/report.html"), encoding: .utf8)
    }

    func testShardsMergeToTheBytesOfOneRun() throws {
        let folder = try makeTemporaryFolder()
        try hostileQuickstart(in: folder)
        try runTool(["run", "hostile.yaml", "--replications", "4", "--out", "whole", "--quiet"], in: folder, expecting: 0)
        for k in 1...2 {
            try runTool(["run", "hostile.yaml", "--replications", "4", "--shard", "\(k)/2", "--out", "s\(k)", "--quiet"],
                        in: folder, expecting: 0)
        }
        try runTool(["merge", "--out", "merged", "s1", "s2", "--quiet"], in: folder, expecting: 0)
        for name in ["summary.csv", "bands.csv", "replications.csv", "comparison.csv", "providers.csv"] {
            XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("merged/\(name)")),
                           try Data(contentsOf: folder.appendingPathComponent("whole/\(name)")), name)
        }
        try assertNoFormulaCells(in: folder.appendingPathComponent("merged"))
    }

    /// zones.csv and sites.csv (the coverage analysis) follow the rule too, site names and the
    /// list of zones a site reaches included.
    func testCoverageFilesNeutraliseZoneAndSiteNames() throws {
        let folder = try makeTemporaryFolder()
        var text = try String(contentsOf: Repository.url("scenarios/coverage-check.yaml"), encoding: .utf8)
        for (from, to) in [("Westway", "PROVIDER_W"), ("Eastway", "PROVIDER_E"), ("West", "'=West'"), ("Middle", "'-Middle'"),
                           ("East", "'@East'"), ("PROVIDER_W", "Westway"), ("PROVIDER_E", "Eastway")] {
            text = text.replacingOccurrences(of: from, with: to)
        }
        try write(text, to: "coverage.yaml", in: folder)
        try runTool(["coverage", "coverage.yaml", "--out", "out", "--quiet"], in: folder, expecting: 0)
        let out = folder.appendingPathComponent("out")
        XCTAssertTrue(try contents(of: out).contains("sites.csv"))
        try assertNoFormulaCells(in: out)
        let sites = try CSVText(contentsOf: out.appendingPathComponent("sites.csv"))
        XCTAssertEqual(sites.values("site"), ["'@East"])
        XCTAssertEqual(sites.values("zone"), ["'@East"])
        let zones = try CSVText(contentsOf: out.appendingPathComponent("zones.csv"))
        XCTAssertEqual(Set(zones.values("zone")), ["all", "'=West", "'-Middle", "'@East"])
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("@East") && !html.contains("&#39;@East") && !html.contains("'@East"),
                      "the report's table of sites shows the name as written")
    }
}
