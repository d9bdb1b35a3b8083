import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The results folder (`--out`) is checked before any work: a folder the results could never
/// be put in is refused at once, with status 1 and a sentence naming it and what to do, and
/// nothing is written. Hidden folders left by a writer that was killed are cleaned up by the
/// next run into the same place; those of a running writer are left alone and named.
final class OutputFolderTests: XCTestCase {
    /// Runs the tiny scenario into `out`, expecting `status`.
    @discardableResult
    private func run(_ out: String, in folder: URL, expecting status: Int32,
                     file: StaticString = #filePath, line: UInt = #line) throws -> ToolResult {
        try runTool(["run", "tiny.yaml", "--replications", "2", "--out", out, "--quiet"], in: folder,
                    expecting: status, file: file, line: line)
    }

    private func folderWithScenario() throws -> URL {
        let folder = try makeTemporaryFolder()
        try write(TestScenarioFiles.tiny, to: "tiny.yaml", in: folder)
        return folder
    }

    private func assertRefusedBeforeRunning(_ result: ToolResult, naming path: String, saying words: [String],
                                            file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(result.stderr.contains(path), "the message names \(path):\n\(result.transcript)", file: file, line: line)
        for text in words + ["nothing was written"] {
            XCTAssertTrue(result.stderr.contains(text), "expected \"\(text)\":\n\(result.transcript)", file: file, line: line)
        }
        XCTAssertFalse(result.stderr.contains("replications ("), "refused only after running:\n\(result.transcript)",
                       file: file, line: line)
        XCTAssertTrue(result.stdout.isEmpty, result.transcript, file: file, line: line)
    }

