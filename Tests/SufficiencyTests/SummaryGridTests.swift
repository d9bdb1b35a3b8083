import CGSL
import XCTest
@testable import Sufficiency

final class SummaryGridTests: XCTestCase {
    private func normalDraws(_ count: Int, seed: UInt64 = 2024) -> [Double] {
        let stream = RandomStream(seed: seed)
        return (0..<count).map { _ in stream.gaussian(mean: 0, sd: 1) }
    }

    func testMomentsMatchGSLStatisticsOnTheSameData() {
        let data = normalDraws(1_001)
        let grid = SummaryGrid(cellCount: 2)
        for x in data { grid.add([x, 100 + 3 * x]) }
        for (cell, values) in [(0, data), (1, data.map { 100 + 3 * $0 })] {
            let summary = grid.summary(cell)
            XCTAssertEqual(summary.n, 1_001)
            XCTAssertEqual(summary.mean, gsl_stats_mean(values, 1, values.count), accuracy: 1e-12)
            XCTAssertEqual(summary.sd, gsl_stats_sd(values, 1, values.count), accuracy: 1e-12)
        }
    }

    func testConfidenceIntervalIsStudentT() {
        let data = normalDraws(1_001)
        let grid = SummaryGrid(cellCount: 1)
        for x in data { grid.add([x]) }
        let s = grid.summary(0)
        let halfWidth = gsl_cdf_tdist_Pinv(0.975, 1_000) * s.sd / 1_001.0.squareRoot()
        XCTAssertEqual(s.ciHigh - s.mean, halfWidth, accuracy: 1e-12)
        XCTAssertEqual(s.mean - s.ciLow, halfWidth, accuracy: 1e-12)

        // Hand-checked: values 1...4 have mean 2.5, sd √(5/3); t(0.975, 3) = 3.182446305…
        let small = SummaryGrid(cellCount: 1)
        for x in [1.0, 2, 3, 4] { small.add([x]) }
        let t = small.summary(0)
        XCTAssertEqual(t.mean, 2.5, accuracy: 1e-12)
        XCTAssertEqual(t.sd, (5.0 / 3).squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(t.ciHigh, 2.5 + 3.182_446_305_284_263 * (5.0 / 3).squareRoot() / 2, accuracy: 1e-9)
        XCTAssertEqual(t.ciLow, 2.5 - 3.182_446_305_284_263 * (5.0 / 3).squareRoot() / 2, accuracy: 1e-9)
        // Fewer than five values: GSL's quantiles are exact interpolations of the sorted data.
        XCTAssertEqual(t.p50, 2.5, accuracy: 1e-12)
        XCTAssertEqual(t.p05, 1.15, accuracy: 1e-12)
        XCTAssertEqual(t.p95, 3.85, accuracy: 1e-12)
    }

    func testQuantileEstimatesAreNearExactQuantiles() {
        var data = normalDraws(1_001, seed: 77)
        let grid = SummaryGrid(cellCount: 1)
        for x in data { grid.add([x]) }
        let s = grid.summary(0)
        gsl_sort(&data, 1, data.count)
        let exact = { (p: Double) in gsl_stats_quantile_from_sorted_data(data, 1, data.count, p) }
        // P² estimates from 1,001 standard normal values land within about 0.005 of the exact
        // sample quantiles here; the bounds leave room without admitting a wrong quantile.
        XCTAssertEqual(s.p50, exact(0.5), accuracy: 0.02)
        XCTAssertEqual(s.p05, exact(0.05), accuracy: 0.05)
        XCTAssertEqual(s.p95, exact(0.95), accuracy: 0.05)
        XCTAssertEqual(s.p05, -1.645, accuracy: 0.2)
        XCTAssertEqual(s.p95, 1.645, accuracy: 0.2)
    }

    func testNaNIsSkippedPerCell() {
        let grid = SummaryGrid(cellCount: 3)
        grid.add([1, .nan, .nan])
        grid.add([2, 10, .nan])
        grid.add([6, .nan, .nan])
        grid.add([3, 20, .nan])
        let full = grid.summary(0), partial = grid.summary(1), none = grid.summary(2)
        XCTAssertEqual(full.n, 4)
        XCTAssertEqual(full.mean, 3, accuracy: 1e-12)
        XCTAssertEqual(partial.n, 2)
        XCTAssertEqual(partial.mean, 15, accuracy: 1e-12)
        XCTAssertEqual(partial.sd, 50.0.squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(none.n, 0)
        XCTAssertEqual(none, .empty)
        for value in [none.mean, none.sd, none.ciLow, none.ciHigh, none.p05, none.p50, none.p95] {
            XCTAssertTrue(value.isNaN)
        }
    }

    func testOneValueHasNoSpread() {
        let grid = SummaryGrid(cellCount: 1)
        grid.add([42])
        let s = grid.summary(0)
        XCTAssertEqual(s.n, 1)
        XCTAssertEqual(s.mean, 42)
        XCTAssertTrue(s.sd.isNaN && s.ciLow.isNaN && s.ciHigh.isNaN)
        XCTAssertEqual([s.p05, s.p50, s.p95], [42, 42, 42])
    }

    func testLargeGridGivesTheSameResultsAsOneCellAtATime() {
        let cells = 5_500
        let replications = 40
        let stream = RandomStream(seed: 5)
        let rows = (0..<replications).map { _ in
            (0..<cells).map { cell in cell % 97 == 0 ? Double.nan : stream.gamma(mean: 1 + Double(cell % 13), sd: 1) }
        }
        let grid = SummaryGrid(cellCount: cells)
        for row in rows { grid.add(row) }
        for cell in [0, 1, 2_047, 4_096, cells - 1] {
            let single = SummaryGrid(cellCount: 1)
            for row in rows { single.add([row[cell]]) }
            XCTAssertEqual(grid.summary(cell), single.summary(0), "cell \(cell)")
        }
        XCTAssertEqual(grid.summary(97).n, 0)
        XCTAssertEqual(grid.summary(98).n, replications)
    }

    /// Mean and sd agree with GSL's two-pass statistics over all of a cell's values, for counts
    /// below, at, just past and well past the block size, with NaNs interleaved.
    func testMomentsMatchTwoPassGSLAcrossBlockBoundaries() {
        let b = BlockMoments.blockSize
        for replications in [1, 2, b - 1, b, b + 1, 2 * b + 5, 1_001] {
            let stream = RandomStream(seed: UInt64(replications))
            // Cell 0 always has a value; cell 1 misses every third replication; cell 2 has a
            // value only every seventh; values sit far from zero to test cancellation.
            let rows = (0..<replications).map { r in
                [1e4 + stream.gaussian(mean: 0, sd: 3),
                 r % 3 == 1 ? .nan : stream.gamma(mean: 5, sd: 2),
                 r % 7 == 3 ? -2e3 + stream.gaussian(mean: 0, sd: 1) : .nan]
            }
            let grid = SummaryGrid(cellCount: 3)
            for row in rows { grid.add(row) }
            for cell in 0..<3 {
                let values = rows.map { $0[cell] }.filter { !$0.isNaN }
                let s = grid.summary(cell)
                let context = "cell \(cell), \(replications) replications"
                XCTAssertEqual(s.n, values.count, context)
                guard !values.isEmpty else { XCTAssertEqual(s, .empty, context); continue }
                let mean = gsl_stats_mean(values, 1, values.count)
                XCTAssertEqual(s.mean, mean, accuracy: 1e-12 * abs(mean), context)
                if values.count == 1 {
                    XCTAssertTrue(s.sd.isNaN, context)
                } else {
                    let sd = gsl_stats_sd(values, 1, values.count)
                    XCTAssertEqual(s.sd, sd, accuracy: 1e-12 * sd, context)
                }
            }
        }
    }

    /// Reading summaries mid-block neither changes them later nor gives anything but the
    /// statistics of the values so far.
    func testReadingSummariesMidBlockChangesNothing() {
        let stream = RandomStream(seed: 31)
        let rows = (0..<(3 * BlockMoments.blockSize + 7)).map { r in
            [stream.gaussian(mean: 50, sd: 10), r % 5 == 0 ? .nan : stream.gamma(mean: 2, sd: 1)]
        }
        let quiet = SummaryGrid(cellCount: 2), watched = SummaryGrid(cellCount: 2)
        for (r, row) in rows.enumerated() {
            quiet.add(row)
            watched.add(row)
            for cell in 0..<2 {
                let s = watched.summary(cell)
                let values = rows[...r].map { $0[cell] }.filter { !$0.isNaN }
                XCTAssertEqual(s.n, values.count)
                if !values.isEmpty {
                    XCTAssertEqual(s.mean, gsl_stats_mean(values, 1, values.count), accuracy: 1e-12 * abs(s.mean))
                }
            }
        }
        for cell in 0..<2 { XCTAssertEqual(quiet.summary(cell), watched.summary(cell)) }
        // And again after the next block boundary.
        for row in rows.prefix(BlockMoments.blockSize) {
            quiet.add(row)
            watched.add(row)
        }
        for cell in 0..<2 { XCTAssertEqual(quiet.summary(cell), watched.summary(cell)) }
    }

    func testStateSizeDoesNotGrowWithReplications() {
        let moments = BlockMoments(cellCount: 3)
        let before = moments.stateBytes
        XCTAssertEqual(before, 3 * (BlockMoments.blockSize + 3) * 8)
        for r in 0..<1_000 { [Double(r), .nan, 1].withUnsafeBufferPointer { moments.add($0) } }
        XCTAssertEqual(moments.stateBytes, before)
        XCTAssertEqual(moments.moments(0).n, 1_000)
        XCTAssertEqual(moments.moments(0).mean, 499.5, accuracy: 1e-9)
    }

    /// Only the cells asked for keep percentiles; their moments and percentiles match a grid
    /// that keeps them everywhere, and the others report NaN percentiles with the same moments.
    func testPercentilesOnlyForTheCellsThatKeepThem() {
        let stream = RandomStream(seed: 8)
        let rows = (0..<200).map { _ in (0..<6).map { _ in stream.gaussian(mean: 3, sd: 2) } }
        let all = SummaryGrid(cellCount: 6)
        let some = SummaryGrid(cellCount: 6) { $0 % 2 == 1 }
        let none = SummaryGrid(cellCount: 6) { _ in false }
        for row in rows {
            all.add(row)
            some.add(row)
            none.add(row)
        }
        XCTAssertEqual(none.summary(0).mean, all.summary(0).mean)
        XCTAssertTrue(none.summary(5).p50.isNaN)
        XCTAssertEqual((0..<6).map(some.keepsQuantiles), [false, true, false, true, false, true])
        XCTAssertTrue((0..<6).allSatisfy(all.keepsQuantiles))
        for cell in 0..<6 {
            let full = all.summary(cell), partial = some.summary(cell)
            XCTAssertFalse(full.p05.isNaN || full.p50.isNaN || full.p95.isNaN)
            XCTAssertLessThan(full.p05, full.p50)
            XCTAssertLessThan(full.p50, full.p95)
            if cell % 2 == 1 {
                XCTAssertEqual(partial, full)
            } else {
                XCTAssertTrue(partial.p05.isNaN && partial.p50.isNaN && partial.p95.isNaN)
                XCTAssertEqual(partial.n, full.n)
                XCTAssertEqual(partial.mean, full.mean)
                XCTAssertEqual(partial.sd, full.sd)
                XCTAssertEqual(partial.ciLow, full.ciLow)
                XCTAssertEqual(partial.ciHigh, full.ciHigh)
            }
        }
    }

    func testSummaryEqualityTreatsNaNAsEqual() {
        XCTAssertEqual(Summary.empty, Summary.empty)
        var other = Summary.empty
        other.mean = 1
        XCTAssertNotEqual(Summary.empty, other)
    }
}
