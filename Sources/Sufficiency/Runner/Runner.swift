import Foundation

/// Runs a scenario's replications on all cores and summarises them.
///
/// Each replication runs every option against the same people (drawn once
/// from the replication's demand stream) and the same supply streams, so
/// options are compared on common random numbers. Replications are folded
/// into the statistics strictly in replication order, so results are
/// identical whatever the number of threads.
public final class Runner: @unchecked Sendable {
    public let scenario: Scenario
    public let calendar: SimulationCalendar
    public let layout: ResultLayout
    /// Each option's plan for the home care engine (none for day opportunities).
    let plans: [OptionPlan]

    /// The most events and memory one replication of one option may take; a replication past
    /// it stops the run (`ReplicationBudgetExceeded`). Set before running.
    public var budget = ReplicationBudget.standard

    /// Referrals drawn at a time for a run of one option: 8,192 people, 512 KB, which stay in
    /// the cache between being drawn and being read.
    static let demandBlock = 8_192

    public init(scenario: Scenario) {
        GSL.configure()
        self.scenario = scenario
        calendar = SimulationCalendar(scenario.calendar)
        layout = ResultLayout(scenario: scenario, calendar: calendar)
        switch scenario.service {
        case .homeCare: plans = scenario.options.map { OptionPlan(option: $0, scenario: scenario) }
        case .dayOpportunities: plans = []
        }
    }

    /// Threads a run will use: the scenario's setting, or one per core, never
    /// more than there are replications.
    public var threadCount: Int {
        let wanted = scenario.run.threads > 0 ? scenario.run.threads : ProcessInfo.processInfo.activeProcessorCount
        return max(1, min(wanted, scenario.run.replications))
    }

    /// Called once per replication with its index (from 0) and every cell of its results
    /// (indexed as `layout.cell`), strictly in replication order and never concurrently, from
    /// whichever worker folds replications in. The buffer is valid only during the call.
    ///
    /// Experiments use it for per-replication values (the share of replications meeting a
    /// target, differences paired on replication) without the runner keeping them all.
    public typealias ReplicationObserver = @Sendable (_ replication: Int, _ cells: UnsafeBufferPointer<Double>) -> Void

    /// Runs every replication; `progress` is called with (done, total) after
    /// each replication is folded in (from a worker thread), and `observer`, when
    /// given, just before that with the replication's cells.
    ///
    /// For scenarios known to be within the engine's budget (tests, benchmarks): a replication
    /// past `budget` traps with its message. Commands use the throwing forms.
    public func run(progress: (@Sendable (Int, Int) -> Void)? = nil,
                    observer: ReplicationObserver? = nil) -> RunResults {
        do {
            return try run(replications: 0..<scenario.run.replications, progress: progress, observer: observer)
        } catch {
            preconditionFailure("Runner.run: \(error)")
        }
    }

    /// Runs only the replications in `range` (a shard of a larger run: each replication has
    /// the same random streams wherever it runs); results summarise those replications.
    /// `progress` counts replications of the range.
    /// Throws when a replication goes past `budget`.
    public func run(replications range: Range<Int>, progress: (@Sendable (Int, Int) -> Void)? = nil,
                    observer: ReplicationObserver? = nil) throws(ReplicationBudgetExceeded) -> RunResults {
        let (collector, threads) = execute(range, into: nil, stop: nil, progress: progress, observer: observer)
        if let failure = collector.failure { throw failure }
        return collector.accumulator.results(replications: range.count, threads: threads, zoneRows: scenario.run.zoneRows)
    }

    /// Runs the replications of `range` for a caller that keeps only what `observer` sees (a
    /// solve counting replications that meet a target): nothing is summarised. Stops early,
    /// between replications, when `stop` is asked to. Returns how many replications from the
    /// start of `range` ran and were seen, in order; fewer than `range.count` only when stopped.
    /// Throws when a replication goes past `budget`.
    public func run(replications range: Range<Int>, stop: StopRequest, progress: (@Sendable (Int, Int) -> Void)? = nil,
                    observer: @escaping ReplicationObserver) throws(ReplicationBudgetExceeded) -> Int {
        let collector = execute(range, into: nil, summarising: false, stop: stop, progress: progress,
                                observer: observer).0
        if let failure = collector.failure { throw failure }
        return collector.folded
    }

