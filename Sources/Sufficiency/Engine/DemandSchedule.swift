import CGSL
import Foundation

/// Everyone a replication will see: the current caseload, then referrals in
/// time order, drawn once from the replication's demand stream and shared by
/// every option (common random numbers). Referrals are a non-homogeneous Poisson
/// process (growth, seasonality, steps and the scenario's dated demand shocks),
/// drawn by thinning span by span (`ShockSpan`).
///
/// With several options everyone is drawn at once, since each option reads the same people.
/// A run of one option reads them once, so the schedule can be streamed: drawn a block of
/// `blockSize` referrals at a time (`nextBlock()`), which keeps a long run's memory and cache
/// footprint to one block. The people, and every draw, are the same either way.
final class DemandSchedule {
    /// The people drawn so far and not yet passed on: everyone, or the current block.
    private(set) var people: [Person] = []
    /// How many people of the replication come before `people[0]` (0 unless streamed).
    private(set) var base = 0
    /// Whether the replication's last referral has been drawn.
    private(set) var isComplete = true
    /// How many leading people of the replication are the current caseload.
    private(set) var initialCount = 0
    /// Referrals drawn at a time when streamed; nil when everyone is drawn at once.
    let blockSize: Int?

    /// Where drawing stopped in a streamed replication: the stream, the time of the last
    /// candidate drawn, and the span of `spans` it fell in.
    private var drawing: (stream: RandomStream, time: Double, span: Int)?
    /// The run from the warm-up's first day to the horizon, in stretches over which the dated
    /// demand shocks in force do not change (one without shocks), each with its thinning
    /// bound; empty when there are no referrals to draw.
    private let spans: [ShockSpan]

    private let scenario: Scenario
    private let calendar: SimulationCalendar
    private let zoneSampler: DiscreteSampler
    private let groupSampler: DiscreteSampler
    private let tierSamplers: [DiscreteSampler]
    private let caseloadGroupSampler: DiscreteSampler
    /// For each group, the tier the current caseload is in (its first long-term tier).
    private let caseloadTier: [Int]
    // The demand settings flattened, so drawing a referral copies no strings or arrays.
    private let groups: [GroupRule]
    private let tiers: [TierRule]
    private let steps: [StepRule]
    private let seasonality: [Double]
    /// The seasonality factor of each day of the run (`seasonality[calendar.month(at: day) - 1]`
    /// for day −warm-up through the horizon), so a referral rate needs no calendar lookup.
    private let seasonalityByDay: [Double]
    /// The referral rate when it is the same at all times (no growth, the same factor every
    /// month, no step that changes it): what `referralRate(at:)` gives at any time.
    private let constantRate: Double?
    /// Base referrals a day.
    private let referralsPerDay: Double
    private let annualGrowth: Double

