import CGSL
import XCTest
@testable import Sufficiency

/// The statistics at their edges: values that never vary, one replication, heavily tied values,
/// and long sums of amounts of very different sizes.
final class NumericalCareTests: XCTestCase {
    // MARK: Constant series

    /// Every replication giving the same value: sd exactly 0 (not NaN from a tiny negative
    /// variance), an interval of exactly [mean, mean], and the value as every percentile, for
    /// counts below, at and past the block size and the tie table's capacity.
    func testAConstantSeriesHasNoSpreadAndIsItsOwnPercentile() {
        let b = BlockMoments.blockSize
        for value in [0.1, 0, -2.5, 13_995_484.013305, 1.0e15 / 3] {
            for count in [2, 3, 5, b - 1, b, b + 1, TieTable.capacity + 1, 2 * b + 3, 1_000] {
                let grid = SummaryGrid(cellCount: 1)
                for _ in 0..<count { grid.add([value]) }
                let s = grid.summary(0)
                let context = "\(count) × \(value)"
                XCTAssertEqual(s.n, count, context)
                XCTAssertEqual(s.mean, value, context)
                XCTAssertEqual(s.sd, 0, context)
                XCTAssertEqual(s.ciLow, value, context)
                XCTAssertEqual(s.ciHigh, value, context)
                XCTAssertEqual([s.p05, s.p50, s.p95], [value, value, value], context)
            }
        }
    }

    /// Options that give the same value every replication: a difference of exactly 0 with no
    /// spread, and every replication a tie.
    func testIdenticalOptionsCompareAsExactTies() {
        let grid = ComparisonGrid(preferences: [.lower, .higher])
        for r in 0..<40 { grid.add(a: [0.3, Double(r) * 0.7], b: [0.3, Double(r) * 0.7]) }
        for cell in 0..<2 {
            let c = grid.comparison(cell)
            XCTAssertEqual(c.n, 40)
            XCTAssertEqual(c.meanDifference, 0)
            XCTAssertEqual(c.sdDifference, 0)
            XCTAssertEqual(c.ciLow, 0)
            XCTAssertEqual(c.ciHigh, 0)
            XCTAssertEqual(c.shareTied, 1)
            XCTAssertEqual(c.shareABetter, 0)
            XCTAssertEqual(c.shareBBetter, 0)
        }
    }

    func testAConstantFanBandIsTheValue() {
        let bands = BandGrid(cells: [0])
        for _ in 0..<50 { [27.4].withUnsafeBufferPointer { bands.add($0) } }
        XCTAssertEqual(bands.band(0), [27.4, 27.4, 27.4, 27.4, 27.4])
    }

    /// Values of £150 million that differ by a few pounds keep their standard deviation: the
    /// moments never subtract large sums of squares (the textbook Σx² − n·mean² would leave
    /// nothing but rounding here).
    func testLargeCloseValuesKeepTheirSpread() {
        let stream = RandomStream(seed: 3)
        let deviations = (0..<1_000).map { _ in stream.gaussian(mean: 0, sd: 2) }
        let grid = SummaryGrid(cellCount: 2)
        for d in deviations { grid.add([150_000_000 + d, d]) }
        let large = grid.summary(0), small = grid.summary(1)
        XCTAssertEqual(large.sd, small.sd, accuracy: 1e-6)
        XCTAssertEqual(large.mean - 150_000_000, small.mean, accuracy: 1e-6)
        // The textbook formula, for contrast: it is off by far more than that.
        let n = Double(deviations.count)
        let values = deviations.map { 150_000_000 + $0 }
        let naiveMean = values.reduce(0, +) / n
        let naiveVariance = (values.map { $0 * $0 }.reduce(0, +) - n * naiveMean * naiveMean) / (n - 1)
        XCTAssertGreaterThan(abs(naiveVariance - small.sd * small.sd), 1)
    }

    // MARK: One replication

