import ArgumentParser
import Foundation
import Sufficiency

/// `sufficiency run FILE`: simulate every option and write the results folder.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a scenario's replications under every option and write results.",
        discussion: """
        Writes summary.csv, bands.csv, replications.csv, comparison.csv, manifest.json and \
        report.html (with its charts as SVG files in charts/) into the results \
        folder (default results/NAME, NAME being the scenario file's name), replacing it only once \
        every file is complete. An existing folder is replaced only if it is an earlier \
        results folder (its manifest.json was written by sufficiency). The same scenario and seed give byte-identical CSV files whatever \
        the number of threads.

        Examples:
          sufficiency run scenarios/wiltshire-home-care.yaml
          sufficiency run scenarios/quickstart.yaml --replications 50 --seed 7
          sufficiency run scenarios/quickstart.yaml --out results/quick
          sufficiency run scenarios/quickstart.yaml --set demand.growth=0.05

        Exit status: 0 on success, 2 when the scenario has problems (all are \
        printed), 64 for a mistake on the command line, 1 for other failures.
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
        try perform(requireCoverage: false)
    }

    /// Runs the scenario and writes its results; with `requireCoverage`, a scenario without a
    /// `coverage` section is refused first (the `coverage` command).
    func perform(requireCoverage: Bool) throws {
        let startedAt = Date()
        let loaded = try ScenarioFileLoading.load(file, overrides: overrides)
        if requireCoverage && loaded.scenario.coverage == nil {
            Terminal.standardError("\(file): the scenario has no coverage section; add one (see docs/SCENARIO-FORMAT.md, "
                                   + "coverage) to analyse zone coverage, e.g. coverage: {standard_minutes: 20}, with a centroid "
                                   + "for every zone or a travel_matrix.")
            throw ExitCode(2)
        }
        // Run settings from flags are recorded in the manifest, not folded into the
        // scenario's hash: the hash identifies the scenario, not how it was run.
        var scenario = loaded.scenario
        if let r = replications { scenario.run.replications = r }
        if let s = seed { scenario.run.seed = s }
        if let t = threads { scenario.run.threads = t }
        let folder = out ?? "results/" + URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        do {
            try ResultsWriter.checkDestination(URL(fileURLWithPath: folder))
        } catch {
            Terminal.standardError("sufficiency: \(error)")
            throw ExitCode.failure
        }
        let runner = Runner(scenario: scenario)

        let bar = quiet ? nil : ProgressBar(total: scenario.run.replications, interactive: Terminal.standardErrorIsTerminal)
        if !quiet {
            Terminal.standardError("Running \(scenario.name): \(scenario.options.count) options x \(scenario.run.replications) replication\(scenario.run.replications == 1 ? "" : "s") on \(runner.threadCount) threads, seed \(scenario.run.seed).")
        }
        var progress: (@Sendable (Int, Int) -> Void)? = nil
        if let bar { progress = { done, _ in bar.update(done) } }
        let results = runner.run(progress: progress)

        let manifest = Manifest(
            scenarioFile: file, scenarioSHA256: loaded.sha256, seed: scenario.run.seed,
            replications: scenario.run.replications, threads: results.threads,
            options: scenario.options.map(\.name), commandLine: CommandLine.arguments,
            startedAt: ISO8601DateFormatter().string(from: startedAt),
            wallSeconds: Date().timeIntervalSince(startedAt), files: [],
            study: StudyRecord(scenario: scenario, fileText: try? String(contentsOfFile: file, encoding: .utf8)))
        do {
            try ResultsWriter.write(results, runner: runner, to: URL(fileURLWithPath: folder), manifest: manifest)
        } catch {
            Terminal.standardError("sufficiency: \(error)")
            throw ExitCode.failure
        }
        if quiet {
            print(folder)
        } else {
            let first = CSVFormat.date(runner.calendar.date(ofDay: 0))
            let last = CSVFormat.date(runner.calendar.date(ofDay: scenario.calendar.horizonDays - 1))
            let replications = scenario.run.replications == 1 ? "1 replication" : "\(scenario.run.replications) replications"
            print(HeadlineTable.render(results, title: "\(scenario.name): \(replications), \(first) to \(last), whole county"))
            print("Results in \(folder)/ (\(ResultsWriter.files(for: results.layout).joined(separator: ", ")); "
                  + "report.html with its charts/)")
        }
    }
}
