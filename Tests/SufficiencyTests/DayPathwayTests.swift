import XCTest
import CGSL
@testable import Sufficiency

/// Option-specific pathways in day opportunities: an option's own tiers, enablement goal rates
/// and reviews are inputs the comparison can test, on the same people (common random numbers).
/// Fixed seeds; "this input moves that measure" is checked on paired replications.
final class DayPathwayTests: XCTestCase {
    /// Referrals into enablement (goal rate 0.3, then long-term) or long-term care, with places
    /// to spare; the first option states no pathway, the others add `options` after it.
    static func yaml(options: String = "", reviews: String = "{interval_days: 180, move_probability: 0.5}",
                     replications: Int = 40) -> String {
        """
        name: Pathway test
        service: day_opportunities
        calendar: {start: 2023-04-01, years: 3, period: quarter}
        run: {replications: \(replications), seed: 17, threads: 0}
        levels:
          - {name: group, spot_daily_rate: 40}
        groups:
          - name: adults
            share: 1
            days_per_week: {distribution: gamma, mean: 2.5, sd: 1, minimum: 0.5, maximum: 5}
            level_shares: {group: 1}
            tiers:
              - {name: enablement, kind: enablement, share: 0.6, duration: {distribution: gamma, mean: 120, sd: 40}, goal_probability: 0.3, next: long-term}
              - {name: long-term, kind: long_term, share: 0.4, duration: {distribution: exponential, mean: 700}}
        referrals: {per_week: 4}
        reviews: \(reviews)
        providers:
          - {name: Member, places: 2000, member: true}
          - {name: Spot, places: 2000}
        caseload:
          - {provider: Spot, route: spot, people: 50, group: adults, level: group, days_per_week: 2, daily_rate: 45}
        options:
          - {name: framework, rule: framework, rates: {group: 42}, rounds: {every_days: 10000, first_day: 10000}}
        \(options)
        """
    }

    private func run(_ yaml: String) throws -> RunResults {
        Runner(scenario: try ScenarioLoader.load(yaml: yaml, fileName: "pathway-test.yaml").scenario).run()
    }

    private func measure(_ results: RunResults, _ name: String) -> Int {
        results.layout.measures.all.firstIndex { $0.name == name }!
    }

    /// Whole-run values of `name` under `option`, one per replication.
    private func totals(_ results: RunResults, option: Int, _ name: String) -> [Double] {
        let m = measure(results, name)
        return (0..<results.replications).map { results.total(replication: $0, option: option, measure: m) }
    }

    // MARK: - The pathway moves people on

    /// An option whose enablement meets its goal 70% of the time instead of 30% (the same
    /// tiers otherwise) moves more people on: more goals met, on the same people, and fewer
    /// placements later, since those who meet it leave instead of stepping into long-term care.
    func testAHigherEnablementGoalRateMovesMorePeopleOn() throws {
        let alliance = """
          - name: alliance
            rule: framework
            rates: {group: 42}
            rounds: {every_days: 10000, first_day: 10000}
            pathways:
              adults:
                tiers:
                  - {name: enablement, kind: enablement, share: 0.6, duration: {distribution: gamma, mean: 120, sd: 40}, goal_probability: 0.7, next: long-term}
                  - {name: long-term, kind: long_term, share: 0.4, duration: {distribution: exponential, mean: 700}}
        """
        let results = try run(Self.yaml(options: alliance))
        // The same people meet their goal under the higher rate, and more besides: in every replication.
        let before = totals(results, option: 0, MeasureName.enablementGoalsMet)
        let after = totals(results, option: 1, MeasureName.enablementGoalsMet)
        for r in before.indices {
            XCTAssertGreaterThan(after[r], before[r], "replication \(r): goals met \(after[r]) against \(before[r])")
        }
        let goals = results.pairedDifference(MeasureName.enablementGoalsMet)
        XCTAssertGreaterThan(goals.mean - goals.halfWidth, 0, "more goals met: \(goals)")
        // 1,096 days × 4/7 referrals a day × 0.6 in enablement × 0.4 more meeting the goal, less
        // those whose enablement (about 120 days) has not ended by the end: some 134.
        XCTAssertEqual(goals.mean, 626 * 0.6 * 0.4 * (1 - 120.0 / 1096), accuracy: 15)
        // Fewer people placed in the last year (those who met their goal have left), paired.
        let lastYear = try XCTUnwrap(results.layout.windows.lastIndex { $0.kind == .financialYear })
        let placements = measure(results, MeasureName.placements)
        let cell = try XCTUnwrap(results.comparisonCell(window: lastYear, zoneSlot: 0, measure: placements))
        let pair = try XCTUnwrap(results.layout.pairs.firstIndex { $0.0 == 0 && $0.1 == 1 })
        // The comparison is option 0 − option 1.
        let comparison = results.comparisons[pair].comparison(cell)
        XCTAssertGreaterThan(comparison.ciLow, 0, "fewer placements in the last year: \(comparison)")
        let spend = results.pairedDifference(MeasureName.weeklySpend)
        XCTAssertLessThan(spend.mean + spend.halfWidth, 0, "less spent a week: \(spend)")
        // Referrals are the same people under both options.
        XCTAssertEqual(totals(results, option: 0, MeasureName.referrals), totals(results, option: 1, MeasureName.referrals))
    }

