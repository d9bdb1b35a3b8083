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

        A scenario with a ranking_sensitivity section then runs its ranking analysis: each \
        input at the low and the high end of its range, every option, with the same seed, and \
        writes ranking.csv with the other files and "What decides the ranking" after the table \
        (see docs/EXPERIMENTS.md); --no-ranking leaves it out.

        --xlsx also writes results.xlsx, an Excel workbook for finance officers: the headline \
        comparison, financial-year tables by option (and by zone), the money measures, each \
        provider's figures and native Excel charts (see docs/OUTPUTS.md).

        --warm-up auto chooses calendar.warm_up_days by MSER-5 from a pilot run with none (at \
        least 100 replications), for scenarios that study a steady state; a run whose scenario \
        has a warm-up warns when MSER-5 finds it too short (see docs/EXPERIMENTS.md).

        --precision 0.05 runs replications until the 95% interval of each judged measure \
        (--precision-measures, default unmet_hours and spend, or unmet_days and spend for day \
        opportunities; county-wide, over the whole run or, with --precision-windows \
        every_financial_year, in each financial year too) is within ±5% of its mean under every option, \
        by the sequential procedure of Hoad, Robinson & Davies (2010) with its look-ahead, at \
        most --max-replications (default 1000); --precision-absolute makes the value a \
        half-width in the measures' unit. The results are those of a run of the replications \
        it stopped at, to the last bit; the manifest's precision key says how many were needed \
        and why it stopped (see docs/EXPERIMENTS.md).

        Ctrl-C (or SIGTERM) stops the run after the replications in hand, writes nothing to the \
        results folder and saves the finished replications beside it; --resume continues from \
        them and gives the same bytes as a run never stopped. --shard K/N runs only a fixed \
        share of the replications, for `sufficiency merge` (see docs/CLUSTER.md); shards leave \
        the ranking analysis out.

        Examples:
          sufficiency run scenarios/wiltshire-home-care.yaml
          sufficiency run scenarios/quickstart.yaml --replications 50 --seed 7
          sufficiency run scenarios/quickstart.yaml --out results/quick
          sufficiency run scenarios/quickstart.yaml --set demand.growth=0.05
          sufficiency run scenarios/wiltshire-home-care.yaml --resume
          sufficiency run scenarios/wiltshire-home-care.yaml --no-ranking
          sufficiency run scenarios/quickstart.yaml --precision 0.02 --max-replications 500
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

    @Flag(name: .customLong("no-ranking"),
          help: "Leave out the scenario's ranking_sensitivity analysis (ranking.csv and \"What decides the ranking\"); the section is not read.")
    var noRanking = false

    @Flag(help: "Also write results.xlsx, an Excel workbook of the headline comparison, financial-year and money tables, and charts.")
    var xlsx = false

    @Option(name: .customLong("warm-up"),
            help: ArgumentHelp("auto: choose the warm-up by MSER-5 from a pilot run with none (at least 100 replications), "
                               + "instead of calendar.warm_up_days.", valueName: "auto"))
    var warmUp: String?

    @Option(name: .customLong("warm-up-measures"),
            help: ArgumentHelp("The measures MSER-5 judges the warm-up by, comma-separated (default: in_care,waiting).",
                               valueName: "names"))
    var warmUpMeasures: String?

    @Option(help: ArgumentHelp("Run replications until the 95% interval of each judged measure is within this share of its "
                               + "mean, e.g. 0.05 for ±5%, under every option (Hoad, Robinson & Davies 2010).",
                               valueName: "share"))
    var precision: String?

    @Option(name: .customLong("precision-measures"),
            help: ArgumentHelp("The measures --precision judges, comma-separated (default: unmet_hours,spend; "
                               + "unmet_days,spend for day opportunities).", valueName: "names"))
    var precisionMeasures: String?

    @Option(name: .customLong("precision-windows"),
            help: ArgumentHelp("Where --precision judges the measures: whole_run (the default) or every_financial_year "
                               + "(each financial year and the whole run).", valueName: "windows"))
    var precisionWindows: String?

    @Flag(name: .customLong("precision-absolute"),
          help: "Read --precision as a half-width in the measures' own unit (e.g. 50 hours) rather than a share of the mean.")
    var precisionAbsolute = false

    @Option(name: .customLong("max-replications"),
            help: ArgumentHelp("Most replications a run with --precision may take, 3 to 1000000 (default 1000).",
                               valueName: "n"))
    var maxReplications: String?

    func validate() throws {
        if precision != nil && shard != nil {
            throw ValidationError("--precision and --shard cannot be used together; a shard runs a fixed share of a fixed count: "
                                  + "run with --precision once to find the count, then shard --replications N.")
        }
        if precision != nil && replications != nil {
            throw ValidationError("--precision and --replications cannot be used together; give the most replications "
                                  + "with --max-replications.")
        }
        if precision == nil && (precisionMeasures != nil || precisionWindows != nil || precisionAbsolute || maxReplications != nil) {
            throw ValidationError("--precision-measures, --precision-windows, --precision-absolute and --max-replications "
                                  + "need --precision.")
        }
        if resume && shard != nil { throw ValidationError("--resume and --shard cannot be used together; run the shard again.") }
        if let warmUp, warmUp != "auto" {
            throw ValidationError("--warm-up takes 'auto' (choose it by MSER-5); give a number of days as --set calendar.warm_up_days=\(warmUp).")
        }
        if xlsx && shard != nil {
            throw ValidationError("--xlsx and --shard cannot be used together; a shard has no results yet: pass --xlsx to `sufficiency merge`.")
        }
    }

    /// The run settings given as flags, checked in `perform` against their scenario keys' limits.
    var runFlags: RunFlags { RunFlags(replications: replications, seed: seed, threads: threads) }

    func run() throws {
        try performChoosingWarmUp(requireCoverage: false)
    }

    /// `perform`, after choosing the warm-up by MSER-5 when `--warm-up auto` asks: the chosen days
    /// join the overrides, so the run, its manifest and a resumed run all use them.
    func performChoosingWarmUp(requireCoverage: Bool) throws {
        guard warmUp != nil else { return try perform(requireCoverage: requireCoverage, warmUp: nil) }
        let chosen = try WarmUpChoice.choose(for: self)
        var command = self
        command.overrides.append("calendar.warm_up_days=\(chosen.days)")
        try command.perform(requireCoverage: requireCoverage, warmUp: chosen)
    }

    /// Runs the scenario and writes its results; with `requireCoverage`, a scenario without a
    /// `coverage` section is refused first (the `coverage` command). `warmUp` is the warm-up
    /// `--warm-up auto` chose, for the manifest.
    func perform(requireCoverage: Bool, warmUp chosenWarmUp: WarmUpRecord?) throws {
        let startedAt = Date()
        let (precisionChoice, precisionProblems) = PrecisionChoice.read(self)
        try FlagChecking.check(runFlags, shard: shard, also: precisionProblems)
        // Shards leave the ranking analysis out: it runs on whole results, not a share of them.
        let experiment = noRanking || shard != nil ? nil : try loadWithRanking()
        let loaded = try experiment?.base ?? ScenarioFileLoading.load(file, overrides: overrides)
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
        if let precisionChoice { scenario.run.replications = precisionChoice.maximum }
        // Checked in full, every end of every input, before anything runs or is written.
        let rankingPlan = try experiment.flatMap { try plan(of: $0, run: scenario.run) }
        let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let part = shard.flatMap { try? Shard(parsing: $0) }
        let folder = out ?? "results/" + name + (part.map { "-shard-\($0.index)-of-\($0.count)" } ?? "")
        try OutputFolderCheck.prepare(folder)
        let runner = Runner(scenario: scenario)
        let precisionWanted = precisionChoice?.settled(layout: runner.layout)
        if let precisionWanted {
            do {
                _ = try precisionWanted.settings.measureIndices(layout: runner.layout)
            } catch {
                Terminal.standardError("sufficiency: --precision-measures: \(error.description)")
                throw ExitCode(2)
            }
        }
        if let part {
            try ShardRun(shard: part, runner: runner, loaded: loaded, file: file, overrides: overrides, folder: folder,
                         quiet: quiet).perform(startedAt: startedAt)
            return
        }

        let resumption = try Resumption.open(RunJob(runner: runner, toPrecision: precisionChoice != nil), folder: folder,
                                             scenarioSHA256: loaded.sha256, resume: resume, quiet: quiet)
        let checkpoint = resumption.checkpoint

        let bar = quiet ? nil : ProgressBar(total: scenario.run.replications, interactive: Terminal.standardErrorIsTerminal)
        if !quiet, let precisionWanted {
            Terminal.standardError("Running \(scenario.name): \(scenario.options.count) options x \(precisionWanted.plan) on \(runner.threadCount) threads, seed \(scenario.run.seed)\(OverridesText.clause(overrides)).")
        } else if !quiet {
            Terminal.standardError("Running \(scenario.name): \(scenario.options.count) options x \(scenario.run.replications) replication\(scenario.run.replications == 1 ? "" : "s") on \(runner.threadCount) threads, seed \(scenario.run.seed)\(OverridesText.clause(overrides)).")
        }
        var progress: (@Sendable (Int, Int) -> Void)? = nil
        if let bar { progress = { done, _ in bar.update(done) } }
        let interruption = Interruption()
        let results: RunResults
        var precisionRecord: PrecisionRecord? = nil
        let simulationStarted = Date()
        let outcome: Runner.Outcome
        if let precisionWanted {
            // The measures were checked above, so the run cannot refuse them.
            switch try runner.run(precision: precisionWanted.settings, resuming: checkpoint, stop: interruption.stop,
                                  progress: progress) {
            case .finished(let finished, let record):
                outcome = .finished(finished)
                precisionRecord = record
            case .stopped(let stopped): outcome = .stopped(stopped)
            case .exceeded(let error): outcome = .exceeded(error)
            }
        } else {
            outcome = runner.run(resuming: checkpoint, stop: interruption.stop, progress: progress)
        }
        switch outcome {
        case .finished(let finished):
            results = finished
        case .stopped(let stopped):
            try interruption.endStopped(stopped, of: resumption, folder: folder)
        case .exceeded(let error):
            Terminal.standardError("sufficiency: \(file): \(error)")
            throw ExitCode(2)
        }
        let simulationSeconds = Date().timeIntervalSince(simulationStarted)
        // A run to a precision is written, and its ranking analysis planned, as a run of the
        // replications it stopped at; a checkpoint keeps the maximum, as `--resume` reads it.
        var written = runner
        var finalPlan = rankingPlan
        if let precisionRecord {
            var settled = scenario
            settled.run.replications = precisionRecord.replicationsRun
            written = Runner(scenario: settled)
            bar?.end()
            if !quiet { Terminal.standardError(precisionRecord.sentence) }
            if let experiment, let settings = experiment.ranking, rankingPlan != nil {
                do {
                    finalPlan = try experiment.rankingPlan(settings, run: settled.run)
                } catch {
                    Terminal.standardError(error.description)
                    throw ExitCode(2)
                }
            }
        }
        let ranking = try finalPlan.map {
            try rank($0, results: results, runner: written, interruption: interruption, folder: folder,
                     resumption: resumption)
        }

        let warmUpRecord = WarmUpChoice.review(results, scenario: scenario, chosen: chosenWarmUp,
                                               measuresFlag: warmUpMeasures, file: file)
        try ResultsOutput.write(results, runner: written, scenarioFile: file, sha256: loaded.sha256,
                                includedFiles: loaded.includedFiles,
                                warnings: loaded.warnings + (rankingPlan?.warnings ?? []), folder: folder,
                                startedAt: startedAt, quiet: quiet, simulationSeconds: simulationSeconds, ranking: ranking,
                                overrides: overrides, coverage: requireCoverage, xlsx: xlsx, warmUp: warmUpRecord,
                                precision: precisionRecord)
        // The results are complete, so a saved partial run of them is of no further use.
        resumption.finish()
    }

    // MARK: - Ranking analysis

    /// The scenario with its ranking_sensitivity section (and no other experiment section: run
    /// ignores sweeps and solves), or exit status 2 with every problem printed.
    private func loadWithRanking() throws -> ExperimentFile {
        do {
            return try ExperimentFile.load(path: file, overrides: overrides, sections: .ranking)
        } catch {
            Terminal.standardError(error.description)
            throw ExitCode(2)
        }
    }

    /// The ranking analysis of `experiment`'s section under `run`, its warnings printed; nil
    /// without a section; exit status 2 with every problem printed when it has any.
    private func plan(of experiment: ExperimentFile, run: RunSettings) throws -> RankingPlan? {
        guard let settings = experiment.ranking else { return nil }
        do {
            let plan = try experiment.rankingPlan(settings, run: run)
            ScenarioWarnings.print(plan.warnings)
            return plan
        } catch {
            Terminal.standardError(error.description)
            throw ExitCode(2)
        }
    }

    /// Runs the ranking analysis after the main run. Stopped part way, it saves the main run's
    /// replications (all of them) for `--resume`, which runs the analysis again, as a stopped run
    /// of `resumption`'s job (for a run to a precision, the maximum, as `--resume` reads it).
    private func rank(_ plan: RankingPlan, results: RunResults, runner: Runner, interruption: Interruption,
                      folder: String, resumption: Resumption<RunJob>) throws -> RankingOutcome {
        let total = plan.evaluations * plan.replications
        let bar = quiet ? nil : ProgressBar(total: total, interactive: Terminal.standardErrorIsTerminal)
        if !quiet {
            let inputs = plan.ends.count
            Terminal.standardError("Testing what decides the ranking: \(inputs) input\(inputs == 1 ? "" : "s") at 2 ends "
                                   + "and the scenario's own values, \(plan.evaluations) scenarios x \(plan.options.count) "
                                   + "options x \(plan.replications) replications, seed \(plan.base.run.seed).")
        }
        var progress: (@Sendable (Int, Int) -> Void)? = nil
        if let bar { progress = { done, _ in bar.update(done) } }
        switch RankingRunner.run(plan, stop: interruption.stop, progress: progress) {
        case .finished(var outcome):
            let means = plan.options.indices.map {
                results.summary(option: $0, window: plan.window, measure: plan.measureName)?.mean ?? .nan
            }
            outcome.mainBest = RankingOutcome.best(means, better: plan.better)
            outcome.mainReplications = results.replications
            return outcome
        case .stopped(let done):
            let replications = runner.scenario.run.replications
            try interruption.endStopped(done: "all \(replications) replications and \(done) of the ranking analysis's "
                                            + "\(plan.evaluations) scenarios (--resume runs the analysis again)",
                                        kept: RunJob.kept, folder: folder, saved: resumption.location) {
                guard let checkpoint = RunCheckpoint.finished(results) else { return }
                try resumption.save(checkpoint)
            }
        case .exceeded(let error):
            Terminal.standardError("sufficiency: \(file): ranking analysis: \(error)")
            throw ExitCode(2)
        }
    }
}
