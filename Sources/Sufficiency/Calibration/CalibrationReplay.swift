import Foundation

/// A calibration's check against its own history: the scenario the fragment makes, run over the
/// history's dates with providers that never run short, beside the history's own monthly
/// referrals (package starts) and people in care.
///
/// The run starts on the history's first start with nobody in care (the history has nobody
/// before it), at the fitted rate for the start of the history (fit.csv's `referrals_per_week`),
/// and ends on the as-of date. Each month's band runs from the lowest to the highest of the
/// replications: with 199 of them, a further draw from the same model falls outside it with
/// probability 2 in 200, so about 99% of the history's months should lie inside.
public struct CalibrationReplay: Sendable {
    /// One calendar month (clipped to the history at its ends).
    public struct Month: Sendable {
        /// The month's first day in the run, days since 1970.
        public var firstDay: Int
        public var days: Int
        /// Package starts in the history, and in the replications: their mean, lowest and highest.
        public var referrals: Double
        public var referralsMean: Double, referralsLow: Double, referralsHigh: Double
        /// People in care in the history, averaged over the month's days, and in the replications.
        public var inCare: Double
        public var inCareMean: Double, inCareLow: Double, inCareHigh: Double

        public var referralsInside: Bool { referralsLow <= referrals && referrals <= referralsHigh }
        public var inCareInside: Bool { inCareLow <= inCare && inCare <= inCareHigh }
    }

    public var months: [Month]
    public var replications: Int
    public var seed: UInt64

    /// Months whose referrals, and whose people in care, lie within the band.
    public var referralsInside: Int { months.filter(\.referralsInside).count }
    public var inCareInside: Int { months.filter(\.inCareInside).count }

    /// The scenario that replays `calibration`: its fragment, with the rate at the start of the
    /// history and no caseload, under one provider serving every zone with a fixed capacity far
    /// above any caseload, no hand-backs or exits, and spot purchase, from the first start to the
    /// as-of date by month.
    static func scenario(_ calibration: Calibration, replications: Int, seed: UInt64) throws(ScenarioError) -> Scenario {
        let zones = calibration.zones.map {
            "  - {name: \(YAMLText.quoted($0.name)), referral_share: \($0.share.value), labour_pool_per_week: 0}"
        }
        let base = """
            name: Replay of the calibration
            calendar: {start: \(CSVFormat.day(calibration.firstStart)), days: \(calibration.asOf - calibration.firstStart + 1), period: month}
            run: {replications: \(replications), seed: \(seed)}
            workforce: {dynamic: false}
            hand_backs: {background_annual_hazard: 0}
            exits: {annual_hazard: 0}
            zones:
            \(zones.joined(separator: "\n"))
            providers:
              - {name: Replay capacity, base_zone: \(YAMLText.quoted(calibration.zones[0].name)), zones: all, care_workers: 0, fixed_capacity_hours: 1000000000}
            options:
              - {name: replay, rule: spot, reference_rate: 20}

            """
        return try ScenarioLoader.load(yaml: base + calibration.fragment(source: "the package file"), fileName: "replay.yaml",
                                       overrides: ["demand.referrals_per_week=\(calibration.referrals.ratePerWeek.value)",
                                                   "caseload.entries=[]"]).scenario
    }

