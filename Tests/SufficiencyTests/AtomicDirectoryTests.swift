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
}
