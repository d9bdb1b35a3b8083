import Foundation
import XCTest

/// Inputs too large to commit, made at test time: `validate` refuses them quickly, with a short
/// message, and a run that is stopped during a long replication ends within seconds.
final class SizeLimitTests: XCTestCase {
    /// 200,003 zones used to pass validate and then abort asking for 320 GB.
    func testTwoHundredThousandZonesAreRefusedWithTheLimit() throws {
        let folder = try makeTemporaryFolder()
        let quick = try String(contentsOf: Repository.url("scenarios/quickstart.yaml"), encoding: .utf8)
        let zones = "zones: [" + Array(repeating: "{}", count: 200_003).joined(separator: ",") + "]\nunused_zones:\n"
        try write(quick.replacingOccurrences(of: "zones:\n", with: zones), to: "zones.yaml", in: folder)
        for command in ["validate", "run"] {
            let arguments = command == "run" ? ["run", "zones.yaml", "--out", "results"] : ["validate", "zones.yaml"]
            let result = try runTool(arguments, in: folder, expecting: 2)
            XCTAssertTrue(result.stderr.contains("zones.yaml:40:8: zones: there are 200003 zones; a scenario can have "
                                                 + "at most 40000"), result.transcript)
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("results").path))
        }
    }

    /// A 50 MB field in a caseload CSV used to be quoted whole in the message.
    func testAFiftyMegabyteCSVFieldIsQuotedAsAnExcerpt() throws {
        let folder = try makeTemporaryFolder()
        let quick = try String(contentsOf: Repository.url("scenarios/quickstart.yaml"), encoding: .utf8)
        try write(quick.replacingOccurrences(of: "caseload:\n  entries:", with: "caseload:\n  file: caseload.csv\n  entries:"),
                  to: "big.yaml", in: folder)
        let field = String(repeating: "z", count: 50 << 20)
        try write("zone,provider,client_group,hours_per_week,people\n\(field),,older people,10,1\n", to: "caseload.csv",
                  in: folder)
        let result = try runTool(["validate", "big.yaml"], in: folder, expecting: 2)
        XCTAssertTrue(result.stderr.contains("caseload.csv:2:1: "), result.transcript.prefix(2_000).description)
        XCTAssertTrue(result.stderr.contains("'\(String(repeating: "z", count: 60))…' (52428800 characters)"),
                      result.stderr.prefix(2_000).description)
        XCTAssertLessThan(result.stderr.utf8.count, 2_000, result.stderr.prefix(2_000).description)
    }

    /// SIGTERM during the one replication of a 400,000-day queue (a minute's work or more in a
    /// debug build) ends the run part way through it: status 143, no replication finished,
    /// nothing written. A run that looked at the signal only between replications would finish
    /// the replication first and report it finished.
    func testSIGTERMEndsALongReplicationPartWay() throws {
        let folder = try makeTemporaryFolder()
        let process = Process()
        process.executableURL = try Tool.executable()
        process.arguments = ["run", Repository.url("Benchmarks/peers/mmc.yaml").path, "--set", "calendar.days=400000",
                             "--threads", "1", "--out", "results"]
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        Thread.sleep(forTimeInterval: 2)
        kill(process.processIdentifier, SIGTERM)
        // A guard against a run that never ends, not a timing: the replication alone takes longer.
        let ended = DispatchSemaphore(value: 0)
        DispatchQueue.global().async { process.waitUntilExit(); ended.signal() }
        if ended.wait(timeout: .now() + 600) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            XCTFail("the run did not end after SIGTERM")
            return
        }
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(process.terminationStatus, 143, stderr)
        XCTAssertTrue(stderr.contains("Stopped after 0 of 1 replications"), stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("results").path))
    }
}
