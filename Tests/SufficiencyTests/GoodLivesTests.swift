import XCTest
@testable import Sufficiency

/// Bed-based services on the places engine: self-funders who take beds the council would
/// otherwise have, a framework's term that ends in re-procurement, and the loader's checks of
/// both keys.
final class GoodLivesTests: XCTestCase {
    /// One level of beds (every day of the week), two homes of `beds` each, one on the
    /// framework; council residents staying `stay` days (fixed, so the tests are arithmetic
    /// where they can be), and self-funders arriving `selfFundersPerWeek`.
    static func beds(beds: Int = 20, caseload: Int = 30, referralsPerWeek: Double = 0, stay: Distribution = .fixed(100_000),
                     selfFundersPerWeek: Double = 0, selfFundersAtStart: Int = 0, term: ContractTerm? = nil,
                     reapproval: Double? = nil, years: Int = 2, replications: Int = 4) -> Scenario {
        let tier = Tier(name: "long-term", kind: .longTerm, share: 1, duration: stay)
        let group = DayGroup(name: "older people", share: 1, daysPerWeek: .fixed(7), levelShares: [1], lotShares: [1],
                             tiers: [tier])
        let providers = [
            DayProvider(name: "Member home", places: 0, lots: [0], member: true, placesByLevel: [beds], openDays: .everyDay),
            DayProvider(name: "Spot home", places: 0, lots: [0], member: false, placesByLevel: [beds], openDays: .everyDay),
        ]
        let half = caseload / 2
        let entries = [
            DayCaseloadEntry(provider: 0, route: .framework, people: half, group: 0, level: 0, daysPerWeek: 7, dailyRate: 100),
            DayCaseloadEntry(provider: 1, route: .spot, people: caseload - half, group: 0, level: 0, daysPerWeek: 7,
                             dailyRate: 110),
        ].filter { $0.people > 0 }
        let framework = DayOption(rule: .dps, rates: [100], term: term, reapprovalProbability: reapproval)
        let selfFunders = selfFundersPerWeek > 0 || selfFundersAtStart > 0
            ? SelfFunders(perWeek: [selfFundersPerWeek], stayDays: [stay], atStart: [selfFundersAtStart]) : nil
        // Nobody moves home at review.
        let reviews = DayReviewSettings(intervalDays: 365, moveProbability: 0)
        let day = DayOpportunities(levels: [SupportLevel(name: "residential", spotDailyRate: 110)], lots: ["all"],
                                   groups: [group], referralsPerWeek: referralsPerWeek, reviews: reviews, providers: providers,
                                   caseload: entries, options: [DayOption(rule: .spot), framework],
                                   openDays: .everyDay, selfFunders: selfFunders)
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let start = utc.date(from: DateComponents(year: 2023, month: 9, day: 1))!
        let days = utc.dateComponents([.day], from: start, to: utc.date(byAdding: .year, value: years, to: start)!).day!
        let shared = [ProcurementOption(name: "spot", rule: .spot, contracts: [], referenceRate: 1, uplift: .none),
                      ProcurementOption(name: "framework", rule: .spot, contracts: [], referenceRate: 1, uplift: .none)]
        return Scenario(name: "beds test", calendar: CalendarSettings(start: start, horizonDays: days, period: .month),
                        zones: [], demand: Demand(referralsPerWeek: 0, clientGroups: []), providers: [],
                        options: shared, run: RunSettings(replications: replications, seed: 11, threads: 1),
                        dayOpportunities: day)
    }

    private func mean(_ results: RunResults, option: Int, window: Int? = nil, _ measure: String) -> Double {
        results.summary(option: option, window: window ?? results.layout.horizonWindow, measure: measure)!.mean
    }

    // MARK: - Self-funders

