import Foundation
import XCTest

/// `--xlsx`: results.xlsx is written with the other files, read back with openpyxl its numbers
/// equal the CSV files', the same run gives the same bytes, and names stay text.
final class WorkbookTests: XCTestCase {
    /// The quick start with few replications and the workbook, in `folder/out`.
    private func quickstart(in folder: URL, out: String = "out", threads: String = "1") throws -> URL {
        try runTool(["run", Repository.url("scenarios/quickstart.yaml").path, "--replications", "4", "--threads", threads,
                     "--xlsx", "--out", out, "--quiet"], in: folder, expecting: 0)
        return folder.appendingPathComponent(out)
    }

    func testTheWorkbooksNumbersEqualTheCSVFiles() throws {
        let python = try openpyxlPython()
        let out = try quickstart(in: try makeTemporaryFolder())
        let check = try runPython(python, [Repository.url("scripts/check-xlsx").path, out.path])
        XCTAssertEqual(check.status, 0, check.output)
        // Every headline, financial-year (county and zone), money and provider number: thousands of them.
        let counted = check.output.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        XCTAssertGreaterThan(counted, 1000, check.output)

        let sheets = try runPython(python, ["-c", """
            import openpyxl, sys
            book = openpyxl.load_workbook(sys.argv[1])
            print("|".join(book.sheetnames))
            print(len(book["Charts"]._charts))
            print(book["Headline"].freeze_panes, book["Headline"]["D4"].number_format, book["Headline"]["D9"].number_format)
            """, out.appendingPathComponent("results.xlsx").path])
        XCTAssertEqual(sheets.status, 0, sheets.output)
        let lines = sheets.output.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "Headline|Charts|Years|Years by zone|Finance|Providers|About")
        XCTAssertEqual(lines.dropFirst().first.flatMap { Int($0) }, 6, "four column charts and two line charts")
        XCTAssertEqual(lines.last, "B4 £#,##0.00,,\"m\" 0.0%", "frozen headers, spend in £m, shares as percentages")
    }

    func testTheSameRunGivesTheSameWorkbookBytesWhateverTheThreads() throws {
        let folder = try makeTemporaryFolder()
        let one = try Data(contentsOf: quickstart(in: folder, out: "a", threads: "1").appendingPathComponent("results.xlsx"))
        let two = try Data(contentsOf: quickstart(in: folder, out: "b", threads: "2").appendingPathComponent("results.xlsx"))
        XCTAssertGreaterThan(one.count, 10_000)
        XCTAssertEqual(one, two, "results.xlsx differs between two runs of the same scenario and seed")
    }

    func testTheWorkbookIsListedInTheManifestOnlyWhenAskedFor() throws {
        let folder = try makeTemporaryFolder()
        let with = try quickstart(in: folder)
        try runTool(["run", Repository.url("scenarios/quickstart.yaml").path, "--replications", "2", "--out", "plain", "--quiet"],
                    in: folder, expecting: 0)
        func files(_ out: URL) throws -> [String] {
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("manifest.json")))
            return (object as? [String: Any])?["files"] as? [String] ?? []
        }
        XCTAssertTrue(try files(with).contains("results.xlsx"))
        XCTAssertFalse(try files(folder.appendingPathComponent("plain")).contains("results.xlsx"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("plain/results.xlsx").path))
    }

    func testAShardCannotWriteAWorkbook() throws {
        let result = try runTool(["run", Repository.url("scenarios/quickstart.yaml").path, "--shard", "1/2", "--xlsx"],
                                 in: try makeTemporaryFolder(), expecting: 64)
        XCTAssertTrue(result.stderr.contains("--xlsx and --shard cannot be used together"), result.stderr)
    }
}