    func testOneReplicationHasAMeanAndPercentilesButNoSpread() {
        let grid = SummaryGrid(cellCount: 1)
        grid.add([9.4])
        let s = grid.summary(0)
        XCTAssertEqual(s.n, 1)
        XCTAssertEqual(s.mean, 9.4)
        XCTAssertTrue(s.sd.isNaN && s.ciLow.isNaN && s.ciHigh.isNaN)
        XCTAssertEqual([s.p05, s.p50, s.p95], [9.4, 9.4, 9.4])
        // Written as blank fields, never "nan".
        XCTAssertEqual([s.sd, s.ciLow, s.ciHigh].map(CSVFormat.number), ["", "", ""])

        let comparison = ComparisonGrid(preferences: [.lower])
        comparison.add(a: [5], b: [3])
        let c = comparison.comparison(0)
        XCTAssertEqual(c.n, 1)
        XCTAssertEqual(c.meanDifference, 2)
        XCTAssertTrue(c.sdDifference.isNaN && c.ciLow.isNaN && c.ciHigh.isNaN)
        XCTAssertEqual([c.shareABetter, c.shareBBetter, c.shareTied], [0, 1, 0])
    }

    /// The terminal's and report's cells: one replication shows the mean alone, an interval is
    /// cut to what the measure can be, and a single replication's comparison is not a percentage.
    func testHeadlineCellsForOneReplicationAndIntervalsBelowZero() throws {
        let handBacks = try XCTUnwrap(HeadlineTable.homeCare.first { $0.measure == MeasureName.handBacks })
        let margin = try XCTUnwrap(HeadlineTable.homeCare.first { $0.measure == MeasureName.providerMargin })
        let spot = try XCTUnwrap(HeadlineTable.homeCare.first { $0.measure == MeasureName.spotShare })

        let alone = try XCTUnwrap(HeadlineTable.cell(n: 1, mean: 9.4, low: .nan, high: .nan, row: handBacks, single: true))
        XCTAssertEqual(alone.mean, "9")
        XCTAssertEqual(alone.interval, "")
        let marked = try XCTUnwrap(HeadlineTable.cell(n: 1, mean: 9.4, low: .nan, high: .nan, row: handBacks, single: false))
        XCTAssertEqual(marked.interval, "(n = 1)")
        XCTAssertEqual(HeadlineTable.heading(replications: 1), "Measure (mean; n = 1: no interval)")
        XCTAssertEqual(HeadlineTable.heading(replications: 5), "Measure (mean [95% CI])")

        // Counts are not shown below zero; margins can be negative and are not cut; shares stay
        // within 0–100%.
        XCTAssertEqual(HeadlineTable.cell(n: 3, mean: 9.4, low: -0.7, high: 19.5, row: handBacks, single: false)?.interval,
                       "[0, 20]")
        XCTAssertEqual(HeadlineTable.cell(n: 3, mean: -1.016, low: -1.2, high: -0.8, row: margin, single: false)?.interval,
                       "[-120.0, -80.0]")
        XCTAssertEqual(HeadlineTable.cell(n: 2, mean: 0.6, low: -0.2, high: 1.4, row: spot, single: false)?.interval,
                       "[0.0, 100.0]")
        XCTAssertNil(HeadlineTable.cell(n: 0, mean: .nan, low: .nan, high: .nan, row: handBacks, single: false))

        XCTAssertEqual(HeadlineTable.chance(MeasureName.spend, n: 1, shareBBetter: 1), "spend lower in the one replication")
        XCTAssertEqual(HeadlineTable.chance(MeasureName.spend, n: 1, shareBBetter: 0), "spend not lower in the one replication")
        XCTAssertEqual(HeadlineTable.chance(MeasureName.spend, n: 20, shareBBetter: 0.85), "spend lower in 85% of replications")
    }

    /// A run of one replication: the terminal table says there is no interval and shows no NaN.
    func testTheHeadlineTableOfOneReplicationSaysThereIsNoInterval() throws {
        let scenario = try ScenarioLoader.load(path: Self.scenario("quickstart.yaml"),
                                               overrides: ["run.replications=1", "run.threads=1"]).scenario
        let text = HeadlineTable.render(Runner(scenario: scenario).run(), title: "t")
        XCTAssertTrue(text.contains("n = 1: no interval"), text)
        XCTAssertTrue(text.contains("in the one replication"), text)
        XCTAssertFalse(text.contains("["), text)
        XCTAssertFalse(text.lowercased().contains("nan"), text)
    }

    // MARK: Ties

    /// Exact sample percentile by GSL's rule.
    private func exact(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        return gsl_stats_quantile_from_sorted_data(sorted, 1, sorted.count, p)
    }

