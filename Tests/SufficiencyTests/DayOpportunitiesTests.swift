import XCTest
import CGSL
@testable import Sufficiency

/// The day opportunities engine: spend arithmetic, reviews, entry rounds, and reproducibility.
final class DayOpportunitiesTests: XCTestCase {
    /// Two levels, two lots, one client group, three providers (two on the framework), a
    /// caseload on every route, and a spot option beside a framework option.
    static func scenario(referralsPerWeek: Double = 0,
                         reviews: DayReviewSettings = DayReviewSettings(intervalDays: 10_000, firstReviewAfterDays: 10_000),
                         framework: DayOption? = nil, caseload: [DayCaseloadEntry]? = nil, years: Int = 1,
                         replications: Int = 4, threads: Int = 1, transport: Double = 0) -> Scenario {
        let forever = Tier(name: "long-term", kind: .longTerm, share: 1, duration: .fixed(100_000))
        let group = DayGroup(name: "adults", share: 1, daysPerWeek: .fixed(2), levelShares: [0.5, 0.5],
                             lotShares: [1, 0], transportShare: 1, tiers: [forever])
        let providers = [
            DayProvider(name: "Member A", places: 60, lots: [0, 1], member: true),
            DayProvider(name: "Member B", places: 60, lots: [0], member: true),
            DayProvider(name: "Spot C", places: 60, lots: [0, 1], member: false),
        ]
        let entries = caseload ?? [
            DayCaseloadEntry(provider: 0, route: .framework, people: 10, group: 0, level: 0, daysPerWeek: 2, dailyRate: 0),
            DayCaseloadEntry(provider: 1, route: .legacy, people: 20, group: 0, level: 1, lot: 0, daysPerWeek: 1.5,
                             dailyRate: 40, transportShare: 1),
            DayCaseloadEntry(provider: 2, route: .spot, people: 30, group: 0, level: 0, daysPerWeek: 2.5, dailyRate: 60),
            DayCaseloadEntry(provider: nil, route: .directPayment, people: 5, group: 0, level: 1, daysPerWeek: 3,
                             dailyRate: 50),
        ]
        let option = framework ?? DayOption(rule: .framework, rates: [70, 45], roundEveryDays: 10_000, firstRoundDay: 10_000)
        let day = DayOpportunities(
            levels: [SupportLevel(name: "one to one", spotDailyRate: 90), SupportLevel(name: "group", spotDailyRate: 40)],
            lots: ["wellbeing", "employment"], groups: [group], referralsPerWeek: referralsPerWeek,
            transportCostPerAttendance: transport, reviews: reviews, providers: providers, caseload: entries,
            options: [DayOption(rule: .spot), option])
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let start = utc.date(from: DateComponents(year: 2023, month: 4, day: 1))!
        let days = utc.dateComponents([.day], from: start, to: utc.date(byAdding: .year, value: years, to: start)!).day!
        let shared = [ProcurementOption(name: "spot", rule: .spot, contracts: [], referenceRate: 1, uplift: .none),
                      ProcurementOption(name: "framework", rule: .spot, contracts: [], referenceRate: 1, uplift: .none)]
        return Scenario(name: "day test", calendar: CalendarSettings(start: start, horizonDays: days, period: .month),
                        zones: [], demand: Demand(referralsPerWeek: 0, clientGroups: []), providers: [],
                        options: shared, run: RunSettings(replications: replications, seed: 3, threads: threads),
                        dayOpportunities: day)
    }

    private func mean(_ results: RunResults, option: Int, window: Int? = nil, _ measure: String) -> Double {
        results.summary(option: option, window: window ?? results.layout.horizonWindow, measure: measure)!.mean
    }

