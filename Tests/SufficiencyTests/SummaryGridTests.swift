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
        // Above the parallel threshold, so cells are updated concurrently in chunks.
        let cells = CellParallelism.threshold + 1_500
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

    func testSummaryEqualityTreatsNaNAsEqual() {
        XCTAssertEqual(Summary.empty, Summary.empty)
        var other = Summary.empty
        other.mean = 1
        XCTAssertNotEqual(Summary.empty, other)
    }
}
