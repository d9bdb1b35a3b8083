import Foundation
@testable import Sufficiency
import XCTest

/// A run split into shards, or stopped and resumed, gives the same bits as one run.
final class ShardAndResumeTests: XCTestCase {
    private func scenario(replications: Int = 11, seed: UInt64 = 11, threads: Int = 2) -> Scenario {
        TestScenarios.market(replications: replications, seed: seed, threads: threads, checkInvariants: false)
    }

    func testShardsCoverEveryReplicationOnceInOrder() throws {
        for total in [0, 1, 7, 11, 400] {
            for count in [1, 2, 3, 7, 10] {
                var next = 0
                for k in 1...count {
                    let range = try Shard(index: k, count: count).replications(of: total)
                    XCTAssertEqual(range.lowerBound, next, "shard \(k)/\(count) of \(total)")
                    XCTAssertLessThanOrEqual(range.count, total / count + 1)
                    next = range.upperBound
                }
                XCTAssertEqual(next, total, "\(count) shards of \(total)")
            }
        }
        XCTAssertEqual(try Shard(parsing: " 3/10").replications(of: 100), 20..<30)
        for bad in ["0/3", "4/3", "3", "a/b", "1/0", "-1/2", "1/2/3", ""] {
            XCTAssertThrowsError(try Shard(parsing: bad), bad) { error in
                XCTAssertTrue("\(error)".contains("K/N"), "\(error)")
            }
        }
    }

    func testShardFoldersMergeToTheBitsOfOneRun() throws {
        let runner = Runner(scenario: scenario())
        let whole = runner.run()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sufficiency-shards-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        // Three shards written in reverse order: order of running must not matter.
        for k in [3, 1, 2] {
            let shard = try Shard(index: k, count: 3)
            let range = shard.replications(of: 11)
            let path = folder.appendingPathComponent("s\(k)")
            let writer = try ShardWriter(destination: path, cellCount: runner.layout.cellCount)
            _ = try runner.run(replications: range, observer: { _, cells in writer.append(cells) })
            try writer.finish(record: record(runner, shard: shard, range: range))
            paths.append(path.path)
        }
        let merged = try runner.merge(ShardSet.open(paths))
        assertSameBits(whole, merged)
    }

