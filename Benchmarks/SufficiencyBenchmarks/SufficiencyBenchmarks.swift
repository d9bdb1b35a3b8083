import Benchmark
import Foundation
import Sufficiency

// The Sufficiency benchmark suite. Run from `Benchmarks/`:
//
//     swift package --disable-sandbox benchmark
//
// README.md beside Package.swift says what each benchmark measures and lists results.
//
// The built-in `throughput` metric is a whole number of iterations a second, which says
// little for iterations that take a fifth of a second or more. The benchmarks that run the
// engine therefore also record exact rates as custom metrics, each a whole number in the unit
// its name gives.

/// Replications a second × 1000 (5123 means 5.123 replications a second).
let replicationsPerSecondX1000 = BenchmarkMetric.custom("Replications/s x1000", polarity: .prefersLarger,
                                                        useScalingFactor: false)
/// Customers (referrals in the reported horizon) simulated a second.
let customersPerSecond = BenchmarkMetric.custom("Customers/s", polarity: .prefersLarger, useScalingFactor: false)
/// Customers (referrals in the reported horizon) in one replication.
let customersPerReplication = BenchmarkMetric.custom("Customers", polarity: .prefersLarger, useScalingFactor: false)
/// Worker threads the runner used (`Runner.threadCount`).
let workerThreads = BenchmarkMetric.custom("Worker threads", polarity: .prefersLarger, useScalingFactor: false)
/// Output cells (option × window × zone × measure) a replication fills.
let cells = BenchmarkMetric.custom("Cells", polarity: .prefersSmaller, useScalingFactor: false)

/// Wall clock, CPU time, throughput, mallocs and peak resident memory.
///
/// `.instructions` is left out: on Linux the library counts them with `perf_event_open`, and
/// the virtual machines this project runs on have no hardware counters (the call fails with
/// ENOENT), so the metric would be silently empty. Where counters exist, add it with
/// `--metric instructions` on the command line, or count with `valgrind --tool=callgrind`.
let standardMetrics: [BenchmarkMetric] = [
    .wallClock, .cpuTotal, .throughput, .mallocCountTotal, .peakMemoryResident,
]

/// Custom metrics are printed as plain counts, never rounded to K or M.
func countUnits(_ metrics: [BenchmarkMetric]) -> [BenchmarkMetric: BenchmarkUnits] {
    Dictionary(uniqueKeysWithValues: metrics.map { ($0, BenchmarkUnits.count) })
}

/// Seconds elapsed while `body` runs, and what it returned.
func timed<T>(_ body: () -> T) -> (T, Double) {
    let clock = ContinuousClock()
    var result: T?
    let elapsed = clock.measure { result = body() }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    return (result!, seconds)
}

/// Records `replications / seconds` in `replicationsPerSecondX1000`.
func recordReplicationRate(_ benchmark: Benchmark, replications: Int, seconds: Double) {
    benchmark.measurement(replicationsPerSecondX1000, Int((Double(replications) / seconds * 1000).rounded()))
}

