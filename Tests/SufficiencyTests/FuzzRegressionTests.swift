import Foundation
import Testing
import Sufficiency

/// Every input in `Tests/Fixtures/fuzz-regressions/` — crashes, hangs and memory blow-ups the
/// fuzzer found (`scripts/fuzz` copies each one there), and inputs that reached deep error
/// paths — loads as the fuzzing harness loads it and comes back: a scenario the engine can
/// set up, or a `ScenarioError` whose messages say what is wrong and name the file.
///
/// As in the harness, each line starting with `#set ` is also a `--set` override, and a file
/// that mentions a sweep or solve is read as an experiment too.
@Suite struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz-regressions")

    /// The inputs, by file name (the folder's README aside).
    static let inputs: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix("README") && !$0.hasPrefix(".") }.sorted()
    }()

    @Test func theFolderHasInputs() {
        #expect(FuzzRegressionTests.inputs.count >= 2, "no inputs in \(FuzzRegressionTests.folder.path)")
    }

    @Test(arguments: FuzzRegressionTests.inputs)
    func loadsOrExplains(_ name: String) throws {
        let path = FuzzRegressionTests.folder.appendingPathComponent(name).path
        let data = try #require(FileManager.default.contents(atPath: path))
        let overrides = (String(data: data, encoding: .utf8) ?? "").split(whereSeparator: \.isNewline)
            .filter { $0.hasPrefix("#set ") }.prefix(4).map { String($0.dropFirst(5)) }
        do {
            let loaded = try ScenarioLoader.load(path: path, overrides: overrides)
            _ = Runner(scenario: loaded.scenario)
            runsShort(loaded.scenario)
        } catch {
            expectExplains(error, path: path)
        }
        if let text = String(data: data, encoding: .utf8), text.contains("sweep") || text.contains("solve") {
            do {
                let experiment = try ExperimentFile.load(path: path, overrides: overrides)
                _ = experiment.sweep?.designPoints(seed: experiment.base.scenario.run.seed)
            } catch {
                expectExplains(error, path: path)
            }
        }
    }

    func expectExplains(_ error: ScenarioError, path: String) {
        #expect(!error.issues.isEmpty)
        for issue in error.issues {
            #expect(!issue.message.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(issue)")
        }
        #expect(error.description.contains(path))
    }

    /// As the harness does: one replication of `scenario`, four weeks long (and at most four
    /// weeks of warm-up), on one thread, ends within a small budget, or says why not.
    private func runsShort(_ scenario: Scenario) {
        var short = scenario
        short.calendar.horizonDays = min(short.calendar.horizonDays, 28)
        short.calendar.warmUpDays = min(short.calendar.warmUpDays, 28)
        short.run.replications = 1
        short.run.threads = 1
        let runner = Runner(scenario: short)
        runner.budget = ReplicationBudget(events: 5_000_000, bytes: 512 << 20)
        do {
            let results = try runner.run(replications: 0..<1)
            #expect(results.replications == 1)
        } catch {
            #expect(error.description.contains("Nothing was written."))
        }
    }
}
