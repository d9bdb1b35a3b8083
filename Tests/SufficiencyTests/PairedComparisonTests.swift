import CGSL
import XCTest
@testable import Sufficiency

final class PairedComparisonTests: XCTestCase {
    /// Four replications, worked by hand.
    /// Cell 0 (lower is better) and cell 1 (higher is better) share the data
    /// A = 1, 2, 3, 4 and B = 2, 2, 1, 5, so A − B = −1, 0, 2, −1: mean 0, sd √2.
    /// Cell 2 (lower is better) has A = 5, NaN, 7, 1 and B = 4, 3, 7, 2: the second
    /// replication is skipped, leaving A − B = 1, 0, −1.
    private func handExample() -> ComparisonGrid {
        let grid = ComparisonGrid(preferences: [.lower, .higher, .lower])
        grid.add(a: [1, 1, 5], b: [2, 2, 4])
        grid.add(a: [2, 2, .nan], b: [2, 2, 3])
        grid.add(a: [3, 3, 7], b: [1, 1, 7])
        grid.add(a: [4, 4, 1], b: [5, 5, 2])
        return grid
    }

    func testLowerIsBetter() {
        let c = handExample().comparison(0)
        XCTAssertEqual(c.n, 4)
        XCTAssertEqual(c.meanDifference, 0, accuracy: 1e-12)
        XCTAssertEqual(c.sdDifference, 2.0.squareRoot(), accuracy: 1e-12)
        let halfWidth = 3.182_446_305_284_263 * 2.0.squareRoot() / 2
        XCTAssertEqual(c.ciLow, -halfWidth, accuracy: 1e-9)
        XCTAssertEqual(c.ciHigh, halfWidth, accuracy: 1e-9)
        XCTAssertEqual(c.shareABetter, 0.5)
        XCTAssertEqual(c.shareBBetter, 0.25)
        XCTAssertEqual(c.shareTied, 0.25)
    }

    func testHigherIsBetter() {
        let c = handExample().comparison(1)
        XCTAssertEqual(c.meanDifference, 0, accuracy: 1e-12)
        XCTAssertEqual(c.shareABetter, 0.25)
        XCTAssertEqual(c.shareBBetter, 0.5)
        XCTAssertEqual(c.shareTied, 0.25)
    }

    func testNaNSkipsTheReplicationForThatCell() {
        let c = handExample().comparison(2)
        XCTAssertEqual(c.n, 3)
        XCTAssertEqual(c.meanDifference, 0, accuracy: 1e-12)
        XCTAssertEqual(c.sdDifference, 1, accuracy: 1e-12)
        XCTAssertEqual(c.shareABetter, 1.0 / 3, accuracy: 1e-15)
        XCTAssertEqual(c.shareBBetter, 1.0 / 3, accuracy: 1e-15)
        XCTAssertEqual(c.shareTied, 1.0 / 3, accuracy: 1e-15)
    }

    func testEmptyAndSingleReplicationCells() {
        let grid = ComparisonGrid(preferences: [.lower, .higher])
        grid.add(a: [.nan, 3], b: [1, 1])
        let empty = grid.comparison(0)
        XCTAssertEqual(empty.n, 0)
        XCTAssertTrue(empty.meanDifference.isNaN && empty.shareABetter.isNaN && empty.ciLow.isNaN)
        let single = grid.comparison(1)
        XCTAssertEqual(single.n, 1)
        XCTAssertEqual(single.meanDifference, 2)
        XCTAssertTrue(single.sdDifference.isNaN && single.ciLow.isNaN && single.ciHigh.isNaN)
        XCTAssertEqual(single.shareABetter, 1)
    }

    func testLargeGridMatchesSmallGrid() {
        let cells = 4_200
        let stream = RandomStream(seed: 11)
        let preferences = (0..<cells).map { $0 % 2 == 0 ? Preference.lower : .higher }
        let grid = ComparisonGrid(preferences: preferences)
        var rows: [([Double], [Double])] = []
        for _ in 0..<25 {
            let a = (0..<cells).map { _ in Double(stream.poisson(mean: 3)) }
            let b = (0..<cells).map { _ in Double(stream.poisson(mean: 3)) }
            rows.append((a, b))
            grid.add(a: a, b: b)
        }
        for cell in [0, 1, cells - 1] {
            let single = ComparisonGrid(preferences: [preferences[cell]])
            for (a, b) in rows { single.add(a: [a[cell]], b: [b[cell]]) }
            XCTAssertEqual(grid.comparison(cell), single.comparison(0), "cell \(cell)")
        }
    }

    /// Mean and sd of A − B agree with GSL's two-pass statistics over the differences, across
    /// block boundaries and with skipped replications; reading mid-block changes nothing.
    func testDifferencesMatchTwoPassGSLAndReadingChangesNothing() {
        let b = BlockMoments.blockSize
        for replications in [1, 3, b, b + 1, 3 * b + 2] {
            let stream = RandomStream(seed: UInt64(100 + replications))
            let rows = (0..<replications).map { r -> ([Double], [Double]) in
                let a = [500 + stream.gaussian(mean: 0, sd: 4), r % 4 == 2 ? .nan : stream.gamma(mean: 3, sd: 1)]
                let b = [500 + stream.gaussian(mean: 1, sd: 4), stream.gamma(mean: 3, sd: 1)]
                return (a, b)
            }
            let quiet = ComparisonGrid(preferences: [.lower, .higher])
            let watched = ComparisonGrid(preferences: [.lower, .higher])
            for (a, b) in rows {
                quiet.add(a: a, b: b)
                watched.add(a: a, b: b)
                _ = watched.comparison(0)
                _ = watched.comparison(1)
            }
            for cell in 0..<2 {
                let differences = rows.map { $0.0[cell] - $0.1[cell] }.filter { !$0.isNaN }
                let c = quiet.comparison(cell)
                let context = "cell \(cell), \(replications) replications"
                XCTAssertEqual(c, watched.comparison(cell), context)
                XCTAssertEqual(c.n, differences.count, context)
                let mean = gsl_stats_mean(differences, 1, differences.count)
                XCTAssertEqual(c.meanDifference, mean, accuracy: 1e-12 * max(abs(mean), 1), context)
                if differences.count == 1 {
                    XCTAssertTrue(c.sdDifference.isNaN, context)
                } else {
                    let sd = gsl_stats_sd(differences, 1, differences.count)
                    XCTAssertEqual(c.sdDifference, sd, accuracy: 1e-12 * sd, context)
                }
            }
        }
    }
}
