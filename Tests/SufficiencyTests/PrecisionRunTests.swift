import Foundation
@testable import Sufficiency
import XCTest

/// A run to a precision stops where the replications algorithm says, and its results are those
/// of a run of that many replications to the last bit, stopped and resumed or not.
final class PrecisionRunTests: XCTestCase {
    private let settings = PrecisionSettings(target: .relative(0.2), measures: [MeasureName.unmetHours, MeasureName.spend])

    private func scenario(maximum: Int = 300, threads: Int = 2) -> Scenario {
        TestScenarios.market(replications: maximum, seed: 11, threads: threads, checkInvariants: false)
    }

    private func finished(_ outcome: Runner.PrecisionOutcome, file: StaticString = #filePath,
                          line: UInt = #line) throws -> (RunResults, PrecisionRecord) {
        guard case .finished(let results, let record) = outcome else {
            XCTFail("the run did not finish", file: file, line: line)
            throw CancellationError()
        }
        return (results, record)
    }

    func testARunToAPrecisionGivesTheBitsOfARunOfTheCountItStoppedAt() throws {
        let (results, record) = try finished(Runner(scenario: scenario()).run(precision: settings, resuming: nil,
                                                                              stop: StopRequest()))
        XCTAssertEqual(record.stoppedBy, "precision")
        let needed = try XCTUnwrap(record.replicationsNeeded)
        XCTAssertEqual(record.replicationsRun, needed + (needed <= 100 ? 5 : 5 * needed / 100))
        XCTAssertEqual(results.replications, record.replicationsRun)
        XCTAssertLessThan(record.replicationsRun, 300)
        XCTAssertLessThanOrEqual(try XCTUnwrap(record.achieved[MeasureName.unmetHours]), 0.2)
        XCTAssertLessThanOrEqual(try XCTUnwrap(record.achieved[MeasureName.spend]), 0.2)

        // Fed the run's own whole-run values one at a time, the algorithm ends at the same count.
        var algorithm = ReplicationsAlgorithm(target: settings.target, series: 4, maximum: 300)
        let m = [MeasureName.unmetHours, MeasureName.spend].map { name in results.layout.measures.all.firstIndex { $0.name == name }! }
        var r = 0
        while algorithm.ending == nil {
            algorithm.add([0, 1].flatMap { o in m.map { results.total(replication: r, option: o, measure: $0) } })
            r += 1
        }
        XCTAssertEqual(algorithm.candidate, needed)
        XCTAssertEqual(algorithm.replications, record.replicationsRun)

        // A run of that many replications, on one thread, gives the same bits.
        var fixed = scenario(threads: 1)
        fixed.run.replications = record.replicationsRun
        assertSameBits(results, Runner(scenario: fixed).run())

        // The intervals the results report are those the algorithm judged.
        let horizon = results.layout.horizonWindow
        for o in 0..<2 {
            let unmet = try XCTUnwrap(results.summary(option: o, window: horizon, measure: MeasureName.unmetHours))
            XCTAssertLessThanOrEqual(StudentTQuantile.confidence95(n: unmet.n) * unmet.sd / Double(unmet.n).squareRoot(),
                                     0.2 * abs(unmet.mean) * (1 + 1e-12))
        }
    }

