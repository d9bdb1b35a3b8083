import ArgumentParser
import Foundation
import Sufficiency

/// The arguments `sweep` and `solve` share with `run`: the scenario, run settings, results
/// folder and overrides.
struct ExperimentOptions: ParsableArguments {
    @Argument(help: "Scenario file (YAML).")
    var file: String

    @Option(help: ArgumentHelp("Replications at every point, 1 to 1000000 (overrides run.replications).", valueName: "n"))
    var replications: String?

    @Option(help: ArgumentHelp("Master seed, the same at every point, 0 to 18446744073709551615 (overrides run.seed).",
                               valueName: "seed"))
    var seed: String?

    @Option(help: "Results folder (default: results/<scenario name>-<command>).")
    var out: String?

    @Option(help: ArgumentHelp("Worker threads, 0 for one per core, at most 1024 (overrides run.threads). Results do not depend on it.",
                               valueName: "n"))
    var threads: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a scenario value, e.g. demand.growth=0.05 or sweep.points=32.", valueName: "key=value"))
    var overrides: [String] = []

    @Flag(help: "No progress bar.")
    var quiet = false

    /// The run settings given as flags, checked by `load` against their scenario keys' limits.
    var runFlags: RunFlags { RunFlags(replications: replications, seed: seed, threads: threads) }

    /// The scenario's run settings with the flags applied: every point or evaluation uses them.
    func runSettings(_ base: RunSettings) throws -> RunSettings {
        try FlagChecking.applied(runFlags, to: base)
    }

    /// The results folder: `--out`, or results/<scenario name>-<suffix>.
    func folder(suffix: String) -> String {
        out ?? "results/" + URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent + "-" + suffix
    }

    /// Loads the scenario and its experiment sections, turning problems into exit status 2
    /// with every problem printed to standard error.
    func load() throws -> ExperimentFile {
        try FlagChecking.check(runFlags)
        do {
            let experiment = try ExperimentFile.load(path: file, overrides: overrides)
            ScenarioWarnings.print(experiment.base.warnings)
            return experiment
        } catch {
            Terminal.standardError(error.description)
            throw ExitCode(2)
        }
    }

    /// Stops with status 1 unless the results folder may be (re)placed; see
    /// `OutputFolderCheck.prepare`.
    func checkDestination(_ folder: String) throws {
        try OutputFolderCheck.prepare(folder)
    }

    func manifest(_ loaded: LoadedScenario, run: RunSettings, threads: Int, startedAt: Date) -> Manifest {
        Manifest.experiment(loaded, run: run, threads: threads, commandLine: CommandLine.arguments, startedAt: startedAt,
                            overrides: overrides)
    }
}