    /// With nobody arriving, leaving or being reviewed, every figure is arithmetic on the caseload.
    func testSpendIsArithmeticOnTheCaseload() {
        let results = Runner(scenario: Self.scenario(transport: 12)).run()
        let days = Double(results.layout.windows[results.layout.horizonWindow].days)
        // Framework option: 10 on the framework at £70 × 2 days, 20 legacy at £40 × 1.5, 30 spot at £60 × 2.5,
        // 5 direct payments at £50 × 3.
        let weekly = [140.0 * 10, 60.0 * 20, 150.0 * 30, 150.0 * 5]
        XCTAssertEqual(mean(results, option: 1, MeasureName.weeklySpendRoute("framework")), weekly[0], accuracy: 1e-9)
        XCTAssertEqual(mean(results, option: 1, MeasureName.weeklySpendRoute("legacy")), weekly[1], accuracy: 1e-9)
        XCTAssertEqual(mean(results, option: 1, MeasureName.weeklySpendRoute("spot")), weekly[2], accuracy: 1e-9)
        XCTAssertEqual(mean(results, option: 1, MeasureName.weeklySpendRoute("direct_payment")), weekly[3], accuracy: 1e-9)
        XCTAssertEqual(mean(results, option: 1, MeasureName.weeklySpendLevel("one_to_one")), weekly[0] + weekly[2], accuracy: 1e-9)
        XCTAssertEqual(mean(results, option: 1, MeasureName.weeklySpendLevel("group")), weekly[1] + weekly[3], accuracy: 1e-9)
        XCTAssertEqual(mean(results, option: 1, MeasureName.averageWeeklyCostRoute("spot")), 150, accuracy: 1e-9)
        XCTAssertEqual(mean(results, option: 1, MeasureName.placements), 65, accuracy: 1e-9)
        XCTAssertEqual(mean(results, option: 1, MeasureName.frameworkShare), 10.0 / 65, accuracy: 1e-12)
        // Transport: the 20 legacy people travel 1.5 days a week at £12 a day.
        let transport = 20 * 1.5 * 12.0
        XCTAssertEqual(mean(results, option: 1, MeasureName.transportSpend), transport * days / 7, accuracy: 1e-6)
        XCTAssertEqual(mean(results, option: 1, MeasureName.spend), (weekly.reduce(0, +) + transport) * days / 7, accuracy: 1e-6)
        // The spot option buys the framework and legacy people spot, at their own caseload rates
        // (framework people have none of their own there: £0), and saves nothing by construction.
        XCTAssertEqual(mean(results, option: 0, MeasureName.placementsRoute("spot")), 60, accuracy: 1e-9)
        XCTAssertEqual(mean(results, option: 1, MeasureName.savings),
                       mean(results, option: 0, MeasureName.spend) - mean(results, option: 1, MeasureName.spend), accuracy: 1e-6)
    }

    /// Reviews: legacy people whose provider is on the framework move onto its terms at their
    /// first review; spot people move to a framework provider with room when they choose to.
    func testReviewsMovePeopleOntoTheFramework() {
        let reviews = DayReviewSettings(intervalDays: 60, moveProbability: 1)
        let results = Runner(scenario: Self.scenario(reviews: reviews)).run()
        let lastMonth = results.layout.windows.lastIndex { $0.kind == .period }!
        // By the last month everyone has been reviewed (first reviews within 60 days).
        XCTAssertEqual(mean(results, option: 1, window: lastMonth, MeasureName.placementsRoute("legacy")), 0, accuracy: 1e-12)
        XCTAssertEqual(mean(results, option: 1, window: lastMonth, MeasureName.placementsRoute("spot")), 0, accuracy: 1e-12)
        XCTAssertEqual(mean(results, option: 1, window: lastMonth, MeasureName.placementsRoute("framework")), 60, accuracy: 1e-12)
        XCTAssertEqual(mean(results, option: 1, MeasureName.movesToFramework), 50, accuracy: 1e-12)
        // Without a framework nobody moves.
        XCTAssertEqual(mean(results, option: 0, window: lastMonth, MeasureName.placementsRoute("spot")), 60, accuracy: 1e-12)
        // Nobody chooses to move: only the legacy people change terms.
        let stay = Runner(scenario: Self.scenario(reviews: DayReviewSettings(intervalDays: 60, moveProbability: 0))).run()
        XCTAssertEqual(mean(stay, option: 1, window: lastMonth, MeasureName.placementsRoute("spot")), 30, accuracy: 1e-12)
        XCTAssertEqual(mean(stay, option: 1, MeasureName.movesToFramework), 20, accuracy: 1e-12)
    }

    /// Direct payments at review: each of the 60 placed people is reviewed in the year with
    /// chance 366/400 (first reviews spread over 400 days) and then takes a direct payment with
    /// chance p, so take-ups are binomial: their mean over replications lies within its 99.9%
    /// interval of 60 × (366/400) × p. People already on direct payments do not take one again.
    func testDirectPaymentsAtReviewMatchTheirProbability() {
        let p = 0.2
        let reviews = DayReviewSettings(intervalDays: 400, directPaymentProbability: p, moveProbability: 0)
        let results = Runner(scenario: Self.scenario(reviews: reviews, replications: 200, threads: 0)).run()
        let summary = results.summary(option: 1, window: results.layout.horizonWindow, measure: MeasureName.directPaymentTakeups)!
        let q = 366.0 / 400 * p
        let z = gsl_cdf_ugaussian_Pinv(0.9995)
        XCTAssertEqual(summary.mean, 60 * q, accuracy: z * (60 * q * (1 - q) / Double(summary.n)).squareRoot())
        XCTAssertEqual(mean(results, option: 1, window: results.layout.windows.lastIndex { $0.kind == .period }!,
                            MeasureName.placements), 65, accuracy: 1e-9, "direct payments stay placements")
    }

