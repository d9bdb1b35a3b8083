import ArgumentParser
import Foundation
import Sufficiency

/// `sufficiency run FILE`: simulate every option and write the results folder.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a scenario's replications under every option and write results.",
        discussion: """
        Writes summary.csv, bands.csv, replications.csv, comparison.csv, providers.csv (home \
        care), manifest.json and report.html (with its charts as SVG files in charts/) into the results \
        folder (default results/NAME, NAME being the scenario file's name), replacing it only once \
        every file is complete. An existing folder is replaced only if it is an earlier \
        results folder (its manifest.json was written by sufficiency). The same scenario and seed give byte-identical CSV files whatever \
        the number of threads.

        Ctrl-C (or SIGTERM) stops the run after the replications in hand, writes nothing to the \
        results folder and saves the finished replications beside it; --resume continues from \
        them and gives the same bytes as a run never stopped. --shard K/N runs only a fixed \
        share of the replications, for `sufficiency merge` (see docs/CLUSTER.md).

        Examples:
          sufficiency run scenarios/wiltshire-home-care.yaml
          sufficiency run scenarios/quickstart.yaml --replications 50 --seed 7
          sufficiency run scenarios/quickstart.yaml --out results/quick
          sufficiency run scenarios/quickstart.yaml --set demand.growth=0.05
          sufficiency run scenarios/wiltshire-home-care.yaml --resume
          sufficiency run scenarios/wiltshire-home-care.yaml --shard 3/10

        Exit status: 0 on success, 2 when the scenario or a flag's value has problems (all are \
        printed), 64 for a mistake on the command line, 130 or 143 when stopped by Ctrl-C or \
        SIGTERM, 1 for other failures.
        """
    )

    @Argument(help: "Scenario file (YAML).")
    var file: String

    @Option(help: ArgumentHelp("Replications, 1 to 1000000 (overrides run.replications).", valueName: "n"))
    var replications: String?

    @Option(help: ArgumentHelp("Master seed, 0 to 18446744073709551615 (overrides run.seed).", valueName: "seed"))
    var seed: String?

    @Option(help: "Results folder (default: results/<scenario name>).")
    var out: String?

    @Option(help: ArgumentHelp("Worker threads, 0 for one per core, at most 1024 (overrides run.threads). Results do not depend on it.",
                               valueName: "n"))
    var threads: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a scenario value, e.g. demand.growth=0.05.", valueName: "key=value"))
    var overrides: [String] = []

    @Flag(help: "No progress bar or table; print only the results folder.")
    var quiet = false

    @Option(help: ArgumentHelp("Run only shard K of N of the replications and write a shard folder for `sufficiency merge` "
                               + "(default folder results/NAME-shard-K-of-N).", valueName: "K/N"))
    var shard: String?

    @Flag(help: "Continue a run that was stopped (Ctrl-C or SIGTERM) from the replications it had finished.")
    var resume = false

    func validate() throws {
        if resume && shard != nil { throw ValidationError("--resume and --shard cannot be used together; run the shard again.") }
    }

    /// The run settings given as flags, checked in `perform` against their scenario keys' limits.
    var runFlags: RunFlags { RunFlags(replications: replications, seed: seed, threads: threads) }

    func run() throws {
        try perform(requireCoverage: false)
    }

    /// Runs the scenario and writes its results; with `requireCoverage`, a scenario without a
    /// `coverage` section is refused first (the `coverage` command).
    func perform(requireCoverage: Bool) throws {
        let startedAt = Date()
        try FlagChecking.check(runFlags, shard: shard)
        let loaded = try ScenarioFileLoading.load(file, overrides: overrides)
        if requireCoverage && loaded.scenario.coverage == nil {
            Terminal.standardError("\(file): the scenario has no coverage section; add one (see docs/SCENARIO-FORMAT.md, "
                                   + "coverage) to analyse zone coverage, e.g. coverage: {standard_minutes: 20}, with a centroid "
                                   + "for every zone or a travel_matrix.")
            throw ExitCode(2)
        }
        ScenarioWarnings.print(loaded.warnings)
        // Run settings from flags are recorded in the manifest, not folded into the
        // scenario's hash: the hash identifies the scenario, not how it was run.
        var scenario = loaded.scenario
        scenario.run = try FlagChecking.applied(runFlags, to: scenario.run)
        let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let part = shard.flatMap { try? Shard(parsing: $0) }
        let folder = out ?? "results/" + name + (part.map { "-shard-\($0.index)-of-\($0.count)" } ?? "")
        try OutputFolderCheck.prepare(folder)
        let runner = Runner(scenario: scenario)
        if let part {
            try ShardRun(shard: part, runner: runner, loaded: loaded, file: file, overrides: overrides, folder: folder,
                         quiet: quiet).perform(startedAt: startedAt)
            return
        }

        let destination = URL(fileURLWithPath: folder)
        let saved = RunCheckpoint.location(for: destination)
        var checkpoint: RunCheckpoint? = nil
        if resume {
            do {
                checkpoint = try RunCheckpoint.read(from: saved, runner: runner, scenarioSHA256: loaded.sha256)
            } catch {
                Terminal.standardError("sufficiency: \(saved.path): \(error)")
                throw ExitCode(2)
            }
            if !quiet {
                Terminal.standardError(checkpoint.map { "Resuming \(folder) from \($0.completed) of \(scenario.run.replications) replications done." }
                                       ?? "No stopped run of \(folder) to resume; starting from the first replication.")
            }
        }

        let bar = quiet ? nil : ProgressBar(total: scenario.run.replications, interactive: Terminal.standardErrorIsTerminal)
        if !quiet {
            Terminal.standardError("Running \(scenario.name): \(scenario.options.count) options x \(scenario.run.replications) replication\(scenario.run.replications == 1 ? "" : "s") on \(runner.threadCount) threads, seed \(scenario.run.seed).")
        }
        var progress: (@Sendable (Int, Int) -> Void)? = nil
        if let bar { progress = { done, _ in bar.update(done) } }
        let interruption = Interruption()
        let results: RunResults
        let simulationStarted = Date()
        switch runner.run(resuming: checkpoint, stop: interruption.stop, progress: progress) {
        case .finished(let finished):
            results = finished
        case .stopped(let stopped):
            try interruption.endStopped(done: "\(stopped.completed) of \(scenario.run.replications) replications",
                                        kept: "replications", folder: folder, saved: saved,
                                        nothingDone: stopped.completed == 0) {
                try stopped.write(to: saved, runner: runner, scenarioSHA256: loaded.sha256)
            }
        case .exceeded(let error):
            Terminal.standardError("sufficiency: \(file): \(error)")
            throw ExitCode(2)
        }
        let simulationSeconds = Date().timeIntervalSince(simulationStarted)

        try ResultsOutput.write(results, runner: runner, scenarioFile: file, sha256: loaded.sha256,
                                includedFiles: loaded.includedFiles, warnings: loaded.warnings, folder: folder,
                                startedAt: startedAt, quiet: quiet, simulationSeconds: simulationSeconds)
        // The results are complete, so a saved partial run of them is of no further use.
        RunCheckpoint.remove(at: saved)
    }
}
