/// Working out the starting position from a home care scenario, as the engine's start does.
extension StartingPosition {
    /// The position of `scenario` on its first day (see `StartingPosition`). A day opportunities
    /// scenario has no home care market: its position is empty.
    public init(scenario: Scenario) {
        let zoneCount = scenario.zones.count
        let groups = scenario.demand.clientGroups
        let workforce = scenario.workforce
        // Each group's tier for the starting caseload and the mean package there (hours a week).
        let caseloadTier = groups.map { g in g.tiers.firstIndex { $0.kind == .longTerm } ?? 0 }
        let groupHours = groups.indices.map { g in
            groups[g].packageHours.expectedDraw * (groups[g].tiers.isEmpty ? 1 : groups[g].tiers[caseloadTier[g]].hoursFactor)
        }
        // The weights the engine draws a caseload person's group with: share × mean days in care.
        let weights = groups.map { g in g.share * g.tiers.reduce(0) { $0 + $1.share * StartingPosition.meanDays($1, in: g) } }
        let weightTotal = weights.reduce(0, +)
        let mixedHours = weightTotal > 0
            ? zip(weights, groupHours).reduce(0) { $0 + $1.0 * $1.1 } / weightTotal : 0

        var people = [[Double]](repeating: [Double](repeating: 0, count: zoneCount), count: scenario.providers.count)
        var hours = people
        var waitingPeople = [Int](repeating: 0, count: zoneCount)
        var waitingHours = [Double](repeating: 0, count: zoneCount)
        var groupPeople = [Double](repeating: 0, count: groups.count)
        for entry in scenario.caseload.entries {
            let n = Double(entry.people)
            let each = entry.hoursPerWeek ?? entry.clientGroup.map { groupHours[$0] } ?? mixedHours
            if let g = entry.clientGroup {
                groupPeople[g] += n
            } else if weightTotal > 0 {
                for g in groups.indices { groupPeople[g] += n * weights[g] / weightTotal }
            }
            if let p = entry.provider {
                people[p][entry.zone] += n
                hours[p][entry.zone] += n * each
            } else {
                waitingPeople[entry.zone] += entry.people
                waitingHours[entry.zone] += n * each
            }
        }

        // Capacity as at the engine's start: travel between the starting caseload's visits.
        let inMarket = scenario.providers.indices.filter { !scenario.providers[$0].entrant }
        var capacity = [Double](repeating: 0, count: scenario.providers.count)
        var perWorker = capacity
        for p in inMarket {
            let provider = scenario.providers[p]
            var travel = 0.0, count = 0.0
            for z in 0..<zoneCount where people[p][z] > 0 {
                let zone = scenario.zones[z]
                travel += people[p][z] * zone.travelMinutesPerVisit
                    * StartingPosition.travelFactor(people[p][z], zone.referenceCaseload)
                count += people[p][z]
            }
            if count == 0 {
                let zone = scenario.zones[provider.baseZone]
                travel = zone.travelMinutesPerVisit * StartingPosition.travelFactor(1, zone.referenceCaseload)
                count = 1
            }
            let minutes = travel / count
            let productive = (1 - workforce.nonContactShare) * workforce.visitMinutes / (workforce.visitMinutes + minutes)
            perWorker[p] = workforce.contractedHoursPerWeek * productive
            capacity[p] = provider.fixedCapacityHours ?? Double(provider.careWorkers) * perWorker[p]
        }

        // Each zone's waiting hours are shared among the providers serving it.
        let serves = scenario.providers.map { Set($0.zones + [$0.baseZone]) }
        var competitors = [Double](repeating: 0, count: zoneCount)
        for p in inMarket { for z in serves[p] { competitors[z] += 1 } }
        var undelivered = [Double](repeating: 0, count: zoneCount)
        var spare = undelivered
        var providerLines: [ProviderLine] = []
        for p in inMarket {
            let provider = scenario.providers[p]
            let committed = hours[p].reduce(0, +)
            if committed > capacity[p] {
                for z in 0..<zoneCount { undelivered[z] += (committed - capacity[p]) * hours[p][z] / committed }
            } else {
                for z in serves[p] { spare[z] += (capacity[p] - committed) / Double(serves[p].count) }
            }
            var vacancies = 0
            if workforce.dynamic && provider.fixedCapacityHours == nil && perWorker[p] > 0 {
                let wanted = serves[p].reduce(0) { $0 + waitingHours[$1] / max(1, competitors[$1]) }
                let target = ((committed + wanted) * (1 + workforce.staffingBuffer) / perWorker[p]).rounded(.up)
                vacancies = max(0, Int(target) - provider.careWorkers)
            }
            providerLines.append(ProviderLine(provider: p, careWorkers: provider.careWorkers, committedHours: committed,
                                              capacityHours: capacity[p], vacancies: vacancies))
        }
        let zoneLines = (0..<zoneCount).map { z in
            ZoneLine(zone: z, placedPeople: Int(people.reduce(0) { $0 + $1[z] }), waitingPeople: waitingPeople[z],
                     placedHours: hours.reduce(0) { $0 + $1[z] }, waitingHours: waitingHours[z],
                     undeliveredHours: undelivered[z], spareHours: spare[z])
        }
        let shareTotal = groups.reduce(0) { $0 + $1.share }
        let groupLines = groups.indices.map { g in
            GroupLine(group: g,
                      referralsPerWeek: shareTotal > 0 ? scenario.demand.referralsPerWeek * groups[g].share / shareTotal : 0,
                      meanWeeksInCare: groups[g].tiers.reduce(0) {
                          $0 + $1.share * StartingPosition.meanDays($1, in: groups[g], expected: true)
                      } / 7,
                      startingPeople: groupPeople[g])
        }
        self.init(zones: zoneLines, providers: providerLines, groups: groupLines, dynamicWorkforce: workforce.dynamic)
    }

