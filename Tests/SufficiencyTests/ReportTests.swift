import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Sufficiency

/// The HTML report: its sections for each kind of scenario, well-formed and self-contained,
/// and its comparison table the terminal's.
final class ReportTests: XCTestCase {
    private static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scenarios")

    /// Runs `file` with a few replications into a temporary folder and returns the report and the run.
    private func report(_ file: String, replications: Int = 4) throws -> (Report, RunResults, URL) {
        let loaded = try ScenarioLoader.load(path: Self.scenarios.appendingPathComponent(file).path,
                                             overrides: ["run.replications=\(replications)", "run.threads=1"])
        let runner = Runner(scenario: loaded.scenario)
        let results = runner.run()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let manifest = Manifest(scenarioFile: file, scenarioSHA256: loaded.sha256, seed: loaded.scenario.run.seed,
                                replications: replications, threads: 1, options: loaded.scenario.options.map(\.name),
                                commandLine: ["sufficiency", "run", file], startedAt: "2026-11-22T00:00:00Z",
                                wallSeconds: 1, files: [],
                                study: StudyRecord(scenario: loaded.scenario, fileText: try String(
                                    contentsOf: Self.scenarios.appendingPathComponent(file), encoding: .utf8)))
        try ResultsWriter.write(results, runner: runner, to: folder, manifest: manifest)
        return (try Report(folder: folder), results, folder)
    }

    private func sections(_ html: String) -> [String] {
        html.components(separatedBy: "<section id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    func testHomeCareReportSectionsInReadingOrder() throws {
        let (report, _, folder) = try report("quickstart.yaml")
        XCTAssertEqual(sections(report.html), ["what-was-run", "the-options-compared", "over-time", "by-zone", "finance",
                                               "providers", "spread-across-replications", "what-the-measures-mean",
                                               "how-this-was-produced"])
        // STRESS-DES headings.
        for heading in ["Objectives", "Logic", "Data and assumptions", "Experimentation", "Implementation"] {
            XCTAssertTrue(report.html.contains("<h3>\(heading)</h3>"), heading)
        }
        // Every chart is in the page and in charts/.
        XCTAssertFalse(report.charts.isEmpty)
        for chart in report.charts {
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("charts/" + chart.file).path))
            XCTAssertTrue(report.html.contains(chart.svg), "\(chart.file) is not inline")
        }
        XCTAssertTrue(report.charts.contains { $0.file == "fan-unmet_hours.svg" })
        XCTAssertTrue(report.charts.contains { $0.file == "providers-exits.svg" })
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("report.html").path))
    }

    func testCoverageAndDayOpportunitiesReportsHaveTheirViews() throws {
        XCTAssertTrue(sections(try report("coverage-check.yaml").0.html).contains("coverage"))
        let day = try report("wiltshire-day-opportunities.yaml", replications: 2).0
        let names = sections(day.html)
        XCTAssertTrue(names.contains("day-opportunities"))
        XCTAssertFalse(names.contains("finance"), "home care's finance view is not a day opportunities one")
        XCTAssertFalse(names.contains("providers"), "day opportunities have no providers view")
        XCTAssertTrue(day.charts.contains { $0.file == "fan-framework_share.svg" })
    }

    func testTheReportIsWellFormedAndFetchesNothing() throws {
        let (report, _, _) = try report("quickstart.yaml")
        #if canImport(FoundationXML) || os(macOS)
        XCTAssertNoThrow(try XMLDocument(data: Data(report.html.utf8), options: []), "report.html is not well-formed")
        #endif
        let references = report.html.components(separatedBy: "http").dropFirst()
            .filter { !$0.hasPrefix("://www.w3.org/2000/svg") }
        XCTAssertTrue(references.isEmpty, "external references: \(references.map { $0.prefix(40) })")
        XCTAssertFalse(report.html.contains("<script"))
        XCTAssertFalse(report.html.contains("<link"))
    }

    /// The report's comparison table shows what the terminal printed at the end of the run.
    func testComparisonTableMatchesTheTerminal() throws {
        let (report, results, _) = try report("quickstart.yaml")
        let terminal = HeadlineTable.render(results, title: "t").split(separator: "\n").dropFirst(3)
            .prefix { !$0.contains(" vs ") }
        let table = report.html.components(separatedBy: "<table class=\"compare\">")[1]
            .components(separatedBy: "</table>")[0]
        let rows = table.components(separatedBy: "<tr>").dropFirst(2).map { row -> String in
            var text = row.replacingOccurrences(of: "</td><td>", with: "|").replacingOccurrences(of: "</th><td>", with: "|")
            while let open = text.range(of: "<"), let close = text.range(of: ">", range: open.upperBound..<text.endIndex) {
                text.removeSubrange(open.lowerBound..<close.upperBound)
            }
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        XCTAssertEqual(rows.count, terminal.count)
        for (row, line) in zip(rows, terminal) {
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            XCTAssertTrue(line.hasPrefix(cells[0]), "row '\(cells[0])' against '\(line)'")
            for value in cells.dropFirst() {
                XCTAssertTrue(line.contains(value.replacingOccurrences(of: "–", with: "-")), "'\(value)' not in '\(line)'")
            }
        }
    }
}