    /// What a run that can be stopped gives: its results, or the replications done so far.
    public enum Outcome {
        case finished(RunResults)
        case stopped(RunCheckpoint)
        /// A replication went past `budget`; nothing is kept.
        case exceeded(ReplicationBudgetExceeded)
    }

    /// Runs every replication not already in `checkpoint`, stopping early, between
    /// replications, when `stop` is asked to. A run resumed from a checkpoint gives results
    /// identical to the last bit to one never stopped. `progress` counts all replications,
    /// those in the checkpoint included; `observer` sees only the replications run now.
    public func run(resuming checkpoint: RunCheckpoint?, stop: StopRequest,
                    progress: (@Sendable (Int, Int) -> Void)? = nil,
                    observer: ReplicationObserver? = nil) -> Outcome {
        let total = scenario.run.replications
        let start = checkpoint?.accumulator.folded ?? 0
        var overall: (@Sendable (Int, Int) -> Void)? = nil
        if let progress { overall = { done, _ in progress(start + done, total) } }
        let (collector, threads) = execute(start..<total, into: checkpoint?.accumulator, stop: stop,
                                           progress: overall, observer: observer)
        if let failure = collector.failure { return .exceeded(failure) }
        let accumulator = collector.accumulator
        if accumulator.folded < total { return .stopped(RunCheckpoint(accumulator: accumulator)) }
        return .finished(accumulator.results(replications: total, threads: threads, zoneRows: scenario.run.zoneRows))
    }

    /// Runs the replications of `range` on all cores, folding them in order into `accumulator`,
    /// or into a new one, unless not `summarising` (then only `observer` sees them); with
    /// `stop`, ends early once asked, having folded a prefix of the range. Returns the collector
    /// that folded them and the threads used.
    func execute(_ range: Range<Int>, into accumulator: Accumulator?, summarising: Bool = true,
                         stop: StopRequest?, progress: (@Sendable (Int, Int) -> Void)?,
                         observer: ReplicationObserver?) -> (Collector, threads: Int) {
        let threads = max(1, min(threadCount, range.count))
        let collector = Collector(accumulator: accumulator, layout: layout, summarising: summarising, range: range,
                                  threads: threads, stop: stop, progress: progress, observer: observer)
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            scenario.service.withEngine(Work(runner: self, collector: collector))
        }
        return (collector, threads)
    }

    /// One worker's share of a run, on the service's engine (`Runner.work`).
    private struct Work: EngineTask {
        let runner: Runner
        let collector: Collector

        func callAsFunction<Engine: ReplicationEngine>(_ engine: Engine.Type) {
            runner.work(engine, collector)
        }
    }

    /// One worker's share of a run: replications claimed from `collector`, each run on an
    /// `Engine` made for this worker, until there are none left or the run is halted.
    private func work<Engine: ReplicationEngine>(_: Engine.Type, _ collector: Collector) {
        let worker = Engine.worker(for: self)
        let engine = worker.engine, people = worker.people
        var measures = worker.measures
        let streams = RandomStreams()
        engine.watch.budget = budget
        engine.watch.stop = collector.stop
        while let r = collector.claim() {
            var cells = [Double](repeating: .nan, count: layout.cellCount)
            if let halt = runReplication(r, engine: engine, people: people, streams: streams, measures: &measures,
                                         into: &cells) {
                collector.halt(r, halt)
                return
            }
            collector.deliver(r, cells)
        }
    }

    /// Runs replication `r` of every option into `cells`: draws its people once, then runs each
    /// option on them from the replication's supply streams. Returns why it ended early when an
    /// option's run went past `engine.watch`'s budget or was asked to stop (`cells` are then
    /// incomplete), else nil.
    @discardableResult
    func runReplication<Engine: ReplicationEngine>(_ r: Int, engine: Engine, people: Engine.People,
                                                   streams: RandomStreams, measures: inout Engine.Measures,
                                                   into cells: inout [Double]) -> ReplicationHalt? {
        let seed = scenario.run.seed
        Engine.draw(people, replication: r, seed: seed, streams: streams)
        return cells.withUnsafeMutableBufferPointer { out in
            for o in scenario.options.indices {
                streams.seedSupply(master: seed, replication: r)
                engine.run(option: o, people: people, streams: streams, replication: r)
                if let halt = engine.watch.halt { return halt }
                engine.measure(option: o, with: &measures, into: out)
            }
            return nil
        }
    }
}

