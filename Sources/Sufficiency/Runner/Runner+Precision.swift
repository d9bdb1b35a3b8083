import Foundation

extension Runner {
    /// What a run to a precision gives: its results and how it went, the replications done so
    /// far when stopped, or the replication that went past its budget.
    public enum PrecisionOutcome {
        case finished(RunResults, PrecisionRecord)
        case stopped(RunCheckpoint)
        case exceeded(ReplicationBudgetExceeded)
    }

    /// Runs replications, in order, until `settings`' measures are precise enough in every
    /// window judged under every option (`ReplicationsAlgorithm`), at most the scenario's
    /// `run.replications`.
    ///
    /// Replications run in rounds of the fewest the algorithm still needs before it could end,
    /// each folded into the same statistics in replication order, so the run never goes past the
    /// replication the algorithm stops at and its results are identical to the last bit to a run
    /// of that many replications. A run resumed from `checkpoint` (saved when a run to the same
    /// precision was stopped) first shows the algorithm the saved replications — their whole-run
    /// values, which the statistics keep, or, for financial years, which they do not, by running
    /// them again unsummarised — and goes on exactly as if never stopped. `progress` counts
    /// replications against the maximum.
    public func run(precision settings: PrecisionSettings, resuming checkpoint: RunCheckpoint?, stop: StopRequest,
                    progress: (@Sendable (Int, Int) -> Void)? = nil) throws(PrecisionError) -> PrecisionOutcome {
        let cells = try settings.cells(layout: layout)
        let maximum = scenario.run.replications
        let feed = PrecisionFeed(ReplicationsAlgorithm(target: settings.target, series: cells.count, maximum: maximum,
                                                       lookAhead: settings.lookAhead), cells: cells)
        let observer: ReplicationObserver = { _, values in feed.add(values) }
        var accumulator = checkpoint?.accumulator
        if let saved = accumulator, saved.folded > 0 {
            if settings.windows == .wholeRun {
                feed.replay(totals: saved.totals, replications: saved.folded, layout: layout)
            } else {
                do {
                    let seen = try run(replications: 0..<saved.folded, stop: stop, observer: observer)
                    if seen < saved.folded { return .stopped(RunCheckpoint(accumulator: saved)) }
                } catch {
                    return .exceeded(error)
                }
            }
        }
        while feed.algorithm.ending == nil {
            let start = accumulator?.folded ?? 0
            let range = start..<(start + feed.algorithm.fewestStillNeeded)
            var overall: (@Sendable (Int, Int) -> Void)? = nil
            if let progress { overall = { done, _ in progress(start + done, maximum) } }
            let collector = execute(range, into: accumulator, stop: stop, progress: overall, observer: observer).0
            if let failure = collector.failure { return .exceeded(failure) }
            let folded = collector.accumulator
            accumulator = folded
            if folded.folded < range.upperBound { return .stopped(RunCheckpoint(accumulator: folded)) }
        }
        let done = accumulator!
        let wanted = scenario.run.threads > 0 ? scenario.run.threads : ProcessInfo.processInfo.activeProcessorCount
        let results = done.results(replications: done.folded, threads: max(1, min(wanted, done.folded)),
                                   zoneRows: scenario.run.zoneRows)
        let algorithm = feed.algorithm
        let perMeasure = settings.measures.count
        var achieved: [String: Double] = [:]
        for (k, name) in settings.measures.enumerated() {
            // A series without a measurable precision (a mean of 0 with spread) is left out: JSON has no infinity.
            let worst = stride(from: k, to: cells.count, by: perMeasure).map { algorithm.deviation(series: $0) }.max()
            if let worst, worst.isFinite { achieved[name] = worst }
        }
        let record = PrecisionRecord(
            kind: { if case .relative = settings.target { return "relative" } else { return "absolute" } }(),
            target: settings.target.value, measures: settings.measures, windows: settings.windows.rawValue,
            lookAhead: settings.lookAhead, maximumReplications: maximum,
            replicationsNeeded: algorithm.ending == .precise ? algorithm.candidate : nil,
            replicationsRun: done.folded, stoppedBy: algorithm.ending == .precise ? "precision" : "maximum",
            achieved: achieved)
        return .finished(results, record)
    }
}

/// The replications algorithm of a run to a precision, shown each replication's judged cells
/// in replication order (by the runner's observer, never concurrently) until it ends.
private final class PrecisionFeed: @unchecked Sendable {
    private(set) var algorithm: ReplicationsAlgorithm
    /// Indices into a replication's cells of the series, in the algorithm's order.
    let cells: [Int]

    init(_ algorithm: ReplicationsAlgorithm, cells: [Int]) {
        self.algorithm = algorithm
        self.cells = cells
    }

    /// Shows the algorithm one replication's cells, unless it has ended.
    func add(_ values: UnsafeBufferPointer<Double>) {
        guard algorithm.ending == nil else { return }
        algorithm.add(cells.map { values[$0] })
    }

    /// Shows the algorithm the first `replications` replications' whole-run county values, as
    /// an accumulator's `totals` keep them (replication × option × measure), for series that
    /// are all of the whole run.
    func replay(totals: [Double], replications: Int, layout: ResultLayout) {
        let perOption = layout.cellsPerOption, measures = layout.measures.count
        for r in 0..<replications where algorithm.ending == nil {
            let base = r * layout.options.count * measures
            algorithm.add(cells.map { cell in totals[base + (cell / perOption) * measures + cell % measures] })
        }
    }
}