    /// Mean days in care of a referral starting in `tier` of `group`: the tier's duration, and
    /// for an enablement tier whose goal is not met, the next tier's. With `expected`, the mean
    /// of what is drawn (clamped to the distribution's bounds); without, the written mean, as the
    /// engine weights the starting caseload's groups.
    static func meanDays(_ tier: Tier, in group: ClientGroup, expected: Bool = false) -> Double {
        func mean(_ d: Distribution) -> Double { expected ? d.expectedDraw : d.mean }
        var days = mean(tier.duration)
        if tier.kind == .enablement, let next = tier.next, next < group.tiers.count {
            days += (1 - tier.goalProbability) * mean(group.tiers[next].duration)
        }
        return days
    }

    /// The engine's travel factor: the distance between neighbouring customers scales as
    /// 1/√density; bounded to half and four times the zone's reference.
    static func travelFactor(_ customers: Double, _ reference: Double) -> Double {
        min(4, max(0.5, (reference / max(customers, 1)).squareRoot()))
    }
}

extension Distribution {
    /// The mean of what a draw gives, clamped to the minimum and maximum (in the quantity's
    /// unit): the written mean when nothing is clamped, else the written mean corrected by what
    /// clamping adds and takes away, worked out over 4,096 quantiles.
    var expectedDraw: Double {
        switch family {
        case .fixed: return clamped(mean)
        case .uniform: return maximum > minimum ? (minimum + maximum) / 2 : clamped(minimum)
        default: break
        }
        if minimum <= 0 && maximum <= 0 { return mean }
        var unclamped = self
        unclamped.minimum = 0
        unclamped.maximum = 0
        let steps = 4_096
        var correction = 0.0
        for i in 0..<steps {
            let u = (Double(i) + 0.5) / Double(steps)
            correction += quantile(u) - unclamped.quantile(u)
        }
        return mean + correction / Double(steps)
    }
}
