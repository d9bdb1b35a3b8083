import Foundation

/// The lines after a run's table that say what common random numbers saved: for each pair of
/// options and the measures the decision turns on, the variance of the paired difference over
/// the whole run, county-wide, as a share of what independent streams would give, and the
/// replications those would need for an interval as narrow (`CommonRandomNumbersGain`).
public enum CommonRandomNumbersText {
    /// The measures reported, those a run has: unmet need and spend.
    static let measures = [MeasureName.unmetHours, MeasureName.unmetDays, MeasureName.spend]

    /// The lines, or nil for a run of one option or of one replication.
    public static func render(_ results: RunResults) -> String? {
        let layout = results.layout
        let names = layout.measures.all.map(\.name)
        let shown = measures.compactMap { name in names.firstIndex(of: name).map { (name, $0) } }
        let window = layout.horizonWindow
        guard !layout.pairs.isEmpty, !shown.isEmpty, results.replications >= 2 else { return nil }
        var lines: [String] = []
        for (pair, (a, b)) in layout.pairs.enumerated() {
            let cells = shown.compactMap { name, m -> String? in
                guard let cell = results.comparisonCell(window: window, zoneSlot: 0, measure: m) else { return nil }
                let gain = CommonRandomNumbersGain(
                    paired: results.comparisons[pair].comparison(cell),
                    a: results.summaries.summary(layout.cell(option: a, window: window, zoneSlot: 0, measure: m)),
                    b: results.summaries.summary(layout.cell(option: b, window: window, zoneSlot: 0, measure: m)))
                guard let gain else { return nil }
                return "\(name) \(percent(gain.varianceRatio)) (\(count(gain.independentReplications)))"
            }
            if !cells.isEmpty { lines.append("  \(layout.options[a]) vs \(layout.options[b]): \(cells.joined(separator: ", "))") }
        }
        guard !lines.isEmpty else { return nil }
        return "What common random numbers saved, whole run: each paired difference's variance as a share of what "
            + "independent streams would give (and the replications they would need for the same interval, against "
            + "\(results.replications)):\n" + lines.joined(separator: "\n")
    }

    /// A share as a percentage: one decimal below 10%, whole numbers above, and "<0.1%" for less.
    static func percent(_ share: Double) -> String {
        let value = share * 100
        if value < 0.05 { return "<0.1%" }
        return value < 10 ? String(format: "%.1f%%", value) : String(format: "%.0f%%", value)
    }

    /// A count of replications with thousands separated by commas (`ChartNumber.grouped`).
    static func count(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        let (negative, digits) = ChartNumber.grouped(value, decimals: 0)
        return (negative ? "-" : "") + digits
    }
}
