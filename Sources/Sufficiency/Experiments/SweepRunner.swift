import Foundation

/// Runs every point of a sweep, one after another, each on all threads.
///
/// Every point runs with the same master seed and replication numbers, so replication r of
/// every point sees the same demand and supply streams (common random numbers): the difference
/// between two points in the same replication is the effect of the values, not noise. Each
/// point's results are its county-level statistics for the financial years and the whole run,
/// and its difference from point 1 paired on replication.
public enum SweepRunner {
    /// What a sweep that can be stopped gives: its results, or the points and replications
    /// done so far.
    public enum Outcome {
        case finished(SweepResults)
        case stopped(SweepCheckpoint)
        /// A replication went past the engine's budget; nothing is kept.
        case exceeded(ReplicationBudgetExceeded)
    }

    /// Runs `plan`, counting the replications meeting each of `targets` at every point and
    /// option; `progress` is called with (done, total) over points × replications.
    public static func run(_ plan: SweepPlan, targets: [SweepTarget] = [],
                           progress: (@Sendable (Int, Int) -> Void)? = nil) -> SweepResults {
        guard case .finished(let results) = run(plan, targets: targets, resuming: nil, stop: StopRequest(),
                                                progress: progress) else {
            preconditionFailure("SweepRunner.run: a sweep nobody asked to stop stopped, or went past the engine's budget")
        }
        return results
    }

    /// Runs the points and replications of `plan` not already in `checkpoint`, stopping early,
    /// between replications, when `stop` is asked to. A sweep resumed from a checkpoint gives
    /// results identical to the last bit to one never stopped. `progress` counts all points ×
    /// replications, those in the checkpoint included.
    ///
    /// The replications meeting each of `targets` are counted as they finish, never stored, so
    /// memory does not grow with replications; a checkpoint carries the counts so far (and
    /// `SweepCheckpoint.read` refuses one counted for other targets).
    public static func run(_ plan: SweepPlan, targets: [SweepTarget] = [], resuming checkpoint: SweepCheckpoint?,
                           stop: StopRequest,
                           progress: (@Sendable (Int, Int) -> Void)? = nil) -> Outcome {
        precondition(!plan.scenarios.isEmpty, "SweepRunner.run: a sweep needs at least one point")
        let first = Runner(scenario: plan.scenarios[0])
        let layout = first.layout
        let tracked = SweepResults.trackedCells(layout)
        let replications = plan.scenarios[0].run.replications
        let total = replications * plan.scenarios.count
        let preferences = preferences(tracked, layout)
        // Point 1's tracked values for every replication, for the paired differences.
        let reference = ReferenceValues(replications: replications, cells: tracked.map(\.cell),
                                        values: checkpoint?.reference)
        var summaries = checkpoint?.summaries ?? []
        var differences = checkpoint?.differences ?? []
        var targetMet = checkpoint?.targetMet ?? []
        // For option o and target t, at o × targets.count + t: the cells that must all meet it.
        let targetCells = layout.options.indices.flatMap { o in targets.map { $0.cells(option: o, runner: first) } }
        let judged = zip(targetCells.indices, targetCells).map { k, cells in (targets[k % targets.count], cells) }
        var threads = 1
        for p in summaries.count..<plan.scenarios.count {
            let runner = p == 0 ? first : Runner(scenario: plan.scenarios[p])
            // The point the checkpoint stopped in carries on from its replications, statistics and
            // paired differences.
            let resumed = p == checkpoint?.completedPoints ? checkpoint?.current : nil
            // Only the tracked cells are summarised: the same statistics, cell by cell, as a run's
            // grid keeps for them, without folding every zone and month of every replication.
            let statistics = resumed?.statistics ?? SummaryGrid(cellCount: tracked.count)
            let grid = PairedGrid(resumed?.differences ?? ComparisonGrid(preferences: preferences),
                                  statistics: statistics, cells: tracked.map(\.cell))
            let isReference = p == 0
            let counter = TargetCounter(resumed?.targetMet ?? [Int](repeating: 0, count: judged.count))
            let observer: Runner.ReplicationObserver = { r, cells in
                if isReference { reference.store(r, cells) }
                grid.add(cells, reference: reference.values(r))
                counter.count(cells, judged)
            }
            let start = resumed?.replications ?? 0
            var pointProgress: (@Sendable (Int, Int) -> Void)?
            if let progress {
                let offset = p * replications + start
                pointProgress = { done, _ in progress(offset + done, total) }
            }
            threads = runner.threadCount
            let done: Int
            do {
                done = start + (try runner.run(replications: start..<replications, stop: stop, progress: pointProgress,
                                               observer: observer))
            } catch {
                return .exceeded(error)
            }
            if done < replications {
                return .stopped(SweepCheckpoint(summaries: summaries, differences: differences, reference: reference.all,
                                                targetMet: targetMet,
                                                current: .init(statistics: statistics, replications: done,
                                                               differences: grid.grid, targetMet: counter.met)))
            }
            summaries.append((0..<tracked.count).map { statistics.summary($0) })
            targetMet.append(counter.met)
            differences.append((0..<tracked.count).map { grid.grid.comparison($0) })
        }
        return .finished(SweepResults(plan: plan, layout: layout, runner: first, tracked: tracked, summaries: summaries,
                                      differences: differences, targets: targets, targetMet: targetMet,
                                      replications: replications, threads: threads))
    }

    /// Which way is better in each tracked cell, for the differences from point 1.
    static func preferences(_ tracked: [SweepResults.Cell], _ layout: ResultLayout) -> [Preference] {
        tracked.map { layout.measures.all[$0.measure].better ?? .lower }
    }
}