    /// 0/1 values in any proportion: the percentiles are the exact sample percentiles, so the
    /// tied value wherever both order statistics are in one tie (GSL's P² alone reports, for
    /// example, a median of 0.9991 for 1,000 values that are 1 in 70% of cases).
    func testPercentilesOfZeroOneValuesAreExact() {
        for share in [0.01, 0.05, 0.3, 0.5, 0.7, 0.97, 0.99] {
            for count in [5, 10, 50, 200, 1_000] {
                let stream = RandomStream(seed: UInt64(count) * 7 + UInt64(share * 100))
                let values = (0..<count).map { _ in stream.bernoulli(share) ? 1.0 : 0.0 }
                let grid = SummaryGrid(cellCount: 1)
                for x in values { grid.add([x]) }
                let s = grid.summary(0)
                let context = "\(count) values, share \(share)"
                XCTAssertEqual(s.p05, exact(values, 0.05), accuracy: 1e-12, context)
                XCTAssertEqual(s.p50, exact(values, 0.5), accuracy: 1e-12, context)
                XCTAssertEqual(s.p95, exact(values, 0.95), accuracy: 1e-12, context)
            }
        }
        // Named cases: the tied value itself.
        let mostlyOne = SummaryGrid(cellCount: 1)
        for i in 0..<1_000 { mostlyOne.add([i % 10 < 7 ? 1 : 0]) }
        XCTAssertEqual(mostlyOne.summary(0).p50, 1)
        XCTAssertEqual(mostlyOne.summary(0).p95, 1)
        XCTAssertEqual(mostlyOne.summary(0).p05, 0)
        let almostAllOne = SummaryGrid(cellCount: 1)
        for i in 0..<1_000 { almostAllOne.add([i % 100 < 97 ? 1 : 0]) }
        XCTAssertEqual(almostAllOne.summary(0).p05, 1)
    }

    /// A count that is mostly 0 with a long tail of many different values (more than the tie
    /// table keeps): the percentiles in the tie are exactly 0, the others within the data.
    func testZeroInflatedValuesHaveAZeroMedian() {
        let stream = RandomStream(seed: 11)
        let values = (0..<400).map { _ in stream.bernoulli(0.6) ? 0 : 1 + stream.gamma(mean: 20, sd: 15) }
        let grid = SummaryGrid(cellCount: 1)
        for x in values { grid.add([x]) }
        let s = grid.summary(0)
        XCTAssertEqual(s.p05, 0)
        XCTAssertEqual(s.p50, 0)
        XCTAssertGreaterThanOrEqual(s.p95, values.min()!)
        XCTAssertLessThanOrEqual(s.p95, values.max()!)
        XCTAssertEqual(s.p95, exact(values, 0.95), accuracy: 0.15 * exact(values, 0.95))
    }

    /// Many equal values in the middle of continuous ones: the median is the tied value.
    func testATieInTheMiddleIsTheMedian() {
        let stream = RandomStream(seed: 12)
        var values = (0..<100).map { _ in stream.uniform() * 5 }
            + Array(repeating: 5.0, count: 800) + (0..<100).map { _ in 5 + stream.uniform() * 5 }
        for i in stride(from: values.count - 1, to: 0, by: -1) { values.swapAt(i, stream.uniformInt(i + 1)) }
        let grid = SummaryGrid(cellCount: 1)
        for x in values { grid.add([x]) }
        XCTAssertEqual(grid.summary(0).p50, 5)
    }

    /// Up to 16 distinct values (any run of up to 16 replications): every percentile exact.
    func testFewDistinctValuesGiveExactPercentiles() {
        let stream = RandomStream(seed: 13)
        for count in 1...TieTable.capacity {
            let values = (0..<count).map { _ in stream.gamma(mean: 100, sd: 30) }
            let grid = SummaryGrid(cellCount: 1)
            for x in values { grid.add([x]) }
            let s = grid.summary(0)
            XCTAssertEqual(s.p05, exact(values, 0.05), accuracy: 1e-9, "\(count) values")
            XCTAssertEqual(s.p50, exact(values, 0.5), accuracy: 1e-9, "\(count) values")
            XCTAssertEqual(s.p95, exact(values, 0.95), accuracy: 1e-9, "\(count) values")
        }
    }

