import XCTest
import CGSL
@testable import Sufficiency

/// Entry stated a year: the conversion to rounds, an always-open DPS against a framework with
/// periodic rounds given the same yearly chances, and what replaces a DPS when it expires.
final class DayOpportunitiesEntryTests: XCTestCase {
    /// A county with 2 framework providers and 20 providers not on it, nobody referred, and two
    /// options with the same yearly appetite to join: a framework with a round every 182 days
    /// from day 182, and a DPS evaluated every 7 days, for two years (`years`). Each provider
    /// not on it applies with a chance of 30% a year, a failed applicant resubmits with 30% a
    /// year, and 4 new organisations apply a year; 60% of first submissions and 80% of
    /// resubmissions are approved. `dpsExtra` is added to the DPS option's mapping.
    static func yaml(years: Int = 2, replications: Int = 400, dpsExtra: String = "") -> String {
        let providers = (1...20).map { "  - {name: Spot \($0), places: 10}" }.joined(separator: "\n")
        return """
        name: entry test
        service: day_opportunities
        calendar: {start: 2023-04-01, years: \(years), period: month}
        run: {replications: \(replications), seed: 7, threads: 0}
        levels:
          - {name: group, spot_daily_rate: 50}
        groups:
          - name: adults
            share: 1
            days_per_week: {distribution: fixed, mean: 2}
            level_shares: {group: 1}
            tiers:
              - {name: long-term, kind: long_term, share: 1, duration: {distribution: fixed, mean: 100000}}
        referrals: {per_week: 0}
        providers:
          - {name: Member A, places: 40, member: true}
          - {name: Member B, places: 40, member: true}
        \(providers)
        caseload:
          - {provider: Member A, route: framework, people: 10, group: adults, level: group, days_per_week: 2, daily_rate: 45}
          - {provider: Spot 1, route: spot, people: 5, group: adults, level: group, days_per_week: 2, daily_rate: 50}
        options:
          - name: framework
            rule: framework
            rates: {group: 45}
            rounds: {every_days: 182, first_day: 182}
            join_chance_per_year: 0.3
            resubmission_chance_per_year: 0.3
            applicants_per_year: 4
            approval_probability: 0.6
            resubmission_approval_probability: 0.8
          - name: dps
            rule: dps
            rates: {group: 45}
            join_chance_per_year: 0.3
            resubmission_chance_per_year: 0.3
            applicants_per_year: 4
            approval_probability: 0.6
            resubmission_approval_probability: 0.8
        \(dpsExtra)
        """
    }

    private func load(_ yaml: String) throws -> Scenario {
        try ScenarioLoader.load(yaml: yaml, fileName: "entry.yaml").scenario
    }

