import ArgumentParser
import Foundation
import Sufficiency

/// `sufficiency select FILE`: which option has the best mean of a measure over the whole run,
/// with a stated probability of correct selection (KN).
struct SelectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "select",
        abstract: "Select the option with the best mean of a measure over the whole run, with a stated probability of being right.",
        discussion: """
        Runs Kim and Nelson's fully sequential procedure KN (2001): n0 replications of every \
        option, then one more at a time, eliminating after each replication any option whose \
        mean is worse than another's by more than KN's margin, which shrinks as replications \
        add up, until one option is left. It uses the variance of each pair's differences \
        replication by replication, so it is valid with the common random numbers every \
        option shares. With probability at least 1 − α it selects the option with the best \
        mean whenever that mean is better than every other's by at least δ (the indifference \
        zone, in the measure's unit: a difference you would not act on); within δ of the best, \
        any option it selects is good enough. Which way is better comes from the measure \
        (lower unmet need, higher delivered hours); give --better for a measure that has none. \
        If options are left at --max-replications, it names them and the best of them by mean, \
        and says the selection is not guaranteed. Replications are read in order, one at a \
        time, so the answer does not depend on --threads. It writes selection.csv and \
        manifest.json into the results folder (default results/NAME-select). It assumes each \
        option's whole-run value is roughly normal across replications. See docs/EXPERIMENTS.md.

        Examples:
          sufficiency select scenarios/wiltshire-home-care.yaml --measure unmet_hours --delta 50
          sufficiency select scenarios/quickstart.yaml --measure spend --delta 100000 --alpha 0.1 --n0 20

        Exit status: 0 when an option is selected, 1 when options are left at the maximum (the \
        results are still written) or on other failures, 2 when the scenario or a flag's value \
        has problems (all are printed), 130 or 143 when stopped by Ctrl-C or SIGTERM (nothing \
        is written), 64 for a mistake on the command line.
        """
    )

    @Argument(help: "Scenario file (YAML).")
    var file: String

    @Option(help: "Measure judged over the whole run, county-wide, e.g. unmet_hours.")
    var measure: String

    @Option(help: ArgumentHelp("The indifference zone δ, in the measure's unit: the smallest difference that matters.",
                               valueName: "delta"))
    var delta: Double

    @Option(help: ArgumentHelp("1 minus the least probability of correct selection (default 0.05, for 95%).",
                               valueName: "alpha"))
    var alpha: Double = SelectionSettings.defaultAlpha

    @Option(name: .customLong("n0"), help: ArgumentHelp("First-stage replications (default 10).", valueName: "n"))
    var firstStage: Int = SelectionSettings.defaultFirstStage

    @Option(name: .customLong("max-replications"),
            help: ArgumentHelp("Most replications to run (default 1000).", valueName: "n"))
    var maximumReplications: Int = SelectionSettings.defaultMaximum

    @Option(help: ArgumentHelp("lower or higher: which way is better (default: the measure's own).", valueName: "way"))
    var better: String?

    @Option(help: ArgumentHelp("Master seed, 0 to 18446744073709551615 (overrides run.seed).", valueName: "seed"))
    var seed: String?

    @Option(help: ArgumentHelp("Worker threads, 0 for one per core, at most 1024 (overrides run.threads). Results do not depend on it.",
                               valueName: "n"))
    var threads: String?

    @Option(help: "Results folder (default: results/<scenario name>-select).")
    var out: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a scenario value, e.g. demand.growth=0.05.", valueName: "key=value"))
    var overrides: [String] = []

    @Flag(help: "No progress bar.")
    var quiet = false

    func run() throws {
        let startedAt = Date()
        let loaded = try ScenarioFileLoading.load(file, overrides: overrides)
        ScenarioWarnings.print(loaded.warnings)
        let flags = RunFlags(seed: seed, threads: threads)
        var problems = flags.problems
        var settings: SelectionSettings?
        do {
            settings = try SelectionSettings.checked(measure: measure, better: better, delta: delta, alpha: alpha,
                                                     firstStage: firstStage, maximumReplications: maximumReplications,
                                                     layout: Runner(scenario: loaded.scenario).layout)
        } catch {
            problems += error.problems
        }
        guard problems.isEmpty, let settings else {
            Terminal.standardError(FlagError(problems).description)
            throw ExitCode(2)
        }
        var scenario = loaded.scenario
        scenario.run = try FlagChecking.applied(flags, to: scenario.run)
        scenario.run.replications = settings.maximumReplications
        let folder = out ?? "results/" + URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent + "-select"
        try OutputFolderCheck.prepare(folder)

        let threadCount = Runner(scenario: scenario).threadCount
        if !quiet {
            Terminal.standardError("Selecting the option with the \(settings.preference == .lower ? "lowest" : "highest") "
                                   + "\(settings.measure) of \(scenario.name) (KN, δ = \(CSVFormat.number(settings.delta)), "
                                   + "α = \(CSVFormat.number(settings.alpha))): \(scenario.options.count) options, "
                                   + "\(settings.firstStage) replications then one at a time up to "
                                   + "\(settings.maximumReplications), on \(threadCount) thread\(threadCount == 1 ? "" : "s"), "
                                   + "seed \(scenario.run.seed)\(OverridesText.clause(overrides)).")
        }
        let bar = quiet ? nil : ProgressBar(total: settings.maximumReplications, interactive: Terminal.standardErrorIsTerminal)
        var progress: (@Sendable (Int, Int) -> Void)? = nil
        if let bar { progress = { done, _ in bar.update(done) } }
        let interruption = Interruption()
        let result: SelectionResult
        do {
            switch try Selector.select(scenario, settings: settings, stop: interruption.stop, progress: progress) {
            case .finished(let finished):
                result = finished
            case .stopped(let replications):
                Terminal.standardError("Stopped after \(replications) replications, before an option was selected; "
                                       + "nothing was written to \(folder).")
                throw ExitCode(interruption.exitStatus)
            case .exceeded(let error):
                Terminal.standardError("sufficiency: \(loaded.path): \(error)")
                throw ExitCode(2)
            }
        } catch let error as Selector.UndefinedValue {
            Terminal.standardError("sufficiency: \(loaded.path): \(error).")
            throw ExitCode(2)
        }
        var manifest = Manifest(scenarioFile: file, scenarioSHA256: loaded.sha256, seed: scenario.run.seed,
                                replications: result.replications, threads: threadCount,
                                options: scenario.options.map(\.name), commandLine: CommandLine.arguments,
                                startedAt: ISO8601DateFormatter().string(from: startedAt),
                                wallSeconds: Date().timeIntervalSince(startedAt), files: [], overrides: overrides)
        manifest.warnings = ScenarioWarnings.recorded(loaded.warnings)
        try OutputFolderCheck.finish {
            try SelectionWriter.write(result, to: URL(fileURLWithPath: folder), manifest: manifest,
                                      scenarioName: scenario.name)
        }
        let paragraph = SelectionWriter.paragraph(result, seed: scenario.run.seed)
        if result.ending != .selected {
            Terminal.standardError("sufficiency: \(paragraph) Results in \(folder)/selection.csv.")
            throw ExitCode.failure
        }
        print(paragraph)
        if !quiet { print("Results in \(folder)/ (selection.csv, report.html, manifest.json)") }
    }
}
