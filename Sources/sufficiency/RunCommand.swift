import ArgumentParser
import Foundation
import Sufficiency

/// `sufficiency run FILE`: simulate every option and write the results folder.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a scenario's replications under every option and write results.",
        discussion: """
        Writes summary.csv, replications.csv, comparison.csv and manifest.json into the results \
        folder (default results/NAME, NAME being the scenario file's name), replacing it only once \
        every file is complete. The same scenario and seed give byte-identical CSV files whatever \
        the number of threads.

        Examples:
          sufficiency run scenarios/wiltshire-home-care.yaml
          sufficiency run scenarios/quickstart.yaml --replications 50 --seed 7 --out results/quick
          sufficiency run scenarios/wiltshire-home-care.yaml --set demand.growth=0.05 --threads 1
        """
    )

    @Argument(help: "Scenario file (YAML).")
    var file: String

    @Option(help: "Replications (overrides run.replications).")
    var replications: Int?

    @Option(help: "Master seed (overrides run.seed).")
    var seed: UInt64?

    @Option(help: "Results folder (default: results/<scenario name>).")
    var out: String?

    @Option(help: "Worker threads, 0 for one per core (overrides run.threads). Results do not depend on it.")
    var threads: Int?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a scenario value, e.g. demand.growth=0.05.", valueName: "key=value"))
    var overrides: [String] = []

    @Flag(help: "No progress bar or table; print only the results folder.")
    var quiet = false

    func validate() throws {
        if let r = replications, r < 1 { throw ValidationError("--replications must be at least 1; got \(r).") }
        if let t = threads, t < 0 { throw ValidationError("--threads must be 0 (one per core) or more; got \(t).") }
    }

    func run() throws {
        let startedAt = Date()
        var settings = overrides
        if let r = replications { settings.append("run.replications=\(r)") }
        if let s = seed { settings.append("run.seed=\(s)") }
        if let t = threads { settings.append("run.threads=\(t)") }
        let loaded = try ScenarioFileLoading.load(file, overrides: settings)
        let scenario = loaded.scenario
        let runner = Runner(scenario: scenario)

        let bar = quiet ? nil : ProgressBar(total: scenario.run.replications, interactive: Terminal.standardErrorIsTerminal)
        if !quiet {
            Terminal.standardError("Running \(scenario.name): \(scenario.options.count) options x \(scenario.run.replications) replications on \(runner.threadCount) threads, seed \(scenario.run.seed).")
        }
        var progress: (@Sendable (Int, Int) -> Void)? = nil
        if let bar { progress = { done, _ in bar.update(done) } }
        let results = runner.run(progress: progress)

        let folder = out ?? "results/" + URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let manifest = Manifest(
            scenarioFile: file, scenarioSHA256: loaded.sha256, seed: scenario.run.seed,
            replications: scenario.run.replications, threads: results.threads,
            options: scenario.options.map(\.name), commandLine: CommandLine.arguments,
            startedAt: ISO8601DateFormatter().string(from: startedAt),
            wallSeconds: Date().timeIntervalSince(startedAt), files: [])
        do {
            try ResultsWriter.write(results, runner: runner, to: URL(fileURLWithPath: folder), manifest: manifest)
        } catch {
            Terminal.standardError("sufficiency: \(error)")
            throw ExitCode.failure
        }
        if quiet {
            print(folder)
        } else {
            let first = CSVFormatting.date(runner.calendar.date(ofDay: 0))
            let last = CSVFormatting.date(runner.calendar.date(ofDay: scenario.calendar.horizonDays - 1))
            print(HeadlineTable.render(results, title: "\(scenario.name): \(scenario.run.replications) replications, \(first) to \(last), whole county"))
            print("Results in \(folder)/ (summary.csv, replications.csv, comparison.csv, manifest.json)")
        }
    }
}

/// Dates as the CSV files write them.
enum CSVFormatting {
    static func date(_ date: Date) -> String { CSVFormat.date(date) }
}
