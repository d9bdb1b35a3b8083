import Foundation
import Sufficiency
import XCTest

/// `sufficiency select`: KN (Kim and Nelson 2001, "A fully sequential procedure for
/// indifference-zone selection in simulation", ACM TOMACS 11(3)) on the engine's options, as
/// users run it on scenarios/quickstart.yaml. The procedure's probability of correct selection
/// is checked on known normal systems in `KNSelectionTests`.
final class SelectCommandTests: XCTestCase {
    static let quickstart = Repository.root.appendingPathComponent("scenarios/quickstart.yaml").path

    /// The rows of a CSV file as dictionaries by header (no quoted fields in these files).
    func rows(_ url: URL) throws -> [[String: String]] {
        let lines = String(decoding: try Data(contentsOf: url), as: UTF8.self).split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return lines.dropFirst().map { line in
            Dictionary(uniqueKeysWithValues: zip(header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
        }
    }

    func testSelectsStopsAndIsByteIdenticalWhateverTheThreads() throws {
        let folder = try makeTemporaryFolder()
        var files: [Data] = []
        var statements: [String] = []
        for threads in ["1", "2"] {
            let out = folder.appendingPathComponent("select-\(threads)")
            let result = try runTool(["select", Self.quickstart, "--measure", MeasureName.unmetHours, "--delta", "20",
                                      "--threads", threads, "--out", out.path, "--quiet"], expecting: 0)
            statements.append(result.stdout)
            XCTAssertEqual(try contents(of: out), ["manifest.json", "report.html", "selection.csv"])
            files.append(try Data(contentsOf: out.appendingPathComponent("selection.csv")))
            files.append(try Data(contentsOf: out.appendingPathComponent("report.html")))
        }
        XCTAssertEqual(files[0], files[2], "selection.csv differs between --threads 1 and --threads 2")
        XCTAssertEqual(files[1], files[3], "report.html differs between --threads 1 and --threads 2")
        XCTAssertEqual(statements[0], statements[1])
        let statement = statements[0]
        XCTAssertTrue(statement.contains(": the lowest unmet_hours over the whole run, with probability of correct "
                                         + "selection at least 95% when the best is at least 20 hours a week better "
                                         + "than the next (KN, common random numbers)"), statement)

        let out = folder.appendingPathComponent("select-1")
        let table = try rows(out.appendingPathComponent("selection.csv"))
        XCTAssertEqual(table.map { $0["option"] }, ["strategic", "framework"])
        XCTAssertEqual(table.filter { $0["status"] == "selected" }.count, 1)
        let loser = try XCTUnwrap(table.first { $0["status"] == "eliminated" })
        let winner = try XCTUnwrap(table.first { $0["status"] == "selected" })
        XCTAssertTrue(statement.hasPrefix("Selected \(winner["option"]!): the lowest unmet_hours"), statement)
        let r = try XCTUnwrap(Int(table[0]["replications"] ?? ""))
        // It stopped between the first stage and the maximum, when the loser went.
        XCTAssertTrue((10..<1000).contains(r), "\(r) replications")
        XCTAssertEqual(loser["eliminated_after"], String(r))
        XCTAssertTrue(statement.contains("\(r) replications (seed 42); eliminated: \(loser["option"]!) after \(r)."), statement)

        // The report states the selection, δ, α and the replications it took.
        let report = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        XCTAssertTrue(report.contains("<p class=\"answer\">Selected \(winner["option"]!): the lowest unmet_hours"), report)
        XCTAssertTrue(report.contains("<tr><th>Indifference zone δ</th><td>20 hours a week</td></tr>"), report)
        XCTAssertTrue(report.contains("<tr><th>Confidence 1 − α</th><td>95%</td></tr>"), report)
        XCTAssertTrue(report.contains("<tr><th>Replications</th><td>\(r) (first stage 10, at most 1000), seed 42</td></tr>"), report)

        let manifest = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("manifest.json")))
            as? [String: Any])
        XCTAssertEqual(manifest["replications"] as? Int, r)
        let experiment = try XCTUnwrap(manifest["experiment"] as? [String: Any])
        XCTAssertEqual(experiment["kind"] as? String, "select")
        let selection = try XCTUnwrap(experiment["selection"] as? [String: Any])
        XCTAssertEqual(selection["ending"] as? String, "selected")
        let settings = try XCTUnwrap(selection["settings"] as? [String: Any])
        XCTAssertEqual(settings["delta"] as? Double, 20)
        XCTAssertEqual(settings["alpha"] as? Double, 0.05)
        XCTAssertEqual(settings["firstStage"] as? Int, 10)
        XCTAssertEqual(settings["better"] as? String, "lower")