    /// Self-funders in place on the first day take the beds the council's residents leave
    /// free: with 40 beds, 30 council residents and 25 self-funders, 10 self-funders find a
    /// bed (the other 15 are not in Wiltshire's homes). Nobody arrives or leaves, so every
    /// figure is arithmetic: 10 self-funded, 30 council, all 40 beds full.
    func testSelfFundersTakeFreeBedsAndAreNotCouncilSpend() {
        let results = Runner(scenario: Self.beds(caseload: 30, selfFundersAtStart: 25)).run()
        for option in 0..<2 {
            XCTAssertEqual(mean(results, option: option, MeasureName.selfFundedResidents), 10, accuracy: 1e-9)
            XCTAssertEqual(mean(results, option: option, MeasureName.placements), 30, accuracy: 1e-9)
            XCTAssertEqual(mean(results, option: option, MeasureName.occupancy), 1, accuracy: 1e-12)
            XCTAssertEqual(mean(results, option: option, MeasureName.councilShareOfBeds), 0.75, accuracy: 1e-12)
        }
        // Council spend is the council's residents only, seven days a week: 15 at the framework's
        // £100 and 15 at £110 spot (under the spot option, the framework's 15 at their own £100).
        for option in 0..<2 {
            XCTAssertEqual(mean(results, option: option, MeasureName.weeklySpend), (15 * 100 + 15 * 110) * 7, accuracy: 1e-6)
        }
    }

    /// Paired, same seed: with beds short, self-funders arriving faster leave the council
    /// fewer beds: more people wait, longer, and fewer council residents are placed.
    func testFasterSelfFundersTakeBedsTheCouncilWouldOtherwiseHave() {
        func run(_ selfFundersPerWeek: Double) -> RunResults {
            Runner(scenario: Self.beds(beds: 30, caseload: 40, referralsPerWeek: 0.8,
                                       stay: .exponential(mean: 365), selfFundersPerWeek: selfFundersPerWeek,
                                       selfFundersAtStart: 10, years: 3, replications: 40)).run()
        }
        // Alone, the council's residents would need about 42 of the 60 beds (0.8 a week × 365
        // days / 7); self-funders take free beds whenever nobody waits for the council, and
        // hold them for a year on average.
        let slow = run(0.1), fast = run(1.5)
        for option in 0..<2 {
            let waitingSlow = mean(slow, option: option, MeasureName.waiting), waitingFast = mean(fast, option: option, MeasureName.waiting)
            XCTAssertGreaterThan(waitingFast, waitingSlow + 1, "people waiting, option \(option)")
            XCTAssertLessThan(mean(fast, option: option, MeasureName.placements), mean(slow, option: option, MeasureName.placements) - 1,
                              "council residents in a bed, option \(option)")
            XCTAssertGreaterThan(mean(fast, option: option, MeasureName.selfFundedResidents),
                                 mean(slow, option: option, MeasureName.selfFundedResidents) + 3)
            XCTAssertLessThan(mean(fast, option: option, MeasureName.councilShareOfBeds),
                              mean(slow, option: option, MeasureName.councilShareOfBeds))
        }
        // The same self-funders arrive under both options (common random numbers).
        XCTAssertEqual(mean(fast, option: 0, MeasureName.selfFunderArrivals), mean(fast, option: 1, MeasureName.selfFunderArrivals))
    }

    /// Little's law for self-funders with room to spare: arrivals a week × mean stay / 7.
    func testSelfFundersInPlaceFollowLittlesLaw() {
        let results = Runner(scenario: Self.beds(beds: 400, caseload: 0, stay: .exponential(mean: 200),
                                                 selfFundersPerWeek: 3.5, selfFundersAtStart: 100, years: 4,
                                                 replications: 100)).run()
        let s = results.summary(option: 0, window: results.layout.horizonWindow, measure: MeasureName.selfFundedResidents)!
        XCTAssertEqual(s.mean, 3.5 / 7 * 200, accuracy: (s.ciHigh - s.ciLow) / 2 + 2)
        XCTAssertEqual(mean(results, option: 0, MeasureName.selfFundersTurnedAway), 0)
    }

