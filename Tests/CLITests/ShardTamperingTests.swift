import Foundation
import XCTest

/// `merge` trusts a shard folder no further than a scenario: cells changed since they were
/// written, numbers out of bounds, shards of two scenarios and scenario paths outside the
/// folders given are refused with status 2 and nothing written, and no file outside them is
/// read or quoted.
final class ShardTamperingTests: XCTestCase {
    /// A folder holding tiny.yaml and its two shards of 4 replications, s1 and s2.
    private func shards() throws -> URL {
        let folder = try makeTemporaryFolder()
        try write(TestScenarioFiles.tiny, to: "tiny.yaml", in: folder)
        for k in 1...2 {
            try runTool(["run", "tiny.yaml", "--replications", "4", "--shard", "\(k)/2", "--out", "s\(k)", "--quiet"],
                        in: folder, expecting: 0)
        }
        return folder
    }

    /// Runs merge of s1 and s2 in `folder`, expecting status 2, `message` and no results folder.
    @discardableResult
    private func assertMergeRefused(in folder: URL, _ message: String, extra: [String] = [],
                                    file: StaticString = #filePath, line: UInt = #line) throws -> ToolResult {
        let result = try runTool(["merge", "--out", "merged", "s1", "s2"] + extra, in: folder, expecting: 2, file: file, line: line)
        XCTAssertTrue(result.stderr.contains(message), "missing \"\(message)\":\n\(result.transcript)", file: file, line: line)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("merged").path),
                       "a results folder was written", file: file, line: line)
        return result
    }

    private func editRecord(_ shard: String, in folder: URL, _ edit: (inout [String: Any]) -> Void) throws {
        let url = folder.appendingPathComponent("\(shard)/shard.json")
        var object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        edit(&object)
        try JSONSerialization.data(withJSONObject: object).write(to: url)
    }

    func testShardsInsideTheCurrentFolderMergeWithoutNamingTheScenario() throws {
        let folder = try shards()
        try runTool(["merge", "--out", "merged", "s2", "s1", "--quiet"], in: folder, expecting: 0)
        try runTool(["run", "tiny.yaml", "--replications", "4", "--out", "one", "--quiet"], in: folder, expecting: 0)
        for name in ["summary.csv", "replications.csv"] {
            XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("one/\(name)")),
                           try Data(contentsOf: folder.appendingPathComponent("merged/\(name)")), name)
        }
    }

    func testCellsChangedAtTheSameSizeAreRefused() throws {
        for value in [1e308, Double.nan] {
            let folder = try shards()
            let cells = folder.appendingPathComponent("s2/cells.f64")
            var bytes = try Data(contentsOf: cells)
            withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.replaceSubrange(8..<16, with: $0) }
            try bytes.write(to: cells)
            try assertMergeRefused(in: folder, "s2/cells.f64: it has changed since the shard was written (SHA-256 ")
        }
    }

    func testShardsWithoutAChecksumAreRefusedAsWrittenByAnEarlierVersion() throws {
        let folder = try shards()
        try editRecord("s1", in: folder) { $0["cellsSHA256"] = nil }
        try assertMergeRefused(in: folder, "s1/shard.json: it has no cellsSHA256 (the shard was written by an earlier version)")
    }

    func testShardsOfTwoScenariosAreRefusedNamingBoth() throws {
        let folder = try shards()
        try write(TestScenarioFiles.tiny.replacingOccurrences(of: "name: Tiny county", with: "name: Other county"),
                  to: "other.yaml", in: folder)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("s2"))
        try runTool(["run", "other.yaml", "--replications", "4", "--shard", "2/2", "--out", "s2", "--quiet"], in: folder, expecting: 0)
        let result = try assertMergeRefused(in: folder, "s2/shard.json: scenarioSHA256 is ")
        XCTAssertTrue(result.stderr.contains("s1 has "), result.transcript)
    }

    func testEnormousOrInconsistentNumbersAreRefusedWithoutACrash() throws {
        let folder = try shards()
        for shard in ["s1", "s2"] { try editRecord(shard, in: folder) { $0["replications"] = Int.max } }
        try assertMergeRefused(in: folder, "s1/shard.json: replications is 9223372036854775807, expected a whole number from 1 to 1000000")

        let other = try shards()
        try editRecord("s1", in: other) { $0["replicationCount"] = Int.max; $0["cellCount"] = Int.max }
        try editRecord("s2", in: other) { $0["shards"] = Int.max; $0["shard"] = Int.max }
        let result = try assertMergeRefused(in: other, "s1/shard.json: replicationCount is 9223372036854775807, expected 2, the replications of shard 1/2 of 4")
        XCTAssertTrue(result.stderr.contains("s1/shard.json: cellCount is 9223372036854775807"), result.transcript)
        XCTAssertTrue(result.stderr.contains("s2/shard.json: shard is 9223372036854775807/9223372036854775807"), result.transcript)
    }

    func testAScenarioFileOutsideTheFoldersGivenIsNeitherReadNorQuoted() throws {
        let elsewhere = try makeTemporaryFolder()
        let secret = try write("name: SECRET-CONTENT-\(UUID().uuidString)\n", to: "secret.yaml", in: elsewhere)
        for target in ["/etc/passwd", secret.path, "../" + secret.lastPathComponent] {
            let folder = try shards()
            for shard in ["s1", "s2"] { try editRecord(shard, in: folder) { $0["scenarioFile"] = target } }
            let result = try assertMergeRefused(in: folder, "The shards name the scenario file ")
            XCTAssertTrue(result.stderr.contains("which is outside the current folder and the shard folders given, so merge does not read it"),
                          result.transcript)
            XCTAssertFalse(result.stderr.contains("root:"), result.transcript)
            XCTAssertFalse(result.stderr.contains("SECRET-CONTENT"), result.transcript)
        }
        // Named with --scenario, a file elsewhere is the user's choice, and it must be the shards' scenario.
        let changed = try write(TestScenarioFiles.tiny.replacingOccurrences(of: "name: Tiny county", with: "name: Changed"),
                                to: "changed.yaml", in: elsewhere)
        let folder = try shards()
        try assertMergeRefused(in: folder, "has changed since the shards ran", extra: ["--scenario", changed.path])
    }

    func testFilesLinkingOutOfTheShardFolderAreNotRead() throws {
        let folder = try shards()
        let elsewhere = try makeTemporaryFolder()
        let fm = FileManager.default
        let record = folder.appendingPathComponent("s1/shard.json")
        try fm.moveItem(at: record, to: elsewhere.appendingPathComponent("shard.json"))
        try fm.createSymbolicLink(at: record, withDestinationURL: elsewhere.appendingPathComponent("shard.json"))
        let cells = folder.appendingPathComponent("s2/cells.f64")
        try fm.removeItem(at: cells)
        try fm.createSymbolicLink(atPath: cells.path, withDestinationPath: "/dev/zero")
        let result = try assertMergeRefused(in: folder, "s1 is not a shard folder: its shard.json is not a file of the folder itself")
        XCTAssertTrue(result.stderr.contains("s2/cells.f64: it is not a file of the shard folder itself"), result.transcript)
    }
}