        // The means are those of the run's first r replications, in order, with the same seed.
        let run = folder.appendingPathComponent("run")
        try runTool(["run", Self.quickstart, "--replications", String(r), "--out", run.path, "--quiet", "--no-ranking"],
                    expecting: 0)
        let replications = try rows(run.appendingPathComponent("replications.csv"))
        for row in table {
            let values = replications.filter { $0["option"] == row["option"] }.compactMap { Double($0[MeasureName.unmetHours] ?? "") }
            XCTAssertEqual(values.count, r)
            let mean = try XCTUnwrap(Double(row["mean"] ?? ""))
            XCTAssertEqual(mean, values.reduce(0, +) / Double(r), accuracy: 1e-5 * abs(mean))
        }
    }

    func testOptionsLeftAtTheMaximumAreReportedWithoutAGuarantee() throws {
        let out = try makeTemporaryFolder().appendingPathComponent("left")
        let result = try runTool(["select", Self.quickstart, "--measure", MeasureName.unmetHours, "--delta", "0.001",
                                  "--max-replications", "12", "--out", out.path, "--quiet"], expecting: 1)
        XCTAssertTrue(result.stderr.contains("No option is selected: strategic and framework are left after 12 replications"),
                      result.transcript)
        XCTAssertTrue(result.stderr.contains("is not guaranteed at 95%"), result.transcript)
        let table = try rows(out.appendingPathComponent("selection.csv"))
        XCTAssertEqual(table.map { $0["status"] }, ["left", "left"])
        XCTAssertEqual(table.map { $0["eliminated_after"] }, ["", ""])
    }

    func testEveryBadFlagIsReportedAtOnceAndNothingIsWritten() throws {
        let folder = try makeTemporaryFolder()
        let out = folder.appendingPathComponent("bad")
        let result = try runTool(["select", Self.quickstart, "--measure", "unmet_hour", "--delta", "0", "--alpha", "0.9",
                                  "--n0", "1", "--better", "up", "--out", out.path], expecting: 2)
        for text in ["--measure \"unmet_hour\"", "did you mean 'unmet_hours'", "--delta \"0\"", "--alpha \"0.9\"",
                     "below 1 − 1/k = 0.5", "--n0 \"1\"", "--better \"up\"", "lower or higher"] {
            XCTAssertTrue(result.stderr.contains(text), "missing \(text):\n\(result.transcript)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))

        // A measure that is neither better high nor low needs --better.
        let neither = try runTool(["select", Self.quickstart, "--measure", MeasureName.referrals, "--delta", "5", "--out", out.path],
                                  expecting: 2)
        XCTAssertTrue(neither.stderr.contains("--better lower or higher"), neither.transcript)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }

    /// The help names the procedure and its flags, and its quick start example runs as written.
    func testTheHelpDescribesTheFlagsAndItsExampleRuns() throws {
        let help = try runTool(["select", "--help"], expecting: 0).stdout
        for text in ["  --measure", "  --delta", "  --alpha", "  --n0", "  --max-replications", "  --better", "Kim and Nelson"] {
            XCTAssertTrue(help.contains(text), "missing \(text):\n\(help)")
        }
        let example = try XCTUnwrap(help.split(separator: "\n").first { $0.contains("sufficiency select scenarios/quickstart.yaml") })
        let folder = try makeTemporaryFolder()
        let arguments = Array(ReadmeCommandsTests.words(example.trimmingCharacters(in: .whitespaces)).dropFirst())
            + ["--out", folder.appendingPathComponent("example").path, "--quiet"]
        let result = try runTool(arguments, expecting: 0)
        XCTAssertTrue(result.stdout.contains("Selected framework: the lowest spend over the whole run"), result.transcript)
    }
}
