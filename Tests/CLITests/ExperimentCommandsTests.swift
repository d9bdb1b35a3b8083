import Foundation
import XCTest

/// `sufficiency sweep` and `sufficiency solve` as users run them.
final class ExperimentCommandsTests: XCTestCase {
    /// The tiny scenario with a two-parameter grid sweep (4 points) and a solve section.
    static let sweepScenario = TestScenarioFiles.tiny + """
        sweep:
          parameters:
            - path: options[framework].contracts[0].rate
              values: [22.4, 26]
            - path: demand.referrals_per_week
              range: [4, 5]
              steps: 2
        solve:
          input: options[framework].reference_rate
          range: [10, 40]
          measure: referrals
          option: framework
          windows: horizon
          target: {above: 1000000}
          probability: 0.5
          tolerance: 1

        """

    func testSweepFilesAreByteIdenticalWhateverTheThreads() throws {
        let folder = try makeTemporaryFolder()
        try write(Self.sweepScenario, to: "tiny.yaml", in: folder)
        var files: [[String: Data]] = []
        for threads in ["1", "2"] {
            let out = "out-\(threads)"
            try runTool(["sweep", "tiny.yaml", "--threads", threads, "--replications", "4", "--out", out, "--quiet"],
                        in: folder, expecting: 0)
            let names = try contents(of: folder.appendingPathComponent(out))
            XCTAssertEqual(names, ["manifest.json", "points.csv", "sweep.csv"])
            files.append(try Dictionary(uniqueKeysWithValues: ["sweep.csv", "points.csv"].map {
                ($0, try Data(contentsOf: folder.appendingPathComponent(out).appendingPathComponent($0)))
            }))
        }
        XCTAssertEqual(files[0], files[1], "sweep files differ between --threads 1 and --threads 2")
        let points = String(decoding: files[0]["points.csv"]!, as: UTF8.self)
        XCTAssertEqual(points, """
            point,options[framework].contracts[0].rate,demand.referrals_per_week
            1,22.4,4
            2,22.4,5
            3,26,4
            4,26,5

            """)
        let sweep = String(decoding: files[0]["sweep.csv"]!, as: UTF8.self).split(separator: "\n")
        XCTAssertEqual(sweep.first, "point,options[framework].contracts[0].rate,demand.referrals_per_week,option,window,label,"
                       + "period_start,period_end,measure,unit,n,mean,sd,ci95_low,ci95_high,diff_mean,diff_ci95_low,diff_ci95_high")
        // Point 1 against itself: every difference is zero.
        for row in sweep.dropFirst() where row.hasPrefix("1,") {
            XCTAssertTrue(row.hasSuffix(",0,0,0") || row.hasSuffix(",0,,"), String(row))
        }
        // A later point differs from point 1 somewhere.
        XCTAssertTrue(sweep.contains { $0.hasPrefix("4,") && !$0.hasSuffix(",0,0,0") })
    }