    /// - Parameter blockSize: referrals to draw at a time (streaming, for a run of one option),
    ///   or nil to draw everyone at once.
    init(scenario: Scenario, calendar: SimulationCalendar, blockSize: Int? = nil) {
        precondition(blockSize.map { $0 > 0 } ?? true, "DemandSchedule: a block must hold at least one referral")
        self.scenario = scenario
        self.calendar = calendar
        self.blockSize = blockSize
        zoneSampler = DiscreteSampler(weights: scenario.zones.map(\.referralShare))
        groupSampler = DiscreteSampler(weights: scenario.demand.clientGroups.map(\.share))
        tierSamplers = scenario.demand.clientGroups.map { DiscreteSampler(weights: $0.tiers.map(\.share)) }
        // The current caseload is the steady state of referrals: a group's share
        // of people in care is its share of referrals times its mean time in care.
        caseloadGroupSampler = DiscreteSampler(weights: scenario.demand.clientGroups.map { g in
            g.share * g.tiers.reduce(0) { total, tier in
                var days = tier.duration.mean
                if tier.kind == .enablement, let next = tier.next {
                    days += (1 - tier.goalProbability) * g.tiers[next].duration.mean
                }
                return total + tier.share * days
            }
        })
        caseloadTier = scenario.demand.clientGroups.map { g in
            g.tiers.firstIndex { $0.kind == .longTerm } ?? 0
        }
        var groups: [GroupRule] = []
        var tiers: [TierRule] = []
        for group in scenario.demand.clientGroups {
            groups.append(GroupRule(packageHours: group.packageHours, priorityShare: group.priorityShare,
                                    firstTier: tiers.count))
            for tier in group.tiers {
                tiers.append(TierRule(duration: tier.duration, hoursFactor: tier.hoursFactor,
                                      goalProbability: tier.goalProbability,
                                      next: tier.kind == .enablement ? tier.next ?? -1 : -1))
            }
        }
        self.groups = groups
        self.tiers = tiers
        steps = scenario.demand.steps.map {
            StepRule(from: $0.fromDay, until: $0.untilDay ?? .infinity, factor: $0.factor)
        }
        seasonality = scenario.demand.seasonality
        referralsPerDay = scenario.demand.referralsPerWeek / 7
        annualGrowth = scenario.demand.annualGrowth
        let seasonality = self.seasonality
        seasonalityByDay = (-calendar.warmUpDays...calendar.horizonDays).map { day in
            seasonality[calendar.month(at: Double(day)) - 1]
        }
        // Multiplying by a factor of exactly 1 changes no bit, so such steps leave the rate alone.
        if annualGrowth == 0, let first = seasonality.first,
           seasonality.allSatisfy({ $0.bitPattern == first.bitPattern }), steps.allSatisfy({ $0.factor == 1 }) {
            constantRate = referralsPerDay * first
        } else {
            constantRate = nil
        }
        // Referrals are drawn by thinning against the largest rate over the run (times the
        // shocks in force, span by span).
        let demand = scenario.demand
        let from = -Double(scenario.calendar.warmUpDays)
        let to = Double(scenario.calendar.horizonDays)
        var bound = demand.referralsPerWeek / 7 * max(1, pow(1 + demand.annualGrowth, to / 365.25))
        bound *= demand.seasonality.max() ?? 1
        for step in demand.steps where step.factor > 1 { bound *= step.factor }
        let shocks = scenario.events.compactMap { event -> (day: Int, shock: DemandShock)? in
            if case .demandShock(let shock) = event.kind { return (event.day, shock) }
            return nil
        }
        spans = bound > 0 ? ShockSpan.spans(shocks, shares: scenario.zones.map(\.referralShare), from: from, to: to,
                                            bound: bound) : []
        let referrals = blockSize ?? Int(scenario.demand.referralsPerWeek
            * Double(scenario.calendar.horizonDays + scenario.calendar.warmUpDays) / 7 * 1.3)
        people.reserveCapacity(scenario.caseload.people + referrals + 16)
    }

    /// Referral rate (people a day) at time `t` days from the start.
    @inline(__always)
    func referralRate(at t: Double) -> Double {
        var rate = referralsPerDay
        if annualGrowth != 0 { rate *= pow(1 + annualGrowth, t / 365.25) }
        // ⌊t⌋ without a call to floor (exact: |t| is far below 2⁵³); clamped as `calendar.month(at:)` clamps.
        var day = Int(t)
        if Double(day) > t { day -= 1 }
        rate *= seasonalityByDay[min(max(day + calendar.warmUpDays, 0), seasonalityByDay.count - 1)]
        for step in steps where t >= step.from && t < step.until {
            rate *= step.factor
        }
        return rate
    }

    /// Redraws everyone for one replication from `stream` (or, when streamed, the caseload and
    /// the first block of referrals; `stream` is then drawn from again by `nextBlock()`).
    func generate(_ stream: RandomStream) {
        people.removeAll(keepingCapacity: true)
        base = 0
        drawing = nil
        isComplete = true
        let demand = scenario.demand
        let reviewInterval = demand.review.intervalDays

        // The current caseload: remaining durations are drawn from the tier's duration
        // distribution (exact for exponential durations, which are memoryless), or, for people
        // whose time in care is known, from it given that it has lasted that long.
        for entry in scenario.caseload.entries {
            for _ in 0..<entry.people {
                let g = entry.clientGroup ?? caseloadGroupSampler.sample(stream)
                let group = groups[g]
                let tier = caseloadTier[g]
                let rule = tiers[group.firstTier + tier]
                let hours = entry.hoursPerWeek ?? stream.draw(group.packageHours) * rule.hoursFactor
                let duration = entry.daysInCare.map { rule.duration.remaining(after: $0, uniform: stream.uniform()) }
                    ?? stream.draw(rule.duration)
                let review = reviewInterval > 0 ? stream.uniform() * reviewInterval : 0
                people.append(Person(referredAt: 0, zone: Int32(entry.zone), group: Int16(g),
                                     tier: Int16(tier), hours: hours, duration: duration, goalMet: true,
                                     nextDuration: 0, priority: false,
                                     initialProvider: Int32(entry.provider ?? -1), firstReview: review))
            }
        }
        initialCount = people.count

        // Referrals: a non-homogeneous Poisson process by thinning, span by span (`ShockSpan`).
        guard !spans.isEmpty else { return }
        drawing = (stream, -Double(scenario.calendar.warmUpDays), 0)
        isComplete = false
        drawReferrals()
    }

