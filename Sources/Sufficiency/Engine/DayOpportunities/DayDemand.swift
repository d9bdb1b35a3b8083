import Foundation

/// One replication's people for a day opportunities run, drawn once and replayed under every
/// option (common random numbers): the caseload at the start and every referral, with
/// everything about them that does not depend on the option.
final class DayDemand {
    /// One person: who they are, and their draws.
    struct Person {
        /// Days from the start: 0 (or the warm-up's start) for the caseload.
        var arrives: Double
        var group: Int32
        var lot: Int32
        var level: Int32
        var tier: Int32
        /// Days a week.
        var days: Double
        /// Days in the first tier (from arrival).
        var tierDays: Double
        /// Days in the next tier, when the first is enablement whose goal is not met.
        var nextTierDays: Double
        var goalMet: Bool
        var transport: Bool
        /// Uniform draw deciding a direct payment at referral.
        var directPaymentDraw: Double
        /// Uniform draw deciding whether a referral is offered to the framework first.
        var frameworkDraw: Double
        /// Days until the first review.
        var firstReview: Double
        /// Caseload only: index of the entry (−1 for referrals).
        var entry: Int32
        /// Where they live: index into the scenario's localities.
        var locality: Int32 = 0

        /// Days a week they take a place: their days rounded up (a part day takes the place
        /// for the day), at least 1 and at most 7.
        var attendance: Int { Self.attendance(days: days) }

        static func attendance(days: Double) -> Int {
            min(7, max(1, Int((days - 1e-9).rounded(.up))))
        }
    }

    private(set) var people: [Person] = []
    /// The caseload comes first in `people`.
    private(set) var initialCount = 0
    private let day: DayOpportunities
    private let start: Double
    private let horizon: Double
    private let groupSampler: DiscreteSampler?
    private let levelSamplers: [DiscreteSampler]
    private let lotSamplers: [DiscreteSampler]
    private let tierSamplers: [DiscreteSampler]
    /// Where referrals live (nil: one locality, drawing nothing).
    private let localitySampler: DiscreteSampler?

    init(scenario: Scenario, calendar: SimulationCalendar) {
        day = scenario.dayOpportunities!
        start = -Double(calendar.warmUpDays)
        horizon = Double(calendar.horizonDays)
        groupSampler = day.groups.isEmpty ? nil : DiscreteSampler(weights: day.groups.map(\.share))
        levelSamplers = day.groups.map { DiscreteSampler(weights: $0.levelShares) }
        lotSamplers = day.groups.map { DiscreteSampler(weights: $0.lotShares) }
        tierSamplers = day.groups.map { DiscreteSampler(weights: $0.tiers.map(\.share)) }
        localitySampler = day.localities.count > 1 ? DiscreteSampler(weights: day.localities.map(\.share)) : nil
    }

    /// Draws the replication's people from `stream`.
    func generate(_ stream: RandomStream) {
        people.removeAll(keepingCapacity: true)
        let interval = day.reviews.intervalDays
        // The caseload: people already placed, part-way through long-term day care (the last
        // long-term tier of their group, else its last tier), reviews spread over the year.
        for (e, entry) in day.caseload.enumerated() {
            let group = day.groups[entry.group]
            let tier = group.tiers.lastIndex { $0.kind == .longTerm } ?? group.tiers.count - 1
            let home = entry.locality ?? entry.provider.map { day.providers[$0].locality }
            for _ in 0..<entry.people {
                let remaining = stream.draw(group.tiers[tier].duration)
                var person = Person(arrives: start, group: Int32(entry.group), lot: Int32(entry.lot),
                                    level: Int32(entry.level), tier: Int32(tier), days: entry.daysPerWeek,
                                    tierDays: remaining, nextTierDays: 0, goalMet: false,
                                    transport: stream.uniform() < entry.transportShare, directPaymentDraw: 1, frameworkDraw: 0,
                                    firstReview: day.reviews.firstReviewAfterDays + interval * stream.uniform(),
                                    entry: Int32(e))
                person.locality = Int32(home ?? localitySampler.map { $0.sample(stream) } ?? 0)
                people.append(person)
            }
        }
        initialCount = people.count
        guard let groupSampler, day.referralsPerWeek > 0 else { return }
        // Referrals: a Poisson process whose rate grows continuously at the annual rate,
        // drawn by thinning against the rate at the horizon.
        let base = day.referralsPerWeek / 7
        let growth = log(1 + day.annualGrowth) / 365.25
        let peak = base * max(exp(growth * horizon), exp(growth * start))
        var t = start
        while true {
            t += stream.exponential(mean: 1 / peak)
            if t >= horizon { break }
            if stream.uniform() * peak > base * exp(growth * t) { continue }
            let g = groupSampler.sample(stream)
            let ready = t + (day.assessmentDays.map { stream.draw($0) } ?? 0)
            let group = day.groups[g]
            let tier = tierSamplers[g].sample(stream)
            let rule = group.tiers[tier]
            var nextDays = 0.0
            var goal = false
            if rule.kind == .enablement {
                goal = stream.uniform() < rule.goalProbability
                if let next = rule.next { nextDays = stream.draw(group.tiers[next].duration) }
            }
            var person = Person(arrives: ready, group: Int32(g), lot: Int32(lotSamplers[g].sample(stream)),
                                level: Int32(levelSamplers[g].sample(stream)), tier: Int32(tier),
                                days: stream.draw(group.daysPerWeek), tierDays: stream.draw(rule.duration),
                                nextTierDays: nextDays, goalMet: goal,
                                transport: stream.uniform() < group.transportShare,
                                directPaymentDraw: stream.uniform(), frameworkDraw: stream.uniform(),
                                firstReview: interval, entry: -1)
            if let localitySampler { person.locality = Int32(localitySampler.sample(stream)) }
            people.append(person)
        }
        // With assessment times people become ready out of referral order: order them by
        // readiness (stably), dropping those not ready before the horizon.
        if day.assessmentDays != nil {
            var referrals = Array(people[initialCount...])
            referrals = referrals.enumerated().sorted { ($0.element.arrives, $0.offset) < ($1.element.arrives, $1.offset) }
                .map(\.element).filter { $0.arrives < horizon }
            people.removeSubrange(initialCount...)
            people.append(contentsOf: referrals)
        }
    }
}
