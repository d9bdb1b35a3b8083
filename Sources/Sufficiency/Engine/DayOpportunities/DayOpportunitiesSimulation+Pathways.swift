/// Each option's own pathways and review settings, worked out once for a run: where an option
/// says something different from the scenario, and the tier sampler for its own tier shares.
///
/// An option that repeats the scenario's tiers or reviews is treated as one that states none,
/// so its people are the scenario's to the bit.
final class DayOptionPathways {
    /// By option, by client group: the option's tiers where they differ from the group's, else nil.
    let tiers: [[[Tier]?]]
    /// By option, by client group: a sampler over the option's tier shares where they differ
    /// from the group's, else nil (people keep the tier the scenario's shares gave them).
    let samplers: [[DiscreteSampler?]]
    /// By option: its review settings where they differ from the scenario's, else nil.
    let reviews: [DayReviewSettings?]

    init(_ day: DayOpportunities) {
        var tiers: [[[Tier]?]] = []
        var samplers: [[DiscreteSampler?]] = []
        for option in day.options {
            precondition(option.pathways.keys.allSatisfy { day.groups.indices.contains($0) },
                         "DayOptionPathways: an option's pathway names a client group the scenario does not have")
            var optionTiers: [[Tier]?] = []
            var optionSamplers: [DiscreteSampler?] = []
            for (g, group) in day.groups.enumerated() {
                guard let own = option.pathways[g]?.tiers, own != group.tiers else {
                    optionTiers.append(nil)
                    optionSamplers.append(nil)
                    continue
                }
                optionTiers.append(own)
                let shares = own.map(\.share)
                optionSamplers.append(shares == group.tiers.map(\.share) ? nil : DiscreteSampler(weights: shares))
            }
            tiers.append(optionTiers)
            samplers.append(optionSamplers)
        }
        self.tiers = tiers
        self.samplers = samplers
        reviews = day.options.map { $0.reviews == day.reviews ? nil : $0.reviews }
    }

    /// Whether option `o` changes anyone's pathway or reviews.
    func changesPeople(option o: Int) -> Bool {
        reviews[o] != nil || tiers[o].contains { $0 != nil }
    }
}

extension DayOpportunitiesSimulation {
    /// The review settings of the option being run: its own, else the scenario's.
    var reviews: DayReviewSettings { option.reviews ?? day.reviews }

    /// The tiers of client group `g` under the option being run: its own, else the group's.
    func tiers(ofGroup g: Int) -> [Tier] {
        pathways.tiers[optionIndex][g] ?? day.groups[g].tiers
    }

    /// The replication's people as the option being run sees them: the demand's own people
    /// when the option follows the scenario's pathways and reviews, else each mapped through
    /// the option's (`onPathway(_:)`).
    func peopleOnPathways(_ demand: DayDemand) -> [DayDemand.Person] {
        guard pathways.changesPeople(option: optionIndex) else { return demand.people }
        return demand.people.map(onPathway)
    }

    /// Person `p` under the option being run's pathway and reviews, with the luck they drew
    /// once for every option (common random numbers):
    ///
    /// - their first tier is the option's tier for the same uniform (Walker's alias lookup on
    ///   the option's shares, as the scenario's were drawn; the same tier when the shares are
    ///   the scenario's), and the caseload is in the option's last long-term tier;
    /// - a duration is the one drawn when its distribution is the scenario's, else the option's
    ///   distribution at the same quantile (its inverse CDF);
    /// - an enablement goal is met when the same uniform is below the option's goal probability,
    ///   so a higher goal rate meets the goals it met before and more;
    /// - a referral's first review comes after the option's interval; the caseload's at the
    ///   same place within the option's interval, after its `first_review_after_days`.
    func onPathway(_ p: DayDemand.Person) -> DayDemand.Person {
        var q = p
        let g = Int(p.group)
        if let tiers = pathways.tiers[optionIndex][g] {
            let scenario = day.groups[g].tiers
            let was = scenario[Int(p.tier)]
            let tier: Int
            if p.entry >= 0 {
                tier = tiers.lastIndex { $0.kind == .longTerm } ?? tiers.count - 1
            } else if let sampler = pathways.samplers[optionIndex][g] {
                tier = sampler.index(forUniform: p.pathway.tier)
            } else {
                tier = Int(p.tier)
            }
            let rule = tiers[tier]
            q.tier = Int32(tier)
            q.tierDays = rule.duration == was.duration ? p.tierDays : rule.duration.quantile(p.pathway.first)
            q.goalMet = false
            q.nextTierDays = 0
            if p.entry < 0 && rule.kind == .enablement {
                q.goalMet = p.pathway.goal < rule.goalProbability
                if let next = rule.next {
                    let duration = tiers[next].duration
                    if was.kind == .enablement, let before = was.next, scenario[before].duration == duration {
                        q.nextTierDays = p.nextTierDays
                    } else {
                        q.nextTierDays = duration.quantile(p.pathway.next)
                    }
                }
            }
        }
        if let r = pathways.reviews[optionIndex] {
            q.firstReview = p.entry >= 0 ? r.firstReviewAfterDays + r.intervalDays * p.reviewDraw : r.intervalDays
        }
        return q
    }
}
