import Foundation

/// Writes a run's results folder atomically: summary, per-replication totals,
/// option comparisons and the manifest. See docs/OUTPUTS.md for every column.
public enum ResultsWriter {
    /// File names, in the order they are written.
    public static let files = ["summary.csv", "replications.csv", "comparison.csv", "manifest.json"]

    /// Header of summary.csv: one row per option, window, zone and measure.
    public static let summaryHeader = [
        "option", "window", "label", "period_start", "period_end", "zone", "measure", "unit",
        "n", "mean", "sd", "ci95_low", "ci95_high", "p05", "p50", "p95",
    ]
    /// Header of comparison.csv: one row per pair of options, window, zone and measure.
    public static let comparisonHeader = [
        "option_a", "option_b", "window", "label", "period_start", "period_end", "zone", "measure", "unit",
        "better", "n", "mean_difference", "ci95_low", "ci95_high", "share_a_better", "share_b_better", "share_tied",
    ]

    /// Checks that `directory` can be (re)placed with results: it does not exist, is an
    /// empty folder, or is an earlier results folder (its manifest.json names this tool).
    /// Anything else — the working folder, the folder holding the scenario, a file — is
    /// refused, because results replace their folder whole.
    public static func checkDestination(_ directory: URL) throws {
        let path = directory.standardizedFileURL.path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else {
            throw OutputError.notAResultsFolder(path: path, reason: "it is a file, not a results folder")
        }
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: path) else {
            throw OutputError.notAResultsFolder(path: path, reason: "its contents cannot be read")
        }
        if entries.isEmpty { return }
        let manifest = directory.appendingPathComponent("manifest.json")
        if let data = try? Data(contentsOf: manifest),
           let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
           object["tool"] as? String == "sufficiency" {
            return
        }
        let shown = entries.sorted().prefix(3).joined(separator: ", ") + (entries.count > 3 ? ", …" : "")
        throw OutputError.notAResultsFolder(
            path: path, reason: "it is not an earlier results folder (no Sufficiency manifest.json) and holds \(shown)")
    }

    /// Writes every file into `directory`, replacing it only once all are complete.
    public static func write(_ results: RunResults, runner: Runner, to directory: URL,
                             manifest: Manifest) throws {
        try checkDestination(directory)
        let staged = try AtomicDirectory(destination: directory)
        do {
            try writeSummary(results, runner: runner, to: staged.url(for: "summary.csv"))
            try writeReplications(results, to: staged.url(for: "replications.csv"))
            try writeComparison(results, runner: runner, to: staged.url(for: "comparison.csv"))
            var manifest = manifest
            manifest.files = files
            try staged.write(manifest.jsonData(), to: "manifest.json")
            try staged.commit()
        } catch {
            staged.discard()
            throw error
        }
    }

    static func writeSummary(_ results: RunResults, runner: Runner, to url: URL) throws {
        let layout = results.layout
        let csv = try CSVFileWriter(url: url, header: summaryHeader)
        for (o, option) in layout.options.enumerated() {
            for (w, window) in layout.windows.enumerated() {
                let label = WindowLabel.label(window, calendar: runner.calendar, period: runner.scenario.calendar.period)
                let (first, last) = WindowLabel.dates(window, calendar: runner.calendar)
                for (slot, zone) in layout.zoneNames.enumerated() {
                    for (m, measure) in layout.measures.all.enumerated() {
                        if slot > 0 && !measure.perZone { continue }
                        let s = results.summaries.summary(layout.cell(option: o, window: w, zoneSlot: slot, measure: m))
                        if s.n == 0 { continue }
                        for text in [option, window.kind.rawValue, label, first, last, zone, measure.name, measure.unit] {
                            csv.field(text)
                        }
                        csv.field(String(s.n))
                        for x in [s.mean, s.sd, s.ciLow, s.ciHigh, s.p05, s.p50, s.p95] { csv.number(x) }
                        try csv.endRow()
                    }
                }
            }
        }
        try csv.close()
    }

    static func writeReplications(_ results: RunResults, to url: URL) throws {
        let layout = results.layout
        let csv = try CSVFileWriter(url: url, header: ["replication", "option"] + layout.measures.all.map(\.name))
        for r in 0..<results.replications {
            for (o, option) in layout.options.enumerated() {
                csv.field(String(r + 1))
                csv.field(option)
                for m in 0..<layout.measures.count { csv.number(results.total(replication: r, option: o, measure: m)) }
                try csv.endRow()
            }
        }
        try csv.close()
    }

    static func writeComparison(_ results: RunResults, runner: Runner, to url: URL) throws {
        let layout = results.layout
        let csv = try CSVFileWriter(url: url, header: comparisonHeader)
        for (pair, (a, b)) in layout.pairs.enumerated() {
            for w in layout.comparedWindows {
                let window = layout.windows[w]
                let label = WindowLabel.label(window, calendar: runner.calendar, period: runner.scenario.calendar.period)
                let (first, last) = WindowLabel.dates(window, calendar: runner.calendar)
                for (slot, zone) in layout.zoneNames.enumerated() {
                    for (m, measure) in layout.measures.all.enumerated() {
                        if slot > 0 && !measure.perZone { continue }
                        let c = results.comparisons[pair].comparison(results.comparisonCell(window: w, zoneSlot: slot, measure: m)!)
                        if c.n == 0 { continue }
                        let shares = measure.better == nil
                            ? ["", "", ""] : [n(c.shareABetter), n(c.shareBBetter), n(c.shareTied)]
                        try csv.write([layout.options[a], layout.options[b], window.kind.rawValue, label, first, last,
                                       zone, measure.name, measure.unit, measure.better?.rawValue ?? "",
                                       String(c.n), n(c.meanDifference), n(c.ciLow), n(c.ciHigh)] + shares)
                    }
                }
            }
        }
        try csv.close()
    }

    @inline(__always)
    private static func n(_ x: Double) -> String { CSVFormat.number(x) }
}
