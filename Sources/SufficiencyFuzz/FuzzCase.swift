import Foundation
import Sufficiency

/// One fuzzer input, loaded the way the tool loads a scenario file, with the checks that make
/// a wrong outcome crash (so libFuzzer reports it) instead of passing unnoticed: a rejection
/// must be a proper error message, and a scenario that loads must be one the engine accepts.
///
/// The input is the scenario file's bytes. Any line that starts with `#set ` (a YAML comment,
/// so the file stays a scenario) also becomes a `--set` override, at most four of them, so the
/// fuzzer reaches override parsing and application from the same corpus. Files the scenario
/// names resolve in `FuzzSandbox.folder`; an absolute path still reaches the real file system,
/// as it would for a user.
struct FuzzCase {
    let data: Data

    /// The prefix of a comment line that the harness turns into an override.
    static let overridePrefix = "#set "
    static let maximumOverrides = 4

    /// What one load gave, for `sufficiency-fuzz FILE` to print.
    enum Outcome: CustomStringConvertible {
        case loaded(String)
        case rejected(ScenarioError)

        var description: String {
            switch self {
            case .loaded(let name): "loaded scenario '\(name)'"
            case .rejected(let error): "rejected with \(error.issues.count) problem(s):\n\(error)"
            }
        }
    }

    /// The `--set` texts the input's `#set ` lines hold.
    var overrides: [String] {
        guard let text = String(data: data, encoding: .utf8) else { return [] }
        return text.split(whereSeparator: \.isNewline)
            .filter { $0.hasPrefix(FuzzCase.overridePrefix) }
            .prefix(FuzzCase.maximumOverrides)
            .map { String($0.dropFirst(FuzzCase.overridePrefix.count)) }
    }

    /// Loads the input as a scenario and, when it mentions a sweep, solve or ranking analysis,
    /// as an experiment; traps when a rejection is not a proper error message.
    @discardableResult
    func run() -> Outcome {
        let fileName = FuzzSandbox.folder.appendingPathComponent("fuzz.yaml").path
        let outcome: Outcome
        do {
            let loaded = try ScenarioLoader.load(data: data, fileName: fileName, baseDirectory: FuzzSandbox.folder,
                                                 overrides: overrides)
            precondition(loaded.sha256.count == 64, "a loaded scenario has no fingerprint")
            // A scenario that passes validation must be one the engine can set up (its calendar,
            // result layout and option plans) and run: one short replication, within a budget.
            _ = Runner(scenario: loaded.scenario)
            FuzzCase.runShort(loaded.scenario)
            outcome = .loaded(loaded.scenario.name)
        } catch {
            FuzzCase.check(error, fileName: fileName)
            outcome = .rejected(error)
        }
        // The experiment sections are read only when one is named; reading them loads the
        // scenario again, so the rest of the corpus does not pay for it.
        if let text = String(data: data, encoding: .utf8),
           text.contains("sweep") || text.contains("solve") || text.contains("ranking_sensitivity") {
            do {
                let experiment = try ExperimentFile.load(yaml: text, fileName: fileName, overrides: overrides)
                // As with the scenario: a sweep that passes must have a design that can be made,
                // and a ranking section its scenario at every end.
                _ = experiment.sweep?.designPoints(seed: experiment.base.scenario.run.seed)
                if let ranking = experiment.ranking {
                    _ = try experiment.rankingPlan(ranking, run: experiment.base.scenario.run)
                }
            } catch {
                FuzzCase.check(error, fileName: fileName)
            }
        }
        return outcome
    }

    /// Days of the short run every accepted scenario gets: four weeks, and as much warm-up.
    static let shortRunDays = 28
    /// The engine's budget for the short run: enough for any scenario's first four weeks unless
    /// its caseload is in the millions, small enough for libFuzzer's 10 s and 2 GB an input.
    static let shortRunBudget = ReplicationBudget(events: 5_000_000, bytes: 512 << 20)

    /// Runs one replication of `scenario`, on one thread, cut to `shortRunDays` (and at most as
    /// much warm-up), within `shortRunBudget`: a crash, hang or runaway memory in the engine is
    /// then libFuzzer's finding. Going past the budget is the engine's own answer, not a finding.
    static func runShort(_ scenario: Scenario) {
        var short = scenario
        short.calendar.horizonDays = min(short.calendar.horizonDays, shortRunDays)
        short.calendar.warmUpDays = min(short.calendar.warmUpDays, shortRunDays)
        short.run.replications = 1
        short.run.threads = 1
        let runner = Runner(scenario: short)
        runner.budget = shortRunBudget
        do {
            let results = try runner.run(replications: 0..<1)
            precondition(results.replications == 1, "a short run did not give one replication")
        } catch {
            precondition(!error.description.isEmpty, "a budget error without a message")
        }
    }

    /// Traps unless `error` is what a user should see: at least one issue, every one with a
    /// message, and a description that names the file.
    static func check(_ error: ScenarioError, fileName: String) {
        precondition(!error.issues.isEmpty, "a ScenarioError with no issues")
        for issue in error.issues {
            precondition(!issue.message.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
                         "an issue with an empty message at \(issue.keyPath)")
        }
        precondition(error.description.contains(fileName), "the error does not name the file")
    }
}