/// Point 1's values of the tracked cells, replication by replication. Written and read only
/// from the runner's observer, which is never called concurrently.
private final class ReferenceValues: @unchecked Sendable {
    private var values: [Double]
    private let cells: [Int]

    /// Room for `replications` of `cells`, or those of a checkpoint (`values`, the same size).
    init(replications: Int, cells: [Int], values: [Double]? = nil) {
        self.cells = cells
        self.values = values ?? [Double](repeating: .nan, count: replications * cells.count)
    }

    /// Every value stored so far (NaN where not yet stored), replication-major.
    var all: [Double] { values }

    func store(_ r: Int, _ all: UnsafeBufferPointer<Double>) {
        for (i, c) in cells.enumerated() { values[r * cells.count + i] = all[c] }
    }

    func values(_ r: Int) -> ArraySlice<Double> {
        values[(r * cells.count)..<((r + 1) * cells.count)]
    }
}

/// A point's replications meeting each (option, target), counted from the runner's observer,
/// which is never called concurrently.
private final class TargetCounter: @unchecked Sendable {
    private(set) var met: [Int]

    init(_ met: [Int]) { self.met = met }

    /// Counts one replication: each judged target is met when every one of its cells is.
    func count(_ all: UnsafeBufferPointer<Double>, _ judged: [(SweepTarget, [Int])]) {
        for (k, (target, cells)) in judged.enumerated() where cells.allSatisfy({ target.isMet(by: all[$0]) }) {
            met[k] += 1
        }
    }
}

/// A point's statistics of the tracked cells and their differences from point 1, fed from the
/// runner's observer.
private final class PairedGrid: @unchecked Sendable {
    let grid: ComparisonGrid
    private let statistics: SummaryGrid
    private let cells: [Int]
    private var row: [Double]

    init(_ grid: ComparisonGrid, statistics: SummaryGrid, cells: [Int]) {
        self.grid = grid
        self.statistics = statistics
        self.cells = cells
        row = [Double](repeating: .nan, count: cells.count)
    }

    func add(_ all: UnsafeBufferPointer<Double>, reference: ArraySlice<Double>) {
        for (i, c) in cells.enumerated() { row[i] = all[c] }
        statistics.add(row)
        grid.add(a: row, b: Array(reference))
    }
}

/// What a sweep produced: for each point, option, window (financial years and the whole run)
/// and measure, the county-level summary and the difference from point 1.
public final class SweepResults: @unchecked Sendable {
    /// One reported cell: option, window (index into `layout.windows`), measure and its
    /// index in the run's cells (county slot).
    public struct Cell: Sendable {
        public var option: Int
        public var window: Int
        public var measure: Int
        public var cell: Int
    }

    public let plan: SweepPlan
    /// The cells every point reports (the same for all points).
    public let layout: ResultLayout
    /// Point 1's runner, for window labels.
    let runner: Runner
    public let tracked: [Cell]
    /// `summaries[point][i]` for tracked cell `i` (points from 0).
    public let summaries: [[Summary]]
    /// `differences[point][i]`: the point minus point 1, paired on replication.
    public let differences: [[Comparison]]
    /// The targets counted, in the order given.
    public let targets: [SweepTarget]
    /// `targetMet[point][o × targets.count + t]`: replications of option `o` at the point
    /// (points from 0) meeting target `t`.
    public let targetMet: [[Int]]
    public let replications: Int
    public let threads: Int
    /// A Saltelli sweep's Sobol indices of every option and measure over the whole run
    /// (`SweepIndices`); empty for other designs.
    public let sensitivity: [SweepIndices]

    init(plan: SweepPlan, layout: ResultLayout, runner: Runner, tracked: [Cell], summaries: [[Summary]],
         differences: [[Comparison]], targets: [SweepTarget] = [], targetMet: [[Int]] = [],
         replications: Int, threads: Int) {
        self.plan = plan
        self.layout = layout
        self.runner = runner
        self.tracked = tracked
        self.summaries = summaries
        self.differences = differences
        self.targets = targets
        self.targetMet = targetMet
        self.replications = replications
        self.threads = threads
        sensitivity = SweepIndices.estimate(plan: plan, layout: layout, tracked: tracked, summaries: summaries)
    }

    /// The cells a sweep reports, in file order: option, then window (financial years, then
    /// the whole run), then measure; county level only, since zone rows for every point would
    /// make the file hundreds of times longer.
    static func trackedCells(_ layout: ResultLayout) -> [Cell] {
        var cells: [Cell] = []
        for o in layout.options.indices {
            for w in layout.comparedWindows {
                for m in layout.measures.all.indices {
                    cells.append(Cell(option: o, window: w, measure: m,
                                      cell: layout.cell(option: o, window: w, zoneSlot: 0, measure: m)))
                }
            }
        }
        return cells
    }

    /// The summary of `measure` (by name) for `option` and `window` at point `point` (from 1).
    public func summary(point: Int, option: Int, window: Int, measure: String) -> Summary? {
        guard let i = index(option: option, window: window, measure: measure) else { return nil }
        return summaries[point - 1][i]
    }

    /// Replications of `option` at point `point` (from 1) meeting target `target` (an index
    /// into `targets`).
    public func met(point: Int, option: Int, target: Int) -> Int {
        targetMet[point - 1][option * targets.count + target]
    }

    /// The difference from point 1, as `summary(point:option:window:measure:)`.
    public func difference(point: Int, option: Int, window: Int, measure: String) -> Comparison? {
        guard let i = index(option: option, window: window, measure: measure) else { return nil }
        return differences[point - 1][i]
    }

    private func index(option: Int, window: Int, measure: String) -> Int? {
        guard let m = layout.measures.all.firstIndex(where: { $0.name == measure }) else { return nil }
        return tracked.firstIndex { $0.option == option && $0.window == window && $0.measure == m }
    }
}
