import Foundation
import Testing
@testable import Sufficiency

/// MSER-5, the truncation rule of White (1997) with batches of five (Spratt 1998; Franklin &
/// White 2008), on series whose settling point is known.
@Suite struct MSERTruncationTests {
    /// Values with mean 0 and standard deviation about 1, the same for every run of the test.
    static func noise(_ count: Int, seed: UInt64) -> [Double] {
        let stream = RandomStream(seed: seed)
        return (0..<count).map { _ in stream.gaussian(mean: 0, sd: 1) }
    }

    @Test func aSettledSeriesIsNotTruncated() throws {
        let truncation = try #require(MSERTruncation(Self.noise(1000, seed: 3)))
        #expect(truncation.batches == 200)
        #expect(truncation.isSettled)
        // With no bias, dropping a few batches by chance is all the rule does.
        #expect(truncation.truncatedValues <= 50)
    }

    /// A step: 100 values at 10, then 900 at 0 with noise of sd 1. Every value of the step is far
    /// from the rest, so the rule drops the 20 batches that hold it, and at most a batch or two
    /// more by chance (with this seed, one).
    @Test func aStepIsCutWhereItEnds() throws {
        let series = [Double](repeating: 10, count: 100) + Self.noise(900, seed: 5)
        let truncation = try #require(MSERTruncation(series))
        #expect((20...22).contains(truncation.truncatedBatches))
        #expect(truncation.truncatedValues == 5 * truncation.truncatedBatches)
        #expect(truncation.isSettled)
        // The same series without the step (its first 100 values at the noise's level) is not cut.
        let level = try #require(MSERTruncation([Double](repeating: 0, count: 100) + Self.noise(900, seed: 5)))
        #expect(level.truncatedBatches == 0)
    }

    /// The hand-worked case: batch means 6, 2, 0, 0, 0, 0 (batches of one). Dropping none leaves
    /// squared deviations 40 over 6² (1.11); one, 3.2 over 5² (0.128); two, 0 over 4² (0).
    @Test func theStatisticIsTheSquaredStandardErrorOfTheTruncatedMean() throws {
        let truncation = try #require(MSERTruncation([6, 2, 0, 0, 0, 0, 0, 0], batchSize: 1))
        #expect(truncation.batches == 8)
        #expect(truncation.truncatedBatches == 2)
        #expect(truncation.statistic == 0)
        let none = try #require(MSERTruncation([1, 2, 3, 4, 5, 6, 7, 8], batchSize: 2))
        // A steady climb never settles: the statistic keeps falling to the last batches searched.
        #expect(!none.isSettled)
    }

    @Test func aLastIncompleteBatchIsLeftOutAndShortSeriesGetNoAnswer() throws {
        #expect(MSERTruncation([Double](repeating: 1, count: 19)) == nil)
        let truncation = try #require(MSERTruncation([Double](repeating: 1, count: 23)))
        #expect(truncation.batches == 4)
        #expect(truncation.truncatedBatches == 0)
    }

    /// A level far from zero: the suffix sums are taken by Welford's update, so a constant series
    /// at 10⁹ has a statistic of exactly 0 and no truncation.
    @Test func aLevelFarFromZeroLosesNoPrecision() throws {
        let truncation = try #require(MSERTruncation(Self.noise(500, seed: 9).map { 1e9 + $0 * 1e-3 }))
        #expect(truncation.isSettled)
        #expect(truncation.statistic > 0 && truncation.statistic < 1e-8)
    }
}
