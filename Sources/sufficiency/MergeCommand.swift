import ArgumentParser
import Foundation
import Sufficiency

/// `sufficiency merge SHARD…`: combines the shard folders of one run into the results folder
/// that one run on one machine would have written, byte for byte.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine shard folders (from run --shard K/N) into one run's results.",
        discussion: """
        Reads every shard folder of a run (run --shard 1/N … N/N, on any machines), checks \
        that they come from the same scenario, seed, replications and build and that each \
        shard is there once, then folds the replications in order and writes the results \
        folder: its CSV files are byte-identical to those of the same run on one machine. The \
        scenario is reloaded from the path and --set overrides the shards recorded when that path \
        is inside the current folder or a shard folder given; give --scenario when it lives \
        elsewhere. Every cells.f64 must have the SHA-256 its shard.json recorded. See docs/CLUSTER.md.

        Examples:
          sufficiency merge --out results/wiltshire results/wiltshire-home-care-shard-*
          sufficiency merge --scenario scenarios/wiltshire-home-care.yaml --out results/w shards/*

        Exit status: 0 on success, 2 when the shards or the scenario have problems (all are \
        printed), 64 for a mistake on the command line, 1 for other failures.
        """
    )

    @Argument(help: "Shard folders, one per shard, in any order.")
    var shards: [String]

    @Option(help: "Results folder (default: results/<scenario name>).")
    var out: String?

    @Option(help: "The scenario file, when it is not at the path the shards recorded.")
    var scenario: String?

    @Flag(help: "No table; print only the results folder.")
    var quiet = false

    @Flag(help: "Also write results.xlsx, an Excel workbook of the headline comparison, financial-year and money tables, and charts.")
    var xlsx = false

    func run() throws {
        let startedAt = Date()
        let set: ShardSet
        do {
            set = try ShardSet.open(shards)
        } catch {
            Terminal.standardError("sufficiency: \(error)")
            throw ExitCode(2)
        }
        let record = set.run
        let file: String
        do {
            file = try scenario ?? set.recordedScenarioFile()
        } catch {
            Terminal.standardError("sufficiency: \(error)")
            throw ExitCode(2)
        }
        let loaded = try ScenarioFileLoading.load(file, overrides: record.overrides)
        guard loaded.sha256 == record.scenarioSHA256 else {
            let error = ShardError.scenarioChanged(path: file, expected: record.scenarioSHA256, found: loaded.sha256)
            Terminal.standardError("sufficiency: \(error)")
            throw ExitCode(2)
        }
        var settings = loaded.scenario
        settings.run.replications = record.replications
        settings.run.seed = record.seed
        let folder = out ?? "results/" + URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        try OutputFolderCheck.prepare(folder)
        let runner = Runner(scenario: settings)
        let bar = quiet ? nil : ProgressBar(total: record.replications, interactive: Terminal.standardErrorIsTerminal)
        if !quiet {
            Terminal.standardError("Merging \(set.records.count) shards of \(settings.name): \(record.replications) replications, "
                                   + "seed \(record.seed)\(OverridesText.clause(record.overrides)).")
        }
        let results: RunResults
        do {
            results = try runner.merge(set) { done, _ in bar?.update(done) }
        } catch {
            Terminal.standardError("sufficiency: \(error)")
            throw ExitCode(2)
        }
        let merged = zip(set.records, set.folders).map { "\($0.shard)/\($0.shards) \($1.path)" }
        try ResultsOutput.write(results, runner: runner, scenarioFile: file, sha256: loaded.sha256,
                                includedFiles: loaded.includedFiles, warnings: loaded.warnings, folder: folder, startedAt: startedAt, quiet: quiet, mergedShards: merged,
                                overrides: record.overrides, xlsx: xlsx)
    }
}
