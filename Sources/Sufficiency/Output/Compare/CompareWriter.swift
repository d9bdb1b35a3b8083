import Foundation

/// Writes a comparison folder atomically: `compare.csv`, `compare.html` and `manifest.json`.
/// See docs/OUTPUTS.md, "compare.csv".
public enum CompareWriter {
    /// File names, in the order they are written.
    public static let files = ["compare.csv", "compare.html", "manifest.json"]

    /// Header of compare.csv.
    public static let header = [
        "option", "window", "label", "period_start", "period_end", "zone", "measure", "unit", "better",
        "n_a", "mean_a", "sd_a", "n_b", "mean_b", "sd_b", "difference", "ci95_low", "ci95_high", "method", "differs",
        "welch_ci95_low", "welch_ci95_high",
    ]

    /// Writes every file into `directory`, replacing it only once all are complete; the same
    /// refusal rules as a run's results apply (`ResultsWriter.checkDestination`).
    public static func write(_ comparison: RunComparison, to directory: URL, commandLine: [String]) throws {
        try ResultsWriter.checkDestination(directory)
        let staged = try AtomicDirectory(destination: directory)
        do {
            try writeCSV(comparison, to: staged.url(for: "compare.csv"))
            try staged.write(Data(ComparePage.render(comparison).utf8), to: "compare.html")
            let record = CompareRecord(comparison, commandLine: commandLine, files: files)
            try staged.write(record.jsonData(), to: "manifest.json")
            try staged.commit()
        } catch {
            staged.discard()
            throw error
        }
    }

    static func writeCSV(_ comparison: RunComparison, to url: URL) throws {
        let csv = try CSVFileWriter(url: url, header: header)
        for cell in comparison.cells {
            let a = cell.a, b = cell.b, i = cell.interval
            for text in [a.option, a.window, a.label, a.periodStart, a.periodEnd, a.zone, a.measure, a.unit, cell.better] {
                csv.field(text)
            }
            csv.integer(a.n)
            csv.number(a.mean)
            csv.number(a.sd)
            csv.integer(b.n)
            csv.number(b.mean)
            csv.number(b.sd)
            csv.number(i.difference)
            csv.number(i.low)
            csv.number(i.high)
            csv.field(i.method.rawValue)
            csv.field(i.low.isFinite && i.high.isFinite ? String(i.excludesZero) : "")
            csv.number(cell.welch.low)
            csv.number(cell.welch.high)
            try csv.endRow()
        }
        try csv.close()
    }
}