    /// Passes on the current block and draws the next (streamed schedules only, until
    /// `isComplete`).
    func nextBlock() {
        precondition(!isComplete, "DemandSchedule.nextBlock: every referral has been drawn")
        base += people.count
        people.removeAll(keepingCapacity: true)
        drawReferrals()
    }

    /// Draws referrals from where drawing stopped: to the end of the run, or `blockSize` of them.
    private func drawReferrals() {
        guard let (stream, start, first) = drawing else { return }
        // Appended to in a local (moved out and back, no copy): appending to the stored array
        // checked its uniqueness through the object every time, about 20 instructions a
        // referral (callgrind).
        var people: [Person] = []
        swap(&people, &self.people)
        defer { swap(&people, &self.people) }
        let limit = blockSize ?? .max
        var drawn = 0
        var t = start
        var s = first
        var span = spans[s]
        var meanGap = Self.meanGap(span)
        while true {
            if drawn == limit {
                drawing = (stream, t, s)
                return
            }
            // `stream.exponential(mean:)` without its check of the mean on every candidate:
            // `meanGap` is checked once a span. The same draw, to the bit.
            t += gsl_ran_exponential(stream.raw, meanGap)
            if t >= span.until {
                // The next span's candidates start at its first day, at its own bound.
                s += 1
                if s == spans.count { break }
                t = span.until
                span = spans[s]
                meanGap = Self.meanGap(span)
                continue
            }
            let zone: Int
            if let factor = span.countyFactor, let shocked = span.zones {
                if stream.uniform() * span.bound > (constantRate ?? referralRate(at: t)) * factor { continue }
                zone = shocked.sample(stream)
            } else {
                if stream.uniform() * span.bound > (constantRate ?? referralRate(at: t)) { continue }
                zone = zoneSampler.sample(stream)
            }
            let g = groupSampler.sample(stream)
            let group = groups[g]
            let tierIndex = tierSamplers[g].sample(stream)
            let tier = tiers[group.firstTier + tierIndex]
            let hours = stream.drawChecked(group.packageHours) * tier.hoursFactor
            let duration = stream.drawChecked(tier.duration)
            var goalMet = true
            var nextDuration = 0.0
            if tier.next >= 0 {
                goalMet = stream.bernoulli(tier.goalProbability)
                nextDuration = stream.drawChecked(tiers[group.firstTier + tier.next].duration)
            }
            let priority = stream.bernoulli(group.priorityShare)
            people.append(Person(referredAt: t, zone: Int32(zone), group: Int16(g), tier: Int16(tierIndex),
                                 hours: hours, duration: duration, goalMet: goalMet,
                                 nextDuration: nextDuration, priority: priority,
                                 initialProvider: -1, firstReview: 0))
            drawn &+= 1
        }
        drawing = nil
        isComplete = true
    }
}

extension DemandSchedule {
    /// The mean days between candidate referrals in `span` (1 / its bound), which must be
    /// positive and finite, as `RandomStream.exponential(mean:)` requires.
    static func meanGap(_ span: ShockSpan) -> Double {
        let mean = 1 / span.bound
        precondition(mean > 0 && mean.isFinite,
                     "RandomStream.exponential: mean \(mean) must be positive and finite")
        return mean
    }

    /// What drawing a referral needs from a client group, without its names.
    struct GroupRule {
        var packageHours: Distribution
        var priorityShare: Double
        /// Index in `tiers` of the group's first tier.
        var firstTier: Int

        /// Checks `packageHours` once, so drawing a referral need not.
        init(packageHours: Distribution, priorityShare: Double, firstTier: Int) {
            precondition(packageHours.isDrawable, "DemandSchedule: package hours \(packageHours) cannot be drawn from")
            self.packageHours = packageHours
            self.priorityShare = priorityShare
            self.firstTier = firstTier
        }
    }

    /// What drawing a referral needs from a tier.
    struct TierRule {
        var duration: Distribution
        var hoursFactor: Double
        var goalProbability: Double
        /// Tier (within the group) entered when an enablement goal is not met; −1 when none.
        var next: Int

        /// Checks `duration` once, so drawing a referral need not.
        init(duration: Distribution, hoursFactor: Double, goalProbability: Double, next: Int) {
            precondition(duration.isDrawable, "DemandSchedule: duration \(duration) cannot be drawn from")
            self.duration = duration
            self.hoursFactor = hoursFactor
            self.goalProbability = goalProbability
            self.next = next
        }
    }

    /// A step change in the referral rate, with open ends as infinities.
    struct StepRule {
        var from: Double
        var until: Double
        var factor: Double
    }
}