    func testADanglingSymbolicLinkIsRefusedBeforeTheRun() throws {
        let folder = try folderWithScenario()
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("out").path,
                                                   withDestinationPath: "gone/results")
        let result = try run("out", in: folder, expecting: 1)
        assertRefusedBeforeRunning(result, naming: folder.appendingPathComponent("out").path,
                                   saying: ["symbolic link to gone/results, which does not exist", "--out"])
        XCTAssertEqual(try contents(of: folder), ["out", "tiny.yaml"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("gone").path))
    }

    func testAnOutThatIsAFileOrInsideAFileIsRefusedBeforeTheRun() throws {
        let folder = try folderWithScenario()
        try write("my notes\n", to: "notes.txt", in: folder)
        let result = try run("notes.txt", in: folder, expecting: 1)
        assertRefusedBeforeRunning(result, naming: folder.appendingPathComponent("notes.txt").path,
                                   saying: ["it is a file, not a results folder"])
        let inside = try run("notes.txt/results", in: folder, expecting: 1)
        assertRefusedBeforeRunning(inside, naming: folder.appendingPathComponent("notes.txt").path,
                                   saying: ["is a file, not a folder"])
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("notes.txt"), encoding: .utf8), "my notes\n")
        XCTAssertEqual(try contents(of: folder), ["notes.txt", "tiny.yaml"])
    }

    func testAReadOnlyParentIsRefusedBeforeTheRun() throws {
        let folder = try folderWithScenario()
        let locked = folder.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        try makeReadOnly(locked)
        let result = try run("locked/results", in: folder, expecting: 1)
        assertRefusedBeforeRunning(result, naming: locked.path, saying: ["cannot be written to", "--out"])
        XCTAssertEqual(try contents(of: locked), [])
    }

    func testEarlierResultsThatCannotBeRemovedAreRefusedBeforeTheRunAndKept() throws {
        let folder = try folderWithScenario()
        try run("out", in: folder, expecting: 0)
        let out = folder.appendingPathComponent("out")
        let summary = try Data(contentsOf: out.appendingPathComponent("summary.csv"))
        try makeReadOnly(out.appendingPathComponent("charts"))
        let result = try run("out", in: folder, expecting: 1)
        assertRefusedBeforeRunning(result, naming: out.appendingPathComponent("charts").path,
                                   saying: ["Will not replace \(out.path)", "could not be moved aside and removed",
                                            "chmod -R u+w"])
        XCTAssertEqual(try Data(contentsOf: out.appendingPathComponent("summary.csv")), summary)
        XCTAssertEqual(try contents(of: folder), ["out", "tiny.yaml"], "no hidden folder was left")
    }

    /// A shard run stages its folder before simulating, so `kill -9` part-way leaves
    /// `.NAME.partial-<pid>-<tag>` behind, as any writer killed while writing does.
    func testFoldersLeftByKilledWritersAreRemovedByTheNextRunAndALiveOnesIsKept() throws {
        let folder = try folderWithScenario()
        let process = Process()
        process.executableURL = try Tool.executable()
        process.arguments = ["run", "tiny.yaml", "--replications", "1000000", "--shard", "1/2", "--out", "out", "--quiet"]
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        var left: [String] = []
        while Date() < deadline && left.isEmpty {
            left = try contents(of: folder).filter { $0.hasPrefix(".out.partial-\(process.processIdentifier)-") }
            Thread.sleep(forTimeInterval: 0.01)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(left.count, 1, "the killed shard run left no staging folder")

        // Earlier results set aside by a writer killed between its two renames.
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".out.old-\(ended.processIdentifier)-12ef"),
                                                withIntermediateDirectories: false)

        // A folder of a writer that is still running: this test's own process stands in for it.
        let live = ".out.partial-\(ProcessInfo.processInfo.processIdentifier)-beef"
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(live), withIntermediateDirectories: false)
        try write("being written\n", to: "\(live)/summary.csv", in: folder)

        let result = try run("out", in: folder, expecting: 0)
        XCTAssertEqual(try contents(of: folder), [live, "out", "tiny.yaml"], result.transcript)
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("\(live)/summary.csv"), encoding: .utf8),
                       "being written\n", "the live writer's folder was touched")
        XCTAssertTrue(result.stderr.contains("\(folder.path)/\(live) belongs to process \(ProcessInfo.processInfo.processIdentifier), "
                                             + "which is still running, so it was left alone"), result.transcript)
        XCTAssertTrue(result.stderr.contains("rm -rf '\(folder.path)/\(live)'"), result.transcript)
    }

    /// Every command that writes a results folder makes the same check before its work.
    func testEveryCommandRefusesADanglingLinkBeforeItsWork() throws {
        let folder = try makeTemporaryFolder()
        try write(ExperimentCommandsTests.sweepScenario, to: "tiny.yaml", in: folder)
        for k in 1...2 {
            try runTool(["run", "tiny.yaml", "--replications", "2", "--shard", "\(k)/2", "--out", "s\(k)", "--quiet"],
                        in: folder, expecting: 0)
        }
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("out").path,
                                                   withDestinationPath: "gone")
        let coverage = Repository.url("scenarios/coverage-check.yaml").path
        for arguments in [["run", "tiny.yaml"], ["run", "tiny.yaml", "--shard", "1/2"], ["coverage", coverage],
                          ["sweep", "tiny.yaml"], ["solve", "tiny.yaml"], ["merge", "s1", "s2"]] {
            let result = try runTool(arguments + ["--replications", "2", "--out", "out"].suffix(arguments[0] == "merge" ? 2 : 4),
                                     in: folder, expecting: 1)
            assertRefusedBeforeRunning(result, naming: folder.appendingPathComponent("out").path,
                                       saying: ["symbolic link to gone, which does not exist"])
            XCTAssertFalse(result.stderr.contains("Running") || result.stderr.contains("Merging")
                           || result.stderr.contains("Sweeping") || result.stderr.contains("Solving"),
                           "\(arguments[0]) started its work:\n\(result.transcript)")
        }
        XCTAssertEqual(try contents(of: folder), ["out", "s1", "s2", "tiny.yaml"])
    }
}