    func testAPointAtTheBaseValueHasTheRunsMeans() throws {
        let folder = try makeTemporaryFolder()
        try write(Self.sweepScenario, to: "tiny.yaml", in: folder)
        // Point 1 sets the framework's first rate to 22.4 (as written) and referrals to 4.
        try runTool(["sweep", "tiny.yaml", "--out", "sweep", "--quiet"], in: folder, expecting: 0)
        try runTool(["run", "tiny.yaml", "--set", "demand.referrals_per_week=4", "--out", "run", "--quiet"],
                    in: folder, expecting: 0)
        let summary = try String(contentsOf: folder.appendingPathComponent("run/summary.csv"), encoding: .utf8)
        let sweep = try String(contentsOf: folder.appendingPathComponent("sweep/sweep.csv"), encoding: .utf8)
        // summary.csv: option,window,label,start,end,zone,measure,unit,n,mean,sd,ci95_low,ci95_high,...
        var expected: [String] = []
        for line in summary.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard f[1] != "period", f[5] == "all" else { continue }
            expected.append((f[0...4] + f[6...12]).joined(separator: ","))
        }
        var got: [String] = []
        for line in sweep.split(separator: "\n").dropFirst() where line.hasPrefix("1,") {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            got.append(f[3...14].joined(separator: ","))
        }
        XCTAssertFalse(expected.isEmpty)
        XCTAssertEqual(got, expected)
    }

    func testAMisspeltPathAndABadValueAreReportedWithTheirPointAndNothingIsWritten() throws {
        let folder = try makeTemporaryFolder()
        let scenario = TestScenarioFiles.tiny + """
            sweep:
              parameters:
                - path: demand.referals_per_week
                  values: [4, 5]
                - path: options[framework].reference_rate
                  values: [22, -1]

            """
        try write(scenario, to: "bad.yaml", in: folder)
        let result = try runTool(["sweep", "bad.yaml", "--out", "results"], in: folder, expecting: 2)
        let lines = scenario.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let pathLine = lines.firstIndex { $0.contains("path: demand.referals_per_week") }! + 1
        let valueLine = lines.firstIndex { $0.contains("values: [22, -1]") }! + 1
        // The misspelt key fails at every point, so it is reported once, at the path; the bad
        // value at its own place, under its point.
        XCTAssertEqual(result.stderrLines, [
            "bad.yaml:\(pathLine):13: sweep parameter demand.referals_per_week: demand.referals_per_week: "
                + "unknown key 'referals_per_week'; did you mean 'referrals_per_week'?",
            "bad.yaml:\(valueLine):20: sweep point 2, options[framework].reference_rate = -1: "
                + "options[1].reference_rate: -1 is not allowed; expected a positive rate in £ an hour.",
            "2 problems found in bad.yaml; nothing was run.",
        ], result.transcript)
        XCTAssertEqual(try contents(of: folder), ["bad.yaml"])
    }

    func testValidateChecksTheSweepAndSolveSections() throws {
        let folder = try makeTemporaryFolder()
        try write(Self.sweepScenario, to: "tiny.yaml", in: folder)
        let result = try runTool(["validate", "tiny.yaml"], in: folder, expecting: 0)
        XCTAssertTrue(result.stdout.contains("Sweep: 4 points (grid over options[framework].contracts[0].rate, "
                                             + "demand.referrals_per_week)."), result.transcript)
        let bad = try runTool(["validate", "tiny.yaml", "--set", "solve.measure=referals"], in: folder, expecting: 2)
        XCTAssertTrue(bad.stderr.contains("solve.measure: 'referals' is not a measure; did you mean 'referrals'?"),
                      bad.transcript)
    }

    func testSolveSaysSoWhenEvenTheHighEndFails() throws {
        let folder = try makeTemporaryFolder()
        try write(Self.sweepScenario, to: "tiny.yaml", in: folder)
        let result = try runTool(["solve", "tiny.yaml", "--replications", "2", "--out", "solved", "--quiet"],
                                 in: folder, expecting: 1)
        XCTAssertTrue(result.stderr.contains("No options[framework].reference_rate from 10 to 40 meets the target: it is not "
                                             + "true at any value tried that referrals under framework is above 1000000"),
                      result.transcript)
        let csv = try String(contentsOf: folder.appendingPathComponent("solved/solve.csv"), encoding: .utf8)
        XCTAssertEqual(csv.split(separator: "\n").count, 3, csv)
    }

    func testSolveFindsAValueAndPrintsIt() throws {
        let folder = try makeTemporaryFolder()
        try write(Self.sweepScenario, to: "tiny.yaml", in: folder)
        // Referrals do not depend on the rate: the low end already meets a target below 10^6.
        let result = try runTool(["solve", "tiny.yaml", "--replications", "2", "--target-below", "1000000",
                                  "--out", "solved", "--quiet"], in: folder, expecting: 0)
        XCTAssertTrue(result.stdout.hasPrefix("Referrals under framework is below 1000000 over the whole run in at least "
                                              + "50% of replications already at the low end of the range"),
                      result.transcript)
        let manifest = try String(contentsOf: folder.appendingPathComponent("solved/manifest.json"), encoding: .utf8)
        XCTAssertTrue(manifest.contains("\"kind\" : \"solve\""), manifest)
    }
}