    // MARK: - The framework's term

    /// 1+1 years, extended: the extension is taken on the first anniversary and the framework
    /// re-procured on the second; with a re-approval chance of 0 its one member is lost on that
    /// date, and its residents stay, bought spot from then on.
    func testTheTermIsExtendedThenReprocuredOnItsDates() throws {
        let scenario = Self.beds(caseload: 30, term: ContractTerm(initialYears: 1, extensionYears: 1, extensionRule: .always),
                                 reapproval: 0, years: 3, replications: 2)
        let results = Runner(scenario: scenario).run()
        let windows = results.layout.windows
        // Monthly periods from September 2023 come first among the windows.
        func period(_ label: String) throws -> Int {
            let parts = label.split(separator: "-").map { Int($0)! }
            let index = (parts[0] - 2023) * 12 + parts[1] - 9
            XCTAssertEqual(windows[index].kind, .period)
            return index
        }
        // Monthly from 1 September 2023: the extension in 2024-09, the re-procurement in 2025-09.
        XCTAssertEqual(mean(results, option: 1, window: try period("2024-09"), MeasureName.frameworkExtensions), 1)
        XCTAssertEqual(mean(results, option: 1, window: try period("2025-08"), MeasureName.frameworkReprocurements), 0)
        XCTAssertEqual(mean(results, option: 1, window: try period("2025-09"), MeasureName.frameworkReprocurements), 1)
        XCTAssertEqual(mean(results, option: 1, window: try period("2025-09"), MeasureName.membersLost), 1)
        XCTAssertEqual(mean(results, option: 1, MeasureName.frameworkExtensions), 1)
        XCTAssertEqual(mean(results, option: 1, MeasureName.membersReapproved), 0)
        // Its 15 residents stay where they are, bought spot at the rate they had.
        XCTAssertEqual(mean(results, option: 1, window: try period("2025-08"), MeasureName.placementsRoute("framework")), 15, accuracy: 1e-9)
        XCTAssertEqual(mean(results, option: 1, window: try period("2025-10"), MeasureName.placementsRoute("framework")), 0, accuracy: 1e-9)
        XCTAssertEqual(mean(results, option: 1, window: try period("2025-10"), MeasureName.placementsRoute("spot")), 30, accuracy: 1e-9)
        XCTAssertEqual(mean(results, option: 1, window: try period("2025-10"), MeasureName.weeklySpend), (15 * 100 + 15 * 110) * 7,
                       accuracy: 1e-6)
        XCTAssertEqual(mean(results, option: 1, window: try period("2025-10"), MeasureName.frameworkProviders), 0, accuracy: 1e-9)
        // The spot option has no framework and no term.
        XCTAssertEqual(mean(results, option: 0, MeasureName.frameworkReprocurements), 0)
    }

    /// Not extended, re-approved for certain: the member stays and is counted as re-approved
    /// at the end of the initial term, and again a term later.
    func testAMemberApprovedAgainStaysOnTheFramework() throws {
        let scenario = Self.beds(caseload: 30, term: ContractTerm(initialYears: 1, extensionYears: 1, extensionRule: .never),
                                 reapproval: 1, years: 3, replications: 2)
        let results = Runner(scenario: scenario).run()
        XCTAssertEqual(mean(results, option: 1, MeasureName.frameworkReprocurements), 2)
        XCTAssertEqual(mean(results, option: 1, MeasureName.membersReapproved), 2)
        XCTAssertEqual(mean(results, option: 1, MeasureName.membersLost), 0)
        XCTAssertEqual(mean(results, option: 1, MeasureName.frameworkExtensions), 0)
        XCTAssertEqual(mean(results, option: 1, MeasureName.placementsRoute("framework")), 15, accuracy: 1e-9)
    }

    // MARK: - Loader

