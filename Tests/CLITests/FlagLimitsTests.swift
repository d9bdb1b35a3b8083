import Foundation
import XCTest

/// Every command-line value obeys the limit of its scenario key: out of range or too large for
/// any integer, it is refused with status 2, the flag and value named, before anything runs or
/// is written, and no value makes the tool trap.
final class FlagLimitsTests: XCTestCase {
    /// Runs `arguments` in a folder holding only tiny.yaml, expecting status 2, every message in
    /// `messages` and nothing written.
    private func assertRefused(_ arguments: [String], _ messages: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let folder = try makeTemporaryFolder()
        try write(TestScenarioFiles.tiny, to: "tiny.yaml", in: folder)
        let result = try runTool(arguments + ["--out", "out"], in: folder, expecting: 2, file: file, line: line)
        for message in messages {
            XCTAssertTrue(result.stderr.contains(message), "missing \"\(message)\":\n\(result.transcript)", file: file, line: line)
        }
        XCTAssertEqual(try contents(of: folder), ["tiny.yaml"], "something was written", file: file, line: line)
    }

    func testReplicationsObeyTheScenariosLimitOfAMillion() throws {
        let expected = "is not allowed; expected a whole number of replications from 1 to 1000000 (the limit of run.replications)."
        try assertRefused(["run", "tiny.yaml", "--replications", "1000001"], ["--replications \"1000001\" " + expected])
        // Once a trap (SIGILL) with no message, and once 48 GB of cells.f64.
        try assertRefused(["run", "tiny.yaml", "--replications", "9223372036854775807", "--shard", "2/2"],
                          ["--replications \"9223372036854775807\" " + expected])
        try assertRefused(["run", "tiny.yaml", "--replications", "4611686018427387904", "--shard", "1/2"],
                          ["--replications \"4611686018427387904\" " + expected])
        try assertRefused(["run", "tiny.yaml", "--replications", "99999999999999999999999999"], ["--replications \"99999999999999999999999999\" "])
        try assertRefused(["coverage", "tiny.yaml", "--replications", "1000001"], ["--replications \"1000001\" " + expected])
        try assertRefused(["sweep", "tiny.yaml", "--replications", "1000001"], ["--replications \"1000001\" " + expected])
        try assertRefused(["solve", "tiny.yaml", "--replications", "9223372036854775807"], ["--replications \"9223372036854775807\" "])
    }

    func testThreadsObeyTheScenariosLimit() throws {
        try assertRefused(["run", "tiny.yaml", "--threads", "1025"],
                          ["--threads \"1025\" is not allowed; expected a whole number of threads from 0 (one per core) to 1024"])
        try assertRefused(["sweep", "tiny.yaml", "--threads", "9223372036854775808"], ["--threads \"9223372036854775808\" is not allowed"])
    }

    func testSeedsAreWholeNumbersFromZeroToTwoToTheSixtyFourMinusOne() throws {
        try assertRefused(["run", "tiny.yaml", "--seed=-1"],
                          ["--seed \"-1\" is not allowed; expected a whole number from 0 to 18446744073709551615"])
        try assertRefused(["solve", "tiny.yaml", "--seed", "18446744073709551616"], ["--seed \"18446744073709551616\" is not allowed"])
        // The largest seed runs: the streams derive from it without overflowing.
        let folder = try makeTemporaryFolder()
        try write(TestScenarioFiles.tiny, to: "tiny.yaml", in: folder)
        try runTool(["run", "tiny.yaml", "--seed", "18446744073709551615", "--replications", "1", "--out", "out", "--quiet"],
                    in: folder, expecting: 0)
    }

    func testShardsAreAtMostAMillionAndTheirRangesNeverOverflow() throws {
        try assertRefused(["run", "tiny.yaml", "--shard", "1/1000001"],
                          ["--shard \"1/1000001\" is not allowed; expected K/N with 1 ≤ K ≤ N ≤ 1000000"])
        try assertRefused(["run", "tiny.yaml", "--shard", "9223372036854775807/9223372036854775807"],
                          ["--shard \"9223372036854775807/9223372036854775807\" is not allowed"])
    }

    func testEveryBadFlagIsReportedAtOnceAndLongValuesOnlyInPart() throws {
        let long = String(repeating: "9", count: 500)
        try assertRefused(["run", "tiny.yaml", "--replications", long, "--threads=-5", "--seed", "x", "--shard", "0/0"],
                          ["--replications \"" + String(repeating: "9", count: 60) + "…\" is not allowed",
                           "--threads \"-5\"", "--seed \"x\"", "--shard \"0/0\""])
    }

    func testSolveNumbersObeyTheLimitOfAnyScenarioNumber() throws {
        let folder = try makeTemporaryFolder()
        let scenario = Repository.url("scenarios/quickstart-uplift.yaml").path
        for (flags, message) in [(["--range", "0,1e400"], "--range 0,1e400: solve.range: expected two numbers low,high"),
                                 (["--range=-1e13,1"], "--range -1e13,1: solve.range"),
                                 (["--tolerance", "inf"], "--tolerance inf: solve.tolerance: inf is not allowed"),
                                 (["--tolerance", "1e13"], "solve.tolerance: 10000000000000 is not allowed"),
                                 (["--probability", "2"], "--probability 2: solve.probability"),
                                 (["--target-above", "nan"], "--target-above nan: solve.target: nan is not allowed"),
                                 (["--target-below", "1e300"], "solve.target: 1000000000000000052504760255")] {
            let result = try runTool(["solve", scenario, "--out", "out"] + flags, in: folder, expecting: 2)
            XCTAssertTrue(result.stderr.contains(message), "missing \"\(message)\":\n\(result.transcript)")
            // 1e300 written out has 301 digits; the message quotes 60 of them.
            XCTAssertFalse(result.stderr.contains("459400540160"), result.transcript)
        }
        XCTAssertEqual(try contents(of: folder), [])
    }

    func testAShardTooLargeForTheDiskIsRefusedBeforeItRuns() throws {
        let folder = try makeTemporaryFolder()
        // A million replications of the Wiltshire scenario by week over a century: 141.1 TB of
        // cells (each provider's figures among them), more than any disk this suite runs on has free.
        let scenario = Repository.url("scenarios/wiltshire-home-care.yaml").path
        let result = try runTool(["run", scenario, "--replications", "1000000", "--shard", "1/1", "--set", "calendar.period=week",
                                  "--set", "calendar.years=100", "--out", "s", "--quiet"],
                                 in: folder, expecting: 2, timeout: 60)
        XCTAssertTrue(result.stderr.contains("shard 1/1 of 1000000 replications: "), result.transcript)
        XCTAssertTrue(result.stderr.contains("/s/cells.f64 would need 141.1 TB (1000000 replications × 17634522 values × 8 bytes); "),
                      result.transcript)
        XCTAssertTrue(result.stderr.contains(" are free there; run more shards"), result.transcript)
        XCTAssertEqual(try contents(of: folder), [])
    }
}
