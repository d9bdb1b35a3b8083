import Foundation
import Sufficiency

/// A request checked before it is queued, so a run never waits only to fail on its inputs: the
/// scenario loaded with the overrides (and, for a sweep or a solve, its section checked), every
/// problem reported at once as a `ScenarioError`.
struct PreparedRun: Sendable {
    let request: RunRequest
    /// Replications it will run in all (every point's, for a sweep; the most a solve can take).
    let total: Int

    /// Checks `kind` of `scenario` with `overrides` (`key.path=value` texts).
    static func prepare(_ kind: RunRequest.Kind, scenario: ScenarioEntry, overrides: [String],
                        now: Date = Date()) throws -> PreparedRun {
        let file = scenario.path
        let seed: UInt64, replications: Int, total: Int, sha256: String
        switch kind {
        case .run:
            let loaded = try ScenarioLoader.load(path: file, overrides: overrides)
            (seed, replications, sha256) = (loaded.scenario.run.seed, loaded.scenario.run.replications, loaded.sha256)
            total = replications
        case .sweep:
            let experiment = try ExperimentFile.load(path: file, overrides: overrides, sections: .sweep)
            guard let settings = experiment.sweep else { throw PreparationError.noSection(kind, scenario.name) }
            let run = experiment.base.scenario.run
            let plan = try experiment.sweepPlan(settings, run: run)
            (seed, replications, sha256) = (run.seed, run.replications, experiment.base.sha256)
            total = plan.points.count * run.replications
        case .solve:
            let experiment = try ExperimentFile.load(path: file, overrides: overrides, sections: .solve)
            guard experiment.hasSolve else { throw PreparationError.noSection(kind, scenario.name) }
            let settings = try experiment.solveSettings(flags: SolveOverrides())
            let run = experiment.base.scenario.run
            (seed, replications, sha256) = (run.seed, run.replications, experiment.base.sha256)
            total = Solver.bisectionEvaluations(settings) * run.replications
        }
        let request = RunRequest(kind: kind, scenario: scenario.name, scenarioFile: file, scenarioSHA256: sha256,
                                 overrides: overrides, seed: seed, replications: replications,
                                 requestedAt: ISO8601DateFormatter().string(from: now),
                                 commandLine: commandLine(kind, file: file, overrides: overrides))
        return PreparedRun(request: request, total: total)
    }

    /// The command giving the same results (CSV files byte for byte), without its `--out`.
    /// A run leaves the ranking analysis out (it can take many times the run's replications)
    /// and writes the workbook.
    static func commandLine(_ kind: RunRequest.Kind, file: String, overrides: [String]) -> [String] {
        var words = ["sufficiency", kind.rawValue, file]
        for override in overrides { words += ["--set", override] }
        if kind == .run { words += ["--no-ranking", "--xlsx"] }
        return words
    }
}

/// A request the scenario cannot answer.
enum PreparationError: Error, CustomStringConvertible {
    case noSection(RunRequest.Kind, String)

    var description: String {
        switch self {
        case let .noSection(kind, name):
            return "The scenario \(name) has no \(kind.rawValue) section; add one (see docs/EXPERIMENTS.md) to run a \(kind.rawValue)."
        }
    }
}
