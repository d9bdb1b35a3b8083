import Foundation

extension SweepText {
    /// A Saltelli sweep's Sobol indices of the headline measures the terminal table shows
    /// (whole run, county-wide): one row per measure, option and parameter, each index with its
    /// 95% bootstrap interval; empty for other designs. sensitivity.csv has every measure.
    public static func sensitivity(_ results: SweepResults) -> String {
        guard !results.sensitivity.isEmpty else { return "" }
        let layout = results.layout
        let parameters = results.plan.settings.parameters.map(\.path)
        var table = [["Measure", "Option", "Parameter", "First-order [95% CI]", "Total [95% CI]"]]
        for row in rows(layout) {
            guard let m = layout.measures.all.firstIndex(where: { $0.name == row.measure }) else { continue }
            for entry in results.sensitivity where entry.measure == m {
                for (i, parameter) in parameters.enumerated() {
                    table.append([row.label, layout.options[entry.option], parameter,
                                  index(entry.indices.firstOrder[i]), index(entry.indices.total[i])])
                }
            }
        }
        let n = results.sensitivity[0].indices.baseRows
        var out = "Sobol indices over the whole run (share of the variance of the points' means; first-order: the "
            + "parameter alone, total: with its interactions; \(n) base rows, 95% bootstrap intervals):\n"
        out += CompareText.layout(table, rightAligned: [3, 4])
        return out
    }

    /// An index and its interval as the table shows them: `0.31 [0.25, 0.37]`; `-` when the
    /// measure's means do not vary.
    static func index(_ index: SobolIndices.Index) -> String {
        guard index.estimate.isFinite else { return "-" }
        let text = { (x: Double) in x.isFinite ? String(format: "%.2f", x) : "?" }
        return "\(text(index.estimate)) [\(text(index.low)), \(text(index.high))]"
    }
}
