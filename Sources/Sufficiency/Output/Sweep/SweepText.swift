import Foundation

/// The terminal's account of a sweep: one row per point and option, with the point's values,
/// the headline measures over the whole run (county-wide mean and 95% interval, as the run's
/// headline table writes them) and the share of replications meeting each target with its
/// 95% Clopper–Pearson interval.
public enum SweepText {
    /// At most this many rows are printed; sweep.csv (and targets.csv) have them all.
    public static let rowLimit = 40

    /// Shorter column headings than the headline table's, so a row fits a terminal.
    static let shortLabels = [
        MeasureName.spend: "Spend (GBP m)", MeasureName.unmetHours: "Unmet hours/week", MeasureName.providerExits: "Provider exits",
        MeasureName.handBacks: "Hand-backs", MeasureName.unmetDays: "Unmet days", MeasureName.waiting: "Waiting",
        MeasureName.membersLost: "Members lost",
    ]

    /// The headline rows (`HeadlineTable.Row`) a sweep of `layout` shows, in the order of its
    /// engine's sweep measures (`MeasureHighlights.sweep`), those the run has, with short labels.
    static func rows(_ layout: ResultLayout) -> [HeadlineTable.Row] {
        let all = layout.highlights.headline
        return layout.highlights.sweep.compactMap { name in
            guard layout.measures.all.contains(where: { $0.name == name }),
                  var row = all.first(where: { $0.measure == name }) else { return nil }
            row.label = shortLabels[name] ?? row.label
            return row
        }
    }

    /// A share and its interval as the table shows them: `85% [76%, 92%]`.
    static func share(met: Int, of n: Int) -> String {
        let interval = Solver.clopperPearson(successes: met, trials: n)
        let percent = { (x: Double) in String(format: "%.0f%%", x * 100) }
        return "\(percent(Double(met) / Double(n))) [\(percent(interval.low)), \(percent(interval.high))]"
    }

    /// The table, at most `limit` rows, then how many more the files hold.
    public static func render(_ results: SweepResults, limit: Int = rowLimit) -> String {
        let layout = results.layout
        let plan = results.plan
        let rows = rows(layout)
        let w = layout.horizonWindow
        let single = results.replications == 1
        let header = ["Point"] + plan.settings.parameters.map(\.path) + ["Option"] + rows.map(\.label)
            + results.targets.map(\.description)
        var table: [[String]] = []
        for point in plan.points {
            for (o, option) in layout.options.enumerated() {
                var line = [String(point.number)] + point.values.map(\.text) + [option]
                for row in rows {
                    guard let s = results.summary(point: point.number, option: o, window: w, measure: row.measure),
                          let text = HeadlineTable.cell(n: s.n, mean: s.mean, low: s.ciLow, high: s.ciHigh,
                                                        row: row, single: single) else {
                        line.append("-"); continue
                    }
                    line.append(text.interval.isEmpty ? text.mean : text.mean + " " + text.interval)
                }
                for t in results.targets.indices {
                    line.append(share(met: results.met(point: point.number, option: o, target: t), of: results.replications))
                }
                table.append(line)
            }
        }
        let parameters = plan.settings.parameters.count
        let interval = single ? "mean; n = 1: no interval" : "mean [95% CI]"
        var out = "Whole run, county-wide, \(interval)"
        out += results.targets.isEmpty ? ":\n" : "; targets: share of replications meeting them [95% CI]:\n"
        let numeric = Set((1..<header.count).filter { $0 != parameters + 1 })
        out += CompareText.layout([header] + table.prefix(limit), rightAligned: numeric.union([0]))
        if table.count > limit {
            let files = results.targets.isEmpty ? "sweep.csv" : "sweep.csv and targets.csv"
            out += "… and \(table.count - limit) more rows; every point is in \(files).\n"
        }
        return out
    }
}