    /// Runs the replay of `calibration`, fitted to `history`, with `replications` replications
    /// from `seed`.
    public static func run(_ calibration: Calibration, history: PackageHistory, replications: Int = 199,
                           seed: UInt64 = 1) throws(ScenarioError) -> CalibrationReplay {
        let scenario = try scenario(calibration, replications: replications, seed: seed)
        let runner = Runner(scenario: scenario)
        let layout = runner.layout
        let periods = layout.windows.indices.filter { layout.windows[$0].kind == .period }
        let referrals = layout.measures.all.firstIndex { $0.name == MeasureName.referrals }!
        let inCare = layout.measures.all.firstIndex { $0.name == MeasureName.inCare }!
        final class Collected: @unchecked Sendable {
            var referrals: [[Double]] = [], inCare: [[Double]] = []
        }
        let collected = Collected()
        // The observer is called in replication order and never concurrently.
        _ = runner.run(observer: { _, cells in
            collected.referrals.append(periods.map { cells[layout.cell(option: 0, window: $0, zoneSlot: 0, measure: referrals)] })
            collected.inCare.append(periods.map { cells[layout.cell(option: 0, window: $0, zoneSlot: 0, measure: inCare)] })
        })
        let packages = history.packages.filter { $0.start <= calibration.asOf }
        let months = periods.enumerated().map { k, w -> Month in
            let from = calibration.firstStart + layout.windows[w].fromDay, to = calibration.firstStart + layout.windows[w].toDay
            var starts = 0, careDays = 0
            for p in packages where p.start < to && (p.end ?? .max) > from {
                if p.start >= from { starts += 1 }
                careDays += min(p.end ?? .max, to) - max(p.start, from)
            }
            let r = collected.referrals.map { $0[k] }, c = collected.inCare.map { $0[k] }
            return Month(firstDay: from, days: to - from, referrals: Double(starts),
                         referralsMean: r.reduce(0, +) / Double(r.count), referralsLow: r.min()!, referralsHigh: r.max()!,
                         inCare: Double(careDays) / Double(to - from),
                         inCareMean: c.reduce(0, +) / Double(c.count), inCareLow: c.min()!, inCareHigh: c.max()!)
        }
        return CalibrationReplay(months: months, replications: replications, seed: seed)
    }
}

extension CalibrationReplay {
    /// `replay.csv`: one row per month and measure (`referrals`, `in_care`): the month's first day,
    /// its days, the history's value, the replications' mean, lowest and highest, and whether the
    /// history's value lies within them.
    public func table() -> String {
        var csv = "month,days,measure,history,mean,low,high,inside\n"
        func n(_ x: Double) -> String { CSVFormat.number(Double(String(format: "%.6g", x))!) }
        for m in months {
            csv += "\(CSVFormat.day(m.firstDay)),\(m.days),referrals,\(n(m.referrals)),\(n(m.referralsMean)),"
                + "\(n(m.referralsLow)),\(n(m.referralsHigh)),\(m.referralsInside ? "yes" : "no")\n"
            csv += "\(CSVFormat.day(m.firstDay)),\(m.days),in_care,\(n(m.inCare)),\(n(m.inCareMean)),"
                + "\(n(m.inCareLow)),\(n(m.inCareHigh)),\(m.inCareInside ? "yes" : "no")\n"
        }
        return csv
    }

    /// One sentence: how many months of each lie within the band.
    public var summary: String {
        "the history's referrals lie within the replications' band in \(referralsInside) of \(months.count) months, "
            + "its people in care in \(inCareInside) of \(months.count) (\(replications) replications, from lowest to highest"
            + (replications == 199 ? ": a 99% band)" : ")")
    }

    /// The fit report's section: the summary and a table of the months, those outside marked.
    func section() -> String {
        func f(_ x: Double) -> String { String(format: "%.1f", x) }
        func cell(_ value: Double, _ inside: Bool) -> String { inside ? "<td>\(f(value))</td>" : "<td><strong>\(f(value))</strong></td>" }
        var h = "<h2>Replay of the history</h2>\n<p>The scenario the fragment makes, run from the first start (nobody in care) "
            + "to the as-of date with providers that never run short: \(Report.escape(summary)). Values outside the band are in bold.</p>\n"
        h += "<table><tr><th>month</th><th>referrals</th><th>replications (lowest to highest)</th>"
            + "<th>people in care</th><th>replications (lowest to highest)</th></tr>\n"
        for m in months {
            h += "<tr><td>\(CSVFormat.day(m.firstDay))</td>\(cell(m.referrals, m.referralsInside))"
                + "<td>\(f(m.referralsLow)) to \(f(m.referralsHigh))</td>\(cell(m.inCare, m.inCareInside))"
                + "<td>\(f(m.inCareLow)) to \(f(m.inCareHigh))</td></tr>\n"
        }
        return h + "</table>\n"
    }
}
