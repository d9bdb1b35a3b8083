import CGSL
import Foundation

/// One run of every replication at one value of the solve's input.
public struct SolveEvaluation: Sendable, Equatable {
    /// Evaluation number, from 1, in the order they ran.
    public var number: Int
    /// The input's value, in its own unit.
    public var input: Double
    /// Replications meeting the target in every chosen window.
    public var met: Int
    public var replications: Int
    /// `met / replications`.
    public var share: Double
    /// Clopper–Pearson 95% interval of the share.
    public var shareLow: Double
    public var shareHigh: Double
    /// Whether the share reaches the required probability.
    public var meets: Bool
}

/// What a solve found.
public struct SolveResult: Sendable {
    public enum Outcome: Sendable, Equatable {
        /// The low end of the range already meets the target: it is the answer.
        case lowEndMeets
        /// The bracket closed on the smallest value meeting the target.
        case found
        /// Even the high end of the range does not meet the target: there is no answer in it.
        case highEndFails
    }

    public var settings: SolveSettings
    public var outcome: Outcome
    /// Every evaluation, in the order run.
    public var evaluations: [SolveEvaluation]
    /// The final bracket: `low` does not meet the target (or is the low end that does),
    /// `high` meets it (or is the high end that does not).
    public var low: Double
    public var high: Double

    /// The smallest value found to meet the target (the bracket's upper end), nil when none does.
    public var solution: Double? {
        switch outcome {
        case .lowEndMeets: return low
        case .found: return high
        case .highEndFails: return nil
        }
    }

    /// The evaluation at the solution, or at the high end when there is none.
    public var deciding: SolveEvaluation {
        let value = solution ?? high
        return evaluations.last { $0.input == value } ?? evaluations[evaluations.count - 1]
    }
}

/// Finds the smallest value of an input at which a measure meets a target in enough
/// replications, by bisection on the input.
///
/// The search assumes the share of replications meeting the target does not fall as the input
/// rises. It evaluates both ends first: if the low end meets the target it is the answer; if
/// the high end does not there is none. Otherwise it halves the bracket [low, high] — low
/// failing, high meeting — until it is narrower than the tolerance, so it takes
/// 2 + ⌈log₂((high − low) / tolerance)⌉ evaluations. Every evaluation runs all replications with
/// the same seed (common random numbers), so the share moves with the input, not with noise.
public enum Solver {
    /// Runs the search for `settings` on `file`'s scenario, each evaluation with `run`.
    ///
    /// - Parameter progress: called with (evaluation number from 1, replications done in it,
    ///   replications per evaluation).
    /// - Throws: `ScenarioError` if the scenario cannot be loaded at a value inside the range.
    public static func solve(_ file: ExperimentFile, settings: SolveSettings, run: RunSettings,
                             progress: (@Sendable (Int, Int, Int) -> Void)? = nil) throws(ScenarioError) -> SolveResult {
        var evaluations: [SolveEvaluation] = []
        var failure: ScenarioError?
        let result = search(settings) { x in
            if failure != nil { return false }
            do throws(ScenarioError) {
                var scenario = try file.scenario(input: settings.input, value: x)
                scenario.run = run
                // Only the chosen option is simulated: each option's supply streams are seeded
                // afresh, so its results are the same as in a run of every option.
                scenario.options = scenario.options.filter { $0.name == settings.option }
                let e = evaluate(scenario, settings: settings, number: evaluations.count + 1, input: x, progress: progress)
                evaluations.append(e)
                return e.meets
            } catch {
                failure = error
                return false
            }
        }
        if let failure { throw failure }
        return SolveResult(settings: settings, outcome: result.outcome, evaluations: evaluations,
                           low: result.low, high: result.high)
    }

