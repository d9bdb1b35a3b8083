import Foundation
import Testing
@testable import Sufficiency

/// Targets a sweep counts (`--target`), targets.csv, the sweep's terminal table and its report.
@Suite struct SweepTargetTests {
    static let quickstart = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios/quickstart-uplift.yaml").path

    /// The quick start's 6-point grid at `replications` replications on `threads` threads.
    static func plan(replications: Int = 6, threads: Int = 2) throws -> (ExperimentFile, SweepPlan) {
        let file = try ExperimentFile.load(path: quickstart)
        var run = file.base.scenario.run
        run.replications = replications
        run.threads = threads
        return (file, try file.sweepPlan(try #require(file.sweep), run: run))
    }

    static func targets(_ texts: [String], _ plan: SweepPlan) throws -> [SweepTarget] {
        try SweepTarget.read(texts, runner: Runner(scenario: plan.scenarios[0]), file: "quickstart-uplift.yaml")
    }

    @Test func targetsReadAsTypedWithEveryFinancialYearByDefault() throws {
        let (_, plan) = try Self.plan()
        let targets = try Self.targets(["provider_exits<=2@horizon", "unmet_hours < 150", "spend>=1e6@2025/26",
                                        "average_rate>27"], plan)
        #expect(targets.map(\.description) == ["provider_exits<=2@horizon", "unmet_hours<150@every_financial_year",
                                               "spend>=1000000@2025/26", "average_rate>27@every_financial_year"])
        #expect(targets[0].isMet(by: 2) && !targets[0].isMet(by: 2.5) && !targets[0].isMet(by: .nan))
        #expect(!targets[1].isMet(by: 150) && targets[1].isMet(by: 149.9))
        #expect(targets[2].isMet(by: 1e6) && !targets[3].isMet(by: 27))
    }