    func testMergeReportsEveryProblemWithTheShards() throws {
        let runner = Runner(scenario: scenario())
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sufficiency-shards-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for k in [1, 2] {
            let shard = try Shard(index: k, count: 3)
            let range = shard.replications(of: 11)
            let path = folder.appendingPathComponent("s\(k)")
            let writer = try ShardWriter(destination: path, cellCount: runner.layout.cellCount)
            _ = try runner.run(replications: range, observer: { _, cells in writer.append(cells) })
            var r = record(runner, shard: shard, range: range)
            if k == 2 { r.seed = 12 }
            try writer.finish(record: r)
            paths.append(path.path)
        }
        // A damaged cells file: one byte short.
        let cells = folder.appendingPathComponent("s1/cells.f64")
        let data = try Data(contentsOf: cells)
        try data.dropLast().write(to: cells)
        XCTAssertThrowsError(try ShardSet.open(paths + [paths[0], folder.path])) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("seed is 12"), text)
            XCTAssertTrue(text.contains("shard 3 of 3 missing"), text)
            XCTAssertTrue(text.contains("shard 1 of 3") || text.contains("shard 1 given more than once"), text)
            XCTAssertTrue(text.contains("is not a shard folder"), text)
            XCTAssertTrue(text.contains("holds \(data.count - 1) bytes"), text)
        }
    }

    func testAStoppedRunResumedFromItsCheckpointGivesTheBitsOfOneRun() throws {
        let whole = Runner(scenario: scenario(threads: 1)).run()
        let runner = Runner(scenario: scenario(threads: 1))
        let stop = StopRequest()
        // One thread: the stop asked for after the 5th replication is folded ends the run there.
        let first = runner.run(resuming: nil, stop: stop) { done, _ in if done == 5 { stop.stop() } }
        guard case .stopped(let checkpoint) = first else { return XCTFail("the run did not stop") }
        XCTAssertEqual(checkpoint.completed, 5)

        let location = FileManager.default.temporaryDirectory.appendingPathComponent(".sufficiency-resume-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: location) }
        try CheckpointStore(RunJob(runner: runner), at: location, scenarioSHA256: "abc").save(checkpoint)
        // Another process, another runner: only what was saved carries over. Resumed on two threads.
        let again = Runner(scenario: scenario(threads: 2))
        let saved = try XCTUnwrap(CheckpointStore(RunJob(runner: again), at: location, scenarioSHA256: "abc").read())
        XCTAssertEqual(saved.completed, 5)
        guard case .finished(let resumed) = again.run(resuming: saved, stop: StopRequest()) else {
            return XCTFail("the resumed run did not finish")
        }
        assertSameBits(whole, resumed)

        // A checkpoint is used only by the run that saved it.
        let otherSeed = Runner(scenario: scenario(seed: 12))
        XCTAssertThrowsError(try CheckpointStore(RunJob(runner: otherSeed), at: location,
                                                 scenarioSHA256: "abc").read()) { error in
            XCTAssertTrue("\(error)".contains("seed 11"), "\(error)")
        }
        XCTAssertThrowsError(try CheckpointStore(RunJob(runner: again), at: location, scenarioSHA256: "def").read())
        XCTAssertNil(try CheckpointStore(RunJob(runner: again), at: location.appendingPathComponent("none"),
                                         scenarioSHA256: "abc").read())
    }

    func testShardRangesNeverOverflowAndShardCountsHaveTheReplicationsLimit() throws {
        let last = try Shard(index: 1_000_000, count: 1_000_000)
        XCTAssertEqual(last.replications(of: Int.max).upperBound, Int.max)
        XCTAssertEqual(try Shard(index: 2, count: 2).replications(of: Int.max), (Int.max / 2)..<Int.max)
        XCTAssertEqual(try Shard(index: 1, count: 3).replications(of: -5), 0..<0)
        XCTAssertThrowsError(try Shard(index: 1, count: 1_000_001))
        XCTAssertThrowsError(try Shard(parsing: "9223372036854775807/9223372036854775807"))
    }

    func testStreamedSHA256IsTheSHA256OfTheWholeBytes() {
        let bytes = Data((0..<1_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        for pieces in [1, 3, 64, 65, 999] {
            var hasher = SHA256Hasher()
            var start = 0
            for k in 1...pieces {
                let end = bytes.count * k / pieces
                hasher.update(bytes[start..<end])
                start = end
            }
            XCTAssertEqual(hasher.hex(), SHA256Digest.hex(of: bytes), "\(pieces) pieces")
        }
        XCTAssertEqual(SHA256Hasher().hex(), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    func testAResumeRefusesAStateChangedSinceItWasSavedOrSavedWithoutAChecksum() throws {
        let runner = Runner(scenario: scenario(threads: 1))
        let stop = StopRequest()
        let first = runner.run(resuming: nil, stop: stop) { done, _ in if done == 3 { stop.stop() } }
        guard case .stopped(let checkpoint) = first else { return XCTFail("the run did not stop") }
        let location = FileManager.default.temporaryDirectory.appendingPathComponent(".sufficiency-resume-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: location) }
        try CheckpointStore(RunJob(runner: runner), at: location, scenarioSHA256: "abc").save(checkpoint)
        let state = location.appendingPathComponent("state.bin")
        var bytes = try Data(contentsOf: state)
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: state)
        XCTAssertThrowsError(try CheckpointStore(RunJob(runner: runner), at: location, scenarioSHA256: "abc").read()) { error in
            XCTAssertTrue("\(error)".contains("state.bin has changed since it was saved"), "\(error)")
        }
        // A record without the checksum (an earlier version's) is refused too.
        let json = location.appendingPathComponent("checkpoint.json")
        var object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])
        object["stateSHA256"] = nil
        try JSONSerialization.data(withJSONObject: object).write(to: json)
        XCTAssertThrowsError(try CheckpointStore(RunJob(runner: runner), at: location, scenarioSHA256: "abc").read()) { error in
            XCTAssertTrue("\(error)".contains("has no stateSHA256"), "\(error)")
        }
    }

    func testAShardTooLargeForTheDiskIsRefusedBeforeItRuns() {
        let destination = URL(fileURLWithPath: "/data/shards/s1")
        let size = ShardSize(replications: 500_000, cellCount: 176_256)
        XCTAssertEqual(size.bytes, 705_024_000_000)
        XCTAssertNil(size.problem(writingTo: destination, free: 800_000_000_000))
        XCTAssertEqual(size.problem(writingTo: destination, free: 20_000_000_000),
                       "/data/shards/s1/cells.f64 would need 705.0 GB (500000 replications × 176256 values × 8 bytes); "
                       + "20.0 GB are free there; run more shards, fewer replications, or write the shard where there is room")
        let huge = ShardSize(replications: 1_000_000, cellCount: Int.max / 4)
        XCTAssertNil(huge.bytes)
        XCTAssertTrue(huge.problem(writingTo: destination, free: Int.max)?.contains("would need more than 9 EB") ?? false)
    }

    func testMergeReadsARecordedScenarioOnlyInsideTheCurrentFolderOrTheShardFolders() throws {
        let runner = Runner(scenario: scenario())
        func file(_ recorded: String, from current: String) throws(ShardError) -> String {
            var r = record(runner, shard: try! Shard(index: 1, count: 1), range: 0..<11)
            r.scenarioFile = recorded
            let set = ShardSet(records: [r], folders: [URL(fileURLWithPath: "/data/shards/s1")])
            return try set.recordedScenarioFile(currentFolder: URL(fileURLWithPath: current))
        }
        XCTAssertEqual(try file("/data/scenarios/market.yaml", from: "/data"), "/data/scenarios/market.yaml")
        XCTAssertEqual(try file("/data/shards/s1/market.yaml", from: "/home/me"), "/data/shards/s1/market.yaml")
        for (outside, current) in [("/etc/passwd", "/data"), ("/data/../etc/passwd", "/data"), ("/datab/market.yaml", "/data"),
                                   ("/market.yaml", "/"), ("../market.yaml", "/data")] {
            XCTAssertThrowsError(try file(outside, from: current), outside) { error in
                XCTAssertEqual(error as? ShardError, .scenarioOutside(path: outside))
            }
        }
    }

    private func record(_ runner: Runner, shard: Shard, range: Range<Int>) -> ShardRecord {
        ShardRecord(scenarioFile: "/market.yaml", overrides: [], scenarioSHA256: String(repeating: "ab", count: 32), seed: runner.scenario.run.seed,
                    replications: runner.scenario.run.replications, shard: shard.index, shards: shard.count,
                    firstReplication: range.lowerBound, replicationCount: range.count, cellCount: runner.layout.cellCount,
                    layoutSHA256: runner.layout.fingerprint, commandLine: [], startedAt: "", wallSeconds: 0)
    }

    private func assertSameBits(_ a: RunResults, _ b: RunResults, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.replications, b.replications, file: file, line: line)
        XCTAssertEqual(a.replicationTotals.map(\.bitPattern), b.replicationTotals.map(\.bitPattern), file: file, line: line)
        var differing = 0
        for cell in 0..<a.layout.cellCount {
            let x = a.summaries.summary(cell), y = b.summaries.summary(cell)
            let bitsX = [x.mean, x.sd, x.p05, x.p50, x.p95].map(\.bitPattern), bitsY = [y.mean, y.sd, y.p05, y.p50, y.p95].map(\.bitPattern)
            if x.n != y.n || bitsX != bitsY { differing += 1 }
        }
        XCTAssertEqual(differing, 0, "cells whose summaries differ", file: file, line: line)
        for (ga, gb) in zip(a.comparisons, b.comparisons) {
            for cell in 0..<ga.cellCount {
                let x = ga.comparison(cell), y = gb.comparison(cell)
                XCTAssertEqual([x.meanDifference, x.sdDifference, x.shareABetter].map(\.bitPattern),
                               [y.meanDifference, y.sdDifference, y.shareABetter].map(\.bitPattern), file: file, line: line)
            }
        }
        for j in a.bands.cells.indices {
            XCTAssertEqual(a.bands.band(j).map(\.bitPattern), b.bands.band(j).map(\.bitPattern), file: file, line: line)
        }
    }
}
