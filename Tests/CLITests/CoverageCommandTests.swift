import Foundation
import Sufficiency
import XCTest

/// `sufficiency coverage`: the files it writes on the hand-checked county
/// (scenarios/coverage-check.yaml), that `run` writes the same coverage files, that they do not
/// depend on the thread count, and how it refuses a scenario without a coverage section or with
/// bad coverage inputs (each problem named by file, line and column, and nothing written).
final class CoverageCommandTests: XCTestCase {
    /// sites.csv's header (ResultsWriter.sitesHeader), written out so a change is noticed.
    static let sitesHeader =
        "rank,option,site,kind,zone,reaches,capacity_hours,marginal_hours,cumulative_hours,cumulative_share"

    /// The files of a run of a scenario with a coverage section, in the order the manifest lists them.
    static let coverageFiles = ["summary.csv", "bands.csv", "replications.csv", "comparison.csv", "providers.csv",
                                "zones.csv", "sites.csv", "manifest.json"]
    /// What the folder holds: those files, and the report with its charts.
    static let folderEntries = (coverageFiles + ["report.html", "charts"]).sorted()

    /// The measures zones.csv holds: unmet_hours, then the nine coverage measures in catalog order.
    static let zoneMeasures = [
        MeasureName.unmetHours, MeasureName.coverageDemandHours, MeasureName.reachableCapacityHours, MeasureName.coverageGapHours, MeasureName.coverageShare,
        MeasureName.travelMeanMinutes, MeasureName.travelP90Minutes, MeasureName.singleProviderShare, MeasureName.travelOverheadCost,
        MeasureName.coverageLostHours,
    ]

    /// The hand-checked scenario's text.
    private func checkScenarioText() throws -> String {
        String(decoding: try Data(contentsOf: Repository.url("scenarios/coverage-check.yaml")), as: UTF8.self)
    }

    // MARK: - The hand-checked county

    func testCoverageOnTheCheckScenarioWritesSixFilesTheKnownSiteAndEastsGap() throws {
        let folder = try makeTemporaryFolder()
        let scenario = Repository.url("scenarios/coverage-check.yaml").path
        try runTool(["coverage", scenario, "--out", "out", "--quiet"], in: folder, expecting: 0)
        let out = folder.appendingPathComponent("out", isDirectory: true)

        XCTAssertEqual(try contents(of: out), Self.folderEntries)
        XCTAssertEqual(try contents(of: folder), ["out"], "no staging or set-aside folders are left beside the results")
        let data = try Data(contentsOf: out.appendingPathComponent("manifest.json"))
        let manifest = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(Array((manifest["files"] as? [String] ?? []).prefix(Self.coverageFiles.count)), Self.coverageFiles)

        // One site of 30 hours a week in East covers East's 20 unmet hours a week: all the need.
        let sites = try CSVText(contentsOf: out.appendingPathComponent("sites.csv"))
        XCTAssertEqual(sites.text, Self.sitesHeader + "\n" + "1,spot,East,new_base,East,East,30,20,20,1\n")

        // East: 70 hours a week of need, 50 within 20 minutes (Eastway), so a gap of 20 and a
        // share of 50/70 = 0.714286, the same in every replication.
        let zones = try CSVText(contentsOf: out.appendingPathComponent("zones.csv"))
        XCTAssertEqual(zones.header.joined(separator: ","), OutputFilesTests.summaryHeader)
        let east = zones.rows.filter { $0[1] == "horizon" && $0[5] == "East" }.map { $0.joined(separator: ",") }
        let head = "spot,horizon,whole run,2024-04-01,2025-03-31,East,"
        XCTAssertTrue(east.contains(head + "coverage_gap_hours,hours a week,4,20,0,20,20,20,20,20"), "\(east)")
        XCTAssertTrue(east.contains(head + "coverage_share,share,4,0.714286,0,0.714286,0.714286,0.714286,0.714286,0.714286"),
                      "\(east)")
        // zones.csv holds unmet_hours and the coverage measures only, for the county and every zone.
        XCTAssertEqual(Set(zones.values("measure")), Set(Self.zoneMeasures))
        XCTAssertEqual(Set(zones.values("zone")), ["all", "West", "Middle", "East"])
        XCTAssertEqual(Set(zones.values("window")), ["period", "financial_year", "horizon"])
    }

