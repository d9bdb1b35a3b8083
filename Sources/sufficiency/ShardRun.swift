import ArgumentParser
import Foundation
import Sufficiency

/// `sufficiency run FILE --shard K/N`: runs one shard's replications and writes its cells to a
/// shard folder for `sufficiency merge`.
struct ShardRun {
    let shard: Shard
    let runner: Runner
    let loaded: LoadedScenario
    let file: String
    let overrides: [String]
    let folder: String
    let quiet: Bool

    func perform(startedAt: Date) throws {
        let scenario = runner.scenario
        let range = shard.replications(of: scenario.run.replications)
        if let problem = ShardSize(replications: range.count, cellCount: runner.layout.cellCount)
            .problem(writingTo: URL(fileURLWithPath: folder)) {
            Terminal.standardError("sufficiency: shard \(shard) of \(scenario.run.replications) replications: \(problem).")
            throw ExitCode(2)
        }
        let writer: ShardWriter
        do {
            writer = try ShardWriter(destination: URL(fileURLWithPath: folder), cellCount: runner.layout.cellCount)
        } catch {
            Terminal.standardError("sufficiency: \(error)")
            throw ExitCode.failure
        }
        let bar = quiet ? nil : ProgressBar(total: range.count, interactive: Terminal.standardErrorIsTerminal)
        if !quiet {
            Terminal.standardError("Running \(scenario.name), shard \(shard) (replications \(range.lowerBound + 1)–\(range.upperBound) "
                                   + "of \(scenario.run.replications)): \(scenario.options.count) options on "
                                   + "\(max(1, min(runner.threadCount, range.count))) threads, seed \(scenario.run.seed)\(OverridesText.clause(overrides)).")
        }
        var progress: (@Sendable (Int, Int) -> Void)? = nil
        if let bar { progress = { done, _ in bar.update(done) } }
        do {
            _ = try runner.run(replications: range, progress: progress) { _, cells in writer.append(cells) }
        } catch {
            writer.discard()
            Terminal.standardError("sufficiency: \(file): \(error)")
            throw ExitCode(2)
        }
        let record = ShardRecord(
            tool: "sufficiency", kind: "shard", sufficiencyVersion: BuildInfo.sufficiencyVersion, gslVersion: GSL.version,
            scenarioFile: URL(fileURLWithPath: file).standardizedFileURL.path, overrides: overrides,
            scenarioSHA256: loaded.sha256, seed: scenario.run.seed, replications: scenario.run.replications,
            shard: shard.index, shards: shard.count, firstReplication: range.lowerBound, replicationCount: range.count,
            cellCount: runner.layout.cellCount, layoutSHA256: runner.layout.fingerprint, commandLine: CommandLine.arguments,
            startedAt: ISO8601DateFormatter().string(from: startedAt), wallSeconds: Date().timeIntervalSince(startedAt))
        try OutputFolderCheck.finish { try writer.finish(record: record) }
        print(quiet ? folder : "Shard \(shard) of \(scenario.name) in \(folder)/ (\(range.count) replications); "
              + "merge all \(shard.count) with: sufficiency merge --out DIR SHARD_FOLDERS…")
    }
}
