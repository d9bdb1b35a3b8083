import ArgumentParser
import Foundation
import Sufficiency

/// `--warm-up auto` and the check of a scenario's own warm-up: MSER-5 (`WarmUpSuggestion`) on
/// chosen measures' period means.
enum WarmUpChoice {
    /// Replications of the pilot run at least: MSER-5 on the means of fewer is fooled by the
    /// slow swings of a queue near capacity (on the M/M/c of `WarmUpSuggestionTests`, 20
    /// replications cut at ten relaxation times where 100 cut at two and a half).
    static let pilotReplications = 100

    /// The measures to judge: those named in `--warm-up-measures` (comma-separated), else the
    /// people in care and waiting (those the results have).
    static func measures(_ flag: String?, layout: ResultLayout) -> [String] {
        if let flag {
            return flag.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let names = Set(layout.measures.all.map(\.name))
        return [MeasureName.inCare, MeasureName.waiting].filter(names.contains)
    }

    /// The warm-up MSER-5 chooses for the scenario `command` runs: a pilot of at least
    /// `pilotReplications` replications (the run's seed) with no warm-up, its longest truncation
    /// point over `measures` and options. Exit status 2, with the reason, when a measure is
    /// unknown or a series has not settled within the run.
    static func choose(for command: RunCommand) throws -> WarmUpRecord {
        try FlagChecking.check(command.runFlags, shard: command.shard)
        let loaded = try ScenarioFileLoading.load(command.file, overrides: command.overrides + ["calendar.warm_up_days=0"])
        var scenario = loaded.scenario
        scenario.run = try FlagChecking.applied(command.runFlags, to: scenario.run)
        scenario.run.replications = max(scenario.run.replications, pilotReplications)
        let runner = Runner(scenario: scenario)
        let measures = measures(command.warmUpMeasures, layout: runner.layout)
        if !command.quiet {
            Terminal.standardError("Choosing the warm-up: MSER-5 on \(measures.joined(separator: ", ")) from a pilot of "
                                   + "\(scenario.run.replications) replications with no warm-up.")
        }
        let results = runner.run()
        let suggestion: WarmUpSuggestion
        do {
            suggestion = try WarmUpSuggestion(results: results, warmUpDays: 0, measures: measures)
        } catch {
            Terminal.standardError("sufficiency: --warm-up-measures: \(error.description)")
            throw ExitCode(2)
        }
        let unjudged = suggestion.series.filter { !$0.isSettled }
        guard unjudged.isEmpty, let days = suggestion.additionalDays else {
            let list = unjudged.map { "\($0.measure) under \($0.option)" }.joined(separator: ", ")
            Terminal.standardError("sufficiency: \(command.file): no warm-up can be chosen: \(list) "
                                   + "\(unjudged.count == 1 ? "has" : "have") not settled within the run's "
                                   + "\(scenario.calendar.horizonDays) days (MSER-5 needs at least 20 reporting periods and "
                                   + "a settled second half); lengthen calendar.days, or give calendar.warm_up_days.")
            throw ExitCode(2)
        }
        if !command.quiet {
            Terminal.standardError("Warm-up: \(days) days (calendar.warm_up_days=\(days)).")
        }
        return WarmUpRecord(days: days, chosenBy: "MSER-5", measures: measures, pilotReplications: scenario.run.replications)
    }

    /// What MSER-5 makes of a finished run's warm-up, for its manifest: nil for a run without a
    /// warm-up that was not chosen. A scenario's own warm-up that MSER-5 finds too short gets a
    /// warning on standard error.
    static func review(_ results: RunResults, scenario: Scenario, chosen: WarmUpRecord?,
                       measuresFlag: String?, file: String) -> WarmUpRecord? {
        let days = scenario.calendar.warmUpDays
        guard chosen != nil || days > 0 else { return nil }
        let measures = chosen?.measures ?? Self.measures(measuresFlag, layout: results.layout)
        let suggestion = try? WarmUpSuggestion(results: results, warmUpDays: days, measures: measures)
        var record = chosen ?? WarmUpRecord(days: days, chosenBy: "scenario", measures: measures)
        record.suggestedDays = suggestion?.suggestedWarmUpDays
        if chosen == nil, let suggestion, let more = suggestion.additionalDays, more > 0 {
            Terminal.standardError("warning: \(file): the warm-up of \(days) days looks too short: MSER-5 on the period means "
                                   + "of \(measures.joined(separator: " and ")) drops a further \(more) days of the results; "
                                   + "set calendar.warm_up_days to \(days + more), or run with --warm-up auto.")
        }
        return record
    }
}
