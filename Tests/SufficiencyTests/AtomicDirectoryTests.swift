import Foundation
import XCTest
@testable import Sufficiency

final class AtomicDirectoryTests: XCTestCase {
    private var parent: URL!

    override func setUpWithError() throws {
        parent = FileManager.default.temporaryDirectory
            .appendingPathComponent("AtomicDirectoryTests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: parent)
    }

    private func entries(_ url: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }

    func testCommitReplacesAnExistingDirectory() throws {
        let destination = parent.appendingPathComponent("results", isDirectory: true)
        try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: destination.appendingPathComponent("stale.csv"))

        let output = try AtomicDirectory(destination: destination)
        try output.write(Data("a,b\n".utf8), to: "summary.csv")
        try output.write(Data("<svg/>".utf8), to: "charts/waits.svg")
        try Data("streamed".utf8).write(to: output.url(for: "streamed.csv"))
        // Nothing visible changes before commit.
        XCTAssertEqual(try entries(destination), ["stale.csv"])

        try output.commit()
        XCTAssertEqual(try entries(destination), ["charts", "streamed.csv", "summary.csv"])
        XCTAssertEqual(try String(contentsOf: destination.appendingPathComponent("summary.csv"), encoding: .utf8), "a,b\n")
        XCTAssertEqual(try entries(destination.appendingPathComponent("charts")), ["waits.svg"])
        // No staging or set-aside directories are left next to it.
        XCTAssertEqual(try entries(parent), ["results"])
    }

    func testCommitCreatesANewDestinationAndItsParents() throws {
        let destination = parent.appendingPathComponent("deep/er/out", isDirectory: true)
        let output = try AtomicDirectory(destination: destination)
        try output.write(Data("x".utf8), to: "manifest.json")
        try output.commit()
        XCTAssertEqual(try entries(destination), ["manifest.json"])
        XCTAssertEqual(try entries(destination.deletingLastPathComponent()), ["out"])
    }

    func testStagingIsHiddenSiblingOfDestination() throws {
        let destination = parent.appendingPathComponent("results", isDirectory: true)
        let output = try AtomicDirectory(destination: destination)
        defer { output.discard() }
        XCTAssertEqual(output.staging.deletingLastPathComponent().standardizedFileURL.path,
                       parent.standardizedFileURL.path)
        XCTAssertTrue(output.staging.lastPathComponent.hasPrefix(".results.partial-\(ProcessInfo.processInfo.processIdentifier)-"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: destination.path))
    }

    func testDiscardLeavesNoTraceAndKeepsPreviousOutput() throws {
        let destination = parent.appendingPathComponent("results", isDirectory: true)
        try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: destination.appendingPathComponent("old.csv"))

