/// Durations, some right-censored, held as distinct (time, ended) pairs with how many packages
/// share each, so a likelihood costs the number of distinct times, not of packages.
struct SurvivalSample: Sendable {
    /// Distinct times (days, or hours a week for package hours), ascending.
    var times: [Double] = []
    /// Packages that ended at each time.
    var events: [Double] = []
    /// Packages still open (censored) at each time.
    var censored: [Double] = []

    /// `values` with whether each was observed to end (false: censored there).
    init(_ values: [(time: Double, ended: Bool)]) {
        var counts: [Double: (Double, Double)] = [:]
        for v in values {
            var c = counts[v.time] ?? (0, 0)
            if v.ended { c.0 += 1 } else { c.1 += 1 }
            counts[v.time] = c
        }
        for t in counts.keys.sorted() {
            times.append(t)
            events.append(counts[t]!.0)
            censored.append(counts[t]!.1)
        }
    }

    var count: Double { events.reduce(0, +) + censored.reduce(0, +) }
    var endedCount: Double { events.reduce(0, +) }
    /// Total time observed, ended or not.
    var exposure: Double { zip(times, zip(events, censored)).reduce(0) { $0 + $1.0 * ($1.1.0 + $1.1.1) } }
}
