import XCTest
@testable import Sufficiency

/// A report a cabinet can read whatever the number of options: small multiples from four,
/// names shown whole, a glossary of every measure shown, and the scenario's assumptions.
final class ReportCabinetTests: XCTestCase {
    private static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scenarios")

    /// Runs the scenario `text` (written as `name` in the scenarios folder's place, so its
    /// includes resolve) with a few replications and returns its report.
    private func report(_ file: String, text: String? = nil, replications: Int = 2) throws -> Report {
        let source = Self.scenarios.appendingPathComponent(file)
        let fileText = try text ?? String(contentsOf: source, encoding: .utf8)
        var path = source.path
        if let text {
            let copy = Self.scenarios.appendingPathComponent(".report-test-\(UUID().uuidString).yaml")
            try text.write(to: copy, atomically: true, encoding: .utf8)
            addTeardownBlock { try? FileManager.default.removeItem(at: copy) }
            path = copy.path
        }
        let loaded = try ScenarioLoader.load(path: path, overrides: ["run.replications=\(replications)", "run.threads=1"])
        let runner = Runner(scenario: loaded.scenario)
        let results = runner.run()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let manifest = Manifest(scenarioFile: file, scenarioSHA256: loaded.sha256, seed: loaded.scenario.run.seed,
                                replications: replications, threads: 1, options: loaded.scenario.options.map(\.name),
                                commandLine: ["sufficiency", "run", file], startedAt: "2026-11-22T00:00:00Z",
                                wallSeconds: 1, files: [],
                                study: StudyRecord(scenario: loaded.scenario, fileText: fileText,
                                                   includedFiles: loaded.includedFiles))
        try ResultsWriter.write(results, runner: runner, to: folder, manifest: manifest)
        return try Report(folder: folder)
    }

    func testFourOptionsUseSmallMultiplesAndZoneNamesAreWhole() throws {
        let report = try report("wiltshire-price-uplift.yaml")
        XCTAssertEqual(report.data.options.count, 4)
        for file in ["fan-unmet_hours.svg", "histogram-spend.svg"] {
            let svg = try XCTUnwrap(report.charts.first { $0.file == file }?.svg, file)
            XCTAssertEqual(svg.components(separatedBy: "legend-item panel-title").count - 1, 4, "\(file): a panel an option")
        }
        // "Chippenham, Corsham & Calne" and its like are wrapped onto lines, never cut.
        XCTAssertFalse(report.html.contains("…"))
        let zones = try XCTUnwrap(report.charts.first { $0.file == "zones-unmet_hours.svg" }?.svg)
        XCTAssertTrue(zones.contains("<tspan"), "long zone names wrap")
        XCTAssertTrue(zones.contains("Calne</tspan>"))
        // Axes carry their units.
        XCTAssertTrue(report.html.contains(">Spend over the run (£)</text>"))
        XCTAssertTrue(report.html.contains(">replications</text>"))
        XCTAssertTrue(report.html.contains(">Unmet need (hours a week)</text>"))
    }

    func testEveryMeasureShownHasAGlossaryEntry() throws {
        for (file, replications) in [("quickstart.yaml", 2), ("coverage-check.yaml", 2), ("wiltshire-day-opportunities.yaml", 2)] {
            let report = try report(file, replications: replications)
            XCTAssertFalse(report.shownMeasures.isEmpty, file)
            let glossary = try XCTUnwrap(report.html.components(separatedBy: "<section id=\"what-the-measures-mean\">").last?
                .components(separatedBy: "</section>").first, file)
            for measure in report.shownMeasures {
                let entry = try XCTUnwrap(ReportGlossary.entry(for: measure), "\(file): \(measure) has no glossary entry")
                XCTAssertTrue(glossary.contains("<th>\(Report.escape(entry.name))</th>"), "\(file): \(entry.name)")
            }
        }
        let quickstart = try report("quickstart.yaml")
        for name in ["Sufficiency ratio", "Concentration (HHI)"] {
            XCTAssertTrue(quickstart.html.contains("<th>\(name)</th>"), name)
        }
    }

    /// Whatever the scenario, every measure its comparison table can show has a glossary entry.
    func testEveryHeadlineMeasureHasAGlossaryEntry() {
        for row in HeadlineTable.homeCare + HeadlineTable.dayOpportunities {
            XCTAssertNotNil(ReportGlossary.entry(for: row.measure), row.measure)
        }
        XCTAssertEqual(ReportGlossary.entry(for: MeasureName.spendRoute("framework"))?.measure, MeasureName.spendRoute.prefix)
        XCTAssertEqual(ReportGlossary.entry(for: MeasureName.sufficiencyRatio)?.unit, "ratio")
        XCTAssertEqual(Set(ReportGlossary.entries.map(\.measure)).count, ReportGlossary.entries.count, "one entry a measure")
    }

    func testAMarkedAssumptionIsListed() throws {
        var text = try String(contentsOf: Self.scenarios.appendingPathComponent("quickstart.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "  growth: 0.03 ", with: "  growth: 0.03   # assumption: need grows as in the last five years\n  #")
        text += "\n# assumption: providers keep their current staff ratios\n"
        let html = try report("quickstart.yaml", text: text).html
        let data = try XCTUnwrap(html.components(separatedBy: "<h3>Data and assumptions</h3>").last?
            .components(separatedBy: "<h3>Experimentation</h3>").first)
        XCTAssertTrue(data.contains("growth: 0.03   # assumption: need grows as in the last five years"))
        XCTAssertTrue(data.contains("# assumption: providers keep their current staff ratios"))

        // With none marked, the report says how to mark them.
        let none = try report("quickstart.yaml", text: text.components(separatedBy: "\n")
            .filter { !$0.lowercased().contains("assumption") }.joined(separator: "\n")).html
        XCTAssertTrue(none.contains("The scenario marks none. To list an input here"))
        XCTAssertFalse(none.contains("(none marked)"))
    }

    func testAssumptionMarks() {
        let text = """
        # A section about assumptions in general: not listed.
        # assumption: one not tied to a single value
        rate: 26.75   # bid (assumption)
        growth: 0.03  # assumption: as before
        plain: 1      # a source, not an assumption? listed, since it says so
        other: 2      # a source
        pass: 0.5     # half reaches pay, from the first day
                      # (assumption)
        next: 1       # a source
          # (assumption about a section, not lined up with a value's comment)
        """
        XCTAssertEqual(StudyRecord.assumptions(in: text), [
            "# assumption: one not tied to a single value", "rate: 26.75   # bid (assumption)",
            "growth: 0.03  # assumption: as before", "plain: 1      # a source, not an assumption? listed, since it says so",
            "pass: 0.5     # half reaches pay, from the first day",
        ])
    }
}
