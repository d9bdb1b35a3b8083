import XCTest
import CGSL
@testable import Sufficiency

/// Places that can run out (by level and day of the week), localities, and transport by the
/// trip, in the day opportunities engine.
final class DayPlacesTests: XCTestCase {
    private static func start() -> Date {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        return utc.date(from: DateComponents(year: 2023, month: 4, day: 1))!
    }

    private static func scenario(_ day: DayOpportunities, options: [String], horizonDays: Int, warmUpDays: Int = 0,
                                 replications: Int) -> Scenario {
        Scenario(name: "places test",
                 calendar: CalendarSettings(start: start(), horizonDays: horizonDays, period: .month, warmUpDays: warmUpDays),
                 zones: [], demand: Demand(referralsPerWeek: 0, clientGroups: []), providers: [],
                 options: options.map { ProcurementOption(name: $0, rule: .spot, contracts: [], referenceRate: 1, uplift: .none) },
                 run: RunSettings(replications: replications, seed: 11, threads: 1), dayOpportunities: day)
    }

    private func summary(_ results: RunResults, option: Int = 0, _ measure: String) -> Summary {
        results.summary(option: option, window: results.layout.horizonWindow, measure: measure)!
    }

    // MARK: - Places

    /// A person holds a place at their level on as many of the provider's open days as they
    /// attend, the days with most room, within the building's capacity; they give them back.
    func testPlacesAreHeldByLevelAndDayAndGivenBack() {
        var places = DayPlaces(levels: 2)
        // Two one-to-one places a day and none in a group, in a building of 3 a day, open Monday to Wednesday.
        places.append(shared: 0, byLevel: [2, 0], capacity: 3, days: Weekdays(mask: 0b111))
        XCTAssertEqual(places.weight(0, level: 0, days: 2), 6, "two places on each of three days")
        XCTAssertEqual(places.weight(0, level: 0, days: 4), 0, "open three days: nobody attending four fits")
        XCTAssertEqual(places.weight(0, level: 1, days: 1), 0, "no group places")
        let first = places.take(0, level: 0, days: 2)
        XCTAssertEqual(first.mask, 0b011, "the days with most room, earliest first on ties")
        let second = places.take(0, level: 0, days: 2)
        XCTAssertEqual(second.mask, 0b101, "Wednesday has most room, then Monday")
        XCTAssertEqual(places.weight(0, level: 0, days: 2), 2, "a place left on Tuesday and on Wednesday")
        XCTAssertEqual(places.weight(0, level: 0, days: 3), 0, "none on Monday")
        places.release(0, level: 0, days: first)
        XCTAssertEqual(places.weight(0, level: 0, days: 3), 4)
        // A shared pool: places for every level, the building's places.
        places.append(shared: 4, byLevel: nil, capacity: nil, days: .weekdays)
        XCTAssertEqual(places.weight(1, level: 1, days: 5), 20)
        _ = places.take(1, level: 0, days: 5)
        XCTAssertEqual(places.weight(1, level: 1, days: 5), 15, "a one-to-one person takes from the shared places")
    }

    /// A day service where everyone attends all five open days and every place is the same,
    /// with Poisson referrals and exponential needs. A need runs from referral, so a person
    /// whose need ends while they wait leaves unplaced; with exponential needs everyone is
    /// present for an exponential time whatever happens to them, so the number present N is
    /// that of an M/M/∞ queue, Poisson with mean λ/μ (Gross & Harris, Fundamentals of Queueing
    /// Theory, M/M/∞), the number placed is E[min(N, c)] and the number waiting E[(N − c)⁺] for
    /// c places a day. Both lie within the replications' 95% intervals.
    func testPlacesThatRunOutQueueAsTheoryPredicts() {
        let perDay = 1.6, stay = 5.0, servers = 10
        let tier = Tier(name: "long-term", kind: .longTerm, share: 1, duration: .exponential(mean: stay))
        let group = DayGroup(name: "adults", share: 1, daysPerWeek: .fixed(5), levelShares: [1], lotShares: [1], tiers: [tier])
        let day = DayOpportunities(
            levels: [SupportLevel(name: "day", spotDailyRate: 50)], lots: ["all"], groups: [group],
            referralsPerWeek: perDay * 7, reviews: DayReviewSettings(intervalDays: 1e6, firstReviewAfterDays: 1e6),
            providers: [DayProvider(name: "Centre", places: servers, lots: [0])], options: [DayOption(rule: .spot)])
        let results = Runner(scenario: Self.scenario(day, options: ["spot"], horizonDays: 3000, warmUpDays: 300,
                                                     replications: 40)).run()
        let load = perDay * stay
        var placed = 0.0, waiting = 0.0
        for n in 0..<200 {
            let p = gsl_ran_poisson_pdf(UInt32(n), load)
            placed += Double(min(n, servers)) * p
            waiting += Double(max(0, n - servers)) * p
        }
        let measuredWaiting = summary(results, MeasureName.waiting), measuredPlaced = summary(results, MeasureName.placements)
        XCTAssert(measuredWaiting.ciLow <= waiting && waiting <= measuredWaiting.ciHigh,
                  "E[(N − c)⁺] \(waiting) outside \(measuredWaiting.ciLow)...\(measuredWaiting.ciHigh)")
        XCTAssert(measuredPlaced.ciLow <= placed && placed <= measuredPlaced.ciHigh,
                  "E[min(N, c)] \(placed) outside \(measuredPlaced.ciLow)...\(measuredPlaced.ciHigh)")
        XCTAssertGreaterThan(waiting, 0.2, "the queue is real")
        // Unmet days: the people waiting × their five days a week, over the run.
        let days = Double(results.layout.windows[results.layout.horizonWindow].days)
        XCTAssertEqual(summary(results, MeasureName.unmetDays).mean, measuredWaiting.mean * 5 / 7 * days, accuracy: 1e-6 * days)
    }

