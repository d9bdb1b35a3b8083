import ArgumentParser
import Foundation
import Sufficiency

/// `sufficiency sweep FILE`: run the scenario at every point of its `sweep:` section.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a scenario at every point of its sweep section and write one row per point and measure.",
        discussion: """
        The scenario's sweep: section lists the values to vary (any key path --set accepts) and \
        the design: a grid of listed values or ranges, a Latin hypercube, a Sobol sequence, or \
        saltelli (N base rows of a Sobol sequence, N x (parameters + 2) points) for Sobol \
        sensitivity indices; change it with --set, e.g. --set sweep.points=32. Every point is checked before any runs. \
        Every point runs with the same seed and replications (common random numbers), so \
        differences between points are the values' effect, not noise. Prints a table of each \
        point's headline measures over the whole run (mean [95% CI], at most 40 rows) and writes \
        sweep.csv, points.csv and manifest.json into the results folder (default results/NAME-sweep), with \
        the same rules as run for an existing folder; the same scenario and seed give \
        byte-identical files whatever the number of threads. Ctrl-C (or SIGTERM) stops between \
        replications and saves the points and replications done beside the results folder; \
        --resume continues from them, and the files are the same bytes as a sweep never stopped. \
        Each --target MEASURE OP NUMBER[@WINDOWS] (OP one of <, <=, >, >=; WINDOWS \
        every_financial_year, the default as in solve, horizon or a window label such as 2026/27) \
        counts, at every point and option, the replications whose county-wide measure meets it in \
        every chosen window: the table shows their share with its 95% Clopper-Pearson interval and \
        targets.csv has every count. A saltelli design also prints each headline measure's \
        first-order and total Sobol index per parameter with its 95% bootstrap interval and \
        writes every measure's into sensitivity.csv. `sufficiency report FOLDER` then draws each \
        measure and target share against each parameter, and a saltelli design's indices. See docs/EXPERIMENTS.md.

        Examples:
          sufficiency sweep scenarios/quickstart-uplift.yaml
          sufficiency sweep scenarios/quickstart-uplift.yaml --replications 50 --set 'sweep.parameters[1].values=[0.2, 0.3, 0.4]'
          sufficiency sweep scenarios/quickstart-uplift.yaml --target 'provider_exits<=2@horizon' --target 'unmet_hours<150'
          sufficiency sweep scenarios/quickstart-uplift.yaml --resume

        Exit status: 0 on success, 2 when the scenario, a flag's value or a sweep point has problems (all are \
        printed) or the saved sweep belongs to another, 64 for a mistake on the command line, \
        130 or 143 when stopped by Ctrl-C or SIGTERM, 1 for other failures.
        """
    )

    @OptionGroup var common: ExperimentOptions

    @Flag(help: "Continue a sweep stopped by Ctrl-C or SIGTERM from the points and replications it saved.")
    var resume = false

    @Option(name: .customLong("target"),
            help: ArgumentHelp("Count the replications meeting MEASURE OP NUMBER[@WINDOWS] at every point, e.g. 'provider_exits<=2@horizon' (repeatable).",
                               valueName: "target"))
    var targets: [String] = []

    func run() throws {
        let startedAt = Date()
        let file = try common.load()
        guard let settings = file.sweep else {
            Terminal.standardError("sufficiency: \(common.file) has no sweep section; add one (see docs/EXPERIMENTS.md) to say what to vary.")
            throw ExitCode(2)
        }
        let run = try common.runSettings(file.base.scenario.run)
        let plan: SweepPlan
        do {
            plan = try file.sweepPlan(settings, run: run)
        } catch {
            Terminal.standardError(error.description)
            throw ExitCode(2)
        }
        let targets: [SweepTarget]
        do {
            targets = try SweepTarget.read(self.targets, runner: Runner(scenario: plan.scenarios[0]), file: common.file)
        } catch {
            Terminal.standardError(error.description)
            throw ExitCode(2)
        }
        ScenarioWarnings.print(plan.warnings)
        let folder = common.folder(suffix: "sweep")
        try common.checkDestination(folder)

        let scenario = file.base.scenario
        let resumption = try Resumption.open(SweepJob(plan: plan, targets: targets), folder: folder,
                                             scenarioSHA256: file.base.sha256, resume: resume, quiet: common.quiet)
        let total = plan.points.count * run.replications
        let bar = common.quiet ? nil : ProgressBar(total: total, interactive: Terminal.standardErrorIsTerminal)
        if !common.quiet {
            let threads = Runner(scenario: plan.scenarios[0]).threadCount
            Terminal.standardError("Sweeping \(scenario.name): \(plan.points.count) points (\(settings.design.rawValue) over "
                                   + "\(settings.parameters.count) parameter\(settings.parameters.count == 1 ? "" : "s")) x "
                                   + "\(scenario.options.count) options x \(run.replications) replications on \(threads) threads, "
                                   + "seed \(run.seed)\(OverridesText.clause(common.overrides)).")
        }
        var progress: (@Sendable (Int, Int) -> Void)? = nil
        if let bar { progress = { done, _ in bar.update(done) } }
        let interruption = Interruption()
        let results: SweepResults
        switch SweepRunner.run(plan, targets: targets, resuming: resumption.checkpoint, stop: interruption.stop, progress: progress) {
        case .finished(let finished):
            results = finished
        case .stopped(let stopped):
            try interruption.endStopped(stopped, of: resumption, folder: folder)
        case .exceeded(let error):
            Terminal.standardError("sufficiency: \(file.base.path): \(error)")
            throw ExitCode(2)
        }

        var manifest = common.manifest(file.base, run: run, threads: results.threads, startedAt: startedAt)
        manifest.warnings = ScenarioWarnings.recorded(file.base.warnings + plan.warnings)
        try OutputFolderCheck.finish {
            try SweepWriter.write(results, to: URL(fileURLWithPath: folder), manifest: manifest)
        }
        // The results are complete, so a saved partial sweep of them is of no further use.
        resumption.finish()
        if common.quiet {
            print(folder)
        } else {
            print("\(scenario.name): \(plan.points.count) points, \(run.replications) replications each, common random numbers (seed \(run.seed)).")
            print(SweepText.render(results), terminator: "")
            print(SweepText.sensitivity(results), terminator: "")
            print("Results in \(folder)/ (\(SweepWriter.files(results).joined(separator: ", "))); "
                  + "charts: sufficiency report \(folder)")
        }
    }
}
