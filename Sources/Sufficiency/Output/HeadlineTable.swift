import Foundation

/// The short comparison printed at the end of a run: each option's headline
/// measures over the whole run, county-wide, as mean [95% CI], then how often
/// each option beat the first on unmet need and spend. The report's comparison
/// table shows the same cells.
public enum HeadlineTable {
    /// One row: a measure, its label, the divisor and decimals for display, and the values the
    /// measure can take, in its own unit.
    struct Row {
        var measure: String
        var label: String
        var scale: Double
        var decimals: Int
        /// The values the measure can take (`DisplayRange`); its interval is shown cut to them.
        var range: ClosedRange<Double>

        init(_ measure: String, _ label: String, scale: Double, decimals: Int, range: ClosedRange<Double>) {
            self.measure = measure
            self.label = label
            self.scale = scale
            self.decimals = decimals
            self.range = range
        }

        /// A row labelled with the measure's display name (`MeasureDefinition.label`) followed
        /// by `suffix`, which says what the figure is and in which unit (" (average)", ", whole
        /// run (GBP m)").
        init(_ measure: String, after suffix: String, scale: Double, decimals: Int, range: ClosedRange<Double>) {
            guard let name = MeasureDefinition.label(of: measure) else {
                preconditionFailure("\(measure) has no label in MeasureDefinition's tables")
            }
            self.init(measure, name + suffix, scale: scale, decimals: decimals, range: range)
        }
    }

    private static let nonNegative = DisplayRange.nonNegative
    private static let share = DisplayRange.share
    private static let signed = DisplayRange.signed

    /// Home care's rows (`HomeCareSimulation.highlights`).
    static let homeCare: [Row] = [
        Row(MeasureName.spend, after: ", whole run (GBP m)", scale: 1_000_000, decimals: 2, range: nonNegative),
        Row(MeasureName.averageRate, after: " (GBP/hour)", scale: 1, decimals: 2, range: nonNegative),
        Row(MeasureName.inCare, after: " (average)", scale: 1, decimals: 0, range: nonNegative),
        Row(MeasureName.waiting, after: " (average)", scale: 1, decimals: 1, range: nonNegative),
        // The headline names unmet need by its unit, so the row says what is counted.
        Row(MeasureName.unmetHours, "Unmet hours a week", scale: 1, decimals: 0, range: nonNegative),
        Row(MeasureName.undeliveredShare, after: " (%)", scale: 0.01, decimals: 1, range: share),
        Row(MeasureName.waitMeanDays, after: " (days)", scale: 1, decimals: 1, range: nonNegative),
        Row(MeasureName.waitP90Days, after: " (days)", scale: 1, decimals: 1, range: nonNegative),
        Row(MeasureName.handBacks, after: " (packages)", scale: 1, decimals: 0, range: nonNegative),
        Row(MeasureName.providerExits, after: "", scale: 1, decimals: 2, range: nonNegative),
        Row(MeasureName.careWorkers, after: " (average)", scale: 1, decimals: 0, range: nonNegative),
        Row(MeasureName.careWorkerPay, after: " (GBP/hour)", scale: 1, decimals: 2, range: nonNegative),
        Row(MeasureName.providerMargin, after: " (%)", scale: 0.01, decimals: 1, range: signed),
        Row(MeasureName.sufficiencyRatio, after: "", scale: 1, decimals: 3, range: nonNegative),
        Row(MeasureName.spotShare, after: " of hours (%)", scale: 0.01, decimals: 1, range: share),
        Row(MeasureName.hhi, after: "", scale: 1, decimals: 0, range: 0 ... 10_000),
    ]