    // MARK: - Localities and transport

    /// A return trip: the vehicle's mileage shared among the run, plus the cost per trip each
    /// way, plus the flat cost per attendance.
    func testTransportIsCostedByTheTrip() {
        let travel = DayTravel(costPerMile: 0.5, peoplePerVehicle: 4, costPerTrip: 2, costPerAttendance: 1)
        // 10 miles each way: 2 × (10 × £0.50 / 4 + £2) + £1.
        XCTAssertEqual(travel.costPerDay(kilometres: 10 * DayTravel.kilometresPerMile), 7.5, accuracy: 1e-12)
        let north = DayLocality(name: "north", place: .grid(easting: 400_000, northing: 200_000), share: 0.5)
        let south = DayLocality(name: "south", place: .grid(easting: 400_000, northing: 170_000), share: 0.5)
        XCTAssertEqual(travel.kilometres(from: north, 0, to: south, 1), 30 * 1.3, accuracy: 1e-9)
        XCTAssertEqual(travel.kilometres(from: north, 0, to: north, 0), travel.localKilometres)
        XCTAssertEqual(travel.minutes(kilometres: 40), 60, accuracy: 1e-12)
    }

    /// Two localities 60 km apart with all the places in the north. An option whose new
    /// organisations set up in the south (where half the people live) has places close to home:
    /// paired on the same seeds, fewer people wait, more are within the standard, and less is
    /// spent on transport although more people are placed.
    func testPlacesCloseToHomeMeanLessWaitingAndLessTransport() {
        let tier = Tier(name: "long-term", kind: .longTerm, share: 1, duration: .exponential(mean: 300))
        let group = DayGroup(name: "adults", share: 1, daysPerWeek: .fixed(3), levelShares: [1], lotShares: [1],
                             transportShare: 1, tiers: [tier])
        let localities = [DayLocality(name: "north", place: .grid(easting: 400_000, northing: 230_000), share: 0.5),
                          DayLocality(name: "south", place: .grid(easting: 400_000, northing: 170_000), share: 0.5)]
        let travel = DayTravel(roadFactor: 1.3, speedKmPerHour: 40, localKilometres: 5, standardMinutes: 30,
                               costPerMile: 1, peoplePerVehicle: 2)
        let closed = DayOption(rule: .framework, rates: [50], roundEveryDays: 30, firstRoundDay: 30)
        var southern = closed
        southern.applicantsPerRound = 1
        southern.approvalProbability = 1
        southern.applicantPool = 2
        southern.newProviderPlaces = 10
        southern.newProviderLocalities = [0, 1]
        let day = DayOpportunities(
            levels: [SupportLevel(name: "day", spotDailyRate: 60)], lots: ["all"], groups: [group],
            referralsPerWeek: 1, reviews: DayReviewSettings(intervalDays: 1e6, firstReviewAfterDays: 1e6),
            providers: [DayProvider(name: "North centre", places: 12, lots: [0], member: true, locality: 0)],
            options: [closed, southern], localities: localities, travel: travel)
        let results = Runner(scenario: Self.scenario(day, options: ["north only", "south too"], horizonDays: 1096,
                                                     replications: 30)).run()
        XCTAssertGreaterThan(summary(results, option: 0, MeasureName.waiting).mean, 5, "places are short in the north-only option")
        let waiting = results.pairedDifference(MeasureName.waiting)
        XCTAssertLessThan(waiting.mean + waiting.halfWidth, 0, "fewer wait with places in the south: \(waiting)")
        let placed = results.pairedDifference(MeasureName.placements)
        XCTAssertGreaterThan(placed.mean - placed.halfWidth, 0, "more are placed: \(placed)")
        let transport = results.pairedDifference(MeasureName.transportSpend)
        XCTAssertLessThan(transport.mean + transport.halfWidth, 0, "less is spent on transport: \(transport)")
        let close = results.pairedDifference(MeasureName.withinStandardShare)
        XCTAssertGreaterThan(close.mean - close.halfWidth, 0, "more are close to home: \(close)")
        // Nobody is placed farther than the two centroids apart: 60 km × 1.3 at 40 km an hour.
        XCTAssertLessThanOrEqual(summary(results, option: 0, MeasureName.travelMinutesMean).mean, 117 + 1e-9)
    }

