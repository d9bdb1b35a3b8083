import Foundation
@testable import Sufficiency
import XCTest

/// The replications algorithm of Hoad, Robinson & Davies (2010) stops where the confidence
/// interval method says it should, confirmed by its look-ahead, and never asks for a replication
/// it would not use.
final class ReplicationsAlgorithmTests: XCTestCase {
    /// Feeds `values(r)` one replication at a time until the algorithm ends.
    private func run(_ algorithm: inout ReplicationsAlgorithm, _ values: (Int) -> [Double]) {
        var r = 0
        while algorithm.ending == nil {
            algorithm.add(values(r))
            r += 1
        }
    }

    /// Values alternating μ + σ, μ − σ: after an even count n the mean is μ and the sample
    /// variance σ²·n/(n − 1), so the 95% half-width is t(0.975, n − 1)·σ/√(n − 1) exactly and
    /// the first even n with it within d·μ is known in closed form.
    private func alternating(mean: Double, sd: Double) -> (Int) -> [Double] {
        { r in [r % 2 == 0 ? mean + sd : mean - sd] }
    }

    func testAlternatingValuesStopWhereTheIntervalFirstNarrowsToTheTarget() {
        // μ = 100, σ = 10, d = 5%: t(0.975, n − 1)/√(n − 1) ≤ 0.5 first at n − 1 = 18
        // (2.101/4.243 = 0.495; at 17, 2.110/4.123 = 0.512). The normal approximation
        // (1.96·σ/(d·μ))² = 15.4 is the same to within the look-ahead.
        var algorithm = ReplicationsAlgorithm(target: .relative(0.05), series: 1, maximum: 1000)
        run(&algorithm, alternating(mean: 100, sd: 10))
        XCTAssertEqual(algorithm.ending, .precise)
        XCTAssertEqual(algorithm.candidate, 19)
        // Then five more (kLimit = 5 below 100) that keep the precision, and no more.
        XCTAssertEqual(algorithm.replications, 24)
        XCTAssertLessThanOrEqual(algorithm.deviation(series: 0), 0.05)
        XCTAssertEqual(abs(Double(19) - pow(1.96 * 10 / 5, 2)), 3.6, accuracy: 0.1)
    }

    func testTheLookAheadGrowsWithTheAnswerPastOneHundred() {
        let algorithm = ReplicationsAlgorithm(target: .relative(0.05), series: 1, maximum: 1000)
        XCTAssertEqual([3, 50, 100, 101, 200, 399, 1000].map(algorithm.lookAheadLimit), [5, 5, 5, 5, 10, 19, 50])
        // σ/μ = 0.1 with d = 0.5%: t·0.1/√(n − 1) ≤ 0.005 first near n = 1 + (1.97·20)² ≈ 1550;
        // the look-ahead there is ⌊5 · Nsol / 100⌋.
        var long = ReplicationsAlgorithm(target: .relative(0.005), series: 1, maximum: 5000)
        run(&long, alternating(mean: 100, sd: 10))
        let needed = try! XCTUnwrap(long.candidate)
        XCTAssertEqual(Double(needed), 1 + pow(1.96 * 20, 2), accuracy: 15)
        XCTAssertEqual(long.replications, needed + 5 * needed / 100)
    }

    func testEverySeriesMustBePrecise() {
        // The second series has twice the spread, so needs about four times the replications;
        // the pair stops where the second alone would.
        var pair = ReplicationsAlgorithm(target: .relative(0.05), series: 2, maximum: 1000)
        run(&pair) { r in [r % 2 == 0 ? 110 : 90, r % 2 == 0 ? 120 : 80] }
        var second = ReplicationsAlgorithm(target: .relative(0.05), series: 1, maximum: 1000)
        run(&second, alternating(mean: 100, sd: 20))
        XCTAssertEqual(pair.candidate, second.candidate)
        XCTAssertEqual(pair.replications, second.replications)
        XCTAssertGreaterThan(try XCTUnwrap(second.candidate), 3 * 19)
    }

    func testAnAbsoluteTargetIsInTheSeriesUnit() {
        // Half-width 5 on values μ ± 10 is the relative 5% of μ = 100: the same answer.
        var absolute = ReplicationsAlgorithm(target: .absolute(5), series: 1, maximum: 1000)
        run(&absolute, alternating(mean: 100, sd: 10))
        XCTAssertEqual(absolute.candidate, 19)
        var shifted = ReplicationsAlgorithm(target: .absolute(5), series: 1, maximum: 1000)
        run(&shifted, alternating(mean: 1_000_000, sd: 10))
        XCTAssertEqual(shifted.candidate, 19)
    }

