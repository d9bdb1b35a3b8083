import Foundation

/// Writes a solve's results folder atomically (`solve.csv` and `manifest.json`) and words its
/// result. See docs/EXPERIMENTS.md for the columns.
public enum SolveWriter {
    /// File names, in the order they are written.
    public static let files = ["solve.csv", "manifest.json"]

    /// Header of solve.csv: one row per evaluation.
    public static let header = ["evaluation", "input", "met", "replications", "share", "share_ci95_low",
                                "share_ci95_high", "meets"]

    /// Writes every file into `directory`, replacing it only once all are complete; the same
    /// refusal rules as a run's results apply (`ResultsWriter.checkDestination`).
    public static func write(_ result: SolveResult, to directory: URL, manifest: Manifest) throws {
        try ResultsWriter.checkDestination(directory)
        let staged = try AtomicDirectory(destination: directory)
        do {
            let csv = try CSVFileWriter(url: staged.url(for: "solve.csv"), header: header)
            for e in result.evaluations {
                csv.integer(e.number)
                csv.number(e.input)
                csv.integer(e.met)
                csv.integer(e.replications)
                csv.number(e.share)
                csv.number(e.shareLow)
                csv.number(e.shareHigh)
                csv.field(e.meets ? "yes" : "no")
                try csv.endRow()
            }
            try csv.close()
            var manifest = manifest
            manifest.files = files
            manifest.experiment = ExperimentRecord(kind: "solve", solve: result.settings,
                                                   evaluations: result.evaluations.count, solution: result.solution)
            try staged.write(manifest.jsonData(), to: "manifest.json")
            try staged.commit()
        } catch {
            staged.discard()
            throw error
        }
    }

    /// The result in one paragraph, e.g. "The smallest options[flat].uplift.rate at which
    /// unmet_hours under flat is below 250 in every financial year in at least 90% of
    /// replications is 0.0434 (bracket [0.043, 0.0434], tolerance 0.0005): there 372 of 400
    /// replications (93%, 95% CI 90.1% to 95.3%) meet the target. 9 evaluations of 400
    /// replications each, with common random numbers (seed 42)."
    public static func paragraph(_ result: SolveResult, seed: UInt64) -> String {
        let s = result.settings
        let windows: String
        switch s.windows {
        case .everyFinancialYear: windows = "in every financial year"
        case .horizon: windows = "over the whole run"
        case .label(let label): windows = "in \(label)"
        }
        let condition = "\(s.measure) under \(s.option) is \(s.target) \(windows) in at least "
            + "\(percent(s.probability)) of replications"
        let e = result.deciding
        let evidence = "\(e.met) of \(e.replications) replications (\(percent(e.share)), 95% CI "
            + "\(percent(e.shareLow)) to \(percent(e.shareHigh))) meet the target"
        let cost = "\(result.evaluations.count) evaluations of \(e.replications) replications each, with common "
            + "random numbers (seed \(seed))."
        let x = { (v: Double) in CSVFormat.number(v) }
        switch result.outcome {
        case .found:
            return "The smallest \(s.input) at which \(condition) is \(x(result.high)) (bracket [\(x(result.low)), "
                + "\(x(result.high))], tolerance \(x(s.tolerance))): there \(evidence). \(cost)"
        case .lowEndMeets:
            return "\(condition.prefix(1).uppercased() + condition.dropFirst()) already at the low end of the range, "
                + "\(s.input) = \(x(result.low)): there \(evidence). \(cost)"
        case .highEndFails:
            return "Even at the high end of the range, \(s.input) = \(x(result.high)), it is not true that \(condition): "
                + "only \(evidence). Widen the range or relax the target. \(cost)"
        }
    }

    /// A share as a percentage with up to one decimal, e.g. "93.1%".
    static func percent(_ share: Double) -> String {
        NumberRule.format((share * 1000).rounded() / 10) + "%"
    }
}
