/// Minutes and council transport between every pair of localities, worked out once per
/// scenario from `DayTravel`.
struct DayTravelTable {
    let localities: Int
    /// One-way minutes from a person's locality `a` to a provider's `b`: `minutes[a * localities + b]`.
    let minutes: [Double]
    /// £ of council transport for one attendance day from `a` to `b` and back.
    let costPerDay: [Double]
    /// Whether a place in `b` is within reach of a person in `a`.
    let reachable: [Bool]
    /// Whether a trip from `a` to `b` is within the standard for close to home.
    let withinStandard: [Bool]

    init(_ day: DayOpportunities) {
        let n = day.localities.count
        localities = n
        var minutes: [Double] = [], cost: [Double] = [], reachable: [Bool] = [], within: [Bool] = []
        for (a, from) in day.localities.enumerated() {
            for (b, to) in day.localities.enumerated() {
                let km = day.travel.kilometres(from: from, a, to: to, b)
                let m = day.travel.minutes(kilometres: km)
                minutes.append(m)
                cost.append(day.travel.costPerDay(kilometres: km))
                reachable.append(day.travel.reachMinutes.map { m <= $0 } ?? true)
                within.append(m <= day.travel.standardMinutes)
            }
        }
        self.minutes = minutes
        costPerDay = cost
        self.reachable = reachable
        withinStandard = within
    }

    @inline(__always) func pair(_ a: Int, _ b: Int) -> Int { a * localities + b }
}
