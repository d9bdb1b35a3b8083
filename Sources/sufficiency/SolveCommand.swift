import ArgumentParser
import Foundation
import Sufficiency

/// `sufficiency solve FILE`: find the smallest input value at which a measure meets a target.
struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Find the smallest value of an input at which a measure meets a target in enough replications.",
        discussion: """
        Settings come from the scenario's solve: section, and the options below replace them. \
        The search is a bisection on the input over its range, assuming the measure gets better \
        as the input rises: both ends first, then halving the bracket until it is narrower than \
        the tolerance. Each evaluation runs every replication with the same seed (common random \
        numbers) and counts the replications meeting the target in every chosen window. Prints \
        the value found (to the digits its bracket supports), its bracket and the share meeting \
        the target with its 95% Clopper-Pearson interval; where that interval contains the \
        required share across more of the range than the bracket, the range in which the answer \
        is undecided and the replications that would narrow it (across more than ten \
        tolerances, the answer is reported as not resolved). When no value meets the target, \
        it prints the best share reached and where, and what stops it. It writes solve.csv and \
        manifest.json into the results folder (default results/NAME-solve). Ctrl-C (or SIGTERM) stops between replications and saves \
        the evaluations done beside the results folder; --resume continues from them, and the \
        files are the same bytes as a solve never stopped. See docs/EXPERIMENTS.md.

        Examples:
          sufficiency solve scenarios/quickstart-uplift.yaml
          sufficiency solve scenarios/quickstart-uplift.yaml --target-above 27.5 --probability 0.95
          sufficiency solve scenarios/quickstart-uplift.yaml --resume

        Exit status: 0 when a value is found, 1 when even the top of the range does not meet the \
        target (the evaluations are still written) or on other failures, 2 when the scenario, a flag's value or \
        the solve settings have problems (all are printed), 130 or 143 when stopped by Ctrl-C or \
        SIGTERM, 64 for a mistake on the command line.
        """
    )

    @OptionGroup var common: ExperimentOptions

    @Flag(help: "Continue a solve stopped by Ctrl-C or SIGTERM from the evaluations it saved.")
    var resume = false

    @Option(help: ArgumentHelp("Key path of the input to search (overrides solve.input).", valueName: "key.path"))
    var input: String?

    @Option(help: ArgumentHelp("The range searched (overrides solve.range).", valueName: "lo,hi"))
    var range: String?

    @Option(help: "Measure judged, e.g. unmet_hours (overrides solve.measure).")
    var measure: String?

    @Option(help: "Option whose results are judged (overrides solve.option).")
    var option: String?

    @Option(help: ArgumentHelp("every_financial_year, horizon or a window label such as 2025/26 (overrides solve.windows).", valueName: "windows"))
    var windows: String?

    @Option(name: .customLong("target-below"), help: "The measure must be below this (overrides solve.target).")
    var targetBelow: Double?

    @Option(name: .customLong("target-above"), help: "The measure must be above this (overrides solve.target).")
    var targetAbove: Double?

    @Option(help: "Share of replications that must meet the target (overrides solve.probability).")
    var probability: Double?

    @Option(help: "Stop when the bracket is narrower than this, in the input's unit (overrides solve.tolerance).")
    var tolerance: Double?

    func run() throws {
        let startedAt = Date()
        let file = try common.load()
        let flags = SolveOverrides(input: input, range: range, measure: measure, option: option, windows: windows,
                                   targetBelow: targetBelow, targetAbove: targetAbove, probability: probability,
                                   tolerance: tolerance)
        let settings: SolveSettings
        do {
            settings = try file.solveSettings(flags: flags)
        } catch {
            Terminal.standardError(error.description)
            throw ExitCode(2)
        }
        let run = try common.runSettings(file.base.scenario.run)
        let folder = common.folder(suffix: "solve")
        try common.checkDestination(folder)

        let resumption = try Resumption.open(SolveJob(settings: settings, run: run), folder: folder,
                                             scenarioSHA256: file.base.sha256, resume: resume, quiet: common.quiet)

        let expected = Solver.bisectionEvaluations(settings)
        let bar = common.quiet ? nil : ProgressBar(total: expected * run.replications, interactive: Terminal.standardErrorIsTerminal)
        if !common.quiet {
            Terminal.standardError("Solving \(file.base.scenario.name): \(settings.input) from \(CSVFormat.number(settings.low)) to "
                                   + "\(CSVFormat.number(settings.high)), at most \(expected) evaluations x \(run.replications) "
                                   + "replications, seed \(run.seed)\(OverridesText.clause(common.overrides)).")
        }
        var progress: (@Sendable (Int, Int, Int) -> Void)? = nil
        if let bar { progress = { evaluation, done, total in bar.update(min((evaluation - 1) * total + done, expected * total)) } }
        let interruption = Interruption()
        let result: SolveResult
        do {
            switch try Solver.solve(file, settings: settings, run: run, resuming: resumption.checkpoint, stop: interruption.stop,
                                    progress: progress) {
            case .finished(let finished):
                result = finished
            case .stopped(let stopped):
                try interruption.endStopped(stopped, of: resumption, folder: folder)
            case .exceeded(let error):
                Terminal.standardError("sufficiency: \(file.base.path): \(error)")
                throw ExitCode(2)
            }
        } catch let error as ScenarioError {
            Terminal.standardError(error.description)
            throw ExitCode(2)
        }
        var scenario = file.base.scenario
        scenario.run = run
        let threads = Runner(scenario: scenario).threadCount
        let manifest = common.manifest(file.base, run: run, threads: threads, startedAt: startedAt)
        try OutputFolderCheck.finish {
            try SolveWriter.write(result, to: URL(fileURLWithPath: folder), manifest: manifest)
        }
        // The results are complete, so a saved partial solve of them is of no further use.
        resumption.finish()
        let paragraph = SolveWriter.paragraph(result, seed: run.seed)
        if result.outcome == .highEndFails {
            Terminal.standardError("sufficiency: \(paragraph) Evaluations in \(folder)/solve.csv.")
            throw ExitCode.failure
        }
        print(paragraph)
        if !common.quiet { print("Results in \(folder)/ (solve.csv, manifest.json)") }
    }
}
