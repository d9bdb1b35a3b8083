import Foundation

/// Writes `ranking.csv`: the ranking analysis, one row per option at the scenario's own values,
/// then one per input, end and option, in the section's order. See docs/OUTPUTS.md.
public enum RankingWriter {
    public static let file = "ranking.csv"

    /// Header of ranking.csv.
    public static let header = [
        "input", "end", "value", "option", "measure", "unit", "window", "better", "n", "mean", "ci95_low", "ci95_high",
        "rank", "best_option", "margin", "gap", "gap_ci95_low", "gap_ci95_high", "flips", "input_rank", "source",
    ]

    /// The text of `end` in the file's `end` column: `base` at the scenario's own values.
    static let baseEnd = "base"

    /// Writes `outcome` to `url`.
    static func write(_ outcome: RankingOutcome, to url: URL) throws {
        let csv = try CSVFileWriter(url: url, header: header)
        var places = [Int](repeating: 0, count: outcome.inputs.count)
        for (place, i) in outcome.order.enumerated() { places[i] = place + 1 }
        try write(outcome.base, input: nil, end: baseEnd, outcome: outcome, to: csv)
        for (i, input) in outcome.inputs.enumerated() {
            for end in RankingInput.End.allCases {
                try write(input.end(end), input: (input, places[i]), end: end.rawValue, outcome: outcome, to: csv)
            }
        }
        try csv.close()
    }

    /// One row per option of `end`.
    private static func write(_ end: RankingOutcome.End, input: (RankingOutcome.Input, Int)?, end name: String,
                              outcome: RankingOutcome, to csv: CSVFileWriter) throws {
        for (o, option) in end.options.enumerated() {
            csv.field(input?.0.key ?? "")
            csv.field(name)
            csv.number(end.value ?? .nan)
            csv.field(outcome.options[o])
            csv.field(outcome.measure)
            csv.field(outcome.unit)
            csv.field(outcome.window)
            csv.field(outcome.better.rawValue)
            csv.integer(option.n)
            csv.number(option.mean)
            csv.number(option.ciLow)
            csv.number(option.ciHigh)
            if let rank = end.ranks[o] { csv.integer(rank) } else { csv.field("") }
            csv.field(end.best.map { outcome.options[$0] } ?? "")
            csv.number(end.margin)
            csv.number(end.gap)
            csv.number(end.gapLow)
            csv.number(end.gapHigh)
            csv.field(end.flips ? "true" : "false")
            if let place = input?.1 { csv.integer(place) } else { csv.field("") }
            csv.field(input?.0.source ?? "")
            try csv.endRow()
        }
    }
}