    /// The paired difference (option `b` minus option `a`) of a whole-run value over the
    /// replications: its mean and the half-width of its two-sided 99.9% interval.
    static func pairedDifference(_ results: RunResults, a: Int = 0, b: Int = 1,
                                 _ value: (_ replication: Int, _ option: Int) -> Double) -> (mean: Double, halfWidth: Double) {
        let n = results.replications
        let d = (0..<n).map { value($0, b) - value($0, a) }
        let mean = d.reduce(0, +) / Double(n)
        let variance = d.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)
        return (mean, gsl_cdf_ugaussian_Pinv(0.9995) * (variance / Double(n)).squareRoot())
    }

    /// `pairedDifference` of a whole-run measure.
    static func pairedDifference(_ results: RunResults, _ measure: String, a: Int = 0,
                                 b: Int = 1) -> (mean: Double, halfWidth: Double) {
        let m = results.layout.measures.all.firstIndex { $0.name == measure }!
        return pairedDifference(results, a: a, b: b) { results.total(replication: $0, option: $1, measure: m) }
    }

    // MARK: - Conversion

    /// A chance a year spread over rounds comes back to itself over a year of rounds, and a
    /// mean a year is pro rata; both per-year keys load as those per-round values.
    func testAYearlyChanceIsConvertedExactlyToTheOptionsRounds() throws {
        let weekly = EntryConversion.chancePerRound(perYear: 0.3, roundDays: 7)
        XCTAssertEqual(weekly, 1 - pow(0.7, 7 / 365.25), accuracy: 1e-15)
        XCTAssertEqual(EntryConversion.chancePerYear(perRound: weekly, roundDays: 7), 0.3, accuracy: 1e-14)
        XCTAssertEqual(EntryConversion.chance(weekly, roundDays: 7, asRoundsOf: 182),
                       1 - pow(0.7, 182 / 365.25), accuracy: 1e-14)
        XCTAssertEqual(EntryConversion.chancePerRound(perYear: 1, roundDays: 7), 1)
        XCTAssertEqual(EntryConversion.chancePerRound(perYear: 0, roundDays: 7), 0)

        let scenario = try load(Self.yaml())
        let (framework, dps) = (scenario.dayOpportunities!.options[0], scenario.dayOpportunities!.options[1])
        XCTAssertEqual(framework.targetedJoinProbability, 1 - pow(0.7, 182 / 365.25), accuracy: 1e-15)
        XCTAssertEqual(framework.resubmissionProbability, 1 - pow(0.7, 182 / 365.25), accuracy: 1e-15)
        XCTAssertEqual(framework.applicantsPerRound, 4 * 182 / 365.25, accuracy: 1e-15)
        XCTAssertEqual(dps.targetedJoinProbability, weekly, accuracy: 1e-15)
        XCTAssertEqual(dps.applicantsPerRound, 4 * 7 / 365.25, accuracy: 1e-15)
        XCTAssertEqual(scenario.dayOpportunities!.entrySummary(optionNames: ["framework", "dps"],
                                                              start: scenario.calendar.start), [
            "framework: join chance 30% a year = 0.1628 a round of 182 days; resubmission chance 30% a year = "
                + "0.1628 a round; new applicants 4 a year = 1.993 a round.",
            "dps: join chance 30% a year = 0.006812 a round of 7 days; resubmission chance 30% a year = 0.006812 "
                + "a round; new applicants 4 a year = 0.07666 a round.",
        ])
    }

    // MARK: - Always open against periodic rounds

    /// The reasoning: over two years the framework holds 4 rounds (days 182 to 728) and the DPS
    /// 104 (days 7 to 728), both 728 days of rounds, so with chances converted from the same
    /// yearly values a provider is as likely to apply at least once under either, and as many
    /// new organisations apply: first-submission approvals are the same in expectation. What
    /// differs is when: under the DPS a provider applies in the week it decides to, not at the
    /// next six-monthly round, so it is a member for longer (more providers on the framework,
    /// time-averaged), and a failed applicant has more of the run left to resubmit in (at
    /// least as many approvals on resubmission). 400 replications, paired by seed, checked
    /// with 99.9% intervals of the paired differences (DPS minus framework).
    func testAnAlwaysOpenDPSAdmitsAtLeastAsManyProvidersAsAFrameworkWithRounds() throws {
        let results = Runner(scenario: try load(Self.yaml())).run()
        let approved = results.layout.measures.all.firstIndex { $0.name == MeasureName.approvals }!
        let resubmissions = results.layout.measures.all.firstIndex { $0.name == MeasureName.approvalsOnResubmission }!
        let first = Self.pairedDifference(results) {
            results.total(replication: $0, option: $1, measure: approved)
                - results.total(replication: $0, option: $1, measure: resubmissions)
        }
        XCTAssertLessThanOrEqual(abs(first.mean), first.halfWidth,
                                 "first-submission approvals differ by \(first.mean) ± \(first.halfWidth)")
        let resubmitted = Self.pairedDifference(results, MeasureName.approvalsOnResubmission)
        XCTAssertGreaterThan(resubmitted.mean - resubmitted.halfWidth, 0,
                             "resubmission approvals: DPS minus framework \(resubmitted.mean) ± \(resubmitted.halfWidth)")
        let approvals = Self.pairedDifference(results, MeasureName.approvals)
        XCTAssertGreaterThanOrEqual(approvals.mean + approvals.halfWidth, 0,
                                    "approvals: DPS minus framework \(approvals.mean) ± \(approvals.halfWidth)")
        let members = Self.pairedDifference(results, MeasureName.frameworkProviders)
        XCTAssertGreaterThan(members.mean - members.halfWidth, 0,
                             "providers on it: DPS minus framework \(members.mean) ± \(members.halfWidth)")
    }

    // MARK: - Kent

    /// Kent's scenario states the same yearly chances under its framework and its DPS, so the
    /// DPS's providers on the framework (time-averaged over the run) and its approvals are at
    /// least the framework's: the paired difference's 99.9% interval reaches zero or above,
    /// and the DPS has more providers on it on average (40 replications, to keep the suite
    /// quick; over 200 the DPS has 55.9 providers on it against 54.9, and approves 16.9
    /// against 16.7).
    func testKentWithLikeForLikeEntryTheDPSHasAtLeastTheFrameworksProviders() throws {
        let path = DayOpportunitiesCalibrationTests.kent
        let scenario = try ScenarioLoader.load(path: path, overrides: ["run.replications=40"]).scenario
        XCTAssertEqual(scenario.options.map(\.name), ["framework", "dps"])
        let results = Runner(scenario: scenario).run()
        for measure in [MeasureName.frameworkProviders, MeasureName.approvals] {
            let d = Self.pairedDifference(results, measure)
            XCTAssertGreaterThanOrEqual(d.mean + d.halfWidth, 0, "\(measure): DPS minus framework \(d.mean) ± \(d.halfWidth)")
        }
        let members = Self.pairedDifference(results, MeasureName.frameworkProviders)
        XCTAssertGreaterThan(members.mean, 0, "providers on it: DPS minus framework \(members.mean) ± \(members.halfWidth)")
    }

    // MARK: - When a DPS expires

    /// Seven years from April 2023 run past 23 February 2029, the latest day a DPS under the
    /// Public Contracts Regulations 2015 may run, so the DPS names its successor; referrals
    /// come in so that placements go on being made.
    private func expiring(_ successor: String) throws -> Scenario {
        var text = Self.yaml(years: 7, replications: 20, dpsExtra: "    after_expiry: \(successor)\n")
        text = text.replacingOccurrences(of: "referrals: {per_week: 0}", with: "referrals: {per_week: 1}")
        if successor == "framework" {
            text = text.replacingOccurrences(of: "    rule: dps\n", with: "    rule: dps\n    rounds: {every_days: 182}\n")
        }
        return try load(text)
    }

    /// The months from 1 March 2029, day 2161 (the DPS's successor took over on 24 February).
    private func monthsAfterExpiry(_ results: RunResults) -> [Int] {
        results.layout.windows.indices.filter {
            results.layout.windows[$0].kind == .period && results.layout.windows[$0].fromDay >= 2161
        }
    }

    /// The month holding day `day` from the start.
    private func month(holding day: Int, _ results: RunResults) -> Int {
        results.layout.windows.indices.first {
            let w = results.layout.windows[$0]
            return w.kind == .period && w.fromDay <= day && day < w.toDay
        }!
    }

    /// A dynamic market carries on as the DPS did: the run is the same as a DPS that never ends.
    func testADynamicMarketCarriesOnAsTheDPS() throws {
        let scenario = try expiring("dynamic_market")
        XCTAssertEqual(scenario.dayOpportunities!.options[1].expiry,
                       DPSExpiry(day: 2156, successor: .dynamicMarket, successorRoundEveryDays: 182),
                       "the DPS's last day is 23 February 2029, day 2155 from 1 April 2023")
        var endless = scenario
        endless.dayOpportunities!.options[1].expiry = nil
        let a = Runner(scenario: scenario).run(), b = Runner(scenario: endless).run()
        for cell in 0..<a.layout.cellCount {
            let x = a.summaries.summary(cell).mean, y = b.summaries.summary(cell).mean
            XCTAssertTrue(x == y || (x.isNaN && y.isNaN), "cell \(cell): \(x) against \(y)")
        }
    }

    /// Spot in its place: nobody applies any more, nobody is on a framework, and new people are
    /// placed spot; people placed on DPS terms keep them.
    func testASpotSuccessorEndsEntryAndFrameworkPlacements() throws {
        let results = Runner(scenario: try expiring("spot")).run()
        let months = monthsAfterExpiry(results)
        XCTAssertEqual(months.count, 13)
        func mean(_ window: Int, _ measure: String) -> Double {
            results.summary(option: 1, window: window, measure: measure)!.mean
        }
        for month in months {
            XCTAssertEqual(mean(month, MeasureName.submissions), 0, "month \(month)")
            XCTAssertEqual(mean(month, MeasureName.frameworkProviders), 0, "month \(month)")
        }
        let before = month(holding: 2100, results)
        XCTAssertGreaterThan(mean(before, MeasureName.submissions), 0, "the DPS was admitting providers before it ended")
        XCTAssertGreaterThan(mean(months.last!, MeasureName.placementsRoute("framework")), 0, "people on DPS terms keep them")
        // No one placed after expiry is on framework terms: those on them only leave or stay.
        for (earlier, later) in zip(months, months.dropFirst()) {
            XCTAssertLessThanOrEqual(mean(later, MeasureName.placementsRoute("framework")), mean(earlier, MeasureName.placementsRoute("framework")) + 1e-9)
        }
    }

    /// A framework in its place holds its rounds every 182 days. The DPS evaluates every 7
    /// days from day 7, so its last round is on day 2156 (24 February 2029) and the round it
    /// had posted for day 2163 opens the framework; then rounds fall on days 2345 and 2527.
    /// Of the thirteen months from March 2029 exactly those three hold submissions, where a
    /// dynamic market has them every month.
    func testAFrameworkSuccessorHoldsItsOwnRounds() throws {
        let framework = Runner(scenario: try expiring("framework")).run()
        let market = Runner(scenario: try expiring("dynamic_market")).run()
        let months = monthsAfterExpiry(framework)
        let withRounds = months.filter { framework.summary(option: 1, window: $0, measure: MeasureName.submissions)!.mean > 0 }
        XCTAssertEqual(withRounds, [2163, 2345, 2527].map { month(holding: $0, framework) })
        let marketMonths = months.filter { market.summary(option: 1, window: $0, measure: MeasureName.submissions)!.mean > 0 }
        XCTAssertEqual(marketMonths.count, months.count, "a dynamic market evaluates every week")
    }

    /// Entry a year, an expiry and its successor, and budget lines give the same results on
    /// one thread as on three.
    func testResultsDoNotDependOnThreads() throws {
        var scenario = try expiring("framework")
        scenario.dayOpportunities!.budgetLines = [BudgetLine(name: "adults", groups: [0], includesTransport: true)]
        func run(_ threads: Int) -> [Double] {
            scenario.run.threads = threads
            let results = Runner(scenario: scenario).run()
            return (0..<results.layout.cellCount).map { results.summaries.summary($0).mean }
        }
        let one = run(1), three = run(3)
        XCTAssertEqual(one.count, three.count)
        for i in one.indices where !(one[i].isNaN && three[i].isNaN) {
            XCTAssertEqual(one[i], three[i], "cell \(i)")
        }
    }
}
