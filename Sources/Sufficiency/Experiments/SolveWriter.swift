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
    /// replications is 0.043 (bracket [0.0430, 0.0434], tolerance 0.0005): there 372 of 400
    /// replications (93%, 95% CI 90.1% to 95.3%) meet the target. 9 evaluations of 400
    /// replications each, with common random numbers (seed 42)."
    ///
    /// The answer is given to the decimals its bracket supports (`answerDecimals`). When the
    /// share's interval contains the required probability across a wide part of the range
    /// (`undecidedRange`), the paragraph says the answer is not resolved, gives that range and
    /// the replications that would narrow it (`suggestion`). When no value meets the target it
    /// gives the best share reached and where, and what stops it: the judged windows in which
    /// the target fails at every value tried, or the measure at the low end and at the best,
    /// with the financial years the input barely moves.
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
        let evidence = { (e: SolveEvaluation) in
            "\(e.met) of \(e.replications) replications (\(percent(e.share)), 95% CI "
                + "\(percent(e.shareLow)) to \(percent(e.shareHigh))) meet the target"
        }
        let n = result.evaluations.first?.replications ?? 0
        let cost = "\(result.evaluations.count) evaluations of \(n) replications each, with common "
            + "random numbers (seed \(seed))."
        let x = { (v: Double) in CSVFormat.number(v) }
        switch result.outcome {
        case .found:
            let places = result.answerDecimals
            let answer = decimals(result.roundedSolution ?? result.high, places)
            let bracket = "bracket [\(fixed(result.low, places + 1)), \(fixed(result.high, places + 1))], "
                + "tolerance \(x(s.tolerance))"
            let open = result.undecided
            let advice = result.suggestion.map { suggestion in
                let text = replicationAdvice(suggestion.replications, gap: suggestion.gap, probability: s.probability,
                                             what: "would decide the values whose share differs from "
                                                 + "\(percent(s.probability)) by more than \(points(suggestion.gap)), "
                                                 + "about the outer halves of the range if the share changes steadily across it",
                                             why: "half the smaller gap between \(percent(s.probability)) and the shares at the range's ends")
                return " " + text.prefix(1).uppercased() + text.dropFirst() + "."
            } ?? ""
            guard let span = result.undecidedSpan else {
                return "The smallest \(s.input) at which \(condition) is \(answer) (\(bracket)): there "
                    + "\(evidence(result.deciding)). \(cost)"
            }
            // Rounded outwards, so the range printed holds the range found.
            let k = max(0, Int((-log10(s.tolerance)).rounded(.up)))
            let scale = pow(10, Double(k))
            let from = decimals((span.lowerBound * scale + 1e-9).rounded(.down) / scale, k)
            let to = decimals((span.upperBound * scale - 1e-9).rounded(.up) / scale, k)
            guard result.undecidedRange != nil else {
                return "The smallest \(s.input) at which \(condition) is \(answer) (\(bracket)): there "
                    + "\(evidence(result.deciding)). At \(n) replications the share's 95% interval contains "
                    + "\(percent(s.probability)) from \(from) to \(to) (\(open.count) of the \(result.evaluations.count) "
                    + "evaluations), wider than the bracket: the answer is known only to within that range.\(advice) \(cost)"
            }
            let text = "The answer is not resolved at \(n) replications: from \(s.input) = \(from) "
                + "to \(to) the 95% interval of the share meeting the target contains "
                + "\(percent(s.probability)) (\(open.count) of the \(result.evaluations.count) evaluations, shares "
                + "\(percent(open.first!.share)) to \(percent(open.last!.share))), so the smallest \(s.input) at which "
                + "\(condition) may be anywhere in that range. The bisection closed on \(answer) (\(bracket)), "
                + "where \(evidence(result.deciding)), but another set of replications could move it across the range."
            return text + advice + " \(cost)"
        case .lowEndMeets:
            let e = result.deciding
            let unsure = e.isUndecided(s.probability)
                ? " Its 95% interval contains \(percent(s.probability)), so at \(n) replications this is not certain."
                : ""
            return "\(condition.prefix(1).uppercased() + condition.dropFirst()) already at the low end of the range, "
                + "\(s.input) = \(x(result.low)): there \(evidence(e)).\(unsure) \(cost)"
        case .highEndFails:
            let best = result.best
            var text = "No \(s.input) from \(x(s.low)) to \(x(s.high)) meets the target: it is not true at any value tried that "
                + "\(condition). The best is at \(s.input) = \(x(best.input)), where only \(evidence(best))."
            if best.isUndecided(s.probability) {
                let gap = abs(best.share - s.probability)
                text += " Its 95% interval contains \(percent(s.probability)), so more replications could show that it meets it"
                if let needed = result.replicationsToDecide(gap: gap) {
                    text += "; " + replicationAdvice(needed, gap: gap, probability: s.probability,
                                                     what: "would tell its share from \(percent(s.probability))",
                                                     why: "the gap between the two") + "."
                } else {
                    text += "."
                }
            }
            text += " " + obstacle(result)
            return text + " Widen the range or relax the target. \(cost)"
        }
    }

    /// What stops a solve with no answer: the judged windows where the target fails at every
    /// value tried, or the measure at the low end and at the best value and the financial
    /// years the input barely moves.
    static func obstacle(_ result: SolveResult) -> String {
        let s = result.settings
        let failing = result.failingWindows
        if !failing.isEmpty {
            let each = failing.prefix(3).map { "in \($0.label) at most \(percent($0.bestShare))" }
            let more = failing.count > 3 ? " (and \(failing.count - 3) more)" : ""
            return "What stops it: the target fails in \(failing.count == 1 ? "one window" : "\(failing.count) windows") "
                + "at every value tried; judged in \(failing.count == 1 ? "that window" : "each window") alone, "
                + "\(each.joined(separator: ", "))\(more) meet it, short of \(percent(s.probability))."
        }
        guard let window = result.chosenWindows.first, result.chosenWindows.count == 1,
              let first = result.evaluations.first else { return "" }
        let best = result.best
        let label = result.windowLabels[window]
        let low = first.windows.indices.contains(window) ? first.windows[window].mean : .nan
        let high = best.windows.indices.contains(window) ? best.windows[window].mean : .nan
        var text = "What stops it: \(s.measure) in \(label == "whole run" ? "the whole run" : label) averages "
            + "\(significant(low)) at \(s.input) = \(CSVFormat.number(first.input)) and \(significant(high)) at "
            + "\(CSVFormat.number(best.input)), against a target \(s.target)."
        // The financial years make up the whole run: name those the input does not reach.
        if window == result.financialYears {
            let unmoved = result.unmovedYears
            if !unmoved.isEmpty {
                let each = unmoved.map {
                    let low = significant($0.low), high = significant($0.high)
                    return "\($0.label), at \(low == high ? low : "\(low) to \(high)")"
                }
                text += " By financial year, the input barely moves it (within 5% at every value tried) in "
                    + "\(each.joined(separator: "; ")): no value of it changes what happens there."
            }
        }
        return text
    }

    /// "about N replications would … (n = …)", with the formula and its figures.
    static func replicationAdvice(_ needed: Int, gap: Double, probability p: Double, what: String, why: String) -> String {
        "about \(needed) replications \(what) (n = 1.96² × p(1 − p) / d², the replications for a 95% interval of "
            + "±d around p, with p = \(CSVFormat.number(p)) and d = \(significant(gap)), \(why))"
    }

    /// `v` with at most `k` decimals, trailing zeros dropped: "0.32", "2".
    static func decimals(_ v: Double, _ k: Int) -> String {
        var text = String(format: "%.\(k)f", v)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// `v` with exactly `k` decimals: "0.3203".
    static func fixed(_ v: Double, _ k: Int) -> String {
        String(format: "%.\(k)f", v)
    }

    /// `v` to three significant figures, trailing zeros dropped: "0.62", "2.41", "1250"; "-"
    /// when undefined.
    static func significant(_ v: Double) -> String {
        guard v.isFinite else { return "-" }
        if v == 0 { return "0" }
        return decimals(v, max(0, 2 - Int(log10(abs(v)).rounded(.down))))
    }

    /// A difference of shares in percentage points, e.g. "1.7 points", "1 point".
    static func points(_ gap: Double) -> String {
        let value = (gap * 1000).rounded() / 10
        return NumberRule.format(value) + (value == 1 ? " point" : " points")
    }

    /// A share as a percentage with up to one decimal, e.g. "93.1%".
    static func percent(_ share: Double) -> String {
        NumberRule.format((share * 1000).rounded() / 10) + "%"
    }
}
