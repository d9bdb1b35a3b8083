extension DayOpportunitiesSimulation {
    /// At review, a person whose trip is beyond the standard for close to home moves to a
    /// provider within it that has a place for them: on the framework when the option has one
    /// and a member has room, else any. True when they moved.
    func moveCloser(_ i: Int) -> Bool {
        let p = Int(people[i].provider)
        guard p >= 0 else { return false }
        let home = Int(fixed[i].locality)
        guard !travel.withinStandard[travel.pair(home, providers[p].locality)] else { return false }
        let bit: UInt64 = 1 << UInt64(demandLot(i))
        let close = travel
        func near(_ q: ProviderState) -> Bool { q.lotMask & bit != 0 && close.withinStandard[close.pair(home, q.locality)] }
        var q = option.hasFramework ? pick(for: i) { $0.member && near($0) } : -1
        if q < 0 { q = pick(for: i) { !$0.member && near($0) } }
        guard q >= 0 else { return false }
        let level = Int(people[i].level)
        let member = providers[q].member && option.hasFramework
        moveTo(i, provider: q, route: member ? .framework : .spot, rate: member ? frameworkRates[level] : spotRates[level])
        count(layout.movesCloser)
        return true
    }

    /// Person `i` now has `level`: with a provider, their places move to that level's (they stay
    /// where they are even if the provider is then over its places at that level).
    func changeLevel(_ i: Int, to level: Int) {
        reprice(i) {
            let p = Int(people[i].provider)
            if p >= 0 {
                places.release(p, level: Int(people[i].level), days: people[i].days)
                people[i].days = places.take(p, level: level, days: fixed[i].attendance)
            }
            people[i].level = Int32(level)
        }
    }

    /// Person `i`'s days a week change by `factor` (a new tier): with a provider, they take
    /// places on the new number of days.
    func changeDays(_ i: Int, by factor: Double) {
        reprice(i) {
            fixed[i].days *= factor
            let attendance = DayDemand.Person.attendance(days: fixed[i].days)
            let p = Int(people[i].provider)
            if p >= 0 && attendance != fixed[i].attendance {
                let level = Int(people[i].level)
                places.release(p, level: level, days: people[i].days)
                people[i].days = places.take(p, level: level, days: attendance)
            }
            fixed[i].attendance = attendance
        }
        let p = Int(people[i].provider)
        if p >= 0 { offerPlace(of: p) }
    }
}