        let output = try AtomicDirectory(destination: destination)
        try output.write(Data("new".utf8), to: "new.csv")
        output.discard()
        XCTAssertEqual(try entries(parent), ["results"])
        XCTAssertEqual(try entries(destination), ["old.csv"])
        output.discard()  // a second discard is harmless
    }

    func testFailuresThrowMessagesNamingThePath() throws {
        // A regular file where the parent directory should be makes staging impossible.
        let blocker = parent.appendingPathComponent("blocker")
        try Data().write(to: blocker)
        XCTAssertThrowsError(try AtomicDirectory(destination: blocker.appendingPathComponent("results"))) { error in
            guard let outputError = error as? OutputError else { return XCTFail("unexpected error \(error)") }
            XCTAssertTrue(outputError.description.hasPrefix("Could not create the directory "), outputError.description)
            XCTAssertTrue(outputError.description.contains(blocker.path), outputError.description)
            XCTAssertTrue(outputError.description.hasSuffix("."))
        }
    }

    /// Makes the folder `url` impossible to change for this process until the test ends (the
    /// immutable attribute as root, where permissions are not checked); `movedTo` says where it
    /// is by then, when the test moves it.
    private func makeReadOnly(_ url: URL, movedTo: @escaping () -> URL? = { nil }) throws {
        if geteuid() == 0 {
            func chattr(_ flag: String) throws -> Int32 {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                process.arguments = ["chattr", flag, (flag == "-i" ? movedTo() ?? url : url).path]
                process.standardError = FileHandle.nullDevice
                try process.run()
                process.waitUntilExit()
                return process.terminationStatus
            }
            // `.ci/run` installs chattr (e2fsprogs); only a file system without the immutable
            // attribute (tmpfs), or root without chattr, leaves nothing that can be made read-only.
            guard (try? chattr("+i")) == 0 else {
                throw MissingTestTool.error("running as root where chattr +i is missing or not supported by the file system")
            }
            addTeardownBlock { _ = try? chattr("-i") }
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: url.path)
            addTeardownBlock {
                try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: (movedTo() ?? url).path)
            }
        }
    }

    /// The new output in place and complete, the old one impossible to delete: the error says
    /// the results are complete and names the folder left behind, not a failure to write.
    func testEarlierOutputThatCannotBeDeletedIsNamedAndTheNewOutputIsInPlace() throws {
        let destination = parent.appendingPathComponent("results", isDirectory: true)
        let charts = destination.appendingPathComponent("charts", isDirectory: true)
        try FileManager.default.createDirectory(at: charts, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: charts.appendingPathComponent("old.svg"))
        try makeReadOnly(charts) { [parent] in
            // Set aside with the earlier results by the commit.
            let aside = try? FileManager.default.contentsOfDirectory(atPath: parent!.path).first { $0.hasPrefix(".results.old-") }
            return aside.map { parent!.appendingPathComponent($0).appendingPathComponent("charts") }
        }

        let output = try AtomicDirectory(destination: destination)
        try output.write(Data("new".utf8), to: "summary.csv")
        XCTAssertThrowsError(try output.commit()) { error in
            guard case let .earlierResultsLeft(path, leftover, _)? = error as? OutputError else {
                return XCTFail("unexpected error \(error)")
            }
            XCTAssertEqual(path, destination.standardizedFileURL.path)
            XCTAssertTrue(URL(fileURLWithPath: leftover).lastPathComponent.hasPrefix(".results.old-\(getpid())-"), leftover)
            let message = "\(error)"
            XCTAssertTrue(message.hasPrefix("The results in \(path) are complete, but the earlier results were left in \(leftover) ("),
                          message)
            XCTAssertTrue(message.hasSuffix("; remove them with: rm -rf '\(leftover)'"), message)
        }
        XCTAssertEqual(try entries(destination), ["summary.csv"])
        let aside = try entries(parent).filter { $0.hasPrefix(".results.old-") }
        XCTAssertEqual(aside.count, 1)
    }

    /// Only folders named as `AtomicDirectory` names them, for this destination, are leftovers;
    /// those of processes that are not running are removed, the rest kept and named.
    func testStaleLeftoversAreRemovedAndOthersKept() throws {
        let destination = parent.appendingPathComponent("results", isDirectory: true)
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let dead = ended.processIdentifier
        let names = [".results.partial-\(dead)-a1", ".results.old-\(dead)-ff", ".results.partial-\(getpid())-b2",
                     ".results.partial-x-1", ".resultsX.partial-\(dead)-1", ".other.partial-\(dead)-1", "results"]
        for name in names {
            try FileManager.default.createDirectory(at: parent.appendingPathComponent(name), withIntermediateDirectories: false)
        }
        let notes = AtomicDirectory.removeStaleLeftovers(of: destination)
        XCTAssertEqual(try entries(parent), [".other.partial-\(dead)-1", ".results.partial-\(getpid())-b2",
                                             ".results.partial-x-1", ".resultsX.partial-\(dead)-1", "results"])
        XCTAssertEqual(notes.count, 1)
        XCTAssertTrue(notes[0].contains("rm -rf '\(parent.appendingPathComponent(".results.partial-\(getpid())-b2").path)'"),
                      notes[0])
    }

    /// A writer killed between moving the earlier output aside and moving the new one in leaves
    /// no destination: the earlier output is put back, not removed.
    func testEarlierOutputSetAsideByAKilledWriterIsPutBack() throws {
        let destination = parent.appendingPathComponent("results", isDirectory: true)
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let aside = parent.appendingPathComponent(".results.old-\(ended.processIdentifier)-c0de", isDirectory: true)
        try FileManager.default.createDirectory(at: aside, withIntermediateDirectories: false)
        try Data("earlier".utf8).write(to: aside.appendingPathComponent("summary.csv"))
        let staged = parent.appendingPathComponent(".results.partial-\(ended.processIdentifier)-d00d", isDirectory: true)
        try FileManager.default.createDirectory(at: staged, withIntermediateDirectories: false)

        let notes = AtomicDirectory.removeStaleLeftovers(of: destination)
        XCTAssertEqual(try entries(parent), ["results"])
        XCTAssertEqual(try String(contentsOf: destination.appendingPathComponent("summary.csv"), encoding: .utf8), "earlier")
        XCTAssertEqual(notes, ["\(destination.standardizedFileURL.path) was put back from \(aside.standardizedFileURL.path), "
                               + "where a stopped run had set it aside"])
    }
}
