import Foundation
import Sufficiency
import XCTest

/// The results folder `sufficiency run` writes: exactly its files, stable CSV headers, rows as
/// wide as their header, ISO dates, a manifest that records how to reproduce the run, and a
/// whole-folder replacement with no leftovers.
final class OutputFilesTests: XCTestCase {
    /// summary.csv's header (ResultsWriter.summaryHeader), written out so a change is noticed.
    static let summaryHeader =
        "option,window,label,period_start,period_end,zone,measure,unit,n,mean,sd,ci95_low,ci95_high,p05,p50,p95"
    /// comparison.csv's header (ResultsWriter.comparisonHeader).
    static let comparisonHeader = "option_a,option_b,window,label,period_start,period_end,zone,measure,unit,better,n,"
        + "mean_difference,ci95_low,ci95_high,share_a_better,share_b_better,share_tied,crn_variance_ratio,replications_saved"

    /// providers.csv's header (ResultsWriter.providersHeader).
    static let providersHeader = "option,window,label,period_start,period_end,provider,measure,unit,n,mean,sd,ci95_low,ci95_high"
    /// Each provider's figures, in the order providers.csv gives them.
    static let providerMeasures = [
        MeasureName.weeklyHours, MeasureName.weeklyHoursContracted, MeasureName.weeklyHoursSpot, MeasureName.weeklyHoursLegacy, MeasureName.careWorkers, MeasureName.margin,
        MeasureName.spend, MeasureName.contractHeld, MeasureName.exited, MeasureName.handBacks, MeasureName.transfers,
    ]

    static let resultFiles = ["bands.csv", "charts", "comparison.csv", "manifest.json", "providers.csv", "replications.csv",
                              "report.html", "summary.csv"]

    /// Runs the tiny scenario with `--out out --seed 5 --replications 4` in a fresh folder.
    private func runTiny(extra: [String] = []) throws -> (folder: URL, out: URL, result: ToolResult) {
        let folder = try makeTemporaryFolder()
        try write(TestScenarioFiles.tiny, to: "tiny.yaml", in: folder)
        let arguments = ["run", "tiny.yaml", "--out", "out", "--seed", "5", "--replications", "4"] + extra
        let result = try runTool(arguments, in: folder, expecting: 0)
        return (folder, folder.appendingPathComponent("out", isDirectory: true), result)
    }

    func testTheResultsFolderHoldsExactlyTheFourFilesAndNoLeftovers() throws {
        let (folder, out, _) = try runTiny()

        XCTAssertEqual(try contents(of: out), Self.resultFiles)
        // No hidden staging (.out.partial-…) or set-aside (.out.old-…) folders next to it.
        XCTAssertEqual(try contents(of: folder), ["out", "tiny.yaml"])
    }

    func testSummaryHeaderAndRows() throws {
        let (_, out, _) = try runTiny()
        let summary = try CSVText(contentsOf: out.appendingPathComponent("summary.csv"))

        XCTAssertEqual(summary.header.joined(separator: ","), Self.summaryHeader)
        XCTAssertTrue(summary.text.hasPrefix(Self.summaryHeader + "\n"), "summary.csv does not start with its header line")
        XCTAssertTrue(summary.text.hasSuffix("\n"))
        XCTAssertFalse(summary.rows.isEmpty)
        assertEveryRowIsAsWideAsTheHeader(summary, "summary.csv")
        XCTAssertEqual(Set(summary.values("option")), Set(TestScenarioFiles.tinyOptions))
        XCTAssertEqual(Set(summary.values("window")), ["period", "financial_year", "horizon"])
        XCTAssertEqual(Set(summary.values("zone")), ["all", "North", "South"])
        for column in ["mean", "sd", "ci95_low", "ci95_high", "p05", "p50", "p95"] {
            for value in summary.values(column) where !value.isEmpty {
                XCTAssertNotNil(Double(value), "summary.csv \(column): '\(value)' is not a number")
            }
        }
        for value in summary.values("n") {
            XCTAssertNotNil(Int(value), "summary.csv n: '\(value)' is not a whole number")
        }
    }

