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
    /// The measure in each of the result's `windowLabels`, in that order.
    public var windows: [SolveWindowTally] = []

    /// Whether the share's 95% interval contains the required probability `p`: more
    /// replications could put the share on either side of it.
    public func isUndecided(_ p: Double) -> Bool {
        shareLow <= p && p <= shareHigh
    }
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
    /// The windows each evaluation's `windows` describe: every financial year, the whole run,
    /// and the judged window when it is neither, labelled as in the CSV files.
    public var windowLabels: [String] = []
    /// Indices into `windowLabels` of the windows the target is judged in.
    public var chosenWindows: [Int] = []
    /// How many of `windowLabels`, from the first, are financial years.
    public var financialYears: Int = 0

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
    /// What a solve that can be stopped gives: its result, or the evaluations done so far.
    public enum Outcome {
        case finished(SolveResult)
        case stopped(SolveCheckpoint)
        /// A replication went past the engine's budget; nothing is kept.
        case exceeded(ReplicationBudgetExceeded)
    }

    /// Runs the search for `settings` on `file`'s scenario, each evaluation with `run`.
    ///
    /// - Parameter progress: called with (evaluation number from 1, replications done in it,
    ///   replications per evaluation).
    /// - Throws: `ScenarioError` if the scenario cannot be loaded at a value inside the range.
    public static func solve(_ file: ExperimentFile, settings: SolveSettings, run: RunSettings,
                             progress: (@Sendable (Int, Int, Int) -> Void)? = nil) throws(ScenarioError) -> SolveResult {
        guard case .finished(let result) = try solve(file, settings: settings, run: run, resuming: nil,
                                                     stop: StopRequest(), progress: progress) else {
            preconditionFailure("Solver.solve: a solve nobody asked to stop stopped, or went past the engine's budget")
        }
        return result
    }

    /// Runs the evaluations of the search not already in `checkpoint`, stopping early, between
    /// replications, when `stop` is asked to. A solve resumed from a checkpoint makes the same
    /// evaluations with the same counts as one never stopped: the search replays the saved
    /// evaluations, and the one it stopped in runs only its remaining replications.
    ///
    /// - Parameter progress: called with (evaluation number from 1, replications done in it,
    ///   replications per evaluation), those in the checkpoint included.
    /// - Throws: `ScenarioError` if the scenario cannot be loaded at a value inside the range.
    public static func solve(_ file: ExperimentFile, settings: SolveSettings, run: RunSettings,
                             resuming checkpoint: SolveCheckpoint?, stop: StopRequest,
                             progress: (@Sendable (Int, Int, Int) -> Void)? = nil) throws(ScenarioError) -> Outcome {
        var evaluations: [SolveEvaluation] = []
        var failure: ScenarioError?
        var stopped = false
        var exceeded: ReplicationBudgetExceeded?
        var stoppedIn: SolveCheckpoint.Partial?
        let saved = checkpoint?.evaluations ?? []
        // The windows every evaluation tallies are those of the scenario at the low end (the
        // input changes values, not the calendar).
        var layoutScenario = try file.scenario(input: settings.input, value: settings.low)
        layoutScenario.run = run
        layoutScenario.options = layoutScenario.options.filter { $0.name == settings.option }
        let windows = tallyWindows(Runner(scenario: layoutScenario), settings: settings)
        let result = search(settings) { x in
            if failure != nil || stopped || exceeded != nil { return false }
            let number = evaluations.count + 1
            if number <= saved.count {
                // `SolveCheckpoint.read` checked that the search makes the saved evaluations.
                precondition(saved[number - 1].input.bitPattern == x.bitPattern, "Solver: saved evaluation \(number) is of another value")
                evaluations.append(saved[number - 1])
                return saved[number - 1].meets
            }
            let partial = number == saved.count + 1 ? checkpoint?.partial : nil
            precondition(partial.map { $0.input.bitPattern == x.bitPattern } ?? true, "Solver: the stopped evaluation is of another value")
            do throws(ScenarioError) {
                var scenario = try file.scenario(input: settings.input, value: x)
                scenario.run = run
                // Only the chosen option is simulated: each option's supply streams are seeded
                // afresh, so its results are the same as in a run of every option.
                scenario.options = scenario.options.filter { $0.name == settings.option }
                switch evaluate(scenario, settings: settings, number: number, input: x, from: partial, stop: stop,
                                progress: progress) {
                case .finished(let e):
                    evaluations.append(e)
                    return e.meets
                case .stopped(let p):
                    stopped = true
                    // Stopped before its first replication: there is nothing of it to keep.
                    stoppedIn = p.replications > 0 ? p : nil
                    return false
                case .exceeded(let error):
                    exceeded = error
                    return false
                }
            } catch {
                failure = error
                return false
            }
        }
        if let failure { throw failure }
        if let exceeded { return .exceeded(exceeded) }
        if stopped { return .stopped(SolveCheckpoint(evaluations: evaluations, partial: stoppedIn)) }
        return .finished(SolveResult(settings: settings, outcome: result.outcome, evaluations: evaluations,
                                     low: result.low, high: result.high, windowLabels: windows.labels,
                                     chosenWindows: windows.chosen, financialYears: windows.years))
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

    /// One evaluation's end: finished, or stopped part way.
    enum EvaluationOutcome {
        case finished(SolveEvaluation)
        case stopped(SolveCheckpoint.Partial)
        case exceeded(ReplicationBudgetExceeded)
    }

    /// Runs the replications of `scenario` not already counted in `partial` and counts those
    /// meeting the target, stopping early when `stop` is asked to.
    static func evaluate(_ scenario: Scenario, settings: SolveSettings, number: Int, input: Double,
                         from partial: SolveCheckpoint.Partial?, stop: StopRequest,
                         progress: (@Sendable (Int, Int, Int) -> Void)?) -> EvaluationOutcome {
        let runner = Runner(scenario: scenario)
        let cells = trackedCells(runner, settings: settings)
        let tallied = tallyWindows(runner, settings: settings).cells
        let counter = MetCounter()
        counter.met = partial?.met ?? 0
        counter.windows = partial?.windows ?? Array(repeating: SolveWindowTally(), count: tallied.count)
        precondition(counter.windows.count == tallied.count, "Solver: the stopped evaluation tallied other windows")
        let target = settings.target
        let observer: Runner.ReplicationObserver = { _, values in
            if cells.allSatisfy({ target.isMet(by: values[$0]) }) { counter.met += 1 }
            for (k, cell) in tallied.enumerated() { counter.windows[k].add(values[cell], target: target) }
        }
        let n = scenario.run.replications
        let start = partial?.replications ?? 0
        var runProgress: (@Sendable (Int, Int) -> Void)?
        if let progress { runProgress = { done, _ in progress(number, start + done, n) } }
        let done: Int
        do {
            done = start + (try runner.run(replications: start..<n, stop: stop, progress: runProgress, observer: observer))
        } catch {
            return .exceeded(error)
        }
        if done < n {
            return .stopped(SolveCheckpoint.Partial(input: input, replications: done, met: counter.met,
                                                    windows: counter.windows))
        }
        return .finished(evaluation(number: number, input: input, met: counter.met, replications: n,
                                    windows: counter.windows, settings: settings))
    }

    /// Evaluation `number` at `input`, with `met` of `replications` meeting the target and the
    /// measure in each tallied window.
    static func evaluation(number: Int, input: Double, met: Int, replications n: Int, windows: [SolveWindowTally],
                           settings: SolveSettings) -> SolveEvaluation {
        let (low, high) = clopperPearson(successes: met, trials: n)
        let share = Double(met) / Double(n)
        return SolveEvaluation(number: number, input: input, met: met, replications: n, share: share,
                               shareLow: low, shareHigh: high, meets: share >= settings.probability, windows: windows)
    }

    /// The windows an evaluation tallies (`SolveWindowTally`): every financial year, the whole
    /// run, then the judged window when it is neither; their labels, county-level cells of the
    /// measure for the option, which of them the target is judged in, and how many financial
    /// years lead the list.
    static func tallyWindows(_ runner: Runner,
                             settings: SolveSettings) -> (labels: [String], cells: [Int], chosen: [Int], years: Int) {
        let layout = runner.layout
        guard let option = layout.options.firstIndex(of: settings.option),
              let measure = layout.measures.all.firstIndex(where: { $0.name == settings.measure }) else {
            preconditionFailure("Solver: option or measure not in the scenario (settings are checked when read)")
        }
        let label = { (w: Int) in
            WindowLabel.label(layout.windows[w], calendar: runner.calendar, period: runner.scenario.calendar.period)
        }
        let years = layout.windows.indices.filter { layout.windows[$0].kind == .financialYear }
        var windows = years + [layout.horizonWindow]
        let chosen: [Int]
        switch settings.windows {
        case .everyFinancialYear:
            chosen = Array(0..<(windows.count - 1))
        case .horizon:
            chosen = [windows.count - 1]
        case .label(let text):
            if let k = windows.firstIndex(where: { label($0) == text }) {
                chosen = [k]
            } else {
                let extra = layout.windows.indices.filter { label($0) == text }
                chosen = Array(windows.count..<(windows.count + extra.count))
                windows += extra
            }
        }
        return (windows.map(label), windows.map { layout.cell(option: option, window: $0, zoneSlot: 0, measure: measure) },
                chosen, years.count)
    }

    /// The cells (county level) of the measure for the option in each chosen window.
    static func trackedCells(_ runner: Runner, settings: SolveSettings) -> [Int] {
        let layout = runner.layout
        guard let option = layout.options.firstIndex(of: settings.option),
              let measure = layout.measures.all.firstIndex(where: { $0.name == settings.measure }) else {
            preconditionFailure("Solver: option or measure not in the scenario (settings are checked when read)")
        }
        let windows = settings.windows.indices(runner)
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
    var windows: [SolveWindowTally] = []
}
