import Foundation

extension CoverageAnswer {
    /// What `sufficiency coverage` prints after the run's table: the county figures of every
    /// option, then for the sites' option the zones with the largest gaps, the zones that lose
    /// coverage and the sites chosen, each with what it covers.
    public func render() -> String {
        let single = withinShare.compactMap { $0 }.allSatisfy { $0.n == 1 }
        let minutes = NumberRule.format(standardMinutes)
        var table: [[String]] = [["Coverage within \(minutes) minutes, whole run "
                                  + String(HeadlineTable.heading(replications: single ? 1 : 2).dropFirst("Measure ".count))]
                                 + options]
        let rows: [([Figure?], HeadlineTable.Row)] = [
            (withinShare, HeadlineTable.Row(MeasureName.coverageShare, "Need within the standard (%)", scale: 0.01, decimals: 1,
                                            range: DisplayRange.share)),
            (gapHours, HeadlineTable.Row(MeasureName.coverageGapHours, "Coverage gap (hours a week)", scale: 1, decimals: 0,
                                         range: DisplayRange.nonNegative)),
            (lostHours, HeadlineTable.Row(MeasureName.coverageLostHours, "Coverage lost (hours a week)", scale: 1, decimals: 0,
                                          range: DisplayRange.nonNegative)),
        ]
        for (figures, row) in rows {
            table.append([row.label] + figures.map { figure in
                guard let figure, let text = HeadlineTable.cell(n: figure.n, mean: figure.mean, low: figure.low,
                                                                high: figure.high, row: row, single: single)
                else { return "-" }
                return text.interval.isEmpty ? text.mean : text.mean + " " + text.interval
            })
        }
        var lines = CompareText.layout(table, rightAligned: Set(1..<table[0].count))
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let widths = (0..<table[0].count).map { c in table.map { $0[c].count }.max() ?? 0 }
        lines.insert(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "), at: 1)
        var out = lines.joined(separator: "\n")
        let name = options[option]
        let hours = HeadlineTable.Row("", "", scale: 1, decimals: 0, range: DisplayRange.nonNegative)
        func zones(_ list: [ZoneFigure], limit: Int) -> String {
            var parts = list.prefix(limit).map { zone -> String in
                let f = zone.figure
                guard let text = HeadlineTable.cell(n: f.n, mean: f.mean, low: f.low, high: f.high, row: hours,
                                                    single: single) else { return zone.zone }
                return zone.zone + " " + (text.interval.isEmpty ? text.mean : text.mean + " " + text.interval)
            }
            if list.count > limit { parts.append("and \(list.count - limit) more (zones.csv)") }
            return parts.joined(separator: "; ")
        }
        out += largestGaps.isEmpty
            ? "No zone under \(name) has need beyond the capacity within the standard.\n"
            : "Largest coverage gaps under \(name) (hours a week of need beyond the capacity within the standard): "
                + zones(largestGaps, limit: Self.gapZoneLimit) + ".\n"
        out += losingZones.isEmpty
            ? "No zone loses coverage under \(name): no zone's need has lost capacity within the standard to "
                + "providers leaving.\n"
            : "Zones that lose coverage under \(name) (hours a week of need that providers which have left covered "
                + "within the standard): " + zones(losingZones, limit: Self.lostZoneLimit) + ".\n"
        guard !sites.isEmpty else { return out }
        let capacity = NumberRule.format(siteCapacityHours)
        out += "Sites chosen to cover \(name)'s \(objective.noun) (\(Self.whole(totalNeed)) hours a week in all), "
            + "\(sites.count) of \(capacity) hours a week each:\n"
        for (i, site) in sites.enumerated() {
            let what = site.kind == .newBase ? "new base in \(site.zone)" : "more workers at its base in \(site.zone)"
            let share = totalNeed > 0 ? String(format: " (%.1f%%)", site.cumulativeHours / totalNeed * 100) : ""
            out += "  \(i + 1). \(site.name) (\(what); reaches \(site.reaches.joined(separator: ", "))): covers "
                + "\(Self.whole(site.marginalHours)), \(Self.whole(site.cumulativeHours)) in all\(share)\n"
        }
        return out
    }

    /// Hours a week to the nearest hour.
    private static func whole(_ hours: Double) -> String {
        hours.isFinite ? String(format: "%.0f", hours) : "-"
    }
}