    /// An option whose pathway changes only the long-term tier's duration keeps everyone's
    /// first tier, enablement and goal: the goals met are the same in every replication.
    func testChangingOnlyTheLongTermDurationKeepsEveryonesEnablement() throws {
        let longer = """
          - name: longer
            rule: framework
            rates: {group: 42}
            rounds: {every_days: 10000, first_day: 10000}
            pathways:
              adults:
                tiers:
                  - {name: enablement, kind: enablement, share: 0.6, duration: {distribution: gamma, mean: 120, sd: 40}, goal_probability: 0.3, next: long-term}
                  - {name: long-term, kind: long_term, share: 0.4, duration: {distribution: exponential, mean: 1400}}
        """
        let results = try run(Self.yaml(options: longer, replications: 10))
        XCTAssertEqual(totals(results, option: 0, MeasureName.enablementGoalsMet), totals(results, option: 1, MeasureName.enablementGoalsMet))
        // Long-term care lasting twice as long (each person at the same quantile) leaves more
        // people placed at every moment, so in every replication (places never run short).
        let placed = zip(totals(results, option: 1, MeasureName.placements), totals(results, option: 0, MeasureName.placements))
        XCTAssertTrue(placed.allSatisfy { $0 > $1 }, "more people placed when long-term care lasts longer")
    }

    /// An option sending 80% of referrals to enablement instead of 60% (the same goal rate):
    /// the tier is chosen again from each person's kept uniform with the option's shares, so
    /// everyone in enablement before still is, and more goals are met in every replication.
    func testMoreReferralsInEnablementMeetMoreGoals() throws {
        let enabling = """
          - name: enabling
            rule: framework
            rates: {group: 42}
            rounds: {every_days: 10000, first_day: 10000}
            pathways:
              adults:
                tiers:
                  - {name: enablement, kind: enablement, share: 0.8, duration: {distribution: gamma, mean: 120, sd: 40}, goal_probability: 0.3, next: long-term}
                  - {name: long-term, kind: long_term, share: 0.2, duration: {distribution: exponential, mean: 700}}
        """
        let results = try run(Self.yaml(options: enabling, replications: 20))
        let before = totals(results, option: 0, MeasureName.enablementGoalsMet)
        let after = totals(results, option: 1, MeasureName.enablementGoalsMet)
        for r in before.indices {
            XCTAssertGreaterThan(after[r], before[r], "replication \(r): goals met \(after[r]) against \(before[r])")
        }
        // A third more people in enablement meet a third more goals, give or take.
        let ratio = after.reduce(0, +) / before.reduce(0, +)
        XCTAssertEqual(ratio, 0.8 / 0.6, accuracy: 0.1)
    }

    // MARK: - Repeating the scenario changes nothing

    /// An option that repeats the scenario's tiers and reviews gives exactly the results of
    /// one that states none: every cell. So does one whose tiers differ only in their names,
    /// which is mapped through its own pathway person by person (the same tier for the same
    /// uniform, the drawn durations kept, the goal against the same rate).
    func testAnOptionRepeatingTheScenariosPathwayIsTheOptionThatStatesNone() throws {
        let repeating = """
          - name: repeating
            rule: framework
            rates: {group: 42}
            rounds: {every_days: 10000, first_day: 10000}
            pathways:
              adults:
                tiers:
                  - {name: enablement, kind: enablement, share: 0.6, duration: {distribution: gamma, mean: 120, sd: 40}, goal_probability: 0.3, next: long-term}
                  - {name: long-term, kind: long_term, share: 0.4, duration: {distribution: exponential, mean: 700}}
            reviews: {interval_days: 180, move_probability: 0.5}
          - name: renamed
            rule: framework
            rates: {group: 42}
            rounds: {every_days: 10000, first_day: 10000}
            pathways:
              adults:
                tiers:
                  - {name: time-limited, kind: enablement, share: 0.6, duration: {distribution: gamma, mean: 120, sd: 40}, goal_probability: 0.3, next: day care}
                  - {name: day care, kind: long_term, share: 0.4, duration: {distribution: exponential, mean: 700}}
        """
        let results = try run(Self.yaml(options: repeating, replications: 10))
        let layout = results.layout
        var compared = 0
        for w in layout.windows.indices {
            for m in layout.measures.all.indices {
                let a = results.summaries.summary(layout.cell(option: 0, window: w, zoneSlot: 0, measure: m))
                for other in [1, 2] {
                let b = results.summaries.summary(layout.cell(option: other, window: w, zoneSlot: 0, measure: m))
                // Bit for bit (a figure with no value, NaN, is NaN under both).
                XCTAssertEqual(a.mean.bitPattern, b.mean.bitPattern, "\(layout.measures.all[m].name), window \(w)")
                XCTAssertEqual(a.sd.bitPattern, b.sd.bitPattern, "\(layout.measures.all[m].name), window \(w)")
                compared += 1
                }
            }
        }
        XCTAssertGreaterThan(compared, 200)
        for name in [MeasureName.enablementGoalsMet, MeasureName.placements, MeasureName.spend, MeasureName.movesToFramework] {
            XCTAssertEqual(totals(results, option: 0, name), totals(results, option: 1, name), name)
            XCTAssertEqual(totals(results, option: 0, name), totals(results, option: 2, name), name)
        }
        XCTAssertGreaterThan(totals(results, option: 0, MeasureName.enablementGoalsMet).reduce(0, +), 0)
    }