    func testProvidersHeaderAndRows() throws {
        let (_, out, _) = try runTiny()
        let providers = try CSVText(contentsOf: out.appendingPathComponent("providers.csv"))

        XCTAssertTrue(providers.text.hasPrefix(Self.providersHeader + "\n"), "providers.csv does not start with its header line")
        assertEveryRowIsAsWideAsTheHeader(providers, "providers.csv")
        XCTAssertEqual(Set(providers.values("option")), Set(TestScenarioFiles.tinyOptions))
        XCTAssertEqual(Set(providers.values("window")), ["financial_year", "horizon"])
        XCTAssertEqual(Set(providers.values("provider")), ["Alpha", "Beta"])
        var measures: [String] = []
        for measure in providers.values("measure") where !measures.contains(measure) { measures.append(measure) }
        XCTAssertEqual(measures, Self.providerMeasures)
        for column in ["mean", "sd", "ci95_low", "ci95_high"] {
            for value in providers.values(column) where !value.isEmpty {
                XCTAssertNotNil(Double(value), "providers.csv \(column): '\(value)' is not a number")
            }
        }
        for value in providers.values("period_start") + providers.values("period_end") {
            XCTAssertTrue(Self.isISODate(value), "providers.csv date '\(value)'")
        }
    }

    /// `run.zone_rows=years` drops zone rows of single periods and keeps everything else.
    func testZoneRowsForYearsKeepsZoneRowsForFinancialYearsAndTheWholeRunOnly() throws {
        let (_, full, _) = try runTiny()
        let (_, lean, _) = try runTiny(extra: ["--set", "run.zone_rows=years"])
        let all = try CSVText(contentsOf: full.appendingPathComponent("summary.csv"))
        let some = try CSVText(contentsOf: lean.appendingPathComponent("summary.csv"))
        let window = all.header.firstIndex(of: "window")!, zone = all.header.firstIndex(of: "zone")!
        let kept = all.rows.filter { $0[window] != "period" || $0[zone] == "all" }
        XCTAssertLessThan(kept.count, all.rows.count)
        XCTAssertEqual(some.rows, kept, "the lean summary is the full one without zone rows of single periods")
        XCTAssertTrue(some.rows.contains { $0[window] == "financial_year" && $0[zone] == "North" })
    }

    /// `run.zone_rows=run` keeps zone rows for the whole run only, in summary.csv and comparison.csv.
    func testZoneRowsForTheRunKeepsZoneRowsForTheWholeRunOnly() throws {
        let (_, full, _) = try runTiny()
        let (_, lean, _) = try runTiny(extra: ["--set", "run.zone_rows=run"])
        for name in ["summary.csv", "comparison.csv"] {
            let all = try CSVText(contentsOf: full.appendingPathComponent(name))
            let some = try CSVText(contentsOf: lean.appendingPathComponent(name))
            let window = all.header.firstIndex(of: "window")!, zone = all.header.firstIndex(of: "zone")!
            let kept = all.rows.filter { $0[window] == "horizon" || $0[zone] == "all" }
            XCTAssertLessThan(kept.count, all.rows.count, name)
            XCTAssertEqual(some.rows, kept, "\(name) without zone rows except for the whole run")
            XCTAssertTrue(some.rows.contains { $0[window] == "horizon" && $0[zone] == "North" }, name)
        }
    }

