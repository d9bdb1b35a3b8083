/// Runs a ranking analysis: the scenario at its own values, then each input at its low and its
/// high end, one scenario after another, each on all threads.
///
/// Every scenario runs with the same master seed and replication numbers, so replication r of
/// each sees the same people and the same workforce shocks (common random numbers), and every
/// option of a replication sees them too: the gap between two options, and its change from
/// one end to another, is the options' and the input's doing, not noise. Only the judged cell
/// of each option is kept, replication by replication, and summarised once a scenario is done,
/// in replication order, so the results do not depend on the number of threads.
public enum RankingRunner {
    /// What an analysis that can be stopped gives.
    public enum Outcome {
        case finished(RankingOutcome)
        /// Stopped between replications after `done` of the plan's scenarios; nothing is kept.
        case stopped(done: Int)
        /// A replication went past the engine's budget; nothing is kept.
        case exceeded(ReplicationBudgetExceeded)
    }

    /// Runs `plan`, stopping early, between replications, when `stop` is asked to; `progress` is
    /// called with (done, total) over scenarios × replications.
    public static func run(_ plan: RankingPlan, stop: StopRequest = StopRequest(),
                           progress: (@Sendable (Int, Int) -> Void)? = nil) -> Outcome {
        let scenarios = plan.scenarios
        let n = plan.replications
        let total = n * scenarios.count
        var values: [[Double]] = []
        for (k, scenario) in scenarios.enumerated() {
            let runner = Runner(scenario: scenario)
            let cells = plan.options.indices.map {
                runner.layout.cell(option: $0, window: plan.window, zoneSlot: 0, measure: plan.measure)
            }
            let kept = JudgedValues(replications: n, cells: cells)
            var scenarioProgress: (@Sendable (Int, Int) -> Void)?
            if let progress {
                let offset = k * n
                scenarioProgress = { done, _ in progress(offset + done, total) }
            }
            do {
                let done = try runner.run(replications: 0..<n, stop: stop, progress: scenarioProgress) { r, all in
                    kept.store(r, all)
                }
                if done < n { return .stopped(done: k) }
            } catch {
                return .exceeded(error)
            }
            values.append(kept.values)
        }
        return .finished(outcome(plan, values: values))
    }

    /// The outcome of `plan` from each scenario's kept values (`values[k]`, replication-major,
    /// one per option), in the order `plan.scenarios` runs them.
    static func outcome(_ plan: RankingPlan, values: [[Double]]) -> RankingOutcome {
        let options = plan.options.count
        let base = end(values[0], options: options, better: plan.better, value: nil, baseBest: nil)
        let inputs = plan.settings.inputs.enumerated().map { i, input in
            RankingOutcome.Input(
                key: input.key, source: input.source,
                low: end(values[1 + 2 * i], options: options, better: plan.better, value: input.low, baseBest: base.best),
                high: end(values[2 + 2 * i], options: options, better: plan.better, value: input.high, baseBest: base.best))
        }
        return RankingOutcome(options: plan.options, measure: plan.measureName, unit: plan.unit, better: plan.better,
                              window: plan.windowLabel, replications: plan.replications, base: base, inputs: inputs)
    }

    /// One end from its values (replication-major, `options` a replication): each option's
    /// statistics, the ranking, and the lead of `baseBest` (the scenario's best; at the
    /// scenario's own values, nil: its best is the one judged).
    static func end(_ values: [Double], options: Int, better: Preference, value: Double?, baseBest: Int?) -> RankingOutcome.End {
        let statistics = SummaryGrid(cellCount: options, keepsQuantiles: { _ in false })
        for start in stride(from: 0, to: values.count, by: options) {
            statistics.add(Array(values[start..<(start + options)]))
        }
        let results = (0..<options).map { o in
            let s = statistics.summary(o)
            return RankingOutcome.OptionResult(n: s.n, mean: s.mean, ciLow: s.ciLow, ciHigh: s.ciHigh)
        }
        let means = results.map(\.mean)
        let ranks = RankingOutcome.ranks(means, better: better, preferred: baseBest)
        let best = ranks.firstIndex { $0 == 1 }
        let second = ranks.firstIndex { $0 == 2 }
        var margin = Double.nan
        if let best, let second { margin = RankingOutcome.lead(means[best], over: means[second], better: better) }
        // The judged option's lead over the best of the others, replication by replication.
        let judged = baseBest ?? best
        var gap = (mean: Double.nan, low: Double.nan, high: Double.nan)
        if let judged, let rival = ranks.indices.filter({ $0 != judged && ranks[$0] != nil }).min(by: { ranks[$0]! < ranks[$1]! }) {
            let grid = ComparisonGrid(preferences: [better])
            for start in stride(from: 0, to: values.count, by: options) {
                // The lead is the rival's value less the judged option's when lower is better.
                let (a, b) = better == .lower ? (values[start + rival], values[start + judged])
                    : (values[start + judged], values[start + rival])
                grid.add(a: [a], b: [b])
            }
            let c = grid.comparison(0)
            gap = (c.meanDifference, c.ciLow, c.ciHigh)
        }
        return RankingOutcome.End(value: value, options: results, ranks: ranks, best: best, margin: margin,
                                  gap: gap.mean, gapLow: gap.low, gapHigh: gap.high,
                                  flips: baseBest != nil && best != nil && best != baseBest)
    }
}

/// The judged cell of each option, replication by replication, for one scenario. Written only
/// from the runner's observer, which is never called concurrently.
private final class JudgedValues: @unchecked Sendable {
    private(set) var values: [Double]
    private let cells: [Int]

    init(replications: Int, cells: [Int]) {
        self.cells = cells
        values = [Double](repeating: .nan, count: replications * cells.count)
    }

    func store(_ r: Int, _ all: UnsafeBufferPointer<Double>) {
        for (o, c) in cells.enumerated() { values[r * cells.count + o] = all[c] }
    }
}
