import Foundation
import Testing
@testable import Sufficiency

/// KN (Kim and Nelson 2001) run on the engine's options by `Selector`, on the small test market.
@Suite struct SelectorTests {
    static func settings(_ scenario: Scenario, delta: Double, maximum: Int = 200) throws -> SelectionSettings {
        try SelectionSettings.checked(measure: MeasureName.unmetHours, better: nil, delta: delta, alpha: 0.05, firstStage: 10,
                                      maximumReplications: maximum, layout: Runner(scenario: scenario).layout)
    }

    static func finished(_ outcome: Selector.Outcome) throws -> SelectionResult {
        guard case .finished(let result) = outcome else {
            Issue.record("the selection did not finish: \(outcome)")
            throw CancellationError()
        }
        return result
    }

    /// The same answer, after the same replications, whatever the threads (at most 30 of them,
    /// so whether it stops or reaches the maximum); and the means are those of the run's first r
    /// replications.
    @Test func theAnswerDoesNotDependOnThreads() throws {
        var results: [SelectionResult] = []
        for threads in [1, 2] {
            let scenario = TestScenarios.market(threads: threads)
            results.append(try Self.finished(Selector.select(scenario, settings: try Self.settings(scenario, delta: 2, maximum: 30),
                                                             stop: StopRequest())))
        }
        #expect(results[0] == results[1])
        let result = results[0]
        #expect(result.replications >= 10 && result.replications <= 30)
        #expect(result.ending == .selected || result.replications == 30)
        #expect(result.settings.better == "lower")

        let run = Runner(scenario: TestScenarios.market(replications: result.replications)).run()
        let m = run.layout.measures.all.firstIndex { $0.name == MeasureName.unmetHours }!
        for o in 0..<2 {
            let values = (0..<result.replications).map { run.total(replication: $0, option: o, measure: m) }
            #expect(abs(result.means[o] - values.reduce(0, +) / Double(values.count)) <= 1e-9 * abs(result.means[o]))
        }
    }

    /// Two options that are the same option under two names give the same values in every
    /// replication (common random numbers): no difference to see, so KN stops at once, tied,
    /// rather than running to the maximum.
    @Test func identicalOptionsAreTiedAtTheFirstStage() throws {
        var scenario = TestScenarios.market()
        var twin = scenario.options[1]
        twin.name = "framework twin"
        scenario.options = [scenario.options[1], twin]
        let result = try Self.finished(Selector.select(scenario, settings: try Self.settings(scenario, delta: 1),
                                                       stop: StopRequest()))
        #expect(result.ending == .tied)
        #expect(result.replications == 10)
        #expect(result.survivors == [0, 1])
        #expect(result.means[0] == result.means[1])
        #expect(SelectionWriter.paragraph(result, seed: 11).hasPrefix("No option is selected: framework and framework twin are left"))
    }
}