    func testAStoppedRunToAPrecisionResumesAsIfNeverStopped() throws {
        let (whole, wholeRecord) = try finished(Runner(scenario: scenario()).run(precision: settings, resuming: nil,
                                                                                 stop: StopRequest()))
        let runner = Runner(scenario: scenario(threads: 1))
        let stop = StopRequest()
        // One thread: the stop asked for after the 5th replication ends the first round there.
        let first = try runner.run(precision: settings, resuming: nil, stop: stop) { done, total in
            XCTAssertEqual(total, 300)
            if done == 5 { stop.stop() }
        }
        guard case .stopped(let checkpoint) = first else { return XCTFail("the run did not stop") }
        XCTAssertEqual(checkpoint.completed, 5)
        let location = FileManager.default.temporaryDirectory.appendingPathComponent(".sufficiency-precision-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: location) }
        try CheckpointStore(RunJob(runner: runner), at: location, scenarioSHA256: "abc").save(checkpoint)
        let again = Runner(scenario: scenario(threads: 2))
        let saved = try XCTUnwrap(CheckpointStore(RunJob(runner: again), at: location, scenarioSHA256: "abc").read())
        let (resumed, record) = try finished(again.run(precision: settings, resuming: saved, stop: StopRequest()))
        XCTAssertEqual(record, wholeRecord)
        assertSameBits(whole, resumed)
    }

    func testARunToAPrecisionInEveryFinancialYearResumesAsIfNeverStopped() throws {
        var yearly = settings
        yearly.windows = .everyFinancialYear
        let (whole, wholeRecord) = try finished(Runner(scenario: scenario()).run(precision: yearly, resuming: nil,
                                                                                 stop: StopRequest()))
        XCTAssertEqual(wholeRecord.windows, "every_financial_year")
        XCTAssertEqual(wholeRecord.stoppedBy, "precision")
        // Each financial year as well as the whole run: a year is noisier than the whole run, so more.
        let (_, wholeRunOnly) = try finished(Runner(scenario: scenario()).run(precision: settings, resuming: nil,
                                                                              stop: StopRequest()))
        XCTAssertGreaterThan(wholeRecord.replicationsRun, wholeRunOnly.replicationsRun)

        let runner = Runner(scenario: scenario(threads: 1))
        let stop = StopRequest()
        let first = try runner.run(precision: yearly, resuming: nil, stop: stop) { done, _ in if done == 5 { stop.stop() } }
        guard case .stopped(let checkpoint) = first else { return XCTFail("the run did not stop") }
        XCTAssertEqual(checkpoint.completed, 5)
        // The saved replications' financial-year values are not kept: they are run again, unsummarised.
        let (resumed, record) = try finished(Runner(scenario: scenario(threads: 2)).run(precision: yearly,
                                                                                         resuming: checkpoint,
                                                                                         stop: StopRequest()))
        XCTAssertEqual(record, wholeRecord)
        assertSameBits(whole, resumed)
        var fixed = scenario(threads: 1)
        fixed.run.replications = record.replicationsRun
        assertSameBits(resumed, Runner(scenario: fixed).run())
    }

    func testARunThatCannotReachThePrecisionStopsAtItsMaximum() throws {
        let tight = PrecisionSettings(target: .relative(0.0001), measures: [MeasureName.unmetHours])
        let (results, record) = try finished(Runner(scenario: scenario(maximum: 12)).run(precision: tight, resuming: nil,
                                                                                         stop: StopRequest()))
        XCTAssertEqual(record.stoppedBy, "maximum")
        XCTAssertNil(record.replicationsNeeded)
        XCTAssertEqual(record.replicationsRun, 12)
        XCTAssertEqual(results.replications, 12)
        XCTAssertTrue(record.sentence.contains("stopped at its maximum of 12 replications"), record.sentence)
    }

    func testMeasuresTheResultsDoNotHaveAreRefusedBeforeAnythingRuns() {
        let runner = Runner(scenario: scenario())
        let wrong = PrecisionSettings(target: .relative(0.05), measures: ["unmet_hour", MeasureName.spend, "nonsense"])
        XCTAssertThrowsError(try runner.run(precision: wrong, resuming: nil, stop: StopRequest())) { error in
            XCTAssertEqual("\(error)", "'unmet_hour', 'nonsense' are not measures of this scenario's results; "
                           + "did you mean 'unmet_hours'?")
        }
        XCTAssertEqual(PrecisionSettings.defaultMeasures(layout: runner.layout), [MeasureName.unmetHours, MeasureName.spend])
    }

    private func assertSameBits(_ a: RunResults, _ b: RunResults, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.replications, b.replications, file: file, line: line)
        XCTAssertEqual(a.replicationTotals.map(\.bitPattern), b.replicationTotals.map(\.bitPattern), file: file, line: line)
        var differing = 0
        for cell in 0..<a.layout.cellCount {
            let x = a.summaries.summary(cell), y = b.summaries.summary(cell)
            if x.n != y.n || [x.mean, x.sd, x.p05, x.p50, x.p95].map(\.bitPattern) != [y.mean, y.sd, y.p05, y.p50, y.p95].map(\.bitPattern) {
                differing += 1
            }
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
