import Foundation

extension Runner {
    /// What a run to a precision gives: its results and how it went, the replications done so
    /// far when stopped, or the replication that went past its budget.
    public enum PrecisionOutcome {
        case finished(RunResults, PrecisionRecord)
        case stopped(RunCheckpoint)
        case exceeded(ReplicationBudgetExceeded)
    }

    /// Runs replications, in order, until `settings`' measures are precise enough under every
    /// option (`ReplicationsAlgorithm`), at most the scenario's `run.replications`.
    ///
    /// Replications run in rounds of the fewest the algorithm still needs before it could end,
    /// each folded into the same statistics in replication order, so the run never goes past the
    /// replication the algorithm stops at and its results are identical to the last bit to a run
    /// of that many replications. Each replication's whole-run county values, which the
    /// statistics keep, feed the algorithm: a run resumed from `checkpoint` (saved when a run to
    /// the same precision was stopped) replays them and goes on exactly as if never stopped.
    /// `progress` counts replications against the maximum.
    public func run(precision settings: PrecisionSettings, resuming checkpoint: RunCheckpoint?, stop: StopRequest,
                    progress: (@Sendable (Int, Int) -> Void)? = nil) throws(PrecisionError) -> PrecisionOutcome {
        let measures = try settings.measureIndices(layout: layout)
        let maximum = scenario.run.replications
        let options = layout.options.count, perReplication = options * layout.measures.count
        var algorithm = ReplicationsAlgorithm(target: settings.target, series: options * measures.count,
                                              maximum: maximum, lookAhead: settings.lookAhead)
        var accumulator = checkpoint?.accumulator
        var fed = 0
        /// Adds the folded replications the algorithm has not seen, until it ends.
        func feed(_ accumulator: Accumulator) {
            while fed < accumulator.folded && algorithm.ending == nil {
                let base = fed * perReplication
                var values: [Double] = []
                values.reserveCapacity(options * measures.count)
                for o in 0..<options {
                    for m in measures { values.append(accumulator.totals[base + o * layout.measures.count + m]) }
                }
                algorithm.add(values)
                fed += 1
            }
        }
        if let accumulator { feed(accumulator) }
        while algorithm.ending == nil {
            let start = accumulator?.folded ?? 0
            let range = start..<(start + algorithm.fewestStillNeeded)
            var overall: (@Sendable (Int, Int) -> Void)? = nil
            if let progress { overall = { done, _ in progress(start + done, maximum) } }
            let collector = execute(range, into: accumulator, stop: stop, progress: overall, observer: nil).0
            if let failure = collector.failure { return .exceeded(failure) }
            let folded = collector.accumulator
            accumulator = folded
            feed(folded)
            if folded.folded < range.upperBound { return .stopped(RunCheckpoint(accumulator: folded)) }
        }
        let done = accumulator!
        let wanted = scenario.run.threads > 0 ? scenario.run.threads : ProcessInfo.processInfo.activeProcessorCount
        let results = done.results(replications: done.folded, threads: max(1, min(wanted, done.folded)),
                                   zoneRows: scenario.run.zoneRows)
        var achieved: [String: Double] = [:]
        for (k, name) in settings.measures.enumerated() {
            // A series without a measurable precision (a mean of 0 with spread) is left out: JSON has no infinity.
            let worst = (0..<options).map { algorithm.deviation(series: $0 * measures.count + k) }.max()
            if let worst, worst.isFinite { achieved[name] = worst }
        }
        let record = PrecisionRecord(
            kind: { if case .relative = settings.target { return "relative" } else { return "absolute" } }(),
            target: settings.target.value, measures: settings.measures, windows: "whole_run",
            lookAhead: settings.lookAhead, maximumReplications: maximum,
            replicationsNeeded: algorithm.ending == .precise ? algorithm.candidate : nil,
            replicationsRun: done.folded, stoppedBy: algorithm.ending == .precise ? "precision" : "maximum",
            achieved: achieved)
        return .finished(results, record)
    }
}