    func testComparisonAndReplicationsHeadersAndRows() throws {
        let (_, out, _) = try runTiny()
        let comparison = try CSVText(contentsOf: out.appendingPathComponent("comparison.csv"))
        let replications = try CSVText(contentsOf: out.appendingPathComponent("replications.csv"))

        XCTAssertEqual(comparison.header.joined(separator: ","), Self.comparisonHeader)
        XCTAssertFalse(comparison.rows.isEmpty)
        assertEveryRowIsAsWideAsTheHeader(comparison, "comparison.csv")
        XCTAssertEqual(Set(comparison.values("option_a")), ["strategic"])
        XCTAssertEqual(Set(comparison.values("option_b")), ["framework"])

        XCTAssertEqual(Array(replications.header.prefix(2)), ["replication", "option"])
        XCTAssertTrue(replications.header.contains(MeasureName.referrals))
        XCTAssertTrue(replications.header.contains(MeasureName.spend))
        assertEveryRowIsAsWideAsTheHeader(replications, "replications.csv")
        XCTAssertEqual(replications.rows.count, 4 * 2)
        XCTAssertEqual(replications.rows.map { "\($0[0]) \($0[1])" }, [
            "1 strategic", "1 framework", "2 strategic", "2 framework",
            "3 strategic", "3 framework", "4 strategic", "4 framework",
        ])
    }

    func testDatesAreISOAndCoverTheScenarioCalendar() throws {
        let (_, out, _) = try runTiny()

        for name in ["summary.csv", "comparison.csv"] {
            let csv = try CSVText(contentsOf: out.appendingPathComponent(name))
            let starts = csv.values("period_start"), ends = csv.values("period_end")
            XCTAssertFalse(starts.isEmpty, "\(name) has no period_start column or rows")
            for (start, end) in zip(starts, ends) {
                XCTAssertTrue(Self.isISODate(start), "\(name): period_start '\(start)' is not an ISO date yyyy-mm-dd")
                XCTAssertTrue(Self.isISODate(end), "\(name): period_end '\(end)' is not an ISO date yyyy-mm-dd")
                XCTAssertLessThanOrEqual(start, end, "\(name): a period ends before it starts")
            }
            // 120 days from 2023-04-01: the first day is 2023-04-01, the last 2023-07-29.
            XCTAssertEqual(starts.min(), "2023-04-01", name)
            XCTAssertEqual(ends.max(), "2023-07-29", name)
        }
        let summary = try CSVText(contentsOf: out.appendingPathComponent("summary.csv"))
        let months = Set(zip(summary.values("window"), summary.values("label")).filter { $0.0 == "period" }.map(\.1))
        XCTAssertEqual(months, ["2023-04", "2023-05", "2023-06", "2023-07"])
    }

