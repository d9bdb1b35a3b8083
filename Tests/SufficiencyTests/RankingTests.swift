import Foundation
import Testing
@testable import Sufficiency

/// The ranking analysis: which inputs flip the best option, its file, its words, and a
/// `ranking_sensitivity` section's problems, all reported at once at their lines.
@Suite struct RankingTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/ranking/two-rates.yaml")

    static func fixtureText() throws -> String {
        try String(contentsOf: fixture, encoding: .utf8)
    }

    /// The fixture with its ranking section replaced by `section`.
    static func scenario(section: String) throws -> String {
        let text = try fixtureText()
        return String(text[..<text.range(of: "ranking_sensitivity:")!.lowerBound]) + section
    }

    /// The 1-based line of the first line of `text` that contains `needle`.
    static func line(of needle: String, in text: String) -> Int {
        text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) }! + 1
    }

    static func plan(threads: Int = 0) throws -> RankingPlan {
        let file = try ExperimentFile.load(yaml: try fixtureText(), fileName: "two-rates.yaml")
        var run = file.base.scenario.run
        run.threads = threads
        return try file.rankingPlan(try #require(file.ranking), run: run)
    }

    static func outcome(threads: Int = 0) throws -> RankingOutcome {
        guard case .finished(let outcome) = RankingRunner.run(try plan(threads: threads)) else {
            Issue.record("the ranking analysis did not finish")
            throw CancellationError()
        }
        return outcome
    }

    // MARK: - What decides the ranking

    @Test func theRateThatDecidesTheRankingFlipsItAndAnInputThatChangesNothingDoesNot() throws {
        let outcome = try Self.outcome()
        #expect(outcome.options == ["fixed", "indexed"])
        #expect(outcome.measure == MeasureName.averageRate && outcome.better == .lower && outcome.window == "whole run")
        #expect(outcome.base.best == 0)
        #expect(abs(outcome.base.gap - 1) < 1e-9)
        let (exits, frontLoading, rate) = (outcome.inputs[0], outcome.inputs[1], outcome.inputs[2])
        #expect(rate.key == "options[indexed].reference_rate")
        #expect(rate.flips && rate.low.flips && !rate.high.flips)
        #expect(rate.low.best == 1 && rate.high.best == 0)
        #expect(abs(rate.low.gap + 1) < 1e-9 && abs(rate.high.gap - 3) < 1e-9)
        #expect(!exits.flips)
        // Nothing it does reaches the measure: both ends are the scenario's own results.
        #expect(exits.low.options == outcome.base.options && exits.high.options == outcome.base.options)
        #expect(!frontLoading.flips && abs(frontLoading.high.gap - 0.5) < 1e-9)
        // Flipping first, then the larger move of fixed's lead, then none.
        #expect(outcome.order == [2, 1, 0])
    }

    @Test func theResultsDoNotDependOnTheNumberOfThreads() throws {
        #expect(try Self.outcome(threads: 1) == Self.outcome(threads: 2))
    }

    @Test func eachEndRunsWithTheSectionsReplicationsAndTheRunsSeed() throws {
        let plan = try Self.plan()
        #expect(plan.replications == 3 && plan.evaluations == 7)
        #expect(plan.scenarios.allSatisfy { $0.run.replications == 3 && $0.run.seed == 11 })
        #expect(plan.ends[2].low.options[1].referenceRate == 24 && plan.ends[2].high.options[1].referenceRate == 28)
        #expect(plan.ends[2].low.options[0] == plan.base.options[0])
    }

    @Test func theDefaultReplicationsAreATenthOfTheRunsAtLeastTwentyAndNoMoreThanTheRun() {
        #expect(RankingSettings.defaultReplications(run: 400) == 40)
        #expect(RankingSettings.defaultReplications(run: 100) == 20)
        #expect(RankingSettings.defaultReplications(run: 1_000) == 100)
        #expect(RankingSettings.defaultReplications(run: 5) == 5)
    }

    @Test func aStoppedAnalysisKeepsNothing() throws {
        let stop = StopRequest()
        stop.stop()
        guard case .stopped(let done) = RankingRunner.run(try Self.plan(), stop: stop) else {
            Issue.record("an analysis asked to stop did not stop")
            return
        }
        #expect(done == 0)
    }

    // MARK: - ranking.csv

    @Test func theFileHasARowPerOptionAtTheScenariosValuesThenPerInputEndAndOption() throws {
        let outcome = try Self.outcome()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ranking-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent(RankingWriter.file)
        try RankingWriter.write(outcome, to: url)
        let csv = try #require(ResultsCSV(url: url))
        #expect(csv.header == RankingWriter.header)
        #expect(csv.rows.count == 2 + 3 * 2 * 2)
        func column(_ name: String) -> [String] { csv.rows.map { $0[csv.column(name)!] } }
        #expect(column("end") == ["base", "base"] + Array(repeating: ["low", "low", "high", "high"], count: 3).flatMap { $0 })
        #expect(column("input").prefix(2) == ["", ""])
        #expect(column("option") == Array(repeating: ["fixed", "indexed"], count: 7).flatMap { $0 })
        let rows = csv.rows.filter { $0[csv.column("input")!] == "options[indexed].reference_rate" }
        #expect(rows.map { $0[csv.column("value")!] } == ["24", "24", "28", "28"])
        #expect(rows.map { $0[csv.column("flips")!] } == ["true", "true", "false", "false"])
        #expect(rows.map { $0[csv.column("best_option")!] } == ["indexed", "indexed", "fixed", "fixed"])
        #expect(rows.map { $0[csv.column("rank")!] } == ["2", "1", "1", "2"])
        #expect(rows.map { $0[csv.column("gap")!] } == ["-1", "-1", "3", "3"])
        #expect(Set(rows.map { $0[csv.column("input_rank")!] }) == ["1"])
        #expect(rows.allSatisfy { $0[csv.column("source")!] == "assumption: the rates the tender may bring" })
        let exits = csv.rows.filter { $0[csv.column("input")!] == "exits.sensitivity" }
        #expect(exits.map { $0[csv.column("flips")!] } == ["false", "false", "false", "false"])
        #expect(Set(exits.map { $0[csv.column("input_rank")!] }) == ["3"])
        #expect(Set(csv.rows.map { $0[csv.column("unit")!] }) == ["GBP per hour"])

        // Read back, as the report reads it, it says what the run found.
        let read = try #require(RankingOutcome(csv: csv, options: outcome.options, replications: 3))
        #expect(read.inputs.map(\.key) == outcome.inputs.map(\.key))
        #expect(read.inputs.map(\.flips) == [false, false, true])
        #expect(read.order == outcome.order)
        #expect(RankingText.render(read) == RankingText.render(outcome))
    }

    // MARK: - Words

    @Test func theSectionNamesTheInputsThatFlipTheBestOptionFirstWithTheirSources() throws {
        let text = RankingText.render(try Self.outcome())
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "What decides the ranking (average_rate, GBP per hour, whole run; lower is better)")
        #expect(lines.contains("At the scenario's own values, fixed is best, ahead of indexed by 1.00 (95% CI 1.00 to 1.00)."))
        let flipping = try #require(lines.firstIndex(of: "Inputs whose range flips the best option:"))
        #expect(lines[flipping + 1] == "  options[indexed].reference_rate, 24 to 28: at 24, indexed is best, ahead of "
                + "fixed by 1.00; at 28, fixed stays best, ahead by 3.00.")
        #expect(lines[flipping + 2] == "    source: assumption: the rates the tender may bring")
        #expect(lines[flipping + 3] == "Inputs that do not flip it, the largest change in fixed's lead first:")
        #expect(lines[flipping + 4].hasPrefix("  options[fixed].front_loading, 1 to 1.02:"))
        #expect(lines[flipping + 6].hasPrefix("  exits.sensitivity, 5 to 25:"))
    }

    @Test func aMainRunThatDisagreesIsNoted() throws {
        var outcome = try Self.outcome()
        outcome.mainBest = 1
        outcome.mainReplications = 400
        #expect(RankingText.render(outcome).contains("Note: the main run's 400 replications make indexed best; with 3 here, "
                                                     + "fixed is, so the two are too close to tell apart at 3"))
    }

    // MARK: - Problems

    @Test func everyProblemOfTheSectionIsReportedAtOnceAtItsLine() throws {
        let yaml = try Self.scenario(section: """
            ranking_sensitivity:
              measure: average_rat
              windw: horizon
              inputs:
                - key: exits.sensitivty
                  low: 5
                  high: 25
                  source: "assumption: a misspelt key"
                - key: options[indexed].reference_rate
                  low: -1
                  high: 28
                  source: "assumption: a rate below zero"
                - key: options[fixed].front_loading
                  low: 1
                  high: 0.5
                - key: run.seed
                  low: 1
                  high: lots
                  source: ""

            """)
        let error = try #require(throws: ScenarioError.self) {
            let file = try ExperimentFile.load(yaml: yaml, fileName: "bad.yaml")
            _ = try file.rankingPlan(try #require(file.ranking), run: file.base.scenario.run)
        }
        let lines = error.issues.map(\.description)
        func at(_ needle: String) -> String { "bad.yaml:\(Self.line(of: needle, in: yaml)):" }
        #expect(lines.count == 9, "\(lines)")
        #expect(lines.contains(at("measure: average_rat") + "12: ranking_sensitivity.measure: 'average_rat' is not a "
                               + "measure; did you mean 'average_rate'?"), "\(lines)")
        #expect(lines.contains(at("windw:") + "3: ranking_sensitivity.windw: unknown key 'windw'; did you mean 'window'?"),
                "\(lines)")
        #expect(lines.contains {
            $0.hasPrefix(at("key: exits.sensitivty")) && $0.hasSuffix("unknown key 'sensitivty'; did you mean 'sensitivity'?")
        }, "\(lines)")
        #expect(lines.contains(at("low: -1") + "12: ranking_sensitivity.inputs[1] low end, options[indexed].reference_rate = -1: "
                               + "options[1].reference_rate: -1 is not allowed; expected a positive rate in £ an hour."), "\(lines)")
        #expect(lines.contains {
            $0.hasPrefix(at("key: options[fixed].front_loading")) && $0.contains("missing required key 'source'")
        }, "\(lines)")
        #expect(lines.contains(at("high: 0.5") + "13: ranking_sensitivity.inputs[2].high: 0.5 is not allowed; expected a "
                               + "number greater than the low end (1)."), "\(lines)")
        #expect(lines.contains { $0.hasPrefix(at("key: run.seed")) && $0.contains("'run' is not one") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix(at("high: lots")) && $0.contains("'lots' is not allowed") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix(at("source: \"\"")) && $0.contains("ranking_sensitivity.inputs[3].source") }, "\(lines)")
        // In file order.
        #expect(error.issues.map { $0.location?.line ?? 0 } == error.issues.map { $0.location?.line ?? 0 }.sorted())
    }

    @Test func aProblemAnEndCausesElsewhereIsReportedAtThatEnd() throws {
        let yaml = try Self.scenario(section: """
            ranking_sensitivity:
              inputs:
                - key: zones[0].referral_share
                  low: 0.5
                  high: 1
                  source: "assumption: shares that no longer add up"

            """)
        let error = try #require(throws: ScenarioError.self) {
            let file = try ExperimentFile.load(yaml: yaml, fileName: "shares.yaml")
            _ = try file.rankingPlan(try #require(file.ranking), run: file.base.scenario.run)
        }
        #expect(error.issues.map(\.description) == [
            "shares.yaml:\(Self.line(of: "low: 0.5", in: yaml)):12: ranking_sensitivity.inputs[0] low end, "
                + "zones[0].referral_share = 0.5: zones: the referral_share values add up to 0.5; they must add up to 1 (±0.001).",
        ])
    }

    @Test func theWindowIsTheWholeRunOrOneThatTheFilesLabel() throws {
        let section = """
            ranking_sensitivity:
              window: WINDOW
              measure: spend
              inputs: [{key: demand.growth, low: 0, high: 0.05, source: "assumption: growth"}]

            """
        let year = try ExperimentFile.load(yaml: Self.scenario(section: section.replacingOccurrences(of: "WINDOW", with: "2023/24")),
                                           fileName: "year.yaml")
        let plan = try year.rankingPlan(try #require(year.ranking), run: year.base.scenario.run)
        #expect(plan.windowLabel == "2023/24" && plan.measureName == MeasureName.spend && plan.unit == "GBP")
        let wrong = try Self.scenario(section: section.replacingOccurrences(of: "WINDOW", with: "2023/25"))
        let error = try #require(throws: ScenarioError.self) {
            let file = try ExperimentFile.load(yaml: wrong, fileName: "wrong.yaml")
            _ = try file.rankingPlan(try #require(file.ranking), run: file.base.scenario.run)
        }
        #expect(error.issues.map(\.description) == [
            "wrong.yaml:\(Self.line(of: "window: 2023/25", in: wrong)):11: ranking_sensitivity.window: '2023/25' is not a "
                + "window of this run; did you mean '2023/24'?",
        ])
    }

    @Test func aKeyIsVariedOnce() throws {
        let yaml = try Self.scenario(section: """
            ranking_sensitivity:
              inputs:
                - {key: demand.growth, low: 0, high: 0.05}
                - {key: demand.growth, low: 0, high: 0.02, source: "assumption: growth"}
                - {key: demand.growth, low: 0.01, high: 0.03, source: "assumption: growth again"}

            """)
        let error = try #require(throws: ScenarioError.self) { try ExperimentFile.load(yaml: yaml, fileName: "twice.yaml") }
        #expect(error.issues.map(\.message).last == "'demand.growth' is already varied by ranking_sensitivity.inputs[1]; "
                + "give each key once.")
        #expect(error.issues.count == 2)
    }

    @Test func aSectionVariesAtMostTwoHundredInputs() throws {
        let inputs = (0...200).map { "    - {key: \"options[fixed].contracts[0].rate\", low: \($0), high: \($0 + 1), source: x}" }
        let yaml = try Self.scenario(section: "ranking_sensitivity:\n  inputs:\n" + inputs.joined(separator: "\n") + "\n")
        let error = try #require(throws: ScenarioError.self) { try ExperimentFile.load(yaml: yaml, fileName: "many.yaml") }
        #expect(error.issues.map(\.message) == ["a ranking analysis varies at most 200 inputs; this one lists 201."])
    }

    @Test func aScenarioOfOneOptionHasNothingToRank() throws {
        let yaml = """
            name: One option
            calendar: {start: 2023-04-01, days: 60}
            zones: [{name: Town, referral_share: 1, labour_pool_per_week: 1}]
            demand:
              referrals_per_week: 2
              client_groups:
                - name: older people
                  share: 1
                  package_hours: {distribution: fixed, mean: 10}
                  tiers: [{name: long-term, kind: long_term, share: 1, duration: {distribution: fixed, mean: 100}}]
            providers: [{name: Alpha, base_zone: Town, care_workers: 10}]
            options: [{name: only, rule: spot, reference_rate: 25}]
            ranking_sensitivity:
              inputs: [{key: demand.growth, low: 0, high: 0.05, source: "assumption: growth"}]

            """
        let error = try #require(throws: ScenarioError.self) {
            let file = try ExperimentFile.load(yaml: yaml, fileName: "one.yaml")
            _ = try file.rankingPlan(try #require(file.ranking), run: file.base.scenario.run)
        }
        #expect(error.issues.map(\.message) == ["there is nothing to rank with one option; the analysis compares the options, "
                                                + "so the scenario needs at least two."])
    }

    @Test func runReadsOnlyTheRankingSectionAndThePlainLoaderAcceptsIt() throws {
        let yaml = try Self.fixtureText() + "sweep: {parameters: nonsense}\n"
        #expect(throws: ScenarioError.self) { try ExperimentFile.load(yaml: yaml, fileName: "x.yaml") }
        let file = try ExperimentFile.load(yaml: yaml, fileName: "x.yaml", sections: .ranking)
        #expect(file.ranking?.inputs.count == 3 && file.sweep == nil)
        #expect(try ScenarioLoader.load(yaml: yaml, fileName: "x.yaml").sha256 == file.base.sha256)
    }

    // MARK: - Resuming after the main run

    @Test func aFinishedRunSavedForResumingGivesTheSameResults() throws {
        let file = try ExperimentFile.load(yaml: try Self.fixtureText(), fileName: "two-rates.yaml")
        let runner = Runner(scenario: file.base.scenario)
        guard case .finished(let results) = runner.run(resuming: nil, stop: StopRequest()) else {
            Issue.record("the run did not finish")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(".ranking-\(UUID().uuidString).resume")
        defer { try? FileManager.default.removeItem(at: folder) }
        let finished = try #require(RunCheckpoint.finished(results))
        try CheckpointStore(RunJob(runner: runner), at: folder, scenarioSHA256: file.base.sha256).save(finished)
        let store = CheckpointStore(RunJob(runner: Runner(scenario: file.base.scenario)), at: folder,
                                    scenarioSHA256: file.base.sha256)
        let saved = try #require(try store.read())
        #expect(saved.completed == 6)
        guard case .finished(let resumed) = Runner(scenario: file.base.scenario).run(resuming: saved, stop: StopRequest()) else {
            Issue.record("the resumed run did not finish")
            return
        }
        for measure in [MeasureName.averageRate, MeasureName.spend, MeasureName.unmetHours] {
            for o in 0..<2 {
                #expect(resumed.summary(option: o, window: results.layout.horizonWindow, measure: measure)
                        == results.summary(option: o, window: results.layout.horizonWindow, measure: measure))
            }
        }
    }
}