    /// On any mixture of ties and continuous values the percentiles stay within the data and are
    /// never further from the exact percentile than GSL's P² estimate alone.
    func testPercentilesOfTiedDataAreWithinTheDataAndNoWorseThanP2() {
        for seed in 1...60 {
            let stream = RandomStream(seed: UInt64(seed))
            let count = 5 + stream.uniformInt(600)
            let levels = 1 + stream.uniformInt(30)
            let tieShare = stream.uniform()
            let values = (0..<count).map { _ in
                stream.uniform() < tieShare ? Double(stream.uniformInt(levels)) : stream.gamma(mean: 10, sd: 8)
            }
            let grid = SummaryGrid(cellCount: 1)
            for x in values { grid.add([x]) }
            let s = grid.summary(0)
            for (p, got) in [(0.05, s.p05), (0.5, s.p50), (0.95, s.p95)] {
                let context = "seed \(seed), \(count) values, p \(p)"
                XCTAssertGreaterThanOrEqual(got, values.min()!, context)
                XCTAssertLessThanOrEqual(got, values.max()!, context)
                let workspace = gsl_rstat_quantile_alloc(p)!
                defer { gsl_rstat_quantile_free(workspace) }
                for x in values { gsl_rstat_quantile_add(x, workspace) }
                let target = exact(values, p)
                XCTAssertLessThanOrEqual(abs(got - target), abs(gsl_rstat_quantile_get(workspace) - target) + 1e-12, context)
            }
        }
    }

    func testFanBandsOfTiedValuesAreExact() {
        let bands = BandGrid(cells: [0])
        var values: [Double] = []
        for i in 0..<300 {
            let x = Double([0, 0, 0, 1, 1, 2, 3][i % 7])
            values.append(x)
            [x].withUnsafeBufferPointer { bands.add($0) }
        }
        let band = bands.band(0)
        for (p, got) in zip(BandGrid.probabilities, band) {
            XCTAssertEqual(got, exact(values, p), accuracy: 1e-12, "p \(p)")
        }
        XCTAssertEqual(band[0], 0)
        XCTAssertEqual(band[2], 1)
    }

    // MARK: Large sums

    /// 10¹⁶ then ten thousand 1s: naive addition loses every 1 (the spacing of doubles there is
    /// 2); the compensated sum keeps them all.
    func testCompensatedSumKeepsSmallAmountsAddedToALargeTotal() {
        var naive = 1.0e16
        var sum = CompensatedSum(1.0e16)
        for _ in 0..<10_000 {
            naive += 1
            sum.add(1)
        }
        XCTAssertEqual(naive, 1.0e16, "naive addition was expected to lose the 1s")
        XCTAssertEqual(sum.value, 1.0e16 + 10_000)
        // Neumaier's ordering: a term larger than the running sum loses nothing either.
        XCTAssertEqual(CompensatedSum.of([1, 1.0e100, 1, -1.0e100]), 2)
    }

    /// Thirty years of weekly spend with amounts whose binary fractions run past a double's 53
    /// bits once added up: the total is the exact total, correctly rounded, where naive
    /// addition drifts by many units in the last place.
    func testThirtyYearsOfWeeklyAmountsAddUpExactly() {
        let stream = RandomStream(seed: 30)
        let scale = 1.0 / Double(1 << 30)
        // Amounts in units of 2⁻³⁰ pounds, so the exact total is an integer count of them.
        let units = (0..<1_566).map { _ in Int64(stream.gamma(mean: 250_000, sd: 40_000) * Double(1 << 30)) }
        let amounts = units.map { Double($0) * scale }
        let exactTotal = Double(units.reduce(0, +)) * scale
        XCTAssertEqual(CompensatedSum.of(amounts), exactTotal)
        let naive = amounts.reduce(0, +)
        XCTAssertGreaterThan(abs(naive - exactTotal), 2 * exactTotal.ulp, "naive addition was expected to drift")

        // The day opportunities windows add up their periods the same way.
        let stride = 2
        var bins = [Double](repeating: 0, count: stride * amounts.count)
        bins[0] = 1.0e16
        for (period, amount) in amounts.enumerated() {
            if period > 0 { bins[period * stride] = 1 }
            bins[period * stride + 1] = amount
        }
        var sums = [Double](repeating: .nan, count: stride)
        DayMeasureComputer.addPeriods(bins, stride: stride, periods: 0..<amounts.count, into: &sums)
        XCTAssertEqual(sums, [1.0e16 + Double(amounts.count - 1), exactTotal])
    }

    private static func scenario(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scenarios").appendingPathComponent(name).path
    }
}
