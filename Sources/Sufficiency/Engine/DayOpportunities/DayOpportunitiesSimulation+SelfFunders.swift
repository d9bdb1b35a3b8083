/// Self-funders: privately funded residents who arrive, take a free place at their level with
/// any provider (in proportion to its free places), stay and leave (`SelfFunders`). Their
/// places are not council spend, but while they hold one no council placement can have it.
extension DayOpportunitiesSimulation {
    /// Which of the self-funder and term measures this scenario reports.
    var bedLayout: DayBedLayout { DayBedLayout(day) }

    /// Places the self-funders in place on the first day (after the council's caseload, into
    /// free places only) and schedules the first arrival.
    func startSelfFunders() {
        beds.reset(periods: calendar.periods.count)
        var offered = 0.0
        for p in providers.indices where providers[p].active { offered += Double(placesADay(p)) }
        beds.stock[DayBedLayout.placesOffered] = offered
        // Which providers offer each level at all, so a self-funder looks only at those.
        if beds.offering.count != day.levels.count { beds.offering = Array(repeating: [], count: day.levels.count) }
        for l in beds.offering.indices {
            beds.offering[l].removeAll(keepingCapacity: true)
            for p in day.providers.indices where (day.providers[p].placesByLevel?[l] ?? day.providers[p].places) > 0 {
                beds.offering[l].append(Int32(p))
            }
        }
        guard let selfFunders = day.selfFunders else { return }
        if beds.levelSampler == nil && selfFunders.totalPerWeek > 0 {
            beds.levelSampler = DiscreteSampler(weights: selfFunders.perWeek)
        }
        let stream = streams.selfFunders
        for (level, count) in selfFunders.atStart.enumerated() where count > 0 {
            guard let stay = selfFunders.stayDays[level] else { continue }
            for _ in 0..<count {
                let days = stream.draw(stay)
                _ = admitSelfFunder(level: level, stay: days)
            }
        }
        scheduleSelfFunderArrival()
    }

    func scheduleSelfFunderArrival() {
        guard let selfFunders = day.selfFunders, selfFunders.totalPerWeek > 0 else { return }
        post(.selfFunderArrives, at: t + streams.selfFunders.exponential(mean: 7 / selfFunders.totalPerWeek), subject: 0)
    }

    /// A self-funder arrives: their level and stay are drawn whether or not they find a place,
    /// so every option sees the same self-funders (common random numbers).
    func selfFunderArrives() {
        guard let selfFunders = day.selfFunders, let sampler = beds.levelSampler else { return }
        let stream = streams.selfFunders
        let level = sampler.sample(stream)
        let days = stream.draw(selfFunders.stayDays[level]!)
        beds.count(DayBedLayout.arrivals)
        if !admitSelfFunder(level: level, stay: days) { beds.count(DayBedLayout.turnedAway) }
        scheduleSelfFunderArrival()
    }

    /// Gives a self-funder at `level` a place every day of the week with an active provider
    /// (on the framework or not, wherever it is), chosen in proportion to its free place-days
    /// at the level, for `stay` days; false when no provider has one.
    func admitSelfFunder(level: Int, stay: Double) -> Bool {
        var total = 0
        beds.weights.removeAll(keepingCapacity: true)
        for p in beds.offering[level] {
            let w = providers[Int(p)].active ? places.weight(Int(p), level: level, days: 7) : 0
            beds.weights.append(w)
            total += w
        }
        guard total > 0 else { return false }
        var draw = streams.brokerage.uniformInt(total)
        var chosen = -1
        for (k, w) in beds.weights.enumerated() {
            draw -= w
            if draw < 0 { chosen = Int(beds.offering[level][k]); break }
        }
        guard chosen >= 0 else { return false }
        let days = places.take(chosen, level: level, days: 7)
        beds.residents.append((provider: Int32(chosen), level: Int32(level), days: days))
        beds.stock[DayBedLayout.selfFunded] += 1
        post(.selfFunderLeaves, at: t + stay, subject: Int32(beds.residents.count - 1))
        return true
    }

    /// Self-funder `k` leaves: their place is offered to whoever waits for the council.
    func selfFunderLeaves(_ k: Int) {
        let p = Int(beds.residents[k].provider)
        guard p >= 0 else { return }
        beds.residents[k].provider = -1
        places.release(p, level: Int(beds.residents[k].level), days: beds.residents[k].days)
        beds.stock[DayBedLayout.selfFunded] -= 1
        offerPlace(of: p)
    }

    /// A new organisation's places join the market when it is first approved.
    func placesJoin(_ p: Int) {
        beds.stock[DayBedLayout.placesOffered] += Double(placesADay(p))
        // A new organisation's places are shared by every level.
        if p >= day.providers.count { for l in beds.offering.indices { beds.offering[l].append(Int32(p)) } }
    }

    /// Provider `p`'s places a day across its levels, within its building's capacity (a new
    /// organisation: the option's `new_provider_places`).
    func placesADay(_ p: Int) -> Int {
        guard p < day.providers.count else { return option.newProviderPlaces }
        let provider = day.providers[p]
        let stated = provider.placesByLevel?.reduce(0, +) ?? provider.places
        return min(stated, provider.capacity ?? stated)
    }
}
