import ArgumentParser
import Foundation
import Sufficiency

/// `run --precision`: its flags read into `PrecisionSettings` and the most replications, checked
/// with the run's other flags before anything runs.
struct PrecisionChoice {
    /// Most replications of a run to a precision when `--max-replications` is not given.
    static let defaultMaximum = 1000

    var settings: PrecisionSettings
    /// Most replications the run may take.
    var maximum: Int

    /// What `command`'s precision flags ask for (nil without `--precision`), and every value
    /// outside its flag's limits. Measures left unnamed are empty here: `settled(layout:)`
    /// fills in the defaults once the scenario's measures are known.
    static func read(_ command: RunCommand) -> (choice: PrecisionChoice?, problems: [FlagProblem]) {
        guard let text = command.precision else { return (nil, []) }
        var problems: [FlagProblem] = []
        let value = Double(text.trimmingCharacters(in: .whitespaces)).flatMap { $0.isFinite ? $0 : nil }
        if command.precisionAbsolute {
            if !(value.map { $0 > 0 } ?? false) {
                problems.append(FlagProblem(flag: "--precision", value: text,
                                            expected: "a half-width above 0 in the measures' own unit, e.g. 50"))
            }
        } else if !(value.map { $0 > 0 && $0 < 1 } ?? false) {
            problems.append(FlagProblem(flag: "--precision", value: text,
                                        expected: "a share of the mean above 0 and below 1, e.g. 0.05 for ±5% "
                                            + "(or, with --precision-absolute, a half-width in the measures' unit)"))
        }
        var maximum = defaultMaximum
        if let given = command.maxReplications {
            if let n = Int(given.trimmingCharacters(in: .whitespaces)), n >= 3, n <= 1_000_000 {
                maximum = n
            } else {
                problems.append(FlagProblem(flag: "--max-replications", value: given,
                                            expected: "a whole number from 3 (the first count judged) to 1000000"))
            }
        }
        var windows = PrecisionSettings.Windows.wholeRun
        if let given = command.precisionWindows {
            if let chosen = PrecisionSettings.Windows(rawValue: given.trimmingCharacters(in: .whitespaces)) {
                windows = chosen
            } else {
                problems.append(FlagProblem(flag: "--precision-windows", value: given,
                                            expected: "whole_run or every_financial_year"))
            }
        }
        guard problems.isEmpty, let value else { return (nil, problems) }
        let measures = command.precisionMeasures.map {
            $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        } ?? []
        let target: ReplicationsAlgorithm.Target = command.precisionAbsolute ? .absolute(value) : .relative(value)
        return (PrecisionChoice(settings: PrecisionSettings(target: target, measures: measures, windows: windows),
                                 maximum: maximum), [])
    }

    /// The choice with its measures: those named, else the defaults of `layout`'s results.
    func settled(layout: ResultLayout) -> PrecisionChoice {
        var settled = self
        if settled.settings.measures.isEmpty { settled.settings.measures = PrecisionSettings.defaultMeasures(layout: layout) }
        return settled
    }

    /// How the run is described before it starts, e.g. "replications until unmet_hours and
    /// spend are within ±5% of their means (at most 1000)".
    var plan: String {
        let target = settings.target
        let within: String
        switch target {
        case .relative(let share): within = "±\(PrecisionRecord.number(share * 100))% of their means"
        case .absolute(let width): within = "±\(PrecisionRecord.number(width)) in their units"
        }
        let span = settings.windows == .wholeRun ? "" : " in \(settings.windows.text)"
        return "replications until the 95% intervals of \(settings.measures.joined(separator: ", ")) are within \(within)"
            + "\(span) under every option (at most \(maximum))"
    }
}
