import Foundation
import Testing
@testable import Sufficiency

/// The remaining time of a duration that has already lasted a while, as the engine draws it for
/// people in care on the first day whose days in care are known.
@Suite struct RemainingDurationTests {
    static let families: [Distribution] = [
        Distribution(family: .weibull, mean: 300, shape: 1.3),
        Distribution(family: .weibull, mean: 500, shape: 0.7),
        Distribution(family: .gamma, mean: 400, sd: 250),
        Distribution(family: .lognormal, mean: 700, sd: 600),
        .exponential(mean: 450),
    ]

    /// The remaining time r drawn at u leaves the conditional survival S(a + r) / S(a) at 1 − u:
    /// the draw inverts the distribution of what is left, given what has lasted.
    @Test(arguments: families)
    func remainingTimeInvertsTheConditionalSurvival(_ d: Distribution) throws {
        for age in [0.0, 30, 365, 1_000] {
            let survivingAge = 1 - (try #require(d.cumulative(age)))
            for u in [0.01, 0.25, 0.5, 0.9, 0.999] {
                let r = d.remaining(after: age, uniform: u)
                #expect(r >= 0)
                let conditional = (1 - (try #require(d.cumulative(age + r)))) / survivingAge
                #expect(abs(conditional - (1 - u)) < 1e-6, "\(d.family) at age \(age), u \(u): \(conditional)")
            }
        }
    }

    /// With nothing lasted yet, the remaining time is the duration's own quantile; an exponential's
    /// does not depend on how long it has lasted.
    @Test func atAgeZeroItIsTheQuantileAndTheExponentialIsMemoryless() {
        for d in Self.families {
            for u in [0.1, 0.5, 0.9] {
                #expect(abs(d.remaining(after: 0, uniform: u) - d.quantile(u)) < 1e-6 * d.mean)
            }
        }
        let exponential = Distribution.exponential(mean: 450)
        #expect(abs(exponential.remaining(after: 2_000, uniform: 0.3) - exponential.quantile(0.3)) < 1e-9)
    }

    /// The mean remaining time of a Weibull with shape above 1 shrinks with age (its hazard rises),
    /// and matches ∫ S(a + r) dr / S(a) worked out by quadrature; a duration past its maximum, or a
    /// fixed one past its value, has nothing left.
    @Test func meanRemainingTimeFollowsTheHazard() {
        let d = Distribution(family: .weibull, mean: 300, shape: 1.3)
        func meanRemaining(_ age: Double) -> Double {
            let n = 20_000
            return (0..<n).reduce(0) { $0 + d.remaining(after: age, uniform: (Double($1) + 0.5) / Double(n)) } / Double(n)
        }
        func integral(_ age: Double) -> Double {
            let s0 = 1 - d.cumulative(age)!
            var total = 0.0
            let step = 0.5
            var r = step / 2
            while r < 20_000 { total += (1 - d.cumulative(age + r)!) * step; r += step }
            return total / s0
        }
        #expect(abs(meanRemaining(0) - 300) < 1)
        for age in [100.0, 400] {
            #expect(abs(meanRemaining(age) - integral(age)) < 0.005 * integral(age))
        }
        #expect(meanRemaining(400) < meanRemaining(100))
        #expect(Distribution(family: .gamma, mean: 100, sd: 50, maximum: 200).remaining(after: 250, uniform: 0.5) == 0)
        #expect(Distribution.fixed(42).remaining(after: 10, uniform: 0.5) == 32)
        #expect(Distribution.fixed(42).remaining(after: 50, uniform: 0.5) == 0)
    }
}