    func testRunWritesTheSameZonesAndSitesFilesAsCoverage() throws {
        let folder = try makeTemporaryFolder()
        let scenario = Repository.url("scenarios/coverage-check.yaml").path
        try runTool(["coverage", scenario, "--out", "by-coverage", "--quiet"], in: folder, expecting: 0)
        try runTool(["run", scenario, "--out", "by-run", "--quiet"], in: folder, expecting: 0)

        XCTAssertEqual(try contents(of: folder.appendingPathComponent("by-run")), Self.folderEntries)
        for name in ["zones.csv", "sites.csv"] {
            let byCoverage = try Data(contentsOf: folder.appendingPathComponent("by-coverage/\(name)"))
            let byRun = try Data(contentsOf: folder.appendingPathComponent("by-run/\(name)"))
            XCTAssertFalse(byRun.isEmpty, name)
            XCTAssertEqual(byRun, byCoverage, "\(name) from run differs from \(name) from coverage")
        }
    }

    func testZonesAndSitesAreByteIdenticalOnOneThreadAndTwo() throws {
        let folder = try makeTemporaryFolder()
        let scenario = Repository.url("scenarios/wiltshire-zone-coverage.yaml").path
        for threads in ["1", "2"] {
            try runTool(["coverage", scenario, "--replications", "4", "--threads", threads, "--out", "threads-\(threads)",
                         "--quiet"], in: folder, expecting: 0, timeout: 300)
        }
        for name in ["zones.csv", "sites.csv"] {
            let one = try Data(contentsOf: folder.appendingPathComponent("threads-1/\(name)"))
            let two = try Data(contentsOf: folder.appendingPathComponent("threads-2/\(name)"))
            XCTAssertGreaterThan(one.count, Self.sitesHeader.utf8.count + 1, "\(name) has no rows")
            XCTAssertEqual(one, two, "\(name) differs between --threads 1 and --threads 2")
        }
        // Five additions are asked for (coverage.additions), for option 2 (coverage.option).
        let sites = try CSVText(contentsOf: folder.appendingPathComponent("threads-1/sites.csv"))
        XCTAssertEqual(sites.values("rank"), ["1", "2", "3", "4", "5"])
        XCTAssertEqual(Set(sites.values("option")), ["option 2"])
    }

    // MARK: - Which zones lose coverage if a provider leaves

    // MARK: - Refusals

    func testCoverageRefusesAScenarioWithoutACoverageSectionAndWritesNothing() throws {
        let folder = try makeTemporaryFolder()
        let scenario = Repository.url("scenarios/quickstart.yaml").path
        let result = try runTool(["coverage", scenario, "--out", "out"], in: folder, expecting: 2)

        XCTAssertEqual(result.stderrLines, [
            "\(scenario): the scenario has no coverage section; add one (see docs/SCENARIO-FORMAT.md, coverage) to "
                + "analyse zone coverage, e.g. coverage: {standard_minutes: 20}, with a centroid for every zone or a travel_matrix.",
        ])
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(try contents(of: folder), [], "nothing is written")
    }

    func testATravelMatrixWithAMissingColumnIsRefused() throws {
        try assertRefused(coverageKey: "travel_matrix: matrix.csv", files: [
            "matrix.csv": "from,West,Middle\nWest,10,20\nMiddle,20,10\nEast,80,60\n",
        ], problem: "matrix.csv:1:1: the matrix is not square: no column for 'East'.")
    }

    func testATravelMatrixWithANegativeEntryIsRefused() throws {
        try assertRefused(coverageKey: "travel_matrix: matrix.csv", files: [
            "matrix.csv": "from,West,Middle,East\nWest,10,20,80\nMiddle,20,10,-60\nEast,80,60,10\n",
        ], problem: "matrix.csv:3:14: '-60' is not allowed; expected a non-negative number of minutes.")
    }

    func testATravelMatrixWithAnEmptyEntryIsRefused() throws {
        try assertRefused(coverageKey: "travel_matrix: matrix.csv", files: [
            "matrix.csv": "from,West,Middle,East\nWest,10,20,80\nMiddle,20,,60\nEast,80,60,10\n",
        ], problem: "matrix.csv:3:11: an empty value is not allowed; expected a non-negative number of minutes.")
    }

    func testASiteInAZoneThatIsNotAZoneIsRefused() throws {
        try assertRefused(coverageKey: "sites: sites.csv", files: [
            "sites.csv": "name,zone\nDepot,East\nFarm,Northmoor\n",
        ], problem: "sites.csv:3:6: the site is outside every zone: 'Northmoor' is not a zone; "
            + "expected one of: West, Middle, East.")
    }

    func testACentroidLatitudeOf95IsRefused() throws {
        let (text, line, column) = try replacing("centroid: {easting: 440000, northing: 200000}",
                                                 with: "centroid: {latitude: 95, longitude: -1.8}", at: "95")
        try assertRefused(scenario: text, problem: "check.yaml:\(line):\(column): zones[2].centroid.latitude: "
            + "95 is not allowed; expected a latitude in degrees between -90 and 90.")
    }