    /// With a reach, nobody is placed beyond it: people in the south wait for a place rather
    /// than travel to the north.
    func testNobodyIsPlacedBeyondTheirReach() {
        let tier = Tier(name: "long-term", kind: .longTerm, share: 1, duration: .exponential(mean: 300))
        let group = DayGroup(name: "adults", share: 1, daysPerWeek: .fixed(2), levelShares: [1], lotShares: [1],
                             transportShare: 1, tiers: [tier])
        let localities = [DayLocality(name: "north", place: .grid(easting: 400_000, northing: 230_000), share: 0.5),
                          DayLocality(name: "south", place: .grid(easting: 400_000, northing: 170_000), share: 0.5)]
        let day = DayOpportunities(
            levels: [SupportLevel(name: "day", spotDailyRate: 60)], lots: ["all"], groups: [group],
            referralsPerWeek: 0.5, reviews: DayReviewSettings(intervalDays: 1e6, firstReviewAfterDays: 1e6),
            providers: [DayProvider(name: "North centre", places: 100, lots: [0], locality: 0)],
            options: [DayOption(rule: .spot)], localities: localities,
            travel: DayTravel(reachMinutes: 60))
        let results = Runner(scenario: Self.scenario(day, options: ["spot"], horizonDays: 730, replications: 6)).run()
        XCTAssertEqual(summary(results, MeasureName.withinStandardShare).mean, 1, "everyone placed is local")
        XCTAssertGreaterThan(summary(results, MeasureName.waiting).mean, 5, "the south waits though the north has room")
    }

    /// Reviews check "customers are not having to travel unnecessarily far" (Wiltshire, para
    /// 5.7c): with `move_closer_probability` 1, everyone placed beyond the standard moves at
    /// their first review to a provider within it that has room; with 0, nobody does.
    func testReviewsMovePeopleCloserToHome() {
        func run(closer: Double) -> RunResults {
            let tier = Tier(name: "long-term", kind: .longTerm, share: 1, duration: .fixed(100_000))
            let group = DayGroup(name: "adults", share: 1, daysPerWeek: .fixed(2), levelShares: [1], lotShares: [1],
                                 transportShare: 1, tiers: [tier])
            let localities = [DayLocality(name: "north", place: .grid(easting: 400_000, northing: 230_000), share: 0.5),
                              DayLocality(name: "south", place: .grid(easting: 400_000, northing: 170_000), share: 0.5)]
            let day = DayOpportunities(
                levels: [SupportLevel(name: "day", spotDailyRate: 60)], lots: ["all"], groups: [group], referralsPerWeek: 0,
                reviews: DayReviewSettings(intervalDays: 365, firstReviewAfterDays: 0, closerProbability: closer),
                providers: [DayProvider(name: "North centre", places: 20, lots: [0], locality: 0),
                            DayProvider(name: "South centre", places: 6, lots: [0], locality: 1)],
                caseload: [DayCaseloadEntry(provider: 0, route: .spot, people: 20, group: 0, level: 0, daysPerWeek: 2,
                                            dailyRate: 60, transportShare: 1, locality: 1)],
                options: [DayOption(rule: .spot)], localities: localities,
                travel: DayTravel(costPerMile: 1))
            return Runner(scenario: Self.scenario(day, options: ["spot"], horizonDays: 730, replications: 2)).run()
        }
        let stay = run(closer: 0), move = run(closer: 1)
        XCTAssertEqual(summary(stay, MeasureName.movesCloser).mean, 0)
        XCTAssertEqual(summary(stay, MeasureName.withinStandardShare).mean, 0)
        // Six places a day in the south, two days each: 15 people fit (6 × 5 / 2); the rest stay.
        XCTAssertEqual(summary(move, MeasureName.movesCloser).mean, 15)
        let year2 = move.layout.windows.firstIndex { $0.kind == .financialYear && $0.financialYear == 2024 }!
        XCTAssertEqual(move.summary(option: 0, window: year2, measure: MeasureName.withinStandardShare)!.mean, 0.75, accuracy: 1e-9)
        XCTAssertLessThan(summary(move, MeasureName.transportSpend).mean, summary(stay, MeasureName.transportSpend).mean)
    }

