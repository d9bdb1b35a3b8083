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
        let dearer = try #require(sweep.difference(point: 2, option: 0, window: later, measure: MeasureName.averageRate))
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
        let settings = SolveSettings(input: "options[only].uplift.rate", low: 0, high: 0.1, measure: MeasureName.averageRate,
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
        let settings = SolveSettings(input: "options[only].uplift.rate", low: 0, high: 0.1, measure: MeasureName.averageRate,
                                     option: "only", windows: .label("2024/25"), target: .above(40),
                                     probability: 0.9, tolerance: 0.001)
        let result = try Solver.solve(file, settings: settings, run: file.base.scenario.run)
        #expect(result.outcome == .highEndFails)
        #expect(result.solution == nil)
        #expect(result.evaluations.map(\.input) == [0, 0.1])
        let paragraph = SolveWriter.paragraph(result, seed: 3)
        #expect(paragraph.hasPrefix("No options[only].uplift.rate from 0 to 0.1 meets the target: it is not true at any "
                                    + "value tried that average_rate under only is above 40 in 2024/25"), "\(paragraph)")
        #expect(paragraph.contains("The best is at options[only].uplift.rate = 0.1, where only 0 of 3 replications (0%"),
                "\(paragraph)")
        #expect(paragraph.contains("What stops it: average_rate in 2024/25 averages 30 at options[only].uplift.rate = 0 "
                                   + "and 33 at 0.1, against a target above 40."), "\(paragraph)")
    }

    /// Judged over the whole run, the first year's rate (30, before any uplift) is the same at
    /// every value: the paragraph names that year as one the input does not reach.
    @Test func anUnreachableTargetOverTheWholeRunNamesTheYearTheInputDoesNotMove() throws {
        let file = try ExperimentFile.load(yaml: Self.scenario(sweep: ""), fileName: "root.yaml")
        let settings = SolveSettings(input: "options[only].uplift.rate", low: 0, high: 0.1, measure: MeasureName.averageRate,
                                     option: "only", windows: .horizon, target: .above(40),
                                     probability: 0.9, tolerance: 0.001)
        let result = try Solver.solve(file, settings: settings, run: file.base.scenario.run)
        #expect(result.outcome == .highEndFails)
        #expect(result.windowLabels == ["2023/24", "2024/25", "whole run"])
        #expect(result.best.input == 0.1)
        #expect(result.unmovedYears.map(\.label) == ["2023/24"])
        let paragraph = SolveWriter.paragraph(result, seed: 3)
        #expect(paragraph.contains("By financial year, the input barely moves it (within 5% at every value tried) in "
                                   + "2023/24, at 30: no value of it changes what happens there."), "\(paragraph)")
    }

    /// Judged in every financial year, the target above 31.95 fails in 2023/24 whatever the
    /// uplift (the first uplift is in April 2024): that year is named as what stops it.
    @Test func anUnreachableTargetInEveryYearNamesTheWindowWhereItFailsAtEveryValue() throws {
        let file = try ExperimentFile.load(yaml: Self.scenario(sweep: ""), fileName: "root.yaml")
        let settings = SolveSettings(input: "options[only].uplift.rate", low: 0, high: 0.1, measure: MeasureName.averageRate,
                                     option: "only", windows: .everyFinancialYear, target: .above(31.95),
                                     probability: 0.9, tolerance: 0.001)
        let result = try Solver.solve(file, settings: settings, run: file.base.scenario.run)
        #expect(result.outcome == .highEndFails)
        #expect(result.failingWindows.map(\.label) == ["2023/24"])
        let paragraph = SolveWriter.paragraph(result, seed: 3)
        #expect(paragraph.contains("What stops it: the target fails in one window at every value tried; judged in that "
                                   + "window alone, in 2023/24 at most 0% meet it, short of 90%."), "\(paragraph)")
    }

    /// The evaluations of a real solve whose share crept from 87.5% to 94% across 0.0625 to
    /// 0.094, every interval there containing 90%: the answer is not resolved, the range is
    /// given rounded outwards, and the replications suggested follow the stated formula.
    @Test func aSolveWhoseIntervalsStraddleTheTargetAcrossTheRangeIsNotResolved() {
        let settings = SolveSettings(input: "options[flat].uplift.rate", low: 0, high: 0.5, measure: MeasureName.providerExits,
                                     option: "flat", windows: .horizon, target: .below(11),
                                     probability: 0.9, tolerance: 0.0025)
        let runs: [(Double, Int)] = [(0, 81), (0.5, 197), (0.25, 197), (0.125, 192), (0.0625, 175), (0.09375, 188),
                                     (0.078125, 183), (0.0703125, 188), (0.06640625, 181), (0.064453125, 176)]
        let evaluations = runs.enumerated().map { k, run in
            Solver.evaluation(number: k + 1, input: run.0, met: run.1, replications: 200, windows: [], settings: settings)
        }
        let result = SolveResult(settings: settings, outcome: .found, evaluations: evaluations,
                                 low: 0.064453125, high: 0.06640625)
        #expect(result.undecidedRange == 0.0625...0.09375)
        // d = half the smaller of |87.5% − 90%| and |94% − 90%|; n = ⌈1.96² × 0.9 × 0.1 / d²⌉.
        let suggestion = result.suggestion
        let gap = suggestion?.gap ?? 0
        #expect(abs(gap - 0.0125) < 1e-12)
        #expect(suggestion?.replications == Int((SolveResult.z95 * SolveResult.z95 * 0.9 * 0.1 / (gap * gap)).rounded(.up)))
        #expect(suggestion?.replications == 2213)
        let paragraph = SolveWriter.paragraph(result, seed: 1)
        #expect(paragraph.hasPrefix("The answer is not resolved at 200 replications: from options[flat].uplift.rate = 0.062 "
                                    + "to 0.094 the 95% interval of the share meeting the target contains 90% (6 of the 10 "
                                    + "evaluations, shares 87.5% to 94%)"), "\(paragraph)")
        #expect(paragraph.contains("The bisection closed on 0.066 (bracket [0.0645, 0.0664], tolerance 0.0025)"), "\(paragraph)")
        #expect(paragraph.contains("About 2213 replications would decide the values whose share differs from 90% by more "
                                   + "than 1.3 points"), "\(paragraph)")
        #expect(paragraph.contains("n = 1.96² × p(1 − p) / d²"), "\(paragraph)")
        #expect(!paragraph.contains("0.066406"), "\(paragraph)")
    }

    /// The bundled Wiltshire solve's evaluations: the bracket closes at 0.1172–0.1195, but the
    /// shares' intervals contain 80% from 0.117 to 0.131, a span narrower than ten tolerances:
    /// the answer is given, with the span it is known to within and the replications to narrow it.
    @Test func aSolveWhoseIntervalsStraddleTheTargetBeyondTheBracketSaysHowFarTheAnswerIsKnown() {
        let settings = SolveSettings(input: "options[flat 3%].uplift.rate", low: 0, high: 0.15, measure: MeasureName.unmetShare,
                                     option: "flat 3%", windows: .label("2027/28"), target: .below(0.05),
                                     probability: 0.8, tolerance: 0.0025)
        let runs: [(Double, Int)] = [(0, 0), (0.15, 177), (0.075, 89), (0.1125, 147), (0.13125, 166), (0.121875, 160),
                                     (0.1171875, 156), (0.11953125, 162)]
        let evaluations = runs.enumerated().map { k, run in
            Solver.evaluation(number: k + 1, input: run.0, met: run.1, replications: 200, windows: [], settings: settings)
        }
        let result = SolveResult(settings: settings, outcome: .found, evaluations: evaluations,
                                 low: 0.1171875, high: 0.11953125)
        #expect(result.undecidedSpan == 0.1171875...0.13125)
        #expect(result.undecidedRange == nil)
        #expect(result.suggestion?.replications == 6147)
        let paragraph = SolveWriter.paragraph(result, seed: 1)
        #expect(paragraph.hasPrefix("The smallest options[flat 3%].uplift.rate at which unmet_share under flat 3% is below "
                                    + "0.05 in 2027/28 in at least 80% of replications is 0.119 (bracket [0.1172, 0.1195], "
                                    + "tolerance 0.0025)"), "\(paragraph)")
        #expect(paragraph.contains("At 200 replications the share's 95% interval contains 80% from 0.117 to 0.132 (4 of "
                                   + "the 8 evaluations), wider than the bracket: the answer is known only to within that "
                                   + "range. About 6147 replications would decide"), "\(paragraph)")
    }

    /// A bracket 0.00195 wide supports three decimals: the answer is printed as 0.066, the
    /// largest three-decimal number not above its upper end, inside the bracket.
    @Test func theAnswerHasNoMoreDigitsThanTheBracketSupports() {
        let settings = SolveSettings(input: "x", low: 0, high: 0.5, measure: "m", option: "o", windows: .horizon,
                                     target: .below(1), probability: 0.9, tolerance: 0.0025)
        let result = SolveResult(settings: settings, outcome: .found, evaluations: [], low: 0.064453125, high: 0.06640625)
        #expect(result.answerDecimals == 3)
        #expect(result.roundedSolution == 0.066)
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
