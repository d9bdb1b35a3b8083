extension DayOpportunitiesSimulation {
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
