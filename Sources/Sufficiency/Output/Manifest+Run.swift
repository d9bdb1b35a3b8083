import Foundation

extension Manifest {
    /// The manifest of a run's results folder, as `sufficiency run` and the workbench write it:
    /// the scenario's fingerprint, the run settings used, the study record (what was run, with
    /// the assumptions the scenario and its included files mark) and the overrides.
    ///
    /// - Parameters:
    ///   - scenarioFile: the scenario file as the user named it; its text is read for the study
    ///     record.
    ///   - commandLine: the command that ran it (for the workbench, the equivalent command line).
    ///   - startedAt: when the run started; the wall time runs from it to now.
    ///   - overrides: the `--set` texts the scenario was run with.
    ///   - warnings: the scenario's warnings, recorded as printed (no key when there are none).
    public static func run(_ results: RunResults, runner: Runner, scenarioFile: String, sha256: String,
                           includedFiles: [IncludedFile], commandLine: [String], startedAt: Date,
                           overrides: [String], warnings: [ScenarioWarning]) -> Manifest {
        let scenario = runner.scenario
        var manifest = Manifest(
            scenarioFile: scenarioFile, scenarioSHA256: sha256, seed: scenario.run.seed,
            replications: scenario.run.replications, threads: results.threads,
            options: scenario.options.map(\.name), commandLine: commandLine,
            startedAt: ISO8601DateFormatter().string(from: startedAt),
            wallSeconds: Date().timeIntervalSince(startedAt), files: [],
            study: StudyRecord(scenario: scenario, fileText: try? String(contentsOfFile: scenarioFile, encoding: .utf8),
                               includedFiles: includedFiles),
            overrides: overrides)
        manifest.warnings = warnings.isEmpty ? nil : warnings.map(\.description)
        return manifest
    }
}

extension Manifest {
    /// The manifest of a sweep's or a solve's folder: the scenario's fingerprint, the run settings
    /// every point or evaluation used, and the overrides. The sweep's warnings and the experiment
    /// record are added by the caller and the writer.
    public static func experiment(_ loaded: LoadedScenario, run: RunSettings, threads: Int, commandLine: [String],
                                  startedAt: Date, overrides: [String]) -> Manifest {
        var manifest = Manifest(scenarioFile: loaded.path, scenarioSHA256: loaded.sha256, seed: run.seed,
                                replications: run.replications, threads: threads,
                                options: loaded.scenario.options.map(\.name), commandLine: commandLine,
                                startedAt: ISO8601DateFormatter().string(from: startedAt),
                                wallSeconds: Date().timeIntervalSince(startedAt), files: [], overrides: overrides)
        manifest.warnings = loaded.warnings.isEmpty ? nil : loaded.warnings.map(\.description)
        return manifest
    }
}
