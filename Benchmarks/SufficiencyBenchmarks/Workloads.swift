import Foundation
import Sufficiency

/// The scenarios and synthetic workloads the benchmarks run, built only from the
/// library's public API.
enum Workloads {
    /// The repository's `scenarios/` folder, found from this file's place in the tree
    /// (`Benchmarks/SufficiencyBenchmarks/Workloads.swift`), so the suite runs from any
    /// working directory.
    static let scenariosFolder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // SufficiencyBenchmarks/
        .deletingLastPathComponent()   // Benchmarks/
        .deletingLastPathComponent()   // the repository
        .appendingPathComponent("scenarios", isDirectory: true)

    /// `scenarios/wiltshire-home-care.yaml`: 3 options, 5 years by month, 15 zones, 22 providers.
    static let wiltshirePath = scenariosFolder.appendingPathComponent("wiltshire-home-care.yaml").path

    /// The bundled scenario files other than Wiltshire's (which has benchmarks of its own), by
    /// name: whatever `scenarios/` holds when the suite starts.
    static let otherBundledScenarios: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: scenariosFolder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") && $0 != "wiltshire-home-care.yaml" }.sorted()
    }()

    /// Loads a scenario file with `--set`-style overrides (`run.replications=1`, ...); a file
    /// that does not load stops the suite with the loader's message.
    static func scenario(_ path: String, _ overrides: [String] = []) -> Scenario {
        do {
            return try ScenarioLoader.load(path: path, overrides: overrides).scenario
        } catch {
            fatalError("Benchmarks: cannot load \(path):\n\(error)")
        }
    }

    // MARK: M/M/c

    /// Arrivals a day in the M/M/c workload.
    static let mmcArrivalsPerDay = 10.0
    /// Mean time in care, in days (exponential, from placement).
    static let mmcMeanServiceDays = 20.0
    /// Servers: hours a week of fixed capacity, one hour a week per customer.
    static let mmcServers = 220
    /// Days reported after the warm-up: 10 a day × 100,000 days ≈ 1,000,000 customers.
    static let mmcHorizonDays = 100_000
    /// Days simulated before the reported horizon (about 2,000 more customers).
    static let mmcWarmUpDays = 200

    /// One replication of an M/M/c queue on one thread: one zone, one provider with a fixed
    /// capacity of `mmcServers` hours a week, unit (1 hour a week) packages, exponential time in
    /// care from placement, Poisson referrals, no workforce dynamics, no hand-backs, no exits,
    /// spot purchasing. Offered load 10 × 20 = 200 on 220 servers (utilisation 0.91).
    /// Results by quarter keep the output grid small over 274 years.
    static func mmc(seed: UInt64 = 7) -> Scenario {
        var scenario = Scenario.mmc(arrivalsPerDay: mmcArrivalsPerDay, meanServiceDays: mmcMeanServiceDays,
                                    servers: mmcServers, horizonDays: mmcHorizonDays, warmUpDays: mmcWarmUpDays,
                                    period: .quarter, replications: 1, seed: seed, threads: 1)
        scenario.name = "M/M/c engine benchmark"
        return scenario
    }

    /// Customers referred in the reported horizon of option 0 (the warm-up's are not counted).
    static func referrals(in results: RunResults) -> Int {
        guard let summary = results.summary(option: 0, window: results.layout.horizonWindow,
                                            measure: "referrals") else {
            fatalError("Benchmarks: the results have no 'referrals' measure")
        }
        return Int(summary.mean.rounded())
    }

    /// One replication's value for every cell of `results` (a run of one replication), as the
    /// runner feeds `SummaryGrid.add`: NaN where the cell had no value.
    static func replicationValues(of results: RunResults) -> [Double] {
        precondition(results.replications == 1, "replicationValues: needs a run of one replication")
        let grid = results.summaries
        return (0..<grid.cellCount).map { cell in
            let summary = grid.summary(cell)
            return summary.n > 0 ? summary.mean : .nan
        }
    }
}
