import Foundation
import Sufficiency

/// Runs a queued request in-process, on the worker thread the queue gave it, and writes its
/// results folder (workspace/runs/ID/results) whole, as the command line does, or nothing.
enum RunExecution {
    /// Runs `entry`'s request; returns how it ended and what to say about it.
    static func perform(_ entry: RunEntry, workspace: Workspace) -> (RunState, String?) {
        let request = entry.request
        let folder = workspace.resultsFolder(entry.id)
        let startedAt = Date()
        let progress: @Sendable (Int, Int) -> Void = { done, total in entry.progress(done, of: total) }
        do {
            switch request.kind {
            case .run:
                return try performRun(request, folder: folder, stop: entry.stop, startedAt: startedAt, progress: progress)
            case .sweep:
                return try performSweep(request, folder: folder, stop: entry.stop, startedAt: startedAt, progress: progress)
            case .solve:
                return try performSolve(request, folder: folder, stop: entry.stop, startedAt: startedAt, progress: progress)
            }
        } catch {
            return (.failed, String(describing: error))
        }
    }

    private static let cancelled = (RunState.cancelled, Optional("Cancelled; no results were written."))

    private static func performRun(_ request: RunRequest, folder: URL, stop: StopRequest, startedAt: Date,
                                   progress: @escaping @Sendable (Int, Int) -> Void) throws -> (RunState, String?) {
        let loaded = try ScenarioLoader.load(path: request.scenarioFile, overrides: request.overrides)
        try checkUnchanged(request, sha256: loaded.sha256)
        let runner = Runner(scenario: loaded.scenario)
        let simulationStarted = Date()
        switch runner.run(resuming: nil, stop: stop, progress: progress) {
        case .stopped:
            return cancelled
        case .exceeded(let error):
            return (.failed, "\(request.scenarioFile): \(error)")
        case .finished(let results):
            if stop.isStopped { return cancelled }
            var manifest = Manifest.run(results, runner: runner, scenarioFile: request.scenarioFile, sha256: loaded.sha256,
                                        includedFiles: loaded.includedFiles, commandLine: commandLine(request, folder),
                                        startedAt: startedAt, overrides: request.overrides, warnings: loaded.warnings)
            manifest.simulationSeconds = Date().timeIntervalSince(simulationStarted)
            try ResultsWriter.write(results, runner: runner, to: folder, manifest: manifest, xlsx: true)
            return (.finished, nil)
        }
    }

    private static func performSweep(_ request: RunRequest, folder: URL, stop: StopRequest, startedAt: Date,
                                     progress: @escaping @Sendable (Int, Int) -> Void) throws -> (RunState, String?) {
        let file = try ExperimentFile.load(path: request.scenarioFile, overrides: request.overrides, sections: .sweep)
        try checkUnchanged(request, sha256: file.base.sha256)
        guard let settings = file.sweep else { throw PreparationError.noSection(.sweep, request.scenario) }
        let run = file.base.scenario.run
        let plan = try file.sweepPlan(settings, run: run)
        switch SweepRunner.run(plan, resuming: nil, stop: stop, progress: progress) {
        case .stopped:
            return cancelled
        case .exceeded(let error):
            return (.failed, "\(request.scenarioFile): \(error)")
        case .finished(let results):
            if stop.isStopped { return cancelled }
            var manifest = Manifest.experiment(file.base, run: run, threads: results.threads,
                                               commandLine: commandLine(request, folder), startedAt: startedAt,
                                               overrides: request.overrides)
            manifest.warnings = (file.base.warnings + plan.warnings).map(\.description).nilIfEmpty
            try SweepWriter.write(results, to: folder, manifest: manifest)
            return (.finished, nil)
        }
    }

    private static func performSolve(_ request: RunRequest, folder: URL, stop: StopRequest, startedAt: Date,
                                     progress: @escaping @Sendable (Int, Int) -> Void) throws -> (RunState, String?) {
        let file = try ExperimentFile.load(path: request.scenarioFile, overrides: request.overrides, sections: .solve)
        try checkUnchanged(request, sha256: file.base.sha256)
        let settings = try file.solveSettings(flags: SolveOverrides())
        let run = file.base.scenario.run
        let expected = Solver.bisectionEvaluations(settings)
        let overall: @Sendable (Int, Int, Int) -> Void = { evaluation, done, each in
            progress(min((evaluation - 1) * each + done, expected * each), expected * each)
        }
        switch try Solver.solve(file, settings: settings, run: run, resuming: nil, stop: stop, progress: overall) {
        case .stopped:
            return cancelled
        case .exceeded(let error):
            return (.failed, "\(request.scenarioFile): \(error)")
        case .finished(let result):
            if stop.isStopped { return cancelled }
            var scenario = file.base.scenario
            scenario.run = run
            let manifest = Manifest.experiment(file.base, run: run, threads: Runner(scenario: scenario).threadCount,
                                               commandLine: commandLine(request, folder), startedAt: startedAt,
                                               overrides: request.overrides)
            try SolveWriter.write(result, to: folder, manifest: manifest)
            return (.finished, SolveWriter.paragraph(result, seed: run.seed))
        }
    }

    /// The request's command line with the results folder it wrote.
    private static func commandLine(_ request: RunRequest, _ folder: URL) -> [String] {
        request.commandLine + ["--out", folder.path]
    }

    /// Refuses to run a scenario file that changed after the run was asked for.
    private static func checkUnchanged(_ request: RunRequest, sha256: String) throws {
        guard sha256 == request.scenarioSHA256 else { throw ChangedScenario(file: request.scenarioFile) }
    }

    struct ChangedScenario: Error, CustomStringConvertible {
        let file: String
        var description: String {
            "\(file) changed after this run was asked for; ask for it again to run the file as it is now."
        }
    }
}

extension Array {
    var nilIfEmpty: [Element]? { isEmpty ? nil : self }
}
