import Foundation

/// The terminal's account of a comparison: the two runs, how the intervals were worked out,
/// what one run has that the other has not, and the headline measures over the whole run whose
/// interval excludes 0, county-wide and by zone.
public enum CompareText {
    /// At most this many rows of the table are printed; compare.csv has them all.
    public static let rowLimit = 40

    public static func render(_ comparison: RunComparison) -> String {
        var out = "A: \(RunComparison.describe(comparison.a))\n"
        out += "B: \(RunComparison.describe(comparison.b))\n"
        out += comparison.pairingSentence + "\n"
        for sentence in comparison.layout.sentences { out += "Not compared: \(sentence).\n" }
        let rows = comparison.headline(differingOnly: true)
        out += "\n"
        if rows.isEmpty {
            out += "No headline measure differs over the whole run (every 95% interval of B − A includes 0).\n"
        } else {
            out += "Headline measures that differ over the whole run (B − A, 95% interval excludes 0):\n"
            let header = ["Option", "Zone", "Measure", "A", "B", "B − A [95% CI]", ""]
            let table = rows.prefix(rowLimit).map {
                [$0.cell.a.option, $0.cell.a.zone, $0.label, $0.meanA, $0.meanB, $0.differenceText, $0.cell.verdict]
            }
            out += layout([header] + table, rightAligned: [3, 4, 5])
            if rows.count > rowLimit { out += "… and \(rows.count - rowLimit) more rows; every cell is in compare.csv.\n" }
        }
        let zones = comparison.zonesThatDiffer
        out += zones.isEmpty ? "No zone differs in any measure over the whole run.\n"
            : "Zones with a measure that differs over the whole run: \(zones.joined(separator: ", ")).\n"
        out += "\(comparison.cells.count) cells compared, \(comparison.differing.count) differ.\n"
        return out
    }

    /// Rows padded into columns two spaces apart, counting characters.
    static func layout(_ rows: [[String]], rightAligned: Set<Int>) -> String {
        let widths = (0..<(rows.first?.count ?? 0)).map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { c, text in
                let pad = String(repeating: " ", count: widths[c] - text.count)
                return rightAligned.contains(c) ? pad + text : text + pad
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }.joined(separator: "\n") + "\n"
    }
}