    @Test func badTargetsAreRefusedAllAtOnceNamingTheFlag() throws {
        let (_, plan) = try Self.plan()
        let error = try #require(throws: ScenarioError.self) {
            _ = try Self.targets(["provider_exits=2", "provider_exit<=2", "unmet_hours<lots", "spend<1@2099/00",
                                  "<3", "spend<1@"], plan)
        }
        let text = error.description
        #expect(error.issues.count == 6, "\(text)")
        #expect(text.contains("--target provider_exits=2: no comparison; expected MEASURE OP NUMBER[@WINDOWS]"), "\(text)")
        #expect(text.contains("--target provider_exit<=2: 'provider_exit' is not a measure; did you mean 'provider_exits'?"),
                "\(text)")
        #expect(text.contains("'lots' is not a number"), "\(text)")
        #expect(text.contains("'2099/00' is not a window of this run"), "\(text)")
        #expect(text.contains("no measure before <"), "\(text)")
        #expect(text.contains("nothing after @"), "\(text)")
    }

    /// The share at each point is the count of replications meeting the target, done here
    /// independently from each replication's values with the same seed.
    @Test func theCountAtEachPointIsTheReplicationsMeetingTheTarget() throws {
        let (_, plan) = try Self.plan(replications: 10)
        let targets = try Self.targets(["unmet_hours<300", "provider_exits<=0@horizon", "hand_backs>=20@2025/26"], plan)
        let results = SweepRunner.run(plan, targets: targets)
        var anyMet = false, anyMissed = false
        for (p, scenario) in plan.scenarios.enumerated() {
            let runner = Runner(scenario: scenario)
            let layout = runner.layout
            let labels = layout.windows.map {
                WindowLabel.label($0, calendar: runner.calendar, period: scenario.calendar.period)
            }
            // Every replication's county-wide cells, kept whole for this count.
            let store = ReplicationStore(replications: scenario.run.replications)
            _ = runner.run(observer: { r, cells in store.keep(r, Array(cells)) })
            for o in layout.options.indices {
                for (t, target) in targets.enumerated() {
                    let m = try #require(layout.measures.all.firstIndex { $0.name == target.measure })
                    let windows: [Int]
                    switch target.windows {
                    case .everyFinancialYear: windows = layout.windows.indices.filter { layout.windows[$0].kind == .financialYear }
                    case .horizon: windows = [layout.windows.count - 1]
                    case .label(let label): windows = labels.indices.filter { labels[$0] == label }
                    }
                    #expect(!windows.isEmpty)
                    let expected = store.rows.filter { row in
                        windows.allSatisfy { w in
                            let value = row[layout.cell(option: o, window: w, zoneSlot: 0, measure: m)]
                            switch target.comparison {
                            case .below: return value < target.bound
                            case .atMost: return value <= target.bound
                            case .above: return value > target.bound
                            case .atLeast: return value >= target.bound
                            }
                        }
                    }.count
                    let counted = results.met(point: p + 1, option: o, target: t)
                    #expect(counted == expected, "point \(p + 1), option \(o), \(target)")
                    if counted > 0 { anyMet = true }
                    if counted < scenario.run.replications { anyMissed = true }
                }
            }
        }
        // The targets split the replications somewhere, so the count is not trivially all or none.
        #expect(anyMet && anyMissed)
    }

    @Test func targetsCSVHasARowPerPointOptionAndTargetWithTheShareAndItsInterval() throws {
        let (file, plan) = try Self.plan(replications: 5)
        let targets = try Self.targets(["unmet_hours<300"], plan)
        let results = SweepRunner.run(plan, targets: targets)
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("sufficiency-sweep-targets-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = Manifest(scenarioFile: "quickstart-uplift.yaml", scenarioSHA256: file.base.sha256, seed: 42,
                                replications: 5, threads: 2, options: results.layout.options, commandLine: [],
                                startedAt: "", wallSeconds: 0, files: [])
        try SweepWriter.write(results, to: folder, manifest: manifest)
        let lines = try String(contentsOf: folder.appendingPathComponent("targets.csv"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(lines[0] == "point,options[framework].uplift.rate,workforce.annual_turnover,option,target,replications,met,"
                + "share,share_low,share_high")
        #expect(lines.count == 1 + plan.points.count * results.layout.options.count)
        let met = results.met(point: 2, option: 1, target: 0)
        let interval = Solver.clopperPearson(successes: met, trials: 5)
        #expect(lines[4] == "2,0,0.35,framework,unmet_hours<300@every_financial_year,5,\(met),"
                + "\(CSVFormat.number(Double(met) / 5)),\(CSVFormat.number(interval.low)),\(CSVFormat.number(interval.high))")
    }

    @Test func theTerminalTableHasARowPerPointAndOptionAndCapsAtForty() throws {
        let (_, plan) = try Self.plan(replications: 4)
        let targets = try Self.targets(["provider_exits<=2@horizon"], plan)
        let results = SweepRunner.run(plan, targets: targets)
        let text = SweepText.render(results)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[1].hasPrefix("Point  options[framework].uplift.rate  workforce.annual_turnover  Option"), "\(text)")
        #expect(lines[1].contains("Spend (GBP m)") && lines[1].contains("Unmet hours/week")
                && lines[1].contains("Provider exits") && lines[1].contains("provider_exits<=2@horizon"), "\(text)")
        // A header, its rule, and 6 points × 2 options.
        #expect(lines.count == 2 + 12, "\(text)")
        let spend = try #require(results.summary(point: 6, option: 1, window: results.layout.horizonWindow, measure: MeasureName.spend))
        let last = try #require(lines.last)
        #expect(last.hasPrefix("    6  ") && last.contains(" framework ")
                && last.contains(String(format: "%.2f [%.2f, %.2f]", spend.mean / 1e6, spend.ciLow / 1e6, spend.ciHigh / 1e6)),
                "\(last)")
        let met = results.met(point: 6, option: 1, target: 0)
        #expect(last.hasSuffix(SweepText.share(met: met, of: 4)), "\(last)")
        #expect(SweepText.rowLimit == 40)
        let capped = SweepText.render(results, limit: 5).split(separator: "\n").map(String.init)
        #expect(capped.count == 2 + 5 + 1, "\(capped)")
        #expect(capped.last == "… and 7 more rows; every point is in sweep.csv and targets.csv.", "\(capped)")
    }

    @Test func aReportOfASweepHasAChartPerMeasureAndParameterAndPerTargetAndParameter() throws {
        let (file, plan) = try Self.plan(replications: 3)
        let targets = try Self.targets(["provider_exits<=2@horizon"], plan)
        let results = SweepRunner.run(plan, targets: targets)
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("sufficiency-sweep-report-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = Manifest(scenarioFile: "<quick & start>.yaml", scenarioSHA256: file.base.sha256, seed: 42,
                                replications: 3, threads: 2, options: results.layout.options, commandLine: ["sweep"],
                                startedAt: "", wallSeconds: 0, files: [])
        try SweepWriter.write(results, to: folder, manifest: manifest)
        #expect(SweepReport.isSweepFolder(folder))
        let report = try SweepReportWriter.write(folder: folder)
        let measures = [MeasureName.spend, MeasureName.unmetHours, MeasureName.providerExits, MeasureName.handBacks]
        #expect(Set(report.charts.map(\.file)) == Set(measures.flatMap { m in (1...2).map { "sweep-\(m)-by-\($0).svg" } }
                                                      + ["target-1-by-1.svg", "target-1-by-2.svg"]))
        let html = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.components(separatedBy: "<figure class=\"chart\">").count - 1 == 10)
        #expect(html.contains("&lt;quick &amp; start&gt;.yaml") && !html.contains("<quick & start>"))
        #expect(!html.contains("http://") || html.components(separatedBy: "http://").dropFirst()
                    .allSatisfy { $0.hasPrefix("www.w3.org/2000/svg") })
        #expect(!html.contains("https://"))
        // Lines on a grid: one per option and value of the other parameter, every axis labelled.
        let spend = try #require(report.charts.first { $0.file == "sweep-spend-by-1.svg" }?.svg)
        #expect(spend.components(separatedBy: "class=\"series\"").count - 1 == 4)
        #expect(spend.contains(">£</text>") && spend.contains("options[framework].uplift.rate (value as written"))
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("charts").path) {
            #expect(report.charts.contains { $0.file == file })
        }
    }

    @Test func aSpaceFillingDesignGetsDotsAndASensitivityChart() throws {
        let file = try ExperimentFile.load(path: Self.quickstart, overrides: [
            "sweep.design=latin_hypercube", "sweep.points=8",
            "sweep.parameters[0]={path: \"options[framework].uplift.rate\", range: [0, 0.08]}",
            "sweep.parameters[1]={path: workforce.annual_turnover, range: [0.2, 0.4]}",
        ])
        var run = file.base.scenario.run
        run.replications = 3
        let plan = try file.sweepPlan(try #require(file.sweep), run: run)
        let results = SweepRunner.run(plan)
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("sufficiency-sweep-lhs-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = Manifest(scenarioFile: "q.yaml", scenarioSHA256: file.base.sha256, seed: 42, replications: 3,
                                threads: 2, options: results.layout.options, commandLine: [], startedAt: "", wallSeconds: 0, files: [])
        try SweepWriter.write(results, to: folder, manifest: manifest)
        let report = try SweepReport(folder: folder)
        #expect(report.charts.filter { $0.file.hasPrefix("sensitivity-") }.count == 4)
        let chart = try #require(report.charts.first { $0.file == "sweep-unmet_hours-by-2.svg" }?.svg)
        #expect(!chart.contains("class=\"mean\"") && chart.components(separatedBy: "class=\"point\"").count - 1 == 16)
        // Annual turnover drives unmet hours far more than the framework's uplift does.
        let turnover = SweepSensitivity.explained(x: plan.points.map { Double($0.values[1].text)! },
                                                  y: plan.points.map { results.summary(point: $0.number, option: 0,
                                                                                       window: results.layout.horizonWindow,
                                                                                       measure: MeasureName.unmetHours)!.mean })
        #expect(turnover > 0.5 && turnover <= 1)
    }

    @Test func valuesThatAreNotNumbersAreCategoriesWithDotsNotLines() throws {
        let file = try ExperimentFile.load(yaml: ExperimentTests.scenario(sweep: """
            sweep:
              parameters:
                - path: options[only].uplift.rate
                  values: [0.02, 0.05]
                - path: description
                  values: ["{text: first}", "<second & last>"]
            """, replications: 2), fileName: "categories.yaml")
        let plan = try file.sweepPlan(try #require(file.sweep), run: file.base.scenario.run)
        let results = SweepRunner.run(plan)
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("sufficiency-sweep-categories-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = Manifest(scenarioFile: "categories.yaml", scenarioSHA256: file.base.sha256, seed: 5, replications: 2,
                                threads: 2, options: results.layout.options, commandLine: [], startedAt: "", wallSeconds: 0,
                                files: [])
        try SweepWriter.write(results, to: folder, manifest: manifest)
        let report = try SweepReport(folder: folder)
        let byRate = try #require(report.charts.first { $0.file == "sweep-spend-by-1.svg" }?.svg)
        let byPrices = try #require(report.charts.first { $0.file == "sweep-spend-by-2.svg" }?.svg)
        // Numbers on a grid: a line per value of the other parameter.
        #expect(byRate.components(separatedBy: "class=\"mean\"").count - 1 == 2)
        // Text: categories as written (escaped), dots only.
        #expect(!byPrices.contains("class=\"mean\"") && byPrices.contains(">{text: first}</text>")
                && byPrices.contains(">&lt;second &amp; last&gt;</text>"))
        #expect(byPrices.components(separatedBy: "class=\"point\"").count - 1 == 4)
    }

    @Test func explainedShareIsTheSquaredCorrelation() {
        #expect(SweepSensitivity.explained(x: [1, 2, 3, 4], y: [3, 5, 7, 9]) == 1)
        #expect(abs(SweepSensitivity.explained(x: [1, 2, 3, 4], y: [1, 3, 2, 4]) - 0.64) < 1e-12)
        #expect(SweepSensitivity.explained(x: [1, 2, 3], y: [5, 5, 5]).isNaN)
    }
}

/// Every replication's cells, for counting independently of the sweep; written only from the
/// runner's observer, which is never called concurrently.
private final class ReplicationStore: @unchecked Sendable {
    private(set) var rows: [[Double]]

    init(replications: Int) { rows = Array(repeating: [], count: replications) }

    func keep(_ r: Int, _ cells: [Double]) { rows[r] = cells }
}
