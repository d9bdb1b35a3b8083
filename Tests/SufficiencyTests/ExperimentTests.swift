import Foundation
import Testing
@testable import Sufficiency

/// Sweep designs, sweep points, and the solver's bracketing search.
@Suite struct ExperimentTests {
    // MARK: - Designs

    @Test func gridIsTheCartesianProductWithTheFirstParameterSlowest() {
        #expect(SweepDesign.gridIndices(counts: [2, 3]) == [[0, 0], [0, 1], [0, 2], [1, 0], [1, 1], [1, 2]])
        #expect(SweepDesign.gridIndices(counts: [1, 2, 2]) == [[0, 0, 0], [0, 0, 1], [0, 1, 0], [0, 1, 1]])
    }

    @Test func gridPointsTakeListedValuesAndEvenlySpacedRanges() throws {
        let file = try ExperimentFile.load(yaml: Self.scenario(sweep: """
            sweep:
              parameters:
                - path: options[only].uplift.rate
                  range: [0.0, 0.1]
                  steps: 3
                - path: prices.cpi
                  values: [{2023: 0.02}, {2023: 0.04}]
            """), fileName: "grid.yaml")
        let points = try #require(file.sweep).designPoints(seed: 1)
        #expect(points.map(\.number) == Array(1...6))
        #expect(points.map { $0.values.map(\.text) } == [
            ["0", "{2023: 0.02}"], ["0", "{2023: 0.04}"],
            ["0.05", "{2023: 0.02}"], ["0.05", "{2023: 0.04}"],
            ["0.1", "{2023: 0.02}"], ["0.1", "{2023: 0.04}"],
        ])
    }

    /// GSL's Sobol sequence in two dimensions starts (0.5, 0.5), (0.75, 0.25), (0.25, 0.75),
    /// (0.375, 0.375), (0.875, 0.875), (0.625, 0.125) (printed by a C program calling
    /// gsl_qrng_get directly).
    @Test func sobolPointsAreGSLsSequence() {
        let points = SweepDesign.sobol(points: 6, dimensions: 2)
        #expect(points == [[0.5, 0.5], [0.75, 0.25], [0.25, 0.75], [0.375, 0.375], [0.875, 0.875], [0.625, 0.125]])
    }

    @Test func latinHypercubeHasOnePointPerStratumInEveryDimensionAndDependsOnlyOnTheSeed() {
        let n = 13
        let design = SweepDesign.latinHypercube(points: n, dimensions: 3, seed: 99)
        for d in 0..<3 {
            let strata = design.map { Int(($0[d] * Double(n)).rounded(.down)) }
            #expect(strata.sorted() == Array(0..<n), "dimension \(d): strata \(strata)")
        }
        #expect(SweepDesign.latinHypercube(points: n, dimensions: 3, seed: 99) == design)
        #expect(SweepDesign.latinHypercube(points: n, dimensions: 3, seed: 100) != design)
        // Not the identity pairing: the strata are shuffled.
        #expect(design.map { Int(($0[0] * Double(n)).rounded(.down)) } != Array(0..<n))
    }

    // MARK: - Sweeps

    @Test func aPointAtTheBaseValueGivesTheRunsMeansAndPointOneDiffersFromItselfByZero() throws {
        let file = try ExperimentFile.load(yaml: Self.scenario(sweep: """
            sweep:
              parameters:
                - path: options[only].uplift.rate
                  values: [0.03, 0.06]
            """, replications: 5), fileName: "sweep.yaml")
        let plan = try file.sweepPlan(try #require(file.sweep), run: file.base.scenario.run)
        let sweep = SweepRunner.run(plan)
        let run = Runner(scenario: file.base.scenario).run()
        let layout = run.layout
        for w in layout.comparedWindows {
            for measure in layout.measures.all.map(\.name) {
                let expected = run.summary(option: 0, window: w, measure: measure)
                let got = sweep.summary(point: 1, option: 0, window: w, measure: measure)
                #expect(got == expected, "\(measure) in window \(w)")
                let difference = try #require(sweep.difference(point: 1, option: 0, window: w, measure: measure))
                if difference.n > 0 {
                    #expect(difference.meanDifference == 0 && difference.ciLow == 0 && difference.ciHigh == 0, "\(measure)")
                }
            }
        }
        // The second point's higher uplift shows as a dearer rate in the second year, net of noise.
        let later = layout.comparedWindows[1]
        let dearer = try #require(sweep.difference(point: 2, option: 0, window: later, measure: "average_rate"))
        #expect(dearer.ciLow > 0)
    }

    @Test func everyBadPointIsReportedWithItsPlaceAndPoint() throws {
        let yaml = Self.scenario(sweep: """
            sweep:
              parameters:
                - path: options[only].uplift.rate
                  values: [0.03, -2, lots]
            """)
        let error = try #require(throws: ScenarioError.self) {
            let file = try ExperimentFile.load(yaml: yaml, fileName: "bad.yaml")
            _ = try file.sweepPlan(try #require(file.sweep), run: file.base.scenario.run)
        }
        let lines = error.issues.map(\.description)
        let line = yaml.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("values: [0.03, -2, lots]") }! + 1
        #expect(lines.count == 2, "\(lines)")
        #expect(lines.first?.hasPrefix("bad.yaml:\(line):") == true, "\(lines)")
        #expect(lines.contains { $0.contains("sweep point 2, options[only].uplift.rate = -2: options[0].uplift.rate: -2 is not allowed") }, "\(lines)")
        #expect(lines.contains { $0.contains("sweep point 3, options[only].uplift.rate = lots") }, "\(lines)")
    }

    /// A sweep is bounded: every point is loaded before any runs, and a mistyped number of
    /// points or steps once asked for more memory than exists.
    @Test func aSweepHasAtMostTenThousandPoints() throws {
        let grid = Self.scenario(sweep: """
            sweep:
              parameters:
                - path: options[only].uplift.rate
                  range: [0, 0.1]
                  steps: 5001
                - {path: demand.growth, values: [0, 0.01]}
            """)
        let gridError = try #require(throws: ScenarioError.self) { try ExperimentFile.load(yaml: grid, fileName: "grid.yaml") }
        #expect(gridError.issues.map(\.message) == ["this grid has 5001 × 2 points; a sweep has at most 10000 points."])
        let sobol = Self.scenario(sweep: """
            sweep:
              design: sobol
              points: 3000000000
              parameters:
                - path: options[only].uplift.rate
                  range: [0, 0.1]
            """)
        let sobolError = try #require(throws: ScenarioError.self) { try ExperimentFile.load(yaml: sobol, fileName: "sobol.yaml") }
        #expect(sobolError.issues.map(\.message)
                == ["3000000000 is not allowed; expected a whole number of points between 1 and 10000."])
        let largest = Self.scenario(sweep: """
            sweep:
              parameters:
                - path: options[only].uplift.rate
                  range: [0, 0.1]
                  steps: 5000
                - {path: demand.growth, values: [0, 0.01]}
            """)
        #expect(try ExperimentFile.load(yaml: largest, fileName: "largest.yaml").sweep?.designPoints(seed: 1).count == 10_000)
    }

    // MARK: - Solver

    /// One route, no spot or legacy premium, a flat uplift: the average rate in 2024/25 (after
    /// the one April uplift) is 30 × (1 + u) exactly, so it is above 31.95 from u = 0.065 on.
    @Test func solverFindsTheAnalyticRootInTheEvaluationsBisectionTakes() throws {
        let file = try ExperimentFile.load(yaml: Self.scenario(sweep: ""), fileName: "root.yaml")
        let settings = SolveSettings(input: "options[only].uplift.rate", low: 0, high: 0.1, measure: "average_rate",
                                     option: "only", windows: .label("2024/25"), target: .above(31.95),
                                     probability: 0.9, tolerance: 0.001)
        let result = try Solver.solve(file, settings: settings, run: file.base.scenario.run)
        let root = 31.95 / 30 - 1
        #expect(result.outcome == .found)
        let solution = try #require(result.solution)
        #expect(solution >= root && solution - root < settings.tolerance, "found \(solution), root \(root)")
        #expect(result.low < root && result.high - result.low < settings.tolerance)
        // Both ends, then one per halving of 0.1 until narrower than 0.001: ⌈log₂ 100⌉ = 7.
        #expect(result.evaluations.count == 2 + Int((log2(0.1 / 0.001)).rounded(.up)))
        #expect(result.evaluations.count == Solver.bisectionEvaluations(settings))
        #expect(result.deciding.met == result.deciding.replications)
        for e in result.evaluations {
            #expect(e.meets == (e.input > root), "evaluation \(e.number) at \(e.input)")
        }
    }

    @Test func solverSaysSoWhenTheHighEndDoesNotMeetTheTarget() throws {
        let file = try ExperimentFile.load(yaml: Self.scenario(sweep: ""), fileName: "root.yaml")
        let settings = SolveSettings(input: "options[only].uplift.rate", low: 0, high: 0.1, measure: "average_rate",
                                     option: "only", windows: .label("2024/25"), target: .above(40),
                                     probability: 0.9, tolerance: 0.001)
        let result = try Solver.solve(file, settings: settings, run: file.base.scenario.run)
        #expect(result.outcome == .highEndFails)
        #expect(result.solution == nil)
        #expect(result.evaluations.map(\.input) == [0, 0.1])
        #expect(SolveWriter.paragraph(result, seed: 3).hasPrefix("Even at the high end of the range"))
    }

    @Test func clopperPearsonMatchesPublishedValues() {
        // 9 of 10: (0.5550, 0.9975); 0 of 10: upper 0.3085 (Clopper and Pearson's tables).
        let (low, high) = Solver.clopperPearson(successes: 9, trials: 10)
        #expect(abs(low - 0.554984) < 1e-6 && abs(high - 0.997471) < 1e-6)
        let none = Solver.clopperPearson(successes: 0, trials: 10)
        #expect(none.low == 0 && abs(none.high - 0.308497) < 1e-6)
    }

    @Test func solveSettingsReportUnknownNamesAndMissingKeys() throws {
        let file = try ExperimentFile.load(yaml: Self.scenario(sweep: """
            solve:
              input: options[only].uplift.rate
              range: [0, 0.1]
              measure: unmet_hour
            """), fileName: "solve.yaml")
        let error = try #require(throws: ScenarioError.self) {
            _ = try file.solveSettings(flags: SolveOverrides(windows: "2031/32"))
        }
        let text = error.description
        #expect(text.contains("solve.measure: 'unmet_hour' is not a measure; did you mean 'unmet_hours'?"), "\(text)")
        #expect(text.contains("missing required key 'target'"), "\(text)")
        #expect(text.contains("--windows 2031/32: solve.windows: '2031/32' is not a window of this run"), "\(text)")
    }

    // MARK: - Scenario

    /// One zone, one provider with ample staff that never exits, one strategic contract at £30 an
    /// hour, no premiums, a flat 3% uplift, two financial years from April 2023.
    static func scenario(sweep: String, replications: Int = 3) -> String {
        """
        name: One route
        calendar: {start: 2023-04-01, days: 731, period: month}
        run: {replications: \(replications), seed: 5, threads: 2}
        zones:
          - {name: Town, referral_share: 1, labour_pool_per_week: 1}
        demand:
          referrals_per_week: 3
          client_groups:
            - name: older people
              share: 1
              package_hours: {distribution: gamma, mean: 10, sd: 4, minimum: 1}
              tiers:
                - {name: long-term, kind: long_term, share: 1, duration: {distribution: exponential, mean: 200}}
        providers:
          - {name: Alpha, base_zone: Town, care_workers: 60}
        caseload:
          entries:
            - {zone: Town, provider: Alpha, people: 20}
        exits: {annual_hazard: 0, maximum_annual_hazard: 0}
        options:
          - name: only
            rule: strategic
            reference_rate: 30
            spot_premium: 0
            legacy_premium: 0
            uplift: {rule: flat, rate: 0.03}
            contracts:
              - {provider: Alpha, route: strategic, zones: [Town], rate: 30}
        \(sweep)

        """
    }
}
