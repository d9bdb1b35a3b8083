import Foundation
import Testing
@testable import Sufficiency

/// What common random numbers save: the ratio of the paired difference's variance to the sum of
/// the two options' variances.
@Suite struct CommonRandomNumbersGainTests {
    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios")

    /// Two options with standard deviations 3 and 4 (variances 9 and 16, 25 independent) whose
    /// paired difference has standard deviation 2 (variance 4): a ratio of 0.16, so independent
    /// streams would need 100 / 0.16 = 625 replications where 100 do.
    @Test func theRatioIsThePairedVarianceOverTheSumOfTheTwo() throws {
        func summary(sd: Double) -> Summary {
            Summary(n: 100, mean: 10, sd: sd, ciLow: 9, ciHigh: 11, p05: .nan, p50: .nan, p95: .nan)
        }
        let paired = Comparison(n: 100, meanDifference: 1, sdDifference: 2, ciLow: 0.6, ciHigh: 1.4,
                                shareABetter: 0.3, shareBBetter: 0.7, shareTied: 0)
        let gain = try #require(CommonRandomNumbersGain(paired: paired, a: summary(sd: 3), b: summary(sd: 4)))
        #expect(abs(gain.varianceRatio - 0.16) < 1e-12)
        #expect(abs(gain.independentReplications - 625) < 1e-9)
        #expect(abs(gain.replicationsSaved - 525) < 1e-9)
        // Nothing varies: nothing to save, and no ratio.
        #expect(CommonRandomNumbersGain(paired: paired, a: summary(sd: 0), b: summary(sd: 0)) == nil)
    }

    /// Every bundled scenario's options, run on common random numbers, have paired differences in
    /// spend and unmet need with less variance than independent streams would give, wherever both
    /// options vary. Fixed seeds; the quick start's two options are the least alike in what the
    /// same draws do to their spend (a ratio about a half, which its sample variances can hide at
    /// 8 replications: 1.6 with this seed), so it runs 40; the counties run 8 (ratios from under
    /// 0.01 to 0.67 with these seeds).
    @Test(arguments: [("quickstart", 40), ("wiltshire-home-care", 8), ("wiltshire-price-uplift", 8),
                      ("wiltshire-zone-coverage", 8), ("wiltshire-day-opportunities", 8),
                      ("kent-day-opportunities-dps", 8), ("wiltshire-good-lives", 8)])
    func commonRandomNumbersNarrowTheBundledComparisons(_ name: String, _ replications: Int) throws {
        var scenario = try ScenarioLoader.load(path: Self.scenarios.appendingPathComponent("\(name).yaml").path).scenario
        scenario.run.replications = replications
        let results = Runner(scenario: scenario).run()
        let layout = results.layout
        let window = layout.horizonWindow
        var judged = 0
        for (pair, (a, b)) in layout.pairs.enumerated() {
            for measure in [MeasureName.spend, MeasureName.unmetHours, MeasureName.unmetDays] {
                guard let m = layout.measures.all.firstIndex(where: { $0.name == measure }),
                      let cell = results.comparisonCell(window: window, zoneSlot: 0, measure: m) else { continue }
                let first = results.summaries.summary(layout.cell(option: a, window: window, zoneSlot: 0, measure: m))
                let second = results.summaries.summary(layout.cell(option: b, window: window, zoneSlot: 0, measure: m))
                guard first.sd > 0, second.sd > 0,
                      let gain = CommonRandomNumbersGain(paired: results.comparisons[pair].comparison(cell),
                                                         a: first, b: second) else { continue }
                judged += 1
                #expect(gain.varianceRatio < 1, "\(name): \(layout.options[a]) vs \(layout.options[b]), \(measure): \(gain.varianceRatio)")
            }
        }
        #expect(judged > 0, "\(name): no comparison where both options vary")
    }
}