    /// The bracketing search alone: `meets(x)` says whether the target is met at `x`.
    static func search(_ settings: SolveSettings,
                       meets: (Double) -> Bool) -> (outcome: SolveResult.Outcome, low: Double, high: Double) {
        var low = settings.low, high = settings.high
        let lowMeets = meets(low)
        let highMeets = meets(high)
        if lowMeets { return (.lowEndMeets, low, low) }
        if !highMeets { return (.highEndFails, low, high) }
        while high - low >= settings.tolerance {
            let mid = low + (high - low) / 2
            // Floating point cannot split the bracket any further.
            if mid <= low || mid >= high { break }
            if meets(mid) { high = mid } else { low = mid }
        }
        return (.found, low, high)
    }

    /// Evaluations a search over `settings` takes when it bisects: both ends, then one per
    /// halving until the bracket is narrower than the tolerance.
    public static func bisectionEvaluations(_ settings: SolveSettings) -> Int {
        var width = settings.high - settings.low
        var count = 2
        while width >= settings.tolerance { width /= 2; count += 1 }
        return count
    }

    /// Runs every replication of `scenario` and counts those meeting the target.
    static func evaluate(_ scenario: Scenario, settings: SolveSettings, number: Int, input: Double,
                         progress: (@Sendable (Int, Int, Int) -> Void)?) -> SolveEvaluation {
        let runner = Runner(scenario: scenario)
        let cells = trackedCells(runner, settings: settings)
        let counter = MetCounter()
        let target = settings.target
        let observer: Runner.ReplicationObserver = { _, values in
            if cells.allSatisfy({ target.isMet(by: values[$0]) }) { counter.met += 1 }
        }
        var runProgress: (@Sendable (Int, Int) -> Void)?
        if let progress { runProgress = { done, total in progress(number, done, total) } }
        let results = runner.run(progress: runProgress, observer: observer)
        let n = results.replications
        let (low, high) = clopperPearson(successes: counter.met, trials: n)
        let share = Double(counter.met) / Double(n)
        return SolveEvaluation(number: number, input: input, met: counter.met, replications: n, share: share,
                               shareLow: low, shareHigh: high, meets: share >= settings.probability)
    }

    /// The cells (county level) of the measure for the option in each chosen window.
    static func trackedCells(_ runner: Runner, settings: SolveSettings) -> [Int] {
        let layout = runner.layout
        guard let option = layout.options.firstIndex(of: settings.option),
              let measure = layout.measures.all.firstIndex(where: { $0.name == settings.measure }) else {
            preconditionFailure("Solver: option or measure not in the scenario (settings are checked when read)")
        }
        let windows: [Int]
        switch settings.windows {
        case .everyFinancialYear:
            windows = layout.windows.indices.filter { layout.windows[$0].kind == .financialYear }
        case .horizon:
            windows = [layout.horizonWindow]
        case .label(let label):
            windows = layout.windows.indices.filter {
                WindowLabel.label(layout.windows[$0], calendar: runner.calendar,
                                  period: runner.scenario.calendar.period) == label
            }
        }
        return windows.map { layout.cell(option: option, window: $0, zoneSlot: 0, measure: measure) }
    }

    /// The Clopper–Pearson ("exact") 95% interval for a binomial proportion, from GSL's inverse
    /// beta distribution: [B⁻¹(0.025; k, n − k + 1), B⁻¹(0.975; k + 1, n − k)], with 0 and 1 at
    /// the extremes.
    public static func clopperPearson(successes k: Int, trials n: Int) -> (low: Double, high: Double) {
        precondition(n >= 1 && k >= 0 && k <= n, "Solver.clopperPearson: \(k) successes in \(n) trials")
        GSL.configure()
        let low = k == 0 ? 0 : gsl_cdf_beta_Pinv(0.025, Double(k), Double(n - k + 1))
        let high = k == n ? 1 : gsl_cdf_beta_Pinv(0.975, Double(k + 1), Double(n - k))
        return (low, high)
    }
}

/// Replications meeting the target; touched only by the runner's observer, never concurrently.
private final class MetCounter: @unchecked Sendable {
    var met = 0
}