    private static let yaml = """
        name: beds
        service: day_opportunities
        calendar: {start: 2023-09-01, years: 2, period: month}
        open_days: [mon, tue, wed, thu, fri, sat, sun]
        levels:
          - {name: residential, spot_daily_rate: 120}
          - {name: nursing, spot_daily_rate: 140}
        groups:
          - name: older people
            share: 1
            days_per_week: {distribution: fixed, mean: 7}
            level_shares: {residential: 0.6, nursing: 0.4}
            tiers:
              - {name: long-term, kind: long_term, share: 1, duration: {distribution: exponential, mean: 700}}
        referrals: {per_week: 1}
        self_funders:
          per_week: {residential: 0.7, nursing: 0.3}
          stay_days:
            residential: {distribution: exponential, mean: 700}
            nursing: {distribution: exponential, mean: 500}
        providers:
          - {name: Home, places: {residential: 40, nursing: 20}}
        options:
          - {name: spot, rule: spot}
          - name: framework
            rule: dps
            rates: {residential: 115, nursing: 135}
            term: {initial_years: 3, extension_years: 2, extend: always}
        """

    private func problems(_ old: String, _ new: String) -> [String] {
        precondition(Self.yaml.contains(old), old)
        do {
            _ = try ScenarioLoader.load(yaml: Self.yaml.replacingOccurrences(of: old, with: new), fileName: "beds.yaml")
            XCTFail("expected the scenario to be rejected")
            return []
        } catch {
            return error.issues.map(\.description)
        }
    }

    func testTheKeysLoad() throws {
        let day = try XCTUnwrap(ScenarioLoader.load(yaml: Self.yaml, fileName: "beds.yaml").scenario.dayOpportunities)
        let selfFunders = try XCTUnwrap(day.selfFunders)
        XCTAssertEqual(selfFunders.perWeek, [0.7, 0.3])
        // At the start, Little's law: 0.7 / 7 × 700 = 70 and 0.3 / 7 × 500 ≈ 21.
        XCTAssertEqual(selfFunders.atStart, [70, 21])
        XCTAssertEqual(day.options[1].term, ContractTerm(initialYears: 3, extensionYears: 2, extensionRule: .always))
        XCTAssertNil(day.options[1].reapprovalProbability)
    }

    func testMistakesInTheNewKeysAreReportedWhereTheyAre() {
        XCTAssertEqual(problems("- {name: spot, rule: spot}", "- {name: spot, rule: spot, term: {initial_years: 3}}"), [
            "beds.yaml:24:36: options[0].term: a spot option has no framework whose term could end; remove 'term' or "
                + "set rule: framework or dps.",
        ])
        XCTAssertEqual(problems("extend: always}", "extend: on_performance}"), [
            "beds.yaml:28:58: options[1].term.extend: 'on_performance' decides a home care contract's extension on its "
                + "unmet hours; a day opportunities or bed-based framework takes 'always' or 'never'.",
        ])
        XCTAssertEqual(problems("    term: {initial_years: 3, extension_years: 2, extend: always}", "    reapproval_probability: 0.9"), [
            "beds.yaml:28:29: options[1].reapproval_probability: reapproval_probability applies only when the framework "
                + "has a term; add 'term' or remove it.",
        ])
        XCTAssertEqual(problems("per_week: {residential: 0.7, nursing: 0.3}", "per_week: {residential: 0.7, nursing: 0.3, respite: 1}"), [
            "beds.yaml:17:46: self_funders.per_week.respite: 'respite' is not a support level; expected one of: residential, nursing.",
        ])
        XCTAssertEqual(problems("    nursing: {distribution: exponential, mean: 500}\n", ""), [
            "beds.yaml:19:5: self_funders.stay_days: no length of stay for 'nursing'; every level with self-funders "
                + "(in per_week or at_start) needs one.",
        ])
        XCTAssertEqual(problems("per_week: {residential: 0.7,", "per_week: {residential: -0.7,"), [
            "beds.yaml:17:27: self_funders.per_week.residential: -0.7 is not allowed; expected a non-negative number of people a week.",
        ])
    }
}