    func testManifestRecordsHowToReproduceTheRun() throws {
        let (_, out, _) = try runTiny()
        let data = try Data(contentsOf: out.appendingPathComponent("manifest.json"))
        let manifest = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])

        XCTAssertEqual(manifest["tool"] as? String, "sufficiency")
        XCTAssertEqual(manifest["seed"] as? Int, 5)
        XCTAssertEqual(manifest["replications"] as? Int, 4)
        XCTAssertEqual(manifest["scenarioFile"] as? String, "tiny.yaml")
        XCTAssertEqual(manifest["options"] as? [String], TestScenarioFiles.tinyOptions)
        let files = try XCTUnwrap(manifest["files"] as? [String])
        XCTAssertEqual(Array(files.prefix(7)), ["summary.csv", "bands.csv", "replications.csv", "comparison.csv",
                                                "providers.csv", "manifest.json", "report.html"])
        XCTAssertFalse(files.dropFirst(7).isEmpty, "the report's charts are listed")
        XCTAssertTrue(files.dropFirst(7).allSatisfy { $0.hasPrefix("charts/") && $0.hasSuffix(".svg") }, "\(files)")
        let sha = try XCTUnwrap(manifest["scenarioSHA256"] as? String)
        XCTAssertNotNil(sha.range(of: "^[0-9a-f]{64}$", options: .regularExpression), "scenarioSHA256 '\(sha)'")
        let commandLine = try XCTUnwrap(manifest["commandLine"] as? [String])
        XCTAssertEqual(Array(commandLine.dropFirst()), ["run", "tiny.yaml", "--out", "out", "--seed", "5", "--replications", "4"])
        XCTAssertTrue(commandLine.first?.hasSuffix("sufficiency") ?? false, "\(commandLine)")
        XCTAssertFalse((manifest["gslVersion"] as? String ?? "").isEmpty, "gslVersion missing or empty")
        XCTAssertFalse((manifest["sufficiencyVersion"] as? String ?? "").isEmpty)
        XCTAssertFalse((manifest["swiftVersion"] as? String ?? "").isEmpty)
        XCTAssertGreaterThanOrEqual(manifest["threads"] as? Int ?? 0, 1)
        let wall = try XCTUnwrap(manifest["wallSeconds"] as? Double)
        let simulating = try XCTUnwrap(manifest["simulationSeconds"] as? Double, "simulationSeconds missing")
        XCTAssertGreaterThanOrEqual(simulating, 0)
        XCTAssertLessThanOrEqual(simulating, wall, "simulating is part of the run's wall time")
        let startedAt = try XCTUnwrap(manifest["startedAt"] as? String)
        XCTAssertNotNil(ISO8601DateFormatter().date(from: startedAt), "startedAt '\(startedAt)' is not ISO 8601")
        // Each results file's size as written, for `report` to tell a file cut short.
        let sizes = try XCTUnwrap(manifest["fileBytes"] as? [String: Int], "fileBytes missing")
        XCTAssertEqual(Set(sizes.keys), ["summary.csv", "bands.csv", "replications.csv", "comparison.csv", "providers.csv"])
        for (name, bytes) in sizes {
            XCTAssertEqual(try Data(contentsOf: out.appendingPathComponent(name)).count, bytes, name)
        }
    }

    func testScenarioSHA256IsTheFilesDigestWhenNothingIsOverridden() throws {
        let folder = try makeTemporaryFolder()
        let scenario = try write(TestScenarioFiles.tiny, to: "tiny.yaml", in: folder)
        try runTool(["run", "tiny.yaml", "--out", "out", "--quiet"], in: folder, expecting: 0)
        let data = try Data(contentsOf: folder.appendingPathComponent("out/manifest.json"))
        let manifest = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let sha = try XCTUnwrap(manifest["scenarioSHA256"] as? String)

        let expected = try XCTUnwrap(try Self.sha256OfFile(scenario), "no sha256sum or shasum to check against")
        XCTAssertEqual(sha, expected, "scenarioSHA256 is not the SHA-256 of the scenario file's bytes")

        // Another file gives another fingerprint.
        try write(TestScenarioFiles.tiny + "# changed\n", to: "tiny.yaml", in: folder)
        try runTool(["run", "tiny.yaml", "--out", "out", "--quiet"], in: folder, expecting: 0)
        let changed = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("out/manifest.json")))
        XCTAssertNotEqual((changed as? [String: Any])?["scenarioSHA256"] as? String, sha)
    }

    func testAnExistingResultsFolderIsReplacedWhole() throws {
        let folder = try makeTemporaryFolder()
        try write(TestScenarioFiles.tiny, to: "tiny.yaml", in: folder)
        let out = folder.appendingPathComponent("out", isDirectory: true)
        // An earlier run's results, with things added to them since.
        try runTool(["run", "tiny.yaml", "--out", "out", "--replications", "2", "--quiet"], in: folder, expecting: 0)
        try FileManager.default.createDirectory(at: out.appendingPathComponent("charts"), withIntermediateDirectories: true)
        try write("left over from an earlier run\n", to: "stray.txt", in: out)
        try write("stale\n", to: "summary.csv", in: out)
        try write("<svg/>", to: "charts/old.svg", in: out)

        try runTool(["run", "tiny.yaml", "--out", "out", "--replications", "2", "--quiet"], in: folder, expecting: 0)

        XCTAssertEqual(try contents(of: out), Self.resultFiles)
        let summary = try CSVText(contentsOf: out.appendingPathComponent("summary.csv"))
        XCTAssertEqual(summary.header.joined(separator: ","), Self.summaryHeader)
        XCTAssertEqual(try contents(of: folder), ["out", "tiny.yaml"], "the old folder was left beside the new one")
    }

    /// A non-empty folder that is not an earlier results folder is refused before the run.
    func testAFolderThatIsNotEarlierResultsIsRefused() throws {
        let folder = try makeTemporaryFolder()
        try write(TestScenarioFiles.tiny, to: "tiny.yaml", in: folder)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("mine"), withIntermediateDirectories: true)
        try write("my own notes\n", to: "notes.txt", in: folder.appendingPathComponent("mine"))

        let result = try Tool.run(["run", "tiny.yaml", "--out", "mine", "--replications", "2"], in: folder)

        XCTAssertEqual(result.status, 1, result.transcript)
        XCTAssertTrue(result.stderr.contains("Will not replace"), result.transcript)
        XCTAssertTrue(result.stderr.contains("notes.txt"), result.transcript)
        XCTAssertFalse(result.stderr.contains("replications ("), "it must refuse before running:\n\(result.transcript)")
        XCTAssertEqual(try contents(of: folder.appendingPathComponent("mine")), ["notes.txt"])
    }

    /// Replacing the results folder must never delete the user's own files: `--out .` or
    /// `--out` naming the folder that holds the scenario must not wipe the scenario or its neighbours.
    func testOutNeverDeletesTheScenarioOrTheWorkingFolder() throws {
        let folder = try makeTemporaryFolder()
        for out in [".", "inputs"] {
            let work = folder.appendingPathComponent("work-\(out == "." ? "dot" : out)", isDirectory: true)
            let inputs = work.appendingPathComponent("inputs", isDirectory: true)
            try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
            try write(TestScenarioFiles.tiny, to: "tiny.yaml", in: inputs)
            try write("my own notes\n", to: "notes.txt", in: work)

            let result = try Tool.run(["run", "inputs/tiny.yaml", "--replications", "2", "--out", out, "--quiet"], in: work)

            XCTAssertTrue(FileManager.default.fileExists(atPath: inputs.appendingPathComponent("tiny.yaml").path),
                          "--out \(out) deleted the scenario file:\n\(result.transcript)")
            XCTAssertTrue(FileManager.default.fileExists(atPath: work.appendingPathComponent("notes.txt").path),
                          "--out \(out) deleted a file in the working folder:\n\(result.transcript)")
        }
    }

    func testANestedOutFolderIsCreated() throws {
        let folder = try makeTemporaryFolder()
        try write(TestScenarioFiles.tiny, to: "tiny.yaml", in: folder)

        try runTool(["run", "tiny.yaml", "--out", "a/b/c", "--replications", "2", "--quiet"], in: folder, expecting: 0)

        XCTAssertEqual(try contents(of: folder.appendingPathComponent("a/b/c")), Self.resultFiles)
        XCTAssertEqual(try contents(of: folder.appendingPathComponent("a/b")), ["c"])
    }

    // MARK: Helpers

    private func assertEveryRowIsAsWideAsTheHeader(_ csv: CSVText, _ name: String,
                                                   file: StaticString = #filePath, line: UInt = #line) {
        for (i, row) in csv.rows.enumerated() where row.count != csv.header.count {
            XCTFail("\(name) row \(i + 2) has \(row.count) fields; the header has \(csv.header.count): \(row)",
                    file: file, line: line)
            return
        }
    }

    /// Whether `text` is a real calendar date written yyyy-mm-dd.
    static func isISODate(_ text: String) -> Bool {
        guard text.range(of: #"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"#, options: .regularExpression) != nil else { return false }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: parts[0], month: parts[1], day: parts[2])
        guard let date = calendar.date(from: components) else { return false }
        let back = calendar.dateComponents([.year, .month, .day], from: date)
        return back.year == parts[0] && back.month == parts[1] && back.day == parts[2]
    }

    /// SHA-256 of a file from the system's `sha256sum` (or `shasum -a 256`); nil when neither exists.
    static func sha256OfFile(_ url: URL) throws -> String? {
        let tools: [(String, [String])] = [("/usr/bin/sha256sum", []), ("/bin/sha256sum", []), ("/usr/bin/shasum", ["-a", "256"])]
        guard let (path, flags) = tools.first(where: { FileManager.default.isExecutableFile(atPath: $0.0) }) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = flags + [url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: " ").first.map(String.init)
    }
}