    /// Level changes at review move people between levels with their chance, repriced.
    func testLevelChangesAtReview() {
        var option = DayOption(rule: .framework, rates: [70, 45], roundEveryDays: 10_000, firstRoundDay: 10_000)
        option.levelChanges = [DayOption.LevelChange(from: 0, to: 1, probability: 1)]
        let caseload = [DayCaseloadEntry(provider: 0, route: .framework, people: 10, group: 0, level: 0,
                                         daysPerWeek: 2, dailyRate: 0)]
        let results = Runner(scenario: Self.scenario(reviews: DayReviewSettings(intervalDays: 60),
                                                     framework: option, caseload: caseload)).run()
        let lastMonth = results.layout.windows.lastIndex { $0.kind == .period }!
        XCTAssertEqual(mean(results, option: 1, window: lastMonth, MeasureName.placementsLevel("group")), 10, accuracy: 1e-12)
        XCTAssertEqual(mean(results, option: 1, window: lastMonth, MeasureName.weeklySpendRoute("framework")), 10 * 2 * 45, accuracy: 1e-9)
    }

    /// People who change level at review but stay where they are pay their route's rate for
    /// the new level: spot people the new level's spot rate.
    func testLevelChangesRepricePeopleWhoStay() {
        var option = DayOption(rule: .framework, rates: [70, 45], roundEveryDays: 10_000, firstRoundDay: 10_000)
        option.levelChanges = [DayOption.LevelChange(from: 0, to: 1, probability: 1)]
        let results = Runner(scenario: Self.scenario(reviews: DayReviewSettings(intervalDays: 60, moveProbability: 0),
                                                     framework: option)).run()
        let lastMonth = results.layout.windows.lastIndex { $0.kind == .period }!
        // The 30 spot people (2.5 days at level 0) are now at level 1, bought spot at £40 a day.
        XCTAssertEqual(mean(results, option: 1, window: lastMonth, MeasureName.weeklySpendRoute("spot")), 30 * 2.5 * 40, accuracy: 1e-9)
        // Legacy people (level 1 already) moved onto the framework's level-1 rate, £45.
        XCTAssertEqual(mean(results, option: 1, window: lastMonth, MeasureName.weeklySpendRoute("legacy")), 0, accuracy: 1e-9)
        XCTAssertEqual(mean(results, option: 1, window: lastMonth, MeasureName.weeklySpendRoute("framework")),
                       10 * 2 * 45 + 20 * 1.5 * 45, accuracy: 1e-9)
    }

    /// Evaluation rounds approve submissions with their probability: over many rounds and
    /// replications, approvals over submissions lies within its 99.9% interval of it.
    func testEntryRoundsApproveWithTheirProbability() {
        let option = DayOption(rule: .framework, rates: [70, 45], roundEveryDays: 30, firstRoundDay: 15,
                               applicantsPerRound: 3, approvalProbability: 0.4)
        let results = Runner(scenario: Self.scenario(framework: option, replications: 50, threads: 0)).run()
        let submissions = mean(results, option: 1, MeasureName.submissions) * 50
        let approvals = mean(results, option: 1, MeasureName.approvals) * 50
        XCTAssertGreaterThan(submissions, 1000, "12 rounds × 3 applicants × 50 replications")
        let share = approvals / submissions
        let z = gsl_cdf_ugaussian_Pinv(0.9995)
        XCTAssertEqual(share, 0.4, accuracy: z * (0.4 * 0.6 / submissions).squareRoot())
        XCTAssertEqual(mean(results, option: 1, MeasureName.approvalsOnResubmission), 0, "nobody resubmits")
        // Providers on the framework grow by the approvals.
        XCTAssertGreaterThan(mean(results, option: 1, MeasureName.frameworkProviders), 2)
    }

    /// The same scenario and seed give the same results on one thread as on two.
    func testResultsDoNotDependOnThreads() {
        let reviews = DayReviewSettings(intervalDays: 120, directPaymentProbability: 0.1, moveProbability: 0.5,
                                        referralDirectPaymentProbability: 0.1)
        let option = DayOption(rule: .framework, rates: [70, 45], roundEveryDays: 30, firstRoundDay: 10,
                               applicantsPerRound: 1, approvalProbability: 0.5, resubmissionProbability: 0.3,
                               targetedJoinProbability: 0.2)
        func run(_ threads: Int) -> [Double] {
            let results = Runner(scenario: Self.scenario(referralsPerWeek: 3, reviews: reviews, framework: option,
                                                         years: 2, replications: 9, threads: threads)).run()
            return (0..<results.layout.cellCount).map { results.summaries.summary($0).mean }
        }
        let one = run(1), two = run(2)
        XCTAssertEqual(one.count, two.count)
        for i in one.indices where !(one[i].isNaN && two[i].isNaN) {
            XCTAssertEqual(one[i], two[i], "cell \(i)")
        }
        XCTAssertTrue(one.contains { $0.isFinite && $0 > 0 })
    }
}
