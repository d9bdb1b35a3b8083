import ArgumentParser
import Foundation
import Sufficiency

/// The end of a run or a merge: the results folder written atomically, then the headline
/// table and what decides the ranking (or, with `--quiet`, just the folder) on standard output.
enum ResultsOutput {
    /// - Parameters:
    ///   - includedFiles: the files the scenario includes, whose assumptions the report lists
    ///     with the scenario file's.
    ///   - ranking: the ranking analysis, written as ranking.csv with the other files.
    ///   - overrides: the `--set` overrides the scenario was run with, recorded in the manifest.
    ///   - coverage: whether to print the coverage answer after the table (`sufficiency coverage`).
    ///   - xlsx: whether to write results.xlsx with the other files.
    ///   - warmUp: the warm-up used and what MSER-5 made of it, for the manifest.
    ///   - precision: how a run to a precision went, for the manifest.
    static func write(_ results: RunResults, runner: Runner, scenarioFile: String, sha256: String,
                      includedFiles: [IncludedFile], warnings: [ScenarioWarning] = [], folder: String, startedAt: Date, quiet: Bool,
                      simulationSeconds: Double? = nil, mergedShards: [String]? = nil,
                      ranking: RankingOutcome? = nil, overrides: [String], coverage: Bool = false,
                      xlsx: Bool = false, warmUp: WarmUpRecord? = nil, precision: PrecisionRecord? = nil) throws {
        let scenario = runner.scenario
        var manifest = Manifest.run(results, runner: runner, scenarioFile: scenarioFile, sha256: sha256,
                                    includedFiles: includedFiles, commandLine: CommandLine.arguments, startedAt: startedAt,
                                    overrides: overrides, warnings: warnings)
        manifest.mergedShards = mergedShards
        manifest.simulationSeconds = simulationSeconds
        manifest.warmUp = warmUp
        manifest.precision = precision
        try OutputFolderCheck.finish {
            try ResultsWriter.write(results, runner: runner, to: URL(fileURLWithPath: folder), manifest: manifest,
                                    ranking: ranking, xlsx: xlsx)
        }
        if quiet {
            print(folder)
        } else {
            let first = CSVFormat.date(runner.calendar.date(ofDay: 0))
            let last = CSVFormat.date(runner.calendar.date(ofDay: scenario.calendar.horizonDays - 1))
            let replications = scenario.run.replications == 1 ? "1 replication" : "\(scenario.run.replications) replications"
            print(HeadlineTable.render(results, title: "\(scenario.name): \(replications), \(first) to \(last), whole county"))
            if let saved = CommonRandomNumbersText.render(results) { print(saved) }
            if let ranking { print(RankingText.render(ranking)) }
            if coverage, let answer = CoverageAnswer(results: results, scenario: scenario) { print(answer.render()) }
            let files = ResultsWriter.files(for: results.layout, ranking: ranking != nil, xlsx: xlsx)
            print("Results in \(folder)/ (\(files.joined(separator: ", ")); report.html with its charts/)")
        }
    }
}