    /// Day opportunities' rows (`DayOpportunitiesSimulation.highlights`).
    static let dayOpportunities: [Row] = [
        Row(MeasureName.spend, after: ", whole run (GBP m)", scale: 1_000_000, decimals: 2, range: nonNegative),
        Row(MeasureName.savings, after: " (GBP m)", scale: 1_000_000, decimals: 2, range: signed),
        Row(MeasureName.savingsTargetMet, after: " (% of runs)", scale: 0.01, decimals: 0, range: share),
        Row(MeasureName.weeklySpend, after: " (GBP)", scale: 1, decimals: 0, range: nonNegative),
        Row(MeasureName.averageWeeklyCost, after: " (GBP)", scale: 1, decimals: 2, range: nonNegative),
        Row(MeasureName.transportSpend, after: ", whole run (GBP m)", scale: 1_000_000, decimals: 2, range: nonNegative),
        Row(MeasureName.placements, after: " (average)", scale: 1, decimals: 0, range: nonNegative),
        Row(MeasureName.waiting, after: " (average)", scale: 1, decimals: 1, range: nonNegative),
        Row(MeasureName.unmetDays, after: ", whole run", scale: 1, decimals: 0, range: nonNegative),
        Row(MeasureName.occupancy, after: " (%)", scale: 0.01, decimals: 1, range: share),
        Row(MeasureName.selfFundedResidents, after: " (average)", scale: 1, decimals: 0, range: nonNegative),
        Row(MeasureName.councilShareOfBeds, after: " (%)", scale: 0.01, decimals: 1, range: share),
        Row(MeasureName.membersLost, after: "", scale: 1, decimals: 1, range: nonNegative),
        Row(MeasureName.withinStandardShare, after: " (%)", scale: 0.01, decimals: 1, range: share),
        Row(MeasureName.travelMinutesMean, after: " (minutes)", scale: 1, decimals: 1, range: nonNegative),
        Row(MeasureName.frameworkShare, after: " (%)", scale: 0.01, decimals: 1, range: share),
        Row(MeasureName.spotShare, after: " of placements (%)", scale: 0.01, decimals: 1, range: share),
        Row(MeasureName.frameworkProviders, after: " (average)", scale: 1, decimals: 1, range: nonNegative),
        Row(MeasureName.approvals, after: "", scale: 1, decimals: 1, range: nonNegative),
        Row(MeasureName.daysToSpotShareTarget, after: "", scale: 1, decimals: 0, range: nonNegative),
        Row(MeasureName.directPaymentTakeups, after: "", scale: 1, decimals: 0, range: nonNegative),
    ]

    /// The heading of the measure column: what each cell shows.
    static func heading(replications: Int, suffix: String = "") -> String {
        replications == 1 ? "Measure (mean\(suffix); n = 1: no interval)" : "Measure (mean [95% CI]\(suffix))"
    }

    /// One cell's text: the mean, then the 95% interval cut to the row's range, scaled and
    /// rounded for display; nil when there is no mean. A cell from one replication has no
    /// interval (its standard deviation is undefined): it shows the mean alone, marked
    /// "(n = 1)" unless every cell is from one replication (`single`), when the heading says so.
    static func cell(n: Int, mean: Double, low: Double, high: Double, row: Row, single: Bool)
        -> (mean: String, interval: String)? {
        guard n > 0, mean.isFinite else { return nil }
        let f = { (x: Double) in x.isFinite ? String(format: "%.\(row.decimals)f", x / row.scale) : "-" }
        guard n > 1 else { return (f(mean), single ? "" : "(n = 1)") }
        let shown = DisplayRange.cut(low: low, high: high, to: row.range)
        return (f(mean), "[\(f(shown.low)), \(f(shown.high))]")
    }

    /// How often option B had the lower `noun` than option A, replication by replication.
    static func chance(_ noun: String, n: Int, shareBBetter: Double) -> String {
        // A percentage of one replication reads as a finding; say what happened instead.
        guard n > 1 else { return "\(noun) \(shareBBetter > 0 ? "lower" : "not lower") in the one replication" }
        return String(format: "%@ lower in %.0f%% of replications", noun, shareBBetter * 100)
    }

    public static func render(_ results: RunResults, title: String) -> String {
        let layout = results.layout
        let w = layout.horizonWindow
        let single = results.replications == 1
        var table: [[String]] = [[heading(replications: results.replications)] + layout.options]
        for row in layout.highlights.headline {
            guard layout.measures.all.contains(where: { $0.name == row.measure }) else { continue }
            var line = [row.label]
            for o in layout.options.indices {
                guard let s = results.summary(option: o, window: w, measure: row.measure),
                      let text = cell(n: s.n, mean: s.mean, low: s.ciLow, high: s.ciHigh, row: row, single: single) else {
                    line.append("-"); continue
                }
                line.append(text.interval.isEmpty ? text.mean : text.mean + " " + text.interval)
            }
            table.append(line)
        }
        var widths = [Int](repeating: 0, count: table[0].count)
        for line in table { for (i, cell) in line.enumerated() { widths[i] = max(widths[i], cell.count) } }
        var out = title + "\n"
        for (i, line) in table.enumerated() {
            out += line.enumerated().map { j, cell in
                j == 0 ? cell.padding(toLength: widths[j], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[j] - cell.count) + cell
            }.joined(separator: "  ") + "\n"
            if i == 0 { out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
        }
        // Paired comparisons against the first option.
        let measures = layout.measures.all
        for (pair, (a, b)) in layout.pairs.enumerated() where a == 0 {
            var parts: [String] = []
            for name in layout.highlights.paired {
                guard let m = measures.firstIndex(where: { $0.name == name }),
                      let cell = results.comparisonCell(window: w, zoneSlot: 0, measure: m) else { continue }
                let c = results.comparisons[pair].comparison(cell)
                guard c.n > 0 else { continue }
                parts.append(chance(MeasureName.inWords(name), n: c.n, shareBBetter: c.shareBBetter))
            }
            if !parts.isEmpty {
                out += "\(layout.options[b]) vs \(layout.options[a]): " + parts.joined(separator: "; ") + "\n"
            }
        }
        return out
    }
}
