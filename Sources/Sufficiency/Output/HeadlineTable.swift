import Foundation

/// The short comparison printed at the end of a run: each option's headline
/// measures over the whole run, county-wide, as mean [95% CI], then how often
/// each option beat the first on unmet need and spend.
public enum HeadlineTable {
    /// Measure name, row label, and the divisor applied for display.
    static let rows: [(measure: String, label: String, scale: Double, decimals: Int)] = [
        ("spend", "Spend, whole run (GBP m)", 1_000_000, 2),
        ("average_rate", "Average rate (GBP/hour)", 1, 2),
        ("in_care", "People in care (average)", 1, 0),
        ("waiting", "People waiting (average)", 1, 1),
        ("unmet_hours", "Unmet hours a week", 1, 0),
        ("undelivered_share", "Undelivered share of hours (%)", 0.01, 1),
        ("wait_mean_days", "Mean wait (days)", 1, 1),
        ("wait_p90_days", "90th percentile wait (days)", 1, 1),
        ("hand_backs", "Hand-backs (packages)", 1, 0),
        ("provider_exits", "Provider exits", 1, 2),
        ("care_workers", "Care workers (average)", 1, 0),
        ("care_worker_pay", "Care worker pay (GBP/hour)", 1, 2),
        ("provider_margin", "Provider margin (%)", 0.01, 1),
        ("sufficiency_ratio", "Sufficiency ratio", 1, 3),
        ("spot_share", "Spot share of hours (%)", 0.01, 1),
        ("hhi", "Concentration (HHI)", 1, 0),
    ]

    /// The rows of a day opportunities run.
    static let dayRows: [(measure: String, label: String, scale: Double, decimals: Int)] = [
        ("spend", "Spend, whole run (GBP m)", 1_000_000, 2),
        ("savings", "Savings on the first option (GBP m)", 1_000_000, 2),
        ("savings_target_met", "Savings target met (% of runs)", 0.01, 0),
        ("weekly_spend", "Weekly spend (GBP)", 1, 0),
        ("average_weekly_cost", "Weekly cost per placement (GBP)", 1, 2),
        ("transport_spend", "Transport, whole run (GBP m)", 1_000_000, 2),
        ("placements", "Placements (average)", 1, 0),
        ("waiting", "People waiting (average)", 1, 1),
        ("framework_share", "Framework share of placements (%)", 0.01, 1),
        ("spot_share", "Spot share of placements (%)", 0.01, 1),
        ("framework_providers", "Providers on the framework (average)", 1, 1),
        ("approvals", "Providers approved", 1, 1),
        ("days_to_spot_share_target", "Days until spot share below target", 1, 0),
        ("direct_payment_takeups", "Direct payments taken up", 1, 0),
    ]

    public static func render(_ results: RunResults, title: String) -> String {
        let layout = results.layout
        let w = layout.horizonWindow
        let isDay = layout.isDayOpportunities
        var table: [[String]] = [["Measure (mean [95% CI])"] + layout.options]
        for row in isDay ? dayRows : rows {
            guard layout.measures.all.contains(where: { $0.name == row.measure }) else { continue }
            var line = [row.label]
            for o in layout.options.indices {
                guard let s = results.summary(option: o, window: w, measure: row.measure), s.n > 0, s.mean.isFinite else {
                    line.append("-"); continue
                }
                let f = { (x: Double) in x.isFinite ? String(format: "%.\(row.decimals)f", x / row.scale) : "-" }
                line.append(s.n > 1 ? "\(f(s.mean)) [\(f(s.ciLow)), \(f(s.ciHigh))]" : f(s.mean))
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
            for name in isDay ? ["spend"] : ["unmet_hours", "spend"] {
                guard let m = measures.firstIndex(where: { $0.name == name }),
                      let cell = results.comparisonCell(window: w, zoneSlot: 0, measure: m) else { continue }
                let c = results.comparisons[pair].comparison(cell)
                guard c.n > 0 else { continue }
                parts.append(String(format: "%@ lower in %.0f%% of replications", name == "spend" ? "spend" : "unmet hours",
                                    c.shareBBetter * 100))
            }
            if !parts.isEmpty {
                out += "\(layout.options[b]) vs \(layout.options[a]): " + parts.joined(separator: "; ") + "\n"
            }
        }
        return out
    }
}