let benchmarks: @Sendable () -> Void = {
    // 1. One replication of the Wiltshire scenario (all three options) on one thread.
    Benchmark(
        "Wiltshire replication",
        configuration: .init(
            metrics: standardMetrics + [replicationsPerSecondX1000],
            units: countUnits([replicationsPerSecondX1000]),
            warmupIterations: 1, maxDuration: .seconds(10), maxIterations: 40)
    ) { benchmark, runner in
        let (results, seconds) = timed { runner.run() }
        recordReplicationRate(benchmark, replications: results.replications, seconds: seconds)
        blackHole(results)
    } setup: {
        Runner(scenario: Workloads.scenario(Workloads.wiltshirePath, ["run.replications=1", "run.threads=1"]))
    }

    // 2. 100 replications on every core: the runner's scaling and its memory.
    Benchmark(
        "Wiltshire 100 replications, all cores",
        configuration: .init(
            metrics: standardMetrics + [replicationsPerSecondX1000, workerThreads],
            timeUnits: .milliseconds,
            units: countUnits([replicationsPerSecondX1000, workerThreads]),
            warmupIterations: 0, maxDuration: .seconds(40), maxIterations: 3)
    ) { benchmark, runner in
        let (results, seconds) = timed { runner.run() }
        recordReplicationRate(benchmark, replications: results.replications, seconds: seconds)
        benchmark.measurement(workerThreads, runner.threadCount)
        blackHole(results)
    } setup: {
        Runner(scenario: Workloads.scenario(Workloads.wiltshirePath, ["run.replications=100", "run.threads=0"]))
    }

    // 3. The event engine alone on a plain M/M/c queue: about a million customers in one
    //    replication on one thread.
    Benchmark(
        "M/M/c engine",
        configuration: .init(
            metrics: standardMetrics + [customersPerSecond, customersPerReplication],
            timeUnits: .milliseconds,
            units: countUnits([customersPerSecond, customersPerReplication]),
            warmupIterations: 1, maxDuration: .seconds(30), maxIterations: 10)
    ) { benchmark, runner in
        let (results, seconds) = timed { runner.run() }
        let customers = Workloads.referrals(in: results)
        precondition(customers >= 1_000_000, "M/M/c engine: only \(customers) customers in the horizon")
        benchmark.measurement(customersPerSecond, Int((Double(customers) / seconds).rounded()))
        benchmark.measurement(customersPerReplication, customers)
        blackHole(results)
    } setup: {
        Runner(scenario: Workloads.mmc())
    }

    // 4. Loading and validating the Wiltshire scenario file (YAML, checks, caseload).
    Benchmark(
        "Scenario loading",
        configuration: .init(metrics: standardMetrics, warmupIterations: 3, maxDuration: .seconds(5),
                             maxIterations: 200)
    ) { _ in
        blackHole(Workloads.scenario(Workloads.wiltshirePath))
    }

    // 5. Folding one replication's values into the summary statistics of every Wiltshire
    //    output cell: the runner's per-replication summary cost.
    Benchmark(
        "Statistics step",
        configuration: .init(metrics: standardMetrics + [cells], units: countUnits([cells]),
                             warmupIterations: 3, maxDuration: .seconds(5), maxIterations: 1000)
    ) { (benchmark: Benchmark, state: StatisticsStep) in
        state.values.withUnsafeBufferPointer { state.grid.add($0) }
        benchmark.measurement(cells, state.grid.cellCount)
    } setup: {
        let runner = Runner(scenario: Workloads.scenario(Workloads.wiltshirePath,
                                                        ["run.replications=1", "run.threads=1"]))
        let values = Workloads.replicationValues(of: runner.run())
        return StatisticsStep(grid: runner.layout.makeSummaryGrid(), values: values)
    }

    // 6. One replication of every other bundled scenario (quick start, uplift sweeps' base
    //    runs, coverage, day opportunities), on one thread, named by file.
    for file in Workloads.otherBundledScenarios {
        Benchmark(
            "Replication: \(file)",
            configuration: .init(
                metrics: standardMetrics + [replicationsPerSecondX1000],
                units: countUnits([replicationsPerSecondX1000]),
                warmupIterations: 1, maxDuration: .seconds(10), maxIterations: 100)
        ) { benchmark, runner in
            let (results, seconds) = timed { runner.run() }
            recordReplicationRate(benchmark, replications: results.replications, seconds: seconds)
            blackHole(results)
        } setup: {
            Runner(scenario: Workloads.scenario(Workloads.scenariosFolder.appendingPathComponent(file).path,
                                                ["run.replications=1", "run.threads=1"]))
        }
    }
}

/// A summary grid sized for the Wiltshire run and one replication's values to feed it.
final class StatisticsStep {
    let grid: SummaryGrid
    let values: [Double]

    init(grid: SummaryGrid, values: [Double]) {
        self.grid = grid
        self.values = values
    }
}