/// Hands out replication numbers and folds finished replications into the
/// statistics in replication order, buffering any that finish early.
final class Collector: @unchecked Sendable {
    let layout: ResultLayout
    /// Whether replications are folded into the statistics, or only shown to the observer.
    let summarising: Bool
    /// Made by the first fold when the run does not continue a checkpoint: its statistics
    /// grids take tens of megabytes to set up, which one worker then does while the others
    /// simulate, rather than every worker waiting for it before the first replication.
    private var madeAccumulator: Accumulator?
    let range: Range<Int>
    let progress: (@Sendable (Int, Int) -> Void)?
    let observer: Runner.ReplicationObserver?
    let stop: StopRequest?
    /// Guards the counters and the buffer; workers wait on it when too far ahead.
    private let condition = NSCondition()
    /// Most replications finished but not yet folded, so memory stays bounded
    /// however many replications run, even if one replication is slow.
    private let window: Int
    private var nextClaim: Int
    private var nextFold: Int
    private var pending: [Int: [Double]] = [:]
    /// Whether a worker is folding replications in (only one does at a time).
    private var folding = false
    /// Whether a worker dropped its replication (stopped, or past its budget): no replication
    /// starts after that, and none waits for the dropped one to be folded.
    private var halted = false
    /// The earliest replication past its budget; read once the workers are done.
    private(set) var failure: ReplicationBudgetExceeded?

    init(accumulator: Accumulator?, layout: ResultLayout, summarising: Bool, range: Range<Int>, threads: Int,
         stop: StopRequest?, progress: (@Sendable (Int, Int) -> Void)?, observer: Runner.ReplicationObserver?) {
        self.stop = stop
        self.summarising = summarising
        window = 4 * threads
        madeAccumulator = accumulator
        self.layout = layout
        self.range = range
        self.progress = progress
        self.observer = observer
        nextClaim = range.lowerBound
        nextFold = range.lowerBound
    }

    /// The accumulator replications are folded into; only the folding worker, or the caller
    /// once the workers are done, may ask for it.
    var accumulator: Accumulator {
        if let madeAccumulator { return madeAccumulator }
        let made = Accumulator(layout: layout)
        madeAccumulator = made
        return made
    }

    /// Replications of the range folded (or, when not summarising, seen by the observer), in
    /// order from its start; read once the workers are done.
    var folded: Int { nextFold - range.lowerBound }

    func claim() -> Int? {
        condition.lock(); defer { condition.unlock() }
        // The replication being folded next is always claimed already, so waiting
        // here cannot deadlock: its worker will deliver it and wake us.
        while !halted && nextClaim < range.upperBound && nextClaim >= nextFold + window { condition.wait() }
        guard !halted, nextClaim < range.upperBound else { return nil }
        // Once asked to stop, no new replication starts; those in hand finish and are folded
        // if they extend the folded prefix.
        if stop?.isStopped == true { return nil }
        nextClaim += 1
        return nextClaim - 1
    }

    /// Replication `r` ended early (`halt`): it is not folded, nor is any after it, and no
    /// new replication starts. A replication past its budget fails the run.
    func halt(_ r: Int, _ halt: ReplicationHalt) {
        condition.lock(); defer { condition.unlock() }
        halted = true
        if case .exceeded(let exceeded) = halt, failure.map({ r < $0.replication }) ?? true { failure = exceeded }
        condition.broadcast()
    }

    func deliver(_ r: Int, _ cells: [Double]) {
        condition.lock(); defer { condition.unlock() }
        pending[r] = cells
        // One worker folds at a time, outside the lock, so the others can hand over
        // their replications and go on simulating instead of waiting for the fold.
        if folding { return }
        folding = true
        while let ready = pending.removeValue(forKey: nextFold) {
            condition.unlock()
            if summarising { accumulator.fold(ready) }
            if let observer { ready.withUnsafeBufferPointer { observer(nextFold, $0) } }
            condition.lock()
            nextFold += 1
            progress?(nextFold - range.lowerBound, range.count)
            condition.broadcast()
        }
        folding = false
    }
}
