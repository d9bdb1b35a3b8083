import Foundation
import Testing
@testable import Sufficiency

/// Saltelli's design and the Sobol index estimators, checked against the Ishigami function's
/// published indices.
@Suite struct SobolIndicesTests {
    /// The Ishigami function (Ishigami & Homma 1990), each x_i uniform on [−π, π]:
    /// f = sin x1 + a sin² x2 + b x3⁴ sin x1.
    static func ishigami(_ x: [Double], a: Double = 7, b: Double = 0.1) -> Double {
        sin(x[0]) + a * sin(x[1]) * sin(x[1]) + b * pow(x[2], 4) * sin(x[0])
    }

    /// The Ishigami function's indices for a = 7, b = 0.1, as Saltelli et al. (2010) and
    /// Sobol' & Levitan (1999) give them: S1 = 0.3139, S2 = 0.4424, S3 = 0, ST1 = 0.5576,
    /// ST2 = 0.4424, ST3 = 0.2437. With N = 4096 base rows of Saltelli's design, each lies in
    /// its estimate's 95% bootstrap interval, and each interval is narrower than 0.1.
    @Test func ishigamiIndicesLieInTheirBootstrapIntervals() {
        let n = 4096
        let design = SweepDesign.saltelli(baseRows: n, dimensions: 3)
        #expect(design.count == n * 5)
        let outputs = design.map { u in Self.ishigami(u.map { -Double.pi + 2 * Double.pi * $0 }) }
        let indices = SobolIndices.estimate(saltelliOutputs: outputs, parameters: 3, seed: 20_100_601)
        let published = (first: [0.3139, 0.4424, 0.0], total: [0.5576, 0.4424, 0.2437])
        #expect(indices.baseRows == n)
        for i in 0..<3 {
            for (name, index, value) in [("S\(i + 1)", indices.firstOrder[i], published.first[i]),
                                         ("ST\(i + 1)", indices.total[i], published.total[i])] {
                #expect(index.low <= value && value <= index.high,
                        "\(name) = \(value) published; estimated \(index.estimate) [\(index.low), \(index.high)]")
                #expect(index.low <= index.estimate && index.estimate <= index.high, "\(name): \(index)")
                #expect(index.high - index.low < 0.1, "\(name): interval \(index.low) to \(index.high) is wide")
            }
        }
    }

    /// f = x1 + 2·x2 with independent uniform inputs and no interaction: S1 = ST1 = 1/5 and
    /// S2 = ST2 = 4/5; x3 is not used, so S3 = ST3 = 0 exactly (A_B^3 gives the outputs of A).
    @Test func anAdditiveModelsIndicesAreItsVarianceShares() {
        let design = SweepDesign.saltelli(baseRows: 1024, dimensions: 3)
        let indices = SobolIndices.estimate(saltelliOutputs: design.map { $0[0] + 2 * $0[1] }, parameters: 3, seed: 7)
        #expect(abs(indices.firstOrder[0].estimate - 0.2) < 0.01 && abs(indices.total[0].estimate - 0.2) < 0.01,
                "\(indices)")
        #expect(abs(indices.firstOrder[1].estimate - 0.8) < 0.02 && abs(indices.total[1].estimate - 0.8) < 0.02,
                "\(indices)")
        #expect(indices.firstOrder[2] == .init(estimate: 0, low: 0, high: 0))
        #expect(indices.total[2] == .init(estimate: 0, low: 0, high: 0))
    }

    @Test func anOutputThatDoesNotVaryHasNoIndicesAndTheSameSeedGivesTheSameIntervals() {
        let constant = SobolIndices.estimate(saltelliOutputs: [Double](repeating: 3, count: 64 * 4), parameters: 2, seed: 1)
        #expect(constant.firstOrder.allSatisfy { $0.estimate.isNaN && $0.low.isNaN && $0.high.isNaN })
        let design = SweepDesign.saltelli(baseRows: 64, dimensions: 2)
        let outputs = design.map { $0[0] * $0[1] + $0[0] }
        let once = SobolIndices.estimate(saltelliOutputs: outputs, parameters: 2, seed: 5)
        #expect(SobolIndices.estimate(saltelliOutputs: outputs, parameters: 2, seed: 5) == once)
        #expect(SobolIndices.estimate(saltelliOutputs: outputs, parameters: 2, seed: 6) != once)
    }

    /// A and B are the two halves of GSL's Sobol points in 2k dimensions; A_B^i is A with
    /// column i from B.
    @Test func saltellisDesignIsAAndBFromOneSobolSequenceAndAWithEachColumnFromB() {
        let n = 8, k = 3
        let design = SweepDesign.saltelli(baseRows: n, dimensions: k)
        let sequence = SweepDesign.sobol(points: n, dimensions: 2 * k)
        #expect(design.count == n * (k + 2))
        for j in 0..<n {
            let a = design[j], b = design[n + j]
            #expect(a == Array(sequence[j][0..<k]) && b == Array(sequence[j][k...]))
            for i in 0..<k {
                var expected = a
                expected[i] = b[i]
                #expect(design[(2 + i) * n + j] == expected, "row \(j) of A_B^\(i + 1)")
            }
        }
    }

    /// The indices come from the points' means alone, so a Saltelli sweep stopped and resumed
    /// gives the bits of one never stopped, and a measure the parameter moves gets a positive
    /// total index.
    @Test func aStoppedAndResumedSaltelliSweepGivesTheSameIndices() throws {
        let file = try ExperimentFile.load(yaml: ExperimentTests.scenario(sweep: """
            sweep:
              design: saltelli
              points: 4
              parameters:
                - path: demand.referrals_per_week
                  range: [2, 4]
            """, replications: 3), fileName: "saltelli.yaml")
        var run = file.base.scenario.run
        run.threads = 1
        let plan = try file.sweepPlan(try #require(file.sweep), run: run)
        #expect(plan.points.count == 12)
        let whole = SweepRunner.run(plan)
        let stop = StopRequest()
        guard case .stopped(let checkpoint) = SweepRunner.run(plan, resuming: nil, stop: stop, progress: { done, _ in
            if done >= 17 { stop.stop() }
        }), case .finished(let resumed) = SweepRunner.run(plan, resuming: checkpoint, stop: StopRequest()) else {
            Issue.record("the sweep did not stop and then finish")
            return
        }
        let bits = { (results: SweepResults) in
            results.sensitivity.flatMap { entry in
                (entry.indices.firstOrder + entry.indices.total).flatMap { [$0.estimate, $0.low, $0.high] }.map(\.bitPattern)
            }
        }
        #expect(!whole.sensitivity.isEmpty && bits(resumed) == bits(whole))
        let referrals = try #require(whole.layout.measures.all.firstIndex { $0.name == MeasureName.referrals })
        let total = try #require(whole.sensitivity.first { $0.measure == referrals }).indices.total[0]
        #expect(total.estimate > 0.5, "\(total)")
    }

    @Test func aSaltelliSweepRunsNTimesKPlusTwoPointsAndRefusesMoreThanASweepHolds() throws {
        let file = try ExperimentFile.load(yaml: ExperimentTests.scenario(sweep: """
            sweep:
              design: saltelli
              points: 4
              parameters:
                - path: options[only].uplift.rate
                  range: [0.0, 0.1]
                - path: demand.referrals_per_week
                  range: [2, 4]
            """), fileName: "saltelli.yaml")
        let points = try #require(file.sweep).designPoints(seed: 1)
        #expect(points.count == 4 * 4)
        // A_B^1's first row: A's first row with B's first rate.
        #expect(points[8].values.map(\.text) == [points[4].values[0].text, points[0].values[1].text])

        let tooMany = ExperimentTests.scenario(sweep: """
            sweep:
              design: saltelli
              points: 3000
              parameters:
                - path: options[only].uplift.rate
                  range: [0.0, 0.1]
                - path: demand.referrals_per_week
                  range: [2, 4]
            """)
        let error = try #require(throws: ScenarioError.self) { try ExperimentFile.load(yaml: tooMany, fileName: "s.yaml") }
        #expect(error.issues.map(\.message).contains { $0.contains("3000 × 4 = 12000 points") && $0.contains("at most 2500 base rows") },
                "\(error)")
    }
}