    func testACentroidEastingOfMinus5IsRefused() throws {
        let (text, line, column) = try replacing("centroid: {easting: 440000, northing: 200000}",
                                                 with: "centroid: {easting: -5, northing: 200000}", at: "-5")
        // The problem's place, key and value, and the range allowed.
        let result = try assertRefused(scenario: text, problem: nil)
        let first = try XCTUnwrap(result.stderrLines.first)
        XCTAssertTrue(first.hasPrefix("check.yaml:\(line):\(column): zones[2].centroid.easting: -5 is not allowed; "),
                      first)
        XCTAssertTrue(first.hasSuffix(" easting in metres (British National Grid) between 0 and 700000."), first)
    }

    func testAProviderBaseInAnotherCoordinateSystemFromTheZonesIsRefused() throws {
        let (text, line, column) = try replacing(
            "{name: Eastway, base_zone: East, zones: [East],",
            with: "{name: Eastway, base_zone: East, zones: [East], base: {latitude: 51.3, longitude: -1.9},",
            at: "{latitude: 51.3")
        try assertRefused(scenario: text, problem: "check.yaml:\(line):\(column): providers[1].base: the base is in "
            + "a different coordinate system from the zones' centroids; use {easting, northing}.")
    }

    // MARK: - Helpers

    /// coverage-check.yaml with `line` added as the last key of its coverage section (the file's
    /// last section).
    private func checkScenario(addingToCoverage line: String) throws -> String {
        var text = try checkScenarioText()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try XCTUnwrap(lines.lastIndex { $0 == "coverage:" }, "coverage-check.yaml has no coverage section")
        let later = lines[(start + 1)...].filter { !$0.isEmpty && !$0.hasPrefix(" ") && !$0.hasPrefix("#") }
        XCTAssertEqual(later, [], "the coverage section is no longer the last one in coverage-check.yaml")
        if !text.hasSuffix("\n") { text += "\n" }
        return text + "  \(line)\n"
    }

    /// coverage-check.yaml with `original` (which must occur once) replaced by `replacement`,
    /// and the line and column (from 1) at which `marker` falls in the result.
    private func replacing(_ original: String, with replacement: String,
                           at marker: String) throws -> (text: String, line: Int, column: Int) {
        let text = try checkScenarioText()
        XCTAssertEqual(text.components(separatedBy: original).count, 2, "'\(original)' is not once in coverage-check.yaml")
        let changed = text.replacingOccurrences(of: original, with: replacement)
        let lines = changed.components(separatedBy: "\n")
        let index = try XCTUnwrap(lines.firstIndex { $0.contains(replacement) })
        let range = try XCTUnwrap(lines[index].range(of: marker, range: lines[index].range(of: replacement)))
        return (changed, index + 1, lines[index].distance(from: lines[index].startIndex, to: range.lowerBound) + 1)
    }

    /// Writes `files` and coverage-check.yaml with `coverageKey` added to its coverage section
    /// into a new folder, and checks that `coverage` refuses it with `problem`.
    private func assertRefused(coverageKey: String, files: [String: String], problem: String,
                               file: StaticString = #filePath, line: UInt = #line) throws {
        try assertRefused(scenario: try checkScenario(addingToCoverage: coverageKey), files: files, problem: problem,
                          file: file, line: line)
    }

    /// Writes `scenario` as check.yaml (and `files`) into a new folder and runs `sufficiency
    /// coverage check.yaml --out out` there: it must exit 2, print `problem` (when given) and the
    /// count line on standard error, and write nothing.
    @discardableResult
    private func assertRefused(scenario: String, files: [String: String] = [:], problem: String?,
                               file: StaticString = #filePath, line: UInt = #line) throws -> ToolResult {
        let folder = try makeTemporaryFolder()
        try write(scenario, to: "check.yaml", in: folder)
        for (name, text) in files { try write(text, to: name, in: folder) }
        let before = try contents(of: folder)
        let result = try runTool(["coverage", "check.yaml", "--out", "out"], in: folder, expecting: 2,
                                 file: file, line: line)
        let expected = [problem ?? result.stderrLines.first ?? "", "1 problem found in check.yaml; nothing was run."]
        XCTAssertEqual(result.stderrLines, expected, result.transcript, file: file, line: line)
        XCTAssertEqual(result.stdout, "", file: file, line: line)
        XCTAssertEqual(try contents(of: folder), before, "something was written", file: file, line: line)
        return result
    }
}