    // MARK: - Reviews

    /// An option's own reviews: reviewed every 60 days and always moving, the framework option
    /// moves its legacy and spot people onto the framework while the scenario reviews nobody.
    func testAnOptionsOwnReviewsMovePeopleOntoTheFramework() {
        var option = DayOption(rule: .framework, rates: [70, 45], roundEveryDays: 10_000, firstRoundDay: 10_000)
        option.reviews = DayReviewSettings(intervalDays: 60, moveProbability: 1)
        let results = Runner(scenario: DayOpportunitiesTests.scenario(framework: option)).run()
        let lastMonth = results.layout.windows.lastIndex { $0.kind == .period }!
        func mean(_ option: Int, _ measure: String, window: Int? = nil) -> Double {
            results.summary(option: option, window: window ?? results.layout.horizonWindow, measure: measure)!.mean
        }
        // As DayOpportunitiesTests.testReviewsMovePeopleOntoTheFramework with the scenario's reviews.
        XCTAssertEqual(mean(1, MeasureName.placementsRoute("framework"), window: lastMonth), 60, accuracy: 1e-12)
        XCTAssertEqual(mean(1, MeasureName.movesToFramework), 50, accuracy: 1e-12)
        // The scenario's reviews (every 10,000 days) still apply to the option that states none.
        XCTAssertEqual(mean(0, MeasureName.movesToFramework), 0, accuracy: 1e-12)
        var untouched = DayOption(rule: .framework, rates: [70, 45], roundEveryDays: 10_000, firstRoundDay: 10_000)
        untouched.reviews = nil
        let scenarioReviews = Runner(scenario: DayOpportunitiesTests.scenario(framework: untouched)).run()
        XCTAssertEqual(scenarioReviews.summary(option: 1, window: scenarioReviews.layout.horizonWindow,
                                               measure: MeasureName.movesToFramework)!.mean, 0, accuracy: 1e-12)
    }

    // MARK: - The draws behind it

    /// `drawWithQuantile` draws exactly the numbers `draw` does, and its quantile gives the
    /// value back through the inverse CDF, for every family.
    func testDrawsKeepTheirQuantile() {
        let families: [Distribution] = [
            .exponential(mean: 700),
            Distribution(family: .gamma, mean: 120, sd: 40),
            Distribution(family: .lognormal, mean: 90, sd: 60),
            Distribution(family: .weibull, mean: 400, shape: 1.5),
            Distribution(family: .uniform, mean: 0, minimum: 30, maximum: 90),
            Distribution(family: .gamma, mean: 2.2, sd: 1, minimum: 0.5, maximum: 5),
        ]
        for d in families {
            let a = RandomStream(seed: 99), b = RandomStream(seed: 99)
            for _ in 0..<2_000 {
                let drawn = a.drawWithQuantile(d)
                XCTAssertEqual(drawn.value, b.draw(d), "\(d.family): the same draws as draw(_:)")
                let q = try! XCTUnwrap(drawn.quantile)
                XCTAssertTrue(q >= 0 && q <= 1)
                XCTAssertEqual(d.quantile(q), drawn.value, accuracy: 1e-6 * max(1, drawn.value), "\(d.family) at \(q)")
            }
            XCTAssertEqual(gsl_rng_get(a.raw), gsl_rng_get(b.raw), "\(d.family): the streams stay in step")
        }
        XCTAssertNil(Distribution.fixed(5).cumulative(5))
        XCTAssertEqual(Distribution.fixed(5).quantile(0.3), 5)
        XCTAssertEqual(Distribution.exponential(mean: 10).quantile(1), Distribution.exponential(mean: 10).quantile(Double(1).nextDown))
        XCTAssertTrue(Distribution.exponential(mean: 10).quantile(1).isFinite)
    }

    /// A tier chosen from a kept uniform is the tier `gsl_ran_discrete` chooses with it.
    func testTheKeptUniformChoosesTheTierGSLWould() {
        for weights in [[0.6, 0.4], [0.2, 0.5, 0.3], [1.0], [0.05, 0.05, 0.6, 0.3], [0, 0.7, 0.3]] {
            let sampler = DiscreteSampler(weights: weights)
            let stream = RandomStream(seed: 5)
            for _ in 0..<5_000 {
                let copy = gsl_rng_clone(stream.raw)!
                let u = gsl_rng_uniform(copy)
                gsl_rng_free(copy)
                XCTAssertEqual(sampler.index(forUniform: u), sampler.sample(stream), "\(weights) at \(u)")
            }
        }
    }
}
