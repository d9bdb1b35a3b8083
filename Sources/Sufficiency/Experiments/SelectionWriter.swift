import Foundation

/// Writes a selection's results folder atomically (`selection.csv`, `report.html` and
/// `manifest.json`) and words its result. See docs/EXPERIMENTS.md for the columns.
public enum SelectionWriter {
    /// File names, in the order they are written.
    public static let files = ["selection.csv", "report.html", "manifest.json"]

    /// Header of selection.csv: one row per option, in the scenario's order.
    public static let header = ["option", "status", "eliminated_after", "mean_at_elimination", "mean", "replications"]

    /// Writes every file into `directory`, replacing it only once all are complete; the same
    /// refusal rules as a run's results apply (`ResultsWriter.checkDestination`). The manifest's
    /// replications are set to those the selection ran. `scenarioName` titles the report.
    public static func write(_ result: SelectionResult, to directory: URL, manifest: Manifest,
                             scenarioName: String) throws {
        try ResultsWriter.checkDestination(directory)
        let staged = try AtomicDirectory(destination: directory)
        do {
            let csv = try CSVFileWriter(url: staged.url(for: "selection.csv"), header: header)
            for (o, name) in result.options.enumerated() {
                csv.field(name)
                csv.field(status(result, o))
                if let after = result.eliminatedAfter[o], let mean = result.meanAtElimination[o] {
                    csv.integer(after)
                    csv.number(mean)
                } else {
                    csv.field("")
                    csv.field("")
                }
                csv.number(result.means[o])
                csv.integer(result.replications)
                try csv.endRow()
            }
            try csv.close()
            try staged.write(Data(SelectionPage.render(result, scenario: scenarioName, seed: manifest.seed,
                                                       overrides: manifest.overrides ?? []).utf8), to: "report.html")
            var manifest = manifest
            manifest.files = files
            manifest.replications = result.replications
            manifest.experiment = ExperimentRecord(kind: "select", selection: SelectionRecord(result))
            try staged.write(manifest.jsonData(), to: "manifest.json")
            try staged.commit()
        } catch {
            staged.discard()
            throw error
        }
    }

    /// "selected", "eliminated", or "left" (not eliminated, not selected).
    static func status(_ result: SelectionResult, _ option: Int) -> String {
        if result.eliminatedAfter[option] != nil { return "eliminated" }
        return result.ending == .selected ? "selected" : "left"
    }

    /// The result in one paragraph, e.g. "Selected option 2: the lowest unmet_hours over the
    /// whole run, with probability of correct selection at least 95% when the best is at least 50 hours
    /// a week better than the next (KN, common random numbers); 146 replications; eliminated:
    /// baseline after 23, option 1 after 146."
    ///
    /// When options are left at the maximum (or tied), it names them, the best by mean among
    /// them, says the selection is not guaranteed and what would settle it.
    public static func paragraph(_ result: SelectionResult, seed: UInt64) -> String {
        let s = result.settings
        let extreme = s.preference == .lower ? "lowest" : "highest"
        let zone = "\(CSVFormat.number(s.delta)) \(result.unit)"
        let confidence = SolveWriter.percent(1 - s.alpha)
        let order = result.options.indices.filter { result.eliminatedAfter[$0] != nil }
            .sorted { (result.eliminatedAfter[$0]!, $0) < (result.eliminatedAfter[$1]!, $1) }
        let eliminated = order.isEmpty ? "" : "; eliminated: "
            + order.map { "\(result.options[$0]) after \(result.eliminatedAfter[$0]!)" }.joined(separator: ", ")
        let count = "\(result.replications) replication\(result.replications == 1 ? "" : "s") (seed \(seed))"
        let best = result.best
        switch result.ending {
        case .selected:
            return "Selected \(result.options[best]): the \(extreme) \(s.measure) over the whole run, "
                + "with probability of correct selection at least \(confidence) when the best is at least \(zone) "
                + "better than the next (KN, common random numbers); \(count)\(eliminated)."
        case .maximum, .tied:
            let left = result.survivors
            let names = list(left.map { result.options[$0] })
            let means = left.map { "\(result.options[$0]) \(SolveWriter.significant(result.means[$0]))" }.joined(separator: ", ")
            let why = result.ending == .tied
                ? "their means are exactly equal where KN's continuation region has closed for every pair of them, so more replications would not separate them"
                : "KN could not tell them apart to within \(zone) by the maximum of \(s.maximumReplications) replications "
                    + "(it could need up to \(result.mostReplications)); raise --max-replications or widen --delta to settle it"
            return "No option is selected: \(names) are left after \(count)\(eliminated). The \(extreme) mean "
                + "\(s.measure) over the whole run among them is \(result.options[best])'s (\(means)), but that selection "
                + "is not guaranteed at \(confidence): \(why)."
        }
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ names: [String]) -> String {
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + names.last!
    }
}
