import Foundation

/// What `sufficiency select` asks: which option has the best mean of one measure over the whole
/// run, county-wide, within an indifference zone δ with probability of correct selection at
/// least 1 − α (KN, `KNSelection`).
public struct SelectionSettings: Sendable, Codable, Equatable {
    /// The measure judged, by its name in the CSV files (e.g. `unmet_hours`).
    public var measure: String
    /// "lower" or "higher": which way is better; from the measure's catalogue entry unless given.
    public var better: String
    /// The indifference zone δ, in the measure's unit: a difference smaller than this does not
    /// matter to the user.
    public var delta: Double
    /// 1 minus the least probability of correct selection.
    public var alpha: Double
    /// First-stage replications, n0.
    public var firstStage: Int
    /// The most replications run; if options are left then, the selection is not guaranteed.
    public var maximumReplications: Int

    /// The defaults of `--alpha`, `--n0` and `--max-replications`.
    public static let defaultAlpha = 0.05
    public static let defaultFirstStage = 10
    public static let defaultMaximum = 1000
    /// The most replications a selection may run: the limit on `run.replications`.
    public static let largestMaximum = 1_000_000

    public init(measure: String, better: String, delta: Double, alpha: Double = defaultAlpha,
                firstStage: Int = defaultFirstStage, maximumReplications: Int = defaultMaximum) {
        self.measure = measure
        self.better = better
        self.delta = delta
        self.alpha = alpha
        self.firstStage = firstStage
        self.maximumReplications = maximumReplications
    }

    /// The settings as typed on the command line, checked against the scenario's `layout`:
    /// every problem at once, each naming its flag, the value and what was expected.
    public static func checked(measure: String, better: String?, delta: Double, alpha: Double, firstStage: Int,
                               maximumReplications: Int, layout: ResultLayout) throws(FlagError) -> SelectionSettings {
        var problems: [FlagProblem] = []
        let names = layout.measures.all.map(\.name)
        var direction = better
        if let m = layout.measures.all.first(where: { $0.name == measure }) {
            if direction == nil {
                direction = m.better?.rawValue
                if direction == nil {
                    problems.append(FlagProblem(flag: "--measure", value: measure,
                                                expected: "a measure with a better direction, or --better lower or higher "
                                                    + "(\(measure) is neither better high nor low in the catalogue)"))
                }
            }
        } else {
            let hint = DidYouMean.suggestion(for: measure, among: names).map { " (did you mean \(Excerpt.quoted($0))?)" }
                ?? " (see docs/OUTPUTS.md for the list)"
            problems.append(FlagProblem(flag: "--measure", value: measure, expected: "a measure of this scenario" + hint))
        }
        if let better, Preference(rawValue: better) == nil {
            problems.append(FlagProblem(flag: "--better", value: better, expected: "lower or higher"))
        }
        let k = layout.options.count
        if k < 2 {
            problems.append(FlagProblem(flag: "FILE", value: "\(k) option", expected: "a scenario with at least 2 options to select among"))
        }
        if !(delta.isFinite && delta > 0) {
            problems.append(FlagProblem(flag: "--delta", value: CSVFormat.number(delta),
                                        expected: "a number above 0, in the measure's unit"))
        }
        let highestAlpha = 1 - 1 / Double(max(k, 2))
        if !(alpha.isFinite && alpha > 0 && alpha < highestAlpha) {
            problems.append(FlagProblem(flag: "--alpha", value: CSVFormat.number(alpha),
                                        expected: "a number above 0 and below 1 − 1/k = \(CSVFormat.number(highestAlpha)) "
                                            + "for \(max(k, 2)) options, e.g. 0.05 for 95%"))
        }
        if firstStage < 2 || firstStage > largestMaximum {
            problems.append(FlagProblem(flag: "--n0", value: String(firstStage),
                                        expected: "a whole number of replications from 2 to \(largestMaximum), e.g. 10"))
        }
        if maximumReplications < max(firstStage, 2) || maximumReplications > largestMaximum {
            problems.append(FlagProblem(flag: "--max-replications", value: String(maximumReplications),
                                        expected: "a whole number from --n0 (\(firstStage)) to \(largestMaximum)"))
        }
        guard problems.isEmpty, let direction else { throw FlagError(problems) }
        return SelectionSettings(measure: measure, better: direction, delta: delta, alpha: alpha, firstStage: firstStage,
                                 maximumReplications: maximumReplications)
    }

    /// `better` as a preference (settings are checked when made).
    public var preference: Preference { Preference(rawValue: better) ?? .lower }
}
