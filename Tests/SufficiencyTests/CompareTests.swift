import CGSL
import Foundation
import XCTest
@testable import Sufficiency

/// `sufficiency compare`'s statistics and reading, on tiny results folders written by hand.
final class CompareTests: XCTestCase {
    /// A results folder holding `summary` and `replications` (CSV text) and a manifest with
    /// `seed` and three replications.
    private func folder(_ name: String, seed: UInt64, summary: String, replications: String) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("compare-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let manifest = Manifest(scenarioFile: "tiny.yaml", scenarioSHA256: name, seed: seed, replications: 3, threads: 1,
                                options: ["x"], commandLine: ["sufficiency", "run", "tiny.yaml"],
                                startedAt: "2025-01-01T00:00:00Z", wallSeconds: 0, files: [])
        try manifest.jsonData().write(to: folder.appendingPathComponent("manifest.json"))
        try Data(summary.utf8).write(to: folder.appendingPathComponent("summary.csv"))
        try Data(replications.utf8).write(to: folder.appendingPathComponent("replications.csv"))
        return folder.path
    }

    private static let summaryHeader = "option,window,label,period_start,period_end,zone,measure,unit,n,mean,sd,ci95_low,ci95_high,p05,p50,p95\n"

    /// A: spend 10, 12, 14 (mean 12, sd 2), with a Riverside row and a measure B lacks.
    /// B: spend 11, 14, 15 (mean 13⅓, sd √(13/3)), with an hhi row A lacks.
    private func tinyPair(seedB: UInt64 = 1) throws -> RunComparison {
        let a = try folder("a", seed: 1, summary: Self.summaryHeader + """
            x,horizon,whole run,2024-04-01,2025-03-31,all,spend,GBP,3,12,2,,,,,
            x,horizon,whole run,2024-04-01,2025-03-31,Riverside,spend,GBP,3,12,2,,,,,
            x,horizon,whole run,2024-04-01,2025-03-31,all,waiting,people,3,1,0,,,,,

            """, replications: "replication,option,spend,waiting\n1,x,10,1\n2,x,12,1\n3,x,14,1\n")
        let b = try folder("b", seed: seedB, summary: Self.summaryHeader + """
            x,horizon,whole run,2024-04-01,2025-03-31,all,spend,GBP,3,\(40.0 / 3),\((13.0 / 3).squareRoot()),,,,,
            x,horizon,whole run,2024-04-01,2025-03-31,all,hhi,index,3,5000,0,,,,,

            """, replications: "replication,option,spend,hhi\n1,x,11,5000\n2,x,14,5000\n3,x,15,5000\n")
        return try RunComparison(a: ComparedFolder(path: a), b: ComparedFolder(path: b))
    }

    func testPairedAndWelchIntervalsMatchAHandCalculation() throws {
        let comparison = try tinyPair()
        XCTAssertEqual(comparison.pairing, .paired)
        XCTAssertEqual(comparison.cells.count, 1)
        let cell = try XCTUnwrap(comparison.cells.first)
        // Paired: differences 1, 2, 1: mean 4/3, sd √(1/3); t(0.975, 2) = 4.302653.
        XCTAssertEqual(cell.interval.method, .paired)
        XCTAssertEqual(cell.interval.difference, 4.0 / 3, accuracy: 1e-12)
        let pairedHalf = 4.302653 * (1.0 / 3).squareRoot() / 3.0.squareRoot()
        XCTAssertEqual(cell.interval.low, 4.0 / 3 - pairedHalf, accuracy: 1e-5)
        XCTAssertEqual(cell.interval.high, 4.0 / 3 + pairedHalf, accuracy: 1e-5)
        // Welch: variances of the means 4/3 and 13/9, sum 25/9 (se 5/3);
        // ν = (25/9)² / ((4/3)²/2 + (13/9)²/2) = 3.993610; t(0.975, ν) = 2.778198 (SciPy agrees).
        XCTAssertEqual(cell.welch.method, .welch)
        let freedom = (25.0 / 9) * (25.0 / 9) / ((16.0 / 9) / 2 + (169.0 / 81) / 2)
        XCTAssertEqual(freedom, 3.993610, accuracy: 1e-6)
        XCTAssertEqual(gsl_cdf_tdist_Pinv(0.975, freedom), 2.778198, accuracy: 1e-5)
        XCTAssertEqual(cell.welch.low, 4.0 / 3 - 2.778198 * 5 / 3, accuracy: 1e-5)
        XCTAssertEqual(cell.welch.high, 4.0 / 3 + 2.778198 * 5 / 3, accuracy: 1e-5)
        XCTAssertLessThan(cell.interval.high - cell.interval.low, cell.welch.high - cell.welch.low)
        XCTAssertFalse(cell.interval.excludesZero)
    }

    func testDifferentSeedsAreNotPairedAndTakeWelchsInterval() throws {
        let comparison = try tinyPair(seedB: 7)
        XCTAssertEqual(comparison.pairing, .unpaired("A used seed 1, B seed 7"))
        let cell = try XCTUnwrap(comparison.cells.first)
        XCTAssertEqual(cell.interval, cell.welch)
    }

    func testAZoneOrMeasureInOneRunOnlyIsListedNotCompared() throws {
        let comparison = try tinyPair()
        XCTAssertEqual(comparison.layout.sentences, [
            "zones only in A: Riverside", "measures only in A: waiting", "measures only in B: hhi",
        ])
        XCTAssertEqual(comparison.cells.map(\.a.measure), [MeasureName.spend])
    }

    func testARunWithItselfIsIdenticalWithZeroWidthIntervals() throws {
        let a = try folder("a", seed: 1, summary: Self.summaryHeader
            + "x,horizon,whole run,2024-04-01,2025-03-31,Riverside,spend,GBP,3,12,2,,,,,\n",
            replications: "replication,option,spend\n1,x,10\n2,x,12\n3,x,14\n")
        let comparison = try RunComparison(a: ComparedFolder(path: a), b: ComparedFolder(path: a))
        XCTAssertEqual(comparison.pairing, .identical)
        XCTAssertEqual(comparison.cells.map(\.interval),
                       [DifferenceInterval(difference: 0, low: 0, high: 0, method: .identical)])
    }

    func testRunsWithNoOptionInCommonAreRefused() throws {
        let summary = Self.summaryHeader + "x,horizon,whole run,2024-04-01,2025-03-31,all,spend,GBP,3,12,2,,,,,\n"
        let a = try folder("a", seed: 1, summary: summary, replications: "")
        let b = try folder("b", seed: 1, summary: summary.replacingOccurrences(of: "\nx,", with: "\ny,"), replications: "")
        XCTAssertThrowsError(try RunComparison(a: ComparedFolder(path: a), b: ComparedFolder(path: b))) { error in
            XCTAssertTrue("\(error)".contains("they have no options in common (A: x; B: y)"), "\(error)")
        }
    }
}
