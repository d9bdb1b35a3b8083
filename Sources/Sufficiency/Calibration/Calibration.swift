import CGSL
import Foundation

/// A package history fitted: referrals a week with growth and seasonality, the zones' and client
/// groups' shares, each group's package hours and durations, and the caseload on the as-of date.
public struct Calibration: Sendable {
    /// A category's share of starts, with a 95% Wald interval.
    public struct Share: Sendable {
        public var name: String
        public var starts: Int
        public var share: Estimate
    }

    /// One client group's fits.
    public struct Group: Sendable {
        public var name: String
        public var share: Share
        /// Lognormal and gamma fits of hours a week, best (lowest AIC) first.
        public var hours: [DistributionFit]
        /// Empirical quantiles of hours a week: 10%, 25%, 50%, 75%, 90%.
        public var hoursQuantiles: [(probability: Double, value: Double)]
        /// Every family fitted to the durations in days (open packages censored at the as-of
        /// date), best (lowest AIC) first; the first is written to the scenario.
        public var durations: [DistributionFit]
        public var kaplanMeier: KaplanMeier
        /// Packages that ended, and that were still open on the as-of date.
        public var ended: Int
        public var open: Int
    }

    /// People in care at the end of the as-of date by zone, provider, client group and days in
    /// care.
    public struct CaseloadEntry: Sendable, Equatable {
        public var zone: String
        public var provider: String
        public var clientGroup: String
        /// Days from the start of their packages to the start of the day after the as-of date
        /// (a package starting on the as-of date has been in care 1 day), so that a scenario
        /// starting then draws each one's remaining time given how long it has lasted.
        public var daysInCare: Int
        public var people: Int
    }

    /// The day the history is read to (days since 1970): packages starting later are left out,
    /// and those ending later are open.
    public var asOf: Int
    /// The first start, days since 1970.
    public var firstStart: Int
    public var packages: Int
    public var referrals: ReferralFit
    public var zones: [Share]
    public var groups: [Group]
    public var caseload: [CaseloadEntry]

    /// Fits `history` as it stood on `asOf` (days since 1970; nil for its latest date).
    public static func fit(_ history: PackageHistory, asOf: Int? = nil) throws(CalibrationError) -> Calibration {
        let asOf = asOf ?? history.latestDay
        let packages = history.packages.filter { $0.start <= asOf }
        var problems: [String] = []
        guard !packages.isEmpty else {
            throw CalibrationError(issues: [ScenarioIssue(keyPath: "as_of", message: "no package starts on or before the as-of date "
                                                          + "\(CSVFormat.day(asOf)).")], file: history.file)
        }
        var referrals: ReferralFit?
        switch ReferralFit.fit(starts: packages.map(\.start), asOf: asOf) {
        case .success(let fit): referrals = fit
        case .failure(let problem): problems.append(problem.message)
        }
        func shares(_ key: (PackageRecord) -> String) -> [Share] {
            var counts: [String: Int] = [:]
            for p in packages { counts[key(p), default: 0] += 1 }
            let n = Double(packages.count)
            return counts.keys.sorted().map { name in
                let p = Double(counts[name]!) / n
                let half = Estimate.z95 * (p * (1 - p) / n).squareRoot()
                return Share(name: name, starts: counts[name]!, share: Estimate(p, low: max(0, p - half), high: min(1, p + half)))
            }
        }
        let zones = shares(\.zone)
        var groups: [Group] = []
        for share in shares(\.clientGroup) {
            let members = packages.filter { $0.clientGroup == share.name }
            let durations = SurvivalSample(members.map { p in
                let ended = p.end.map { $0 <= asOf } ?? false
                let days = ended ? p.end! - p.start : asOf - p.start
                // A package ending the day it starts lasted part of a day: counted as half.
                return (max(Double(days), 0.5), ended)
            })
            let fits = FittedFamily.allCases.compactMap { DistributionFit.fit($0, to: durations) }.sorted { $0.aic < $1.aic }
            if fits.isEmpty {
                problems.append("the client group '\(share.name)' has \(Int(durations.endedCount)) ended package"
                                + "\(durations.endedCount == 1 ? "" : "s") by the as-of date; at least 2 are needed to fit its durations.")
            }
            let hoursSample = SurvivalSample(members.map { ($0.hoursPerWeek, true) })
            let hours = [FittedFamily.lognormal, .gamma].compactMap { DistributionFit.fit($0, to: hoursSample) }.sorted { $0.aic < $1.aic }
            if hours.isEmpty {
                problems.append("the client group '\(share.name)' has too few packages, or all of the same hours, to fit its package hours.")
            }
            var sorted = members.map(\.hoursPerWeek).sorted()
            let quantiles = [0.1, 0.25, 0.5, 0.75, 0.9].map { q in
                (q, gsl_stats_quantile_from_sorted_data(&sorted, 1, sorted.count, q))
            }
            groups.append(Group(name: share.name, share: share, hours: hours, hoursQuantiles: quantiles, durations: fits,
                                kaplanMeier: KaplanMeier(durations), ended: Int(durations.endedCount),
                                open: Int(durations.count - durations.endedCount)))
        }
        if !problems.isEmpty {
            throw CalibrationError(issues: problems.map { ScenarioIssue(keyPath: "", message: $0) }, file: history.file)
        }
        struct Key: Hashable, Comparable {
            var zone: String, provider: String, clientGroup: String, days: Int
            static func < (a: Key, b: Key) -> Bool {
                (a.zone, a.provider, a.clientGroup, a.days) < (b.zone, b.provider, b.clientGroup, b.days)
            }
        }
        var open: [Key: Int] = [:]
        for p in packages where p.end.map({ $0 > asOf }) ?? true {
            open[Key(zone: p.zone, provider: p.provider, clientGroup: p.clientGroup, days: asOf + 1 - p.start), default: 0] += 1
        }
        let caseload = open.keys.sorted().map {
            CaseloadEntry(zone: $0.zone, provider: $0.provider, clientGroup: $0.clientGroup, daysInCare: $0.days, people: open[$0]!)
        }
        return Calibration(asOf: asOf, firstStart: packages.map(\.start).min()!, packages: packages.count,
                           referrals: referrals!, zones: zones, groups: groups, caseload: caseload)
    }
}

extension CSVFormat {
    /// The ISO date of the day `days` days after 1 January 1970.
    static func day(_ days: Int) -> String {
        let d = GregorianDay(daysSince1970: days)
        return String(format: "%04d-%02d-%02d", d.year, d.month, d.day)
    }
}
