import Foundation

/// The ranking analysis in words, as the terminal prints it after the headline table and the
/// report shows it: what was judged, which option is best at the scenario's own values, then
/// the inputs whose range flips the best option, then the others by how far they move its lead,
/// each with where its range comes from.
public enum RankingText {
    public static let heading = "What decides the ranking"

    /// The terminal's section, one line a sentence; inputs indented, their sources under them.
    public static func render(_ outcome: RankingOutcome) -> String {
        var lines = [heading + " (" + judged(outcome) + ")", scope(outcome), base(outcome)]
        if let note = mainNote(outcome) { lines.append(note) }
        let (flipping, others) = groups(outcome)
        if !flipping.isEmpty {
            lines.append(flippingHeading)
            for i in flipping { lines += inputLines(outcome, i) }
        }
        if !others.isEmpty {
            lines.append(othersHeading(outcome, anyFlips: !flipping.isEmpty))
            for i in others { lines += inputLines(outcome, i) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func inputLines(_ outcome: RankingOutcome, _ i: Int) -> [String] {
        ["  " + sentence(outcome, i), "    source: " + outcome.inputs[i].source]
    }

    /// `unmet_hours, hours a week, whole run; lower is better`.
    static func judged(_ outcome: RankingOutcome) -> String {
        "\(outcome.measure), \(outcome.unit), \(outcome.window); \(outcome.better.rawValue) is better"
    }

    /// How the analysis was run.
    static func scope(_ outcome: RankingOutcome) -> String {
        let r = outcome.replications
        return "Each input at the low and at the high end of its range, every other value as written: "
            + "\(r) replication\(r == 1 ? "" : "s") at each end and at the scenario's own values, "
            + "with common random numbers."
    }

    /// Which option is best at the scenario's own values, and by how much.
    static func base(_ outcome: RankingOutcome) -> String {
        let base = outcome.base
        guard let best = base.best else {
            return "At the scenario's own values no option has a value of \(outcome.measure) in \(window(outcome)), "
                + "so there is no ranking to test."
        }
        guard let second = base.ranks.firstIndex(where: { $0 == 2 }) else {
            return "At the scenario's own values only \(outcome.options[best]) has a value of \(outcome.measure)."
        }
        let d = decimals(outcome)
        return "At the scenario's own values, \(outcome.options[best]) is best, ahead of \(outcome.options[second]) by "
            + "\(number(base.gap, d))\(interval(base.gapLow, base.gapHigh, d))."
    }

    /// The note when the main run's best is not the analysis's: the options are too close to
    /// tell apart with the analysis's replications.
    static func mainNote(_ outcome: RankingOutcome) -> String? {
        guard let main = outcome.mainBest, let best = outcome.base.best, main != best,
              let replications = outcome.mainReplications else { return nil }
        return "Note: the main run's \(replications) replications make \(outcome.options[main]) best; with "
            + "\(outcome.replications) here, \(outcome.options[best]) is, so the two are too close to tell apart at "
            + "\(outcome.replications): raise ranking_sensitivity.replications."
    }

    static let flippingHeading = "Inputs whose range flips the best option:"

    /// The heading of the inputs that do not flip it.
    static func othersHeading(_ outcome: RankingOutcome, anyFlips: Bool) -> String {
        let lead = outcome.base.best.map { "\(outcome.options[$0])'s lead" } ?? "the lead"
        return anyFlips
            ? "Inputs that do not flip it, the largest change in \(lead) first:"
            : "No input flips the best option over its range. The inputs, the largest change in \(lead) first:"
    }

    /// The inputs that flip the best option and the others, each in the order of
    /// `RankingOutcome.order`.
    static func groups(_ outcome: RankingOutcome) -> (flipping: [Int], others: [Int]) {
        let order = outcome.order
        return (order.filter { outcome.inputs[$0].flips }, order.filter { !outcome.inputs[$0].flips })
    }

    /// `KEY, LOW to HIGH: at LOW, …; at HIGH, ….`
    static func sentence(_ outcome: RankingOutcome, _ i: Int) -> String {
        let input = outcome.inputs[i]
        return "\(input.key), \(value(input.low)) to \(value(input.high)): \(end(outcome, input.low)); "
            + "\(end(outcome, input.high))."
    }

    /// What happens at one end: `at 10, strategic is best, ahead of framework by 52.1` or
    /// `at 60, framework stays best, ahead by 80.3`.
    static func end(_ outcome: RankingOutcome, _ end: RankingOutcome.End) -> String {
        "at \(value(end)), " + result(outcome, end)
    }

    /// Which option is best at one end and by how much, in the words of `end(_:_:)` without
    /// the value: `strategic is best, ahead of framework by 52.1`.
    static func result(_ outcome: RankingOutcome, _ end: RankingOutcome.End) -> String {
        let d = decimals(outcome)
        guard let best = end.best else { return "no option has a value" }
        let name = outcome.options[best]
        guard end.flips, let judged = outcome.base.best else {
            return end.gap.isNaN ? "\(name) stays best" : "\(name) stays best, ahead by \(number(end.gap, d))"
        }
        return end.gap.isNaN ? "\(name) is best" : "\(name) is best, ahead of \(outcome.options[judged]) by \(number(-end.gap, d))"
    }

    /// The window as a phrase: `the whole run` or `2025/26`.
    static func window(_ outcome: RankingOutcome) -> String {
        outcome.window == "whole run" ? "the whole run" : outcome.window
    }

    /// An input's value at an end, as the scenario would write it.
    static func value(_ end: RankingOutcome.End) -> String {
        end.value.map(NumberRule.format) ?? "its own value"
    }

    /// ` (95% CI a to b)`, or nothing without an interval.
    static func interval(_ low: Double, _ high: Double, _ decimals: Int) -> String {
        low.isFinite && high.isFinite ? " (95% CI \(number(low, decimals)) to \(number(high, decimals)))" : ""
    }

    /// Decimals for the section's figures, all alike: enough for the largest lead (at the
    /// scenario's own values or at any end) to show three significant figures, and whole
    /// numbers from 100.
    static func decimals(_ outcome: RankingOutcome) -> Int {
        let ends = [outcome.base] + outcome.inputs.flatMap { [$0.low, $0.high] }
        let size = ends.map { abs($0.gap) }.filter(\.isFinite).max() ?? 0
        switch size {
        case 100...: return 0
        case 10...: return 1
        case 1...: return 2
        case 0: return 2
        default: return min(6, 2 - Int(log10(size).rounded(.down)))
        }
    }

    /// `x` with `decimals` decimals; a value that rounds to zero reads as 0, not -0.
    static func number(_ x: Double, _ decimals: Int) -> String {
        guard x.isFinite else { return "-" }
        let text = String(format: "%.\(decimals)f", x)
        return Double(text) == 0 ? String(format: "%.\(decimals)f", 0.0) : text
    }
}