    // MARK: - The scenario format

    /// Places by level, group sessions × the level's group size, a building's capacity, open
    /// days and localities read from a scenario.
    func testTheFormatReadsPlacesDaysAndLocalities() throws {
        let yaml = """
        name: places
        service: day_opportunities
        calendar: {start: 2023-04-01, years: 1, period: month}
        levels:
          - {name: one to one, spot_daily_rate: 90}
          - {name: small group, spot_daily_rate: 50, group_size: 6}
        localities:
          - {name: Trowbridge, share: 0.6, centroid: {latitude: 51.32, longitude: -2.21}}
          - {name: Salisbury, share: 0.4, centroid: {latitude: 51.07, longitude: -1.79}}
        travel: {standard_minutes: 20, reach_minutes: 60, choice: nearest}
        transport: {cost_per_mile: 0.6, people_per_vehicle: 3, cost_per_trip: 1.5}
        open_days: [mon, tue, wed, thu, fri]
        groups:
          - name: adults
            share: 1
            days_per_week: {distribution: fixed, mean: 2}
            level_shares: {one to one: 0.3, small group: 0.7}
            tiers: [{name: long-term, kind: long_term, share: 1, duration: {distribution: exponential, mean: 400}}]
        referrals: {per_week: 1}
        providers:
          - {name: Hub, locality: Trowbridge, places: {one to one: 4}, groups: {small group: 2}, capacity: 14, days: [mon, wed, fri]}
          - {name: Barn, locality: Salisbury, places: 10}
        caseload:
          - {provider: Barn, route: spot, people: 3, group: adults, level: small group, days_per_week: 2, daily_rate: 50, locality: Trowbridge}
        options:
          - {name: spot, rule: spot}
          - {name: framework, rule: dps, rates: {one to one: 80, small group: 45}, new_provider_localities: {Salisbury: 1}}
        """
        let scenario = try ScenarioLoader.load(yaml: yaml, fileName: "places.yaml").scenario
        let day = try XCTUnwrap(scenario.dayOpportunities)
        XCTAssertEqual(day.providers[0].placesByLevel, [4, 12])
        XCTAssertEqual(day.providers[0].capacity, 14)
        XCTAssertEqual(day.providers[0].openDays, Weekdays(mask: 0b10101))
        XCTAssertEqual(day.providers[0].locality, 0)
        XCTAssertNil(day.providers[1].placesByLevel)
        XCTAssertEqual(day.providers[1].places, 10)
        XCTAssertEqual(day.providers[1].locality, 1)
        XCTAssertEqual(day.caseload[0].locality, 0)
        XCTAssertEqual(day.localities.map(\.share), [0.6, 0.4])
        XCTAssertEqual(day.travel.reachMinutes, 60)
        XCTAssertEqual(day.travel.costPerMile, 0.6)
        XCTAssertEqual(day.options[1].newProviderLocalities, [0, 1])
        _ = Runner(scenario: scenario).run()
    }

    /// Mistakes in the new keys are reported together, each where it is written.
    func testMistakesInPlacesAndLocalitiesAreReportedTogether() {
        let yaml = """
        name: places
        service: day_opportunities
        calendar: {start: 2023-04-01, years: 1, period: month}
        levels:
          - {name: one to one, spot_daily_rate: 90}
        localities:
          - {name: North, share: 0.5, centroid: {latitude: 51.32, longitude: -2.21}}
          - {name: South, share: 0.5}
        travel: {choice: closest}
        groups:
          - name: adults
            share: 1
            days_per_week: {distribution: fixed, mean: 2}
            level_shares: {one to one: 1}
            tiers: [{name: long-term, kind: long_term, share: 1, duration: {distribution: exponential, mean: 400}}]
        referrals: {per_week: 1}
        providers:
          - {name: Hub, groups: {one to one: 2}, days: [mon, funday]}
        options:
          - {name: spot, rule: spot}
        """
        XCTAssertThrowsError(try ScenarioLoader.load(yaml: yaml, fileName: "places.yaml")) { error in
            let text = "\(error)"
            for expected in ["localities[1]", "centroid", "travel.choice", "closest", "providers[0].groups",
                             "group_size", "funday", "providers[0]", "locality"] {
                XCTAssert(text.contains(expected), "\(expected) missing from: \(text)")
            }
        }
    }
}
