import Foundation
import Sufficiency
import XCTest

/// `sufficiency compare A B`: two results folders compared measure by measure, county and zones.
final class CompareCommandTests: XCTestCase {
    private static let exit = "events=[{date: 2024-10-01, kind: provider_exit, provider: Hilltop Homecare}]"

    /// Runs the quick start (fixed seed) into `name` inside `folder`, with `--set` overrides.
    private func runQuickstart(_ name: String, in folder: URL, set: [String] = []) throws {
        let scenario = Repository.url("scenarios/quickstart.yaml").path
        try runTool(["run", scenario, "--replications", "8", "--seed", "3", "--out", name, "--quiet"]
                        + set.flatMap { ["--set", $0] }, in: folder, expecting: 0)
    }

    func testARunComparedWithItselfHasZeroDifferencesOfZeroWidth() throws {
        let folder = try makeTemporaryFolder()
        try runQuickstart("base", in: folder)
        let result = try runTool(["compare", "base", "base", "--out", "same"], in: folder, expecting: 0)
        XCTAssertTrue(result.stdout.contains("The two folders hold the same run"), result.transcript)
        XCTAssertTrue(result.stdout.contains("No headline measure differs"), result.transcript)
        let csv = try CSVText(contentsOf: folder.appendingPathComponent("same/compare.csv"))
        XCTAssertGreaterThan(csv.rows.count, 1000)
        for name in ["difference", "ci95_low", "ci95_high"] { XCTAssertEqual(Set(csv.values(name)), ["0"], name) }
        XCTAssertEqual(Set(csv.values("method")), ["identical"])
        XCTAssertEqual(try contents(of: folder.appendingPathComponent("same")), ["compare.csv", "compare.html", "manifest.json"])
    }

    func testALeverChangedOnTheSameSeedIsPairedAndNarrowerThanWelch() throws {
        let folder = try makeTemporaryFolder()
        try runQuickstart("base", in: folder)
        try runQuickstart("growth", in: folder, set: ["demand.growth=0.05"])
        try runTool(["compare", "base", "growth", "--quiet"], in: folder, expecting: 0)
        let csv = try CSVText(contentsOf: folder.appendingPathComponent("results/compare-base-vs-growth/compare.csv"))
        let c = { (name: String) in try XCTUnwrap(csv.column(name)) }
        let (w, z, m, method) = (try c("window"), try c("zone"), try c("measure"), try c("method"))
        let paired = csv.rows.filter { $0[method] == "paired" }
        XCTAssertEqual(Set(paired.map { $0[w] + "/" + $0[z] }), ["horizon/all"])
        let (low, high, welchLow, welchHigh) = (try c("ci95_low"), try c("ci95_high"), try c("welch_ci95_low"), try c("welch_ci95_high"))
        // Measures the runs' common random numbers tie closely (not every measure: capacity
        // hand-backs over 8 replications correlate too weakly for pairing to gain).
        for measure in [MeasureName.unmetHours, MeasureName.spend, MeasureName.inCare, MeasureName.careWorkers, MeasureName.waiting] {
            let rows = paired.filter { $0[m] == measure }
            XCTAssertEqual(rows.count, 2, measure)
            for row in rows {
                let width = Double(row[high])! - Double(row[low])!, welch = Double(row[welchHigh])! - Double(row[welchLow])!
                XCTAssertLessThan(width, welch, "\(measure) \(row)")
            }
        }
    }

    func testAProviderLeavingNamesTheZonesWhoseMeasuresChange() throws {
        let folder = try makeTemporaryFolder()
        try runQuickstart("base", in: folder)
        try runQuickstart("exit", in: folder, set: [Self.exit])
        let result = try runTool(["compare", "base", "exit"], in: folder, expecting: 0)
        XCTAssertTrue(result.stdout.contains("--set \(Self.exit), seed 3, 8 replications"), result.transcript)
        XCTAssertTrue(result.stdout.contains("Zones with a measure that differs over the whole run: "), result.transcript)
        XCTAssertTrue(result.stdout.contains("strategic  Hilltop"), result.transcript)
        let out = folder.appendingPathComponent("results/compare-base-vs-exit")
        let csv = try CSVText(contentsOf: out.appendingPathComponent("compare.csv"))
        let c = { (name: String) in try XCTUnwrap(csv.column(name)) }
        // A zone's hand-backs: Welch's interval from the two summaries, and their means' difference.
        let (w, z, m) = (try c("window"), try c("zone"), try c("measure"))
        let zone = try XCTUnwrap(csv.rows.first { $0[w] == "horizon" && $0[z] == "Hilltop" && $0[m] == MeasureName.handBacks })
        XCTAssertEqual(zone[try c("method")], "welch")
        let meanA = Double(zone[try c("mean_a")])!, meanB = Double(zone[try c("mean_b")])!
        XCTAssertEqual(Double(zone[try c("difference")])!, meanB - meanA, accuracy: 1e-5)
        XCTAssertEqual(zone[try c("differs")], "true")
        let html = try String(contentsOf: out.appendingPathComponent("compare.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("Hilltop Homecare}]"), "overrides shown in the page")
        XCTAssertFalse(html.contains("<script"))
    }

    func testBadOrIncompatibleFoldersExitTwoWithNothingWritten() throws {
        let folder = try makeTemporaryFolder()
        try runQuickstart("base", in: folder)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("notes"), withIntermediateDirectories: true)
        try write("hello", to: "notes/a.txt", in: folder)
        let sweep = Repository.url("notebooks-output/quickstart-uplift-sweep").path
        let day = Repository.url("notebooks-output/wiltshire-day-opportunities").path
        let cases: [([String], String)] = [
            (["missing", "base"], "'missing' is not a results folder: there is no such folder."),
            (["base", "notes"], "'notes' is not a results folder: it has no manifest.json."),
            (["base", "base/summary.csv"], "'base/summary.csv' is not a results folder: it is a file."),
            (["base", sweep], "is a sweep folder, not the results of a run: it has no summary.csv to compare."),
            (["base", day], "cannot be compared: they have no options in common"),
            (["base", "base", "--out", "base"], "it would replace a folder being compared"),
        ]
        for (arguments, message) in cases {
            let result = try runTool(["compare"] + arguments + (arguments.contains("--out") ? [] : ["--out", "cmp"]),
                                     in: folder, expecting: 2)
            XCTAssertTrue(result.stderr.contains(message), result.transcript)
            XCTAssertEqual(try contents(of: folder), ["base", "notes"], "\(arguments) wrote something")
        }
    }
}
