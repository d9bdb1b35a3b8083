import Foundation
import CGSL

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
        /// The draws behind the tier, goal and durations, kept so an option with its own pathway
        /// can choose again with the same luck (see `DayOpportunitiesSimulation+Pathways`).
        var pathway = PathwayDraws()
        /// Uniform placing a caseload person's first review within the interval.
        var reviewDraw = 0.0

        /// Days a week they take a place: their days rounded up (a part day takes the place
        /// for the day), at least 1 and at most 7.
        var attendance: Int { Self.attendance(days: days) }

        static func attendance(days: Double) -> Int {
            min(7, max(1, Int((days - 1e-9).rounded(.up))))
        }
    }

    /// A person's pathway luck: uniforms in [0, 1].
    struct PathwayDraws {
        /// The uniform behind the choice of first tier (the scenario's tier shares).
        var tier = 0.0
        /// The goal is met when this is below the tier's goal probability.
        var goal = 0.0
        /// Where the first tier's duration lies in its distribution.
        var first = 0.0
        /// Where the next tier's duration lies in its distribution.
        var next = 0.0
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

    /// Draws the replication's people from `stream`. `pathways` supplies the pathway draws the
    /// scenario's own pathway does not take from `stream` (a goal for someone not in
    /// enablement, a duration for a tier they are not in), so `stream` is drawn exactly as
    /// it would be without them.
    func generate(_ stream: RandomStream, pathways: RandomStream) {
        people.removeAll(keepingCapacity: true)
        let interval = day.reviews.intervalDays
        // The caseload: people already placed, part-way through long-term day care (the last
        // long-term tier of their group, else its last tier), reviews spread over the year.
        for (e, entry) in day.caseload.enumerated() {
            let group = day.groups[entry.group]
            let tier = group.tiers.lastIndex { $0.kind == .longTerm } ?? group.tiers.count - 1
            let home = entry.locality ?? entry.provider.map { day.providers[$0].locality }
            for _ in 0..<entry.people {
                var luck = spareDraws(pathways)
                let remaining = stream.drawWithQuantile(group.tiers[tier].duration)
                if let q = remaining.quantile { luck.first = q }
                let transport = stream.uniform() < entry.transportShare
                let review = stream.uniform()
                var person = Person(arrives: start, group: Int32(entry.group), lot: Int32(entry.lot),
                                    level: Int32(entry.level), tier: Int32(tier), days: entry.daysPerWeek,
                                    tierDays: remaining.value, nextTierDays: 0, goalMet: false,
                                    transport: transport, directPaymentDraw: 1, frameworkDraw: 0,
                                    firstReview: day.reviews.firstReviewAfterDays + interval * review,
                                    entry: Int32(e), pathway: luck, reviewDraw: review)
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
            // The same numbers the scenario's draws have always taken from `stream`, in the
            // same order, each kept (or where it lies in its distribution) in `luck`.
            var luck = spareDraws(pathways)
            luck.tier = gsl_rng_uniform(stream.raw)
            let tier = tierSamplers[g].index(forUniform: luck.tier)
            let rule = group.tiers[tier]
            var nextDays = 0.0
            var goal = false
            if rule.kind == .enablement {
                luck.goal = stream.uniform()
                goal = luck.goal < rule.goalProbability
                if let next = rule.next {
                    let drawn = stream.drawWithQuantile(group.tiers[next].duration)
                    nextDays = drawn.value
                    if let q = drawn.quantile { luck.next = q }
                }
            }
            let lot = lotSamplers[g].sample(stream)
            let level = levelSamplers[g].sample(stream)
            let days = stream.draw(group.daysPerWeek)
            let duration = stream.drawWithQuantile(rule.duration)
            if let q = duration.quantile { luck.first = q }
            let transport = stream.uniform() < group.transportShare
            let directPayment = stream.uniform()
            let framework = stream.uniform()
            var person = Person(arrives: ready, group: Int32(g), lot: Int32(lot), level: Int32(level),
                                tier: Int32(tier), days: days, tierDays: duration.value,
                                nextTierDays: nextDays, goalMet: goal, transport: transport,
                                directPaymentDraw: directPayment, frameworkDraw: framework,
                                firstReview: interval, entry: -1, pathway: luck)
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

    /// Fresh uniforms from `pathways` for every pathway draw, three a person whatever their
    /// tier (so the stream stays in step with the people); the draws `generate` takes from the
    /// demand stream replace them.
    private func spareDraws(_ pathways: RandomStream) -> PathwayDraws {
        let goal = pathways.uniform(), first = pathways.uniform(), next = pathways.uniform()
        return PathwayDraws(tier: 0, goal: goal, first: first, next: next)
    }
}
