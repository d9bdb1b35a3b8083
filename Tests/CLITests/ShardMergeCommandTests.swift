import Foundation
import XCTest

/// `run --shard K/N` on separate processes and `merge` give the files of one run, byte for byte.
final class ShardMergeCommandTests: XCTestCase {
    static let files = ["summary.csv", "bands.csv", "replications.csv", "comparison.csv", "providers.csv"]

    func testShardsRunAsSeparateProcessesMergeToTheBytesOfOneRun() throws {
        let folder = try makeTemporaryFolder()
        let scenario = Repository.url("scenarios/quickstart.yaml").path
        let common = ["--replications", "13", "--seed", "9", "--set", "demand.growth=0.04"]
        try runTool(["run", scenario, "--out", "one", "--quiet"] + common, in: folder, expecting: 0)
        // Four shards for 13 replications, run out of order, one process each.
        for k in [4, 2, 1, 3] {
            let result = try runTool(["run", scenario, "--shard", "\(k)/4", "--out", "shards/s\(k)", "--threads", "1"] + common,
                                     in: folder, expecting: 0)
            XCTAssertTrue(result.stdout.contains("Shard \(k)/4"), result.transcript)
        }
        XCTAssertEqual(try contents(of: folder.appendingPathComponent("shards/s1")), ["cells.f64", "shard.json"])
        // The scenario is outside this folder and the shards', so merge is told where it is.
        let merged = try runTool(["merge", "--scenario", scenario, "--out", "merged", "shards/s3", "shards/s1", "shards/s4", "shards/s2"],
                                 in: folder, expecting: 0)
        XCTAssertTrue(merged.stdout.contains("13 replications"), merged.transcript)
        for name in Self.files {
            let a = try Data(contentsOf: folder.appendingPathComponent("one/\(name)"))
            let b = try Data(contentsOf: folder.appendingPathComponent("merged/\(name)"))
            XCTAssertFalse(a.isEmpty)
            XCTAssertEqual(a, b, "\(name) of the merged shards differs from one run's")
        }
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("merged/manifest.json")))
        let shards = (manifest as? [String: Any])?["mergedShards"] as? [String]
        XCTAssertEqual(shards?.count, 4)
        XCTAssertEqual(shards?.first?.hasPrefix("1/4 "), true)
        let report = try String(contentsOf: folder.appendingPathComponent("merged/report.html"), encoding: .utf8)
        XCTAssertTrue(report.contains("Run as 4 shards"))
    }

    func testMergeRefusesShardsThatDoNotMakeUpOneRunAndWritesNothing() throws {
        let folder = try makeTemporaryFolder()
        let scenario = Repository.url("scenarios/quickstart.yaml").path
        try runTool(["run", scenario, "--shard", "1/3", "--replications", "6", "--out", "s1", "--quiet"], in: folder, expecting: 0)
        try runTool(["run", scenario, "--shard", "2/3", "--replications", "6", "--seed", "8", "--out", "s2", "--quiet"],
                    in: folder, expecting: 0)
        let result = try runTool(["merge", "--out", "merged", "s1", "s2"], in: folder, expecting: 2)
        XCTAssertTrue(result.stderr.contains("seed is 8"), result.transcript)
        XCTAssertTrue(result.stderr.contains("shard 3 of 3 missing"), result.transcript)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("merged").path))

        let notShard = try runTool(["merge", "--out", "merged", "s1", "."], in: folder, expecting: 2)
        XCTAssertTrue(notShard.stderr.contains("is not a shard folder"), notShard.transcript)
    }

    func testABadShardIsBadInput() throws {
        let folder = try makeTemporaryFolder()
        let scenario = Repository.url("scenarios/quickstart.yaml").path
        for bad in ["0/3", "4/3", "two", "1/1000001", "9223372036854775807/9223372036854775807", "1/99999999999999999999"] {
            let result = try runTool(["run", scenario, "--shard", bad, "--out", "s"], in: folder, expecting: 2)
            XCTAssertTrue(result.stderr.contains("--shard \"\(bad)\" is not allowed"), result.transcript)
            XCTAssertTrue(result.stderr.contains("K/N"), result.transcript)
        }
        XCTAssertEqual(try contents(of: folder), [])
    }
}