    func testALostPrecisionDropsTheCandidateAndTheSearchGoesOn() {
        // Precise from the start (all equal), then one outlier inside the look-ahead.
        var algorithm = ReplicationsAlgorithm(target: .relative(0.05), series: 1, maximum: 1000)
        run(&algorithm) { r in [r == 5 ? 200 : 100] }
        XCTAssertEqual(algorithm.ending, .precise)
        XCTAssertGreaterThan(try XCTUnwrap(algorithm.candidate), 6)
        XCTAssertEqual(algorithm.replications, algorithm.candidate! + 5)
        // Equal values are precise at the first judged count; the values 0, 0, 0 too.
        var zeros = ReplicationsAlgorithm(target: .relative(0.05), series: 1, maximum: 1000)
        run(&zeros) { _ in [0] }
        XCTAssertEqual(zeros.candidate, 3)
        XCTAssertEqual(zeros.replications, 8)
    }

    func testItStopsAtTheMaximumWhenThePrecisionIsNotReached() {
        var algorithm = ReplicationsAlgorithm(target: .relative(0.001), series: 1, maximum: 40)
        run(&algorithm, alternating(mean: 100, sd: 10))
        XCTAssertEqual(algorithm.ending, .maximum)
        XCTAssertEqual(algorithm.replications, 40)
        // A mean of 0 (to rounding) with spread has no relative precision: never precise.
        var centred = ReplicationsAlgorithm(target: .relative(0.5), series: 1, maximum: 30)
        run(&centred, alternating(mean: 0, sd: 1))
        XCTAssertEqual(centred.ending, .maximum)
        XCTAssertGreaterThan(centred.deviation(series: 0), 1e6)
    }

    func testRunningTheFewestStillNeededAtOnceEndsExactlyWhereOneAtATimeDoes() {
        let stream = RandomStream(seed: 5)
        for (mean, sd, target) in [(100.0, 10.0, 0.02), (50, 30, 0.05), (100, 1, 0.1), (10, 9, 0.01)] {
            let values = (0..<3000).map { _ in [stream.gaussian(mean: mean, sd: sd)] }
            var single = ReplicationsAlgorithm(target: .relative(target), series: 1, maximum: 3000)
            run(&single) { values[$0] }
            var rounds = ReplicationsAlgorithm(target: .relative(target), series: 1, maximum: 3000)
            var r = 0
            while rounds.ending == nil {
                let round = rounds.fewestStillNeeded
                XCTAssertGreaterThanOrEqual(round, 1)
                for k in 0..<round {
                    XCTAssertNil(rounds.ending, "ended inside a round of \(round)")
                    rounds.add(values[r])
                    r += 1
                    if k < round - 1 { XCTAssertNil(rounds.ending, "ended before the end of a round") }
                }
            }
            XCTAssertEqual(rounds, single, "σ/μ \(sd / mean), d \(target)")
        }
    }

    func testNormalValuesNeedTheReplicationsTheNormalApproximationPredicts() {
        // Values N(100, 10²) with d = 2%: the confidence interval method needs about
        // (1.96·σ/(d·μ))² = 96 replications. Over 400 independent sequences the answers average
        // that within a few percent (s varies by about 7% at n = 96, so single answers spread),
        // and the intervals they stop with cover the true mean about 95% of the time.
        let stream = RandomStream(seed: 2010)
        var needed: [Int] = []
        var covered = 0
        for _ in 0..<400 {
            var algorithm = ReplicationsAlgorithm(target: .relative(0.02), series: 1, maximum: 10_000)
            run(&algorithm) { _ in [stream.gaussian(mean: 100, sd: 10)] }
            XCTAssertEqual(algorithm.ending, .precise)
            needed.append(algorithm.candidate!)
            if abs(algorithm.mean(series: 0) - 100) <= algorithm.halfWidth(series: 0) { covered += 1 }
        }
        let average = Double(needed.reduce(0, +)) / Double(needed.count)
        XCTAssertEqual(average, pow(1.96 * 10 / 2, 2), accuracy: 0.06 * 96)
        // 95% of 400 is 380, with a binomial standard error of 4.4.
        XCTAssertGreaterThanOrEqual(covered, 366)
    }
}
