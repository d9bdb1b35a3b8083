/// A stretch of the run over which the dated demand shocks in force do not change, and how
/// referrals are drawn in it (`DemandSchedule`).
///
/// Referrals are a non-homogeneous Poisson process drawn by thinning: candidates arrive at a
/// constant `bound` (referrals a day) and each is kept with the chance that the rate at its time
/// bears to the bound. Within a span, zone z's rate is the county's rate × its share × its
/// multiplier m_z (the product of the shocks in force there), so the county's rate is the
/// county's rate × Σ share × m (`countyFactor`) and a kept referral's zone is drawn in
/// proportion to share × m. The bound is the county's highest rate × the largest m. Thinning
/// restarts at each span's end with the next span's bound (exact, since a Poisson process has no
/// memory), so referrals before the first shock are drawn exactly as without any.
struct ShockSpan {
    /// Day the span ends, exclusive (the horizon for the last span).
    var until: Double
    /// Candidates a day: at least the highest referral rate in the span.
    var bound: Double
    /// Σ share × multiplier over the zones: how much the shocks multiply the county's referral
    /// rate; nil when no shock is in force (the rate is the county's).
    var countyFactor: Double?
    /// Draws a referral's zone in proportion to share × multiplier; nil when no shock is in
    /// force (the zones' shares).
    var zones: DiscreteSampler?

    /// The spans from day `from` to day `to` (the warm-up's first day and the horizon), given
    /// each shock with its first day, the zones' shares of referrals, and `bound`, the thinning
    /// bound without shocks. Without shocks, one span with that bound.
    static func spans(_ shocks: [(day: Int, shock: DemandShock)], shares: [Double], from: Double, to: Double,
                      bound: Double) -> [ShockSpan] {
        var cuts = Set<Double>()
        for (day, shock) in shocks {
            cuts.insert(Double(day))
            if let until = shock.untilDay { cuts.insert(Double(until)) }
        }
        let starts = [from] + cuts.filter { $0 > from && $0 < to }.sorted()
        var spans: [ShockSpan] = []
        var previous: [Double]?
        for (i, start) in starts.enumerated() {
            let end = i + 1 < starts.count ? starts[i + 1] : to
            var multipliers = [Double](repeating: 1, count: shares.count)
            for (day, shock) in shocks where Double(day) <= start && start < shock.untilDay.map(Double.init) ?? .infinity {
                for z in shares.indices where shock.covers(zone: z) { multipliers[z] *= shock.referralsFactor }
            }
            // A boundary where nothing changes is not one.
            if let previous, previous == multipliers {
                spans[spans.count - 1].until = end
                continue
            }
            previous = multipliers
            guard multipliers.contains(where: { $0 != 1 }) else {
                spans.append(ShockSpan(until: end, bound: bound, countyFactor: nil, zones: nil))
                continue
            }
            let weights = shares.indices.map { shares[$0] * multipliers[$0] }
            let largest = shares.indices.filter { shares[$0] > 0 }.map { multipliers[$0] }.max() ?? 1
            spans.append(ShockSpan(until: end, bound: bound * largest, countyFactor: weights.reduce(0, +),
                                   zones: DiscreteSampler(weights: weights)))
        }
        return spans
    }
}
