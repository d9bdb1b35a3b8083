import Foundation
import Testing
@testable import Sufficiency

/// MSER-5 on the engine's own output: queues started empty, whose bias at the start dies out over
/// a relaxation time known from theory. Odoni & Roth (1983, "An empirical investigation of the
/// transient behavior of stationary queueing systems", Operations Research 31(3)) give the
/// relaxation time of an M/M/s queue as τ = 1 / (μ(√s − √(λ/μ))²); a queue started empty is within
/// a few per cent of its steady state after about 3τ–4τ.
@Suite struct WarmUpSuggestionTests {
    /// τ in days for arrivals `lambda` a day, mean service `mean` days and `servers` servers.
    static func relaxationDays(lambda: Double, mean: Double, servers: Int) -> Double {
        let mu = 1 / mean
        let gap = Double(servers).squareRoot() - (lambda / mu).squareRoot()
        return 1 / (mu * gap * gap)
    }

    static func startedEmpty(lambda: Double, mean: Double, servers: Int, days: Int, warmUp: Int) -> RunResults {
        let scenario = Scenario.mmc(arrivalsPerDay: lambda, meanServiceDays: mean, servers: servers, horizonDays: days,
                                    warmUpDays: warmUp, period: .week, replications: 100, seed: 11)
        return Runner(scenario: scenario).run()
    }

    /// 10 a day, 20 days' service, 220 servers (ρ = 0.91): τ = 42 days. Started empty, the number
    /// in care and the queue settle between half a relaxation time and five.
    @Test func aQueueStartedEmptyIsCutWithinItsRelaxationTime() throws {
        let tau = Self.relaxationDays(lambda: 10, mean: 20, servers: 220)
        #expect(abs(tau - 42.0) < 0.5)
        let results = Self.startedEmpty(lambda: 10, mean: 20, servers: 220, days: 1400, warmUp: 0)
        let suggestion = try WarmUpSuggestion(results: results, warmUpDays: 0, measures: [MeasureName.inCare, MeasureName.waiting])
        #expect(suggestion.series.count == 2)
        #expect(suggestion.series.allSatisfy { $0.isSettled })
        let days = try #require(suggestion.additionalDays)
        #expect(Double(days) >= 0.5 * tau && Double(days) <= 5 * tau, "cut after \(days) days; τ = \(tau)")
        #expect(suggestion.suggestedWarmUpDays == days)
    }

    /// Heavier traffic on few servers (1.8 a day, 5 days, 10 servers; ρ = 0.9): τ = 190 days, so
    /// the queue takes months to fill, and the cut moves out with it.
    @Test func aSlowerQueueIsCutLater() throws {
        let tau = Self.relaxationDays(lambda: 1.8, mean: 5, servers: 10)
        #expect(abs(tau - 190) < 1)
        let results = Self.startedEmpty(lambda: 1.8, mean: 5, servers: 10, days: 5000, warmUp: 0)
        let suggestion = try WarmUpSuggestion(results: results, warmUpDays: 0, measures: [MeasureName.waiting])
        let days = try #require(suggestion.additionalDays)
        #expect(Double(days) >= 0.5 * tau && Double(days) <= 5 * tau, "cut after \(days) days; τ = \(tau)")
    }

    /// The same queue with a warm-up of ten relaxation times starts settled: the rule cuts at most
    /// a relaxation time more, by chance.
    @Test func aLongEnoughWarmUpNeedsLittleOrNothingMore() throws {
        let tau = Self.relaxationDays(lambda: 10, mean: 20, servers: 220)
        let results = Self.startedEmpty(lambda: 10, mean: 20, servers: 220, days: 1400, warmUp: 420)
        let suggestion = try WarmUpSuggestion(results: results, warmUpDays: 420, measures: [MeasureName.inCare, MeasureName.waiting])
        let days = try #require(suggestion.additionalDays)
        #expect(Double(days) <= tau, "cut after a further \(days) days; τ = \(tau)")
        #expect(suggestion.suggestedWarmUpDays == 420 + days)
    }

    @Test func anUnknownMeasureIsRefusedWithASuggestion() {
        let results = Self.startedEmpty(lambda: 1, mean: 5, servers: 10, days: 200, warmUp: 0)
        #expect(throws: WarmUpError.self) { try WarmUpSuggestion(results: results, warmUpDays: 0, measures: ["wating"]) }
        do {
            _ = try WarmUpSuggestion(results: results, warmUpDays: 0, measures: ["wating"])
        } catch {
            #expect(error.description == "'wating' is not a measure of this scenario's results; did you mean 'waiting'?")
        }
    }
}
