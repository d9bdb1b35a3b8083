import Foundation
import XCTest

/// Ctrl-C or SIGTERM during a run leaves no results folder (never a half-written one), saves
/// the finished replications, and `--resume` gives the bytes of an uninterrupted run.
final class InterruptionTests: XCTestCase {
    func testAnInterruptedRunResumesToTheBytesOfAnUninterruptedOne() throws {
        let folder = try makeTemporaryFolder()
        let scenario = Repository.url("scenarios/quickstart.yaml").path
        let common = [scenario, "--replications", "120", "--threads", "1"]
        try runTool(["run"] + common + ["--out", "whole", "--quiet"], in: folder, expecting: 0)

        // Interrupted twice (Ctrl-C, then SIGTERM during the resumed run), then finished.
        for (signal, status) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
            let result = try runInterrupted(["run"] + common + ["--out", "results", "--resume"], in: folder, signal: signal)
            XCTAssertEqual(result.status, status, result.transcript)
            XCTAssertTrue(result.stderr.contains("run the same command with --resume"), result.transcript)
            let entries = try contents(of: folder)
            XCTAssertFalse(entries.contains("results"), "a stopped run wrote its results folder: \(entries)")
            XCTAssertTrue(entries.contains(".results.resume"), "nothing was saved: \(entries)")
            XCTAssertFalse(entries.contains { $0.contains("partial") }, "staging left behind: \(entries)")
        }
        let resumed = try runTool(["run"] + common + ["--out", "results", "--resume"], in: folder, expecting: 0)
        XCTAssertTrue(resumed.stderr.contains("Resuming results from"), resumed.transcript)
        for name in ["summary.csv", "bands.csv", "replications.csv", "comparison.csv", "providers.csv"] {
            XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("results/\(name)")),
                           try Data(contentsOf: folder.appendingPathComponent("whole/\(name)")),
                           "\(name) of the resumed run differs from the uninterrupted run's")
        }
        XCTAssertFalse(try contents(of: folder).contains(".results.resume"), "the saved run was not removed once used")
    }

    func testAnInterruptedSweepResumesToTheBytesOfAnUninterruptedOne() throws {
        let folder = try makeTemporaryFolder()
        let scenario = Repository.url("scenarios/quickstart-uplift.yaml").path
        // 6 points × 30 replications, counting two targets as they go.
        let common = [scenario, "--replications", "30", "--threads", "1", "--target", "unmet_hours<300",
                      "--target", "provider_exits<=0@horizon"]
        try runTool(["sweep"] + common + ["--out", "whole", "--quiet"], in: folder, expecting: 0)

        let stopped = try runInterrupted(["sweep"] + common + ["--out", "results"], in: folder, signal: SIGINT,
                                         after: "/180 replications")
        XCTAssertEqual(stopped.status, 130, stopped.transcript)
        XCTAssertTrue(stopped.stderr.contains("run the same command with --resume"), stopped.transcript)
        let entries = try contents(of: folder)
        XCTAssertFalse(entries.contains("results"), "a stopped sweep wrote its results folder: \(entries)")
        XCTAssertTrue(entries.contains(".results.resume"), "nothing was saved: \(entries)")

        // A run's --resume does not take a sweep's checkpoint for its own.
        let run = try runTool(["run", scenario, "--replications", "30", "--out", "results", "--resume", "--quiet"],
                              in: folder, expecting: 2)
        XCTAssertTrue(run.stderr.contains("is not the record of a stopped run"), run.transcript)

        // Nor does a sweep counting other targets.
        let other = try runTool(["sweep"] + common.dropLast(2) + ["--out", "results", "--resume", "--quiet"],
                                in: folder, expecting: 2)
        XCTAssertTrue(other.stderr.contains("targets"), other.transcript)

        let resumed = try runTool(["sweep"] + common + ["--out", "results", "--resume"], in: folder, expecting: 0)
        XCTAssertTrue(resumed.stderr.contains("Resuming results from"), resumed.transcript)
        for name in ["sweep.csv", "points.csv", "targets.csv"] {
            XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("results/\(name)")),
                           try Data(contentsOf: folder.appendingPathComponent("whole/\(name)")),
                           "\(name) of the resumed sweep differs from the uninterrupted sweep's")
        }
        XCTAssertFalse(try contents(of: folder).contains(".results.resume"), "the saved sweep was not removed once used")
    }

    func testAnInterruptedSolveResumesToTheBytesOfAnUninterruptedOne() throws {
        let folder = try makeTemporaryFolder()
        let scenario = Repository.url("scenarios/quickstart-uplift.yaml").path
        // At most 9 evaluations × 30 replications.
        let common = [scenario, "--replications", "30", "--threads", "1"]
        try runTool(["solve"] + common + ["--out", "whole", "--quiet"], in: folder, expecting: 0)

        let stopped = try runInterrupted(["solve"] + common + ["--out", "results"], in: folder, signal: SIGTERM,
                                         after: "/270 replications")
        XCTAssertEqual(stopped.status, 143, stopped.transcript)
        XCTAssertTrue(stopped.stderr.contains("run the same command with --resume"), stopped.transcript)
        let entries = try contents(of: folder)
        XCTAssertFalse(entries.contains("results"), "a stopped solve wrote its results folder: \(entries)")
        XCTAssertTrue(entries.contains(".results.resume"), "nothing was saved: \(entries)")

        // Saved under other solve settings: refused, saying which, and kept.
        let other = try runTool(["solve"] + common + ["--out", "results", "--resume", "--tolerance", "0.002", "--quiet"],
                                in: folder, expecting: 2)
        XCTAssertTrue(other.stderr.contains("solve settings"), other.transcript)
        // A sweep's --resume does not take a solve's checkpoint for its own.
        let sweep = try runTool(["sweep"] + common + ["--out", "results", "--resume", "--quiet"], in: folder, expecting: 2)
        XCTAssertTrue(sweep.stderr.contains("is not the record of a stopped sweep"), sweep.transcript)

        let resumed = try runTool(["solve"] + common + ["--out", "results", "--resume"], in: folder, expecting: 0)
        XCTAssertTrue(resumed.stderr.contains("Resuming results from"), resumed.transcript)
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("results/solve.csv")),
                       try Data(contentsOf: folder.appendingPathComponent("whole/solve.csv")),
                       "solve.csv of the resumed solve differs from the uninterrupted solve's")
        XCTAssertFalse(try contents(of: folder).contains(".results.resume"), "the saved solve was not removed once used")
    }

    func testAResumeFromAStateChangedSinceItWasSavedIsRefusedAndWritesNothing() throws {
        let folder = try makeTemporaryFolder()
        let scenario = Repository.url("scenarios/quickstart.yaml").path
        let common = [scenario, "--replications", "120", "--threads", "1", "--out", "results"]
        let stopped = try runInterrupted(["run"] + common, in: folder, signal: SIGTERM)
        XCTAssertEqual(stopped.status, 143, stopped.transcript)
        let state = folder.appendingPathComponent(".results.resume/state.bin")
        var bytes = try Data(contentsOf: state)
        bytes[bytes.count / 3] ^= 0x10
        try bytes.write(to: state)
        let result = try runTool(["run"] + common + ["--resume"], in: folder, expecting: 2)
        XCTAssertTrue(result.stderr.contains(".results.resume/state.bin has changed since it was saved (SHA-256 "), result.transcript)
        XCTAssertTrue(result.stderr.contains("run without --resume to start again."), result.transcript)
        XCTAssertFalse(try contents(of: folder).contains("results"), "a results folder was written")
        XCTAssertTrue(try contents(of: folder).contains(".results.resume"), "the saved run was removed")
    }

    func testASweepResumedFromAStateChangedSinceItWasSavedIsRefused() throws {
        let folder = try makeTemporaryFolder()
        let scenario = Repository.url("scenarios/quickstart-uplift.yaml").path
        let common = [scenario, "--replications", "30", "--threads", "1", "--out", "results"]
        let stopped = try runInterrupted(["sweep"] + common, in: folder, signal: SIGINT, after: "/180 replications")
        XCTAssertEqual(stopped.status, 130, stopped.transcript)
        let state = folder.appendingPathComponent(".results.resume/state.bin")
        var bytes = try Data(contentsOf: state)
        bytes[bytes.count - 1] ^= 0x80
        try bytes.write(to: state)
        let result = try runTool(["sweep"] + common + ["--resume"], in: folder, expecting: 2)
        XCTAssertTrue(result.stderr.contains(".results.resume/state.bin has changed since it was saved"), result.transcript)
        XCTAssertFalse(try contents(of: folder).contains("results"), "a results folder was written")
    }

    /// Runs the tool and sends `signal` once it reports its first finished replication (a
    /// progress line ending with `after`).
    func runInterrupted(_ arguments: [String], in directory: URL, signal: Int32,
                                after: String = "/120 replications") throws -> ToolResult {
        let process = Process()
        process.executableURL = try Tool.executable()
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let errURL = directory.appendingPathComponent("stderr-\(signal).txt")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let errHandle = try FileHandle(forWritingTo: errURL)
        defer { try? FileManager.default.removeItem(at: errURL) }
        process.standardError = errHandle
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let text = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
            if text.contains(after) { break }
            Thread.sleep(forTimeInterval: 0.005)
        }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        try errHandle.close()
        let stderr = try String(contentsOf: errURL, encoding: .utf8)
        return ToolResult(arguments: arguments, status: process.terminationStatus,
                          terminatedBySignal: process.terminationReason == .uncaughtSignal, stdout: "", stderr: stderr)
    }
}
