import Foundation
import Testing
@testable import Sufficiency

/// KN, the fully sequential selection procedure of Kim and Nelson (2001, "A fully sequential
/// procedure for indifference-zone selection in simulation", ACM TOMACS 11(3)), fed normal
/// observations with known means, variances and correlation between systems (the correlation
/// common random numbers give).
@Suite struct KNSelectionTests {
    /// Runs KN once on k normal systems with `means`, standard deviation 1 and correlation `rho`
    /// between systems in the same observation (a shared normal term, as common random numbers
    /// give), drawn from `stream`. Returns the survivors and the observations taken.
    static func macroReplication(means: [Double], rho: Double, delta: Double, alpha: Double, n0: Int,
                                 better: Preference, stream: RandomStream) throws -> (survivors: [Int], observations: Int) {
        var kn = try KNSelection(systems: means.count, delta: delta, alpha: alpha, firstStage: n0, better: better)
        while !kn.isDecided && kn.observations < 100_000 {
            let shared = stream.gaussian(mean: 0, sd: 1)
            let values = means.map { $0 + rho.squareRoot() * shared + (1 - rho).squareRoot() * stream.gaussian(mean: 0, sd: 1) }
            _ = kn.observe(values)
        }
        return (kn.survivors, kn.observations)
    }

    /// η and h² as Kim and Nelson define them, c = 1: for k = 4, α = 0.05, n0 = 10,
    /// (2·0.05/3)^(−2/9) = 2.129360…, so η = 0.564680 and h² = 2η·9 = 10.16424.
    @Test func constantsFollowThePaper() throws {
        let kn = try KNSelection(systems: 4, delta: 1, alpha: 0.05, firstStage: 10, better: .higher)
        #expect(abs(kn.eta - 0.564680) < 1e-6)
        #expect(abs(kn.hSquared - 10.16424) < 1e-5)
        // With two systems, n0 = 2: η = ½[(2α)^(−2) − 1] = 49.5 at α = 0.05, h² = 99.
        let two = try KNSelection(systems: 2, delta: 1, alpha: 0.05, firstStage: 2, better: .lower)
        #expect(abs(two.eta - 49.5) < 1e-9)
        #expect(abs(two.hSquared - 99) < 1e-9)
    }

    /// The slippage configuration, the least favourable for the indifference zone: the best at
    /// δ above three others all at 0. Over 1,000 macro-replications the share selecting the best
    /// must be at least 1 − α less three standard errors of a share of 1,000.
    @Test(arguments: [Preference.higher, .lower])
    func correctSelectionIsAtLeastOneMinusAlphaInTheSlippageConfiguration(better: Preference) throws {
        let alpha = 0.05, n0 = 10, macro = 1000
        let delta = 1 / Double(n0).squareRoot()
        let best = better == .higher ? delta : -delta
        let stream = RandomStream(seed: better == .higher ? 2001 : 2002)
        var correct = 0
        for _ in 0..<macro {
            let run = try Self.macroReplication(means: [0, best, 0, 0], rho: 0.5, delta: delta, alpha: alpha,
                                                n0: n0, better: better, stream: stream)
            #expect(run.survivors.count == 1)
            if run.survivors == [1] { correct += 1 }
        }
        let pcs = Double(correct) / Double(macro)
        let se = (alpha * (1 - alpha) / Double(macro)).squareRoot()
        #expect(pcs >= 1 - alpha - 3 * se, "PCS \(pcs) over \(macro) macro-replications")
    }

    /// Equal means, the hardest case of all: no choice is wrong inside the zone, but the
    /// procedure must still stop, by the point where its continuation region closes.
    @Test func equalMeansStopByTheRegionsEnd() throws {
        let stream = RandomStream(seed: 7)
        for _ in 0..<50 {
            var kn = try KNSelection(systems: 3, delta: 0.5, alpha: 0.05, firstStage: 8, better: .lower)
            var most: Int? = nil
            while !kn.isDecided {
                _ = kn.observe((0..<3).map { _ in stream.gaussian(mean: 5, sd: 1) })
                if kn.observations == 8 { most = kn.mostObservations }
            }
            let bound = try #require(most)
            #expect(kn.observations <= bound)
            #expect(kn.survivors.count == 1)
        }
    }

    /// Paired differences are what make KN valid, and efficient, under common random numbers:
    /// the more correlated the systems, the smaller S²_il and the fewer observations it takes.
    @Test func correlatedSystemsNeedFewerObservations() throws {
        func average(rho: Double) throws -> Double {
            let stream = RandomStream(seed: 11)
            var total = 0
            for _ in 0..<200 {
                total += try Self.macroReplication(means: [0, 0.2, 0.2], rho: rho, delta: 0.2, alpha: 0.05, n0: 10,
                                                   better: .lower, stream: stream).observations
            }
            return Double(total) / 200
        }
        let independent = try average(rho: 0), common = try average(rho: 0.8)
        #expect(common < 0.5 * independent, "\(common) against \(independent)")
    }

    /// A system eliminated is never brought back, records when it went and its mean then, and
    /// the best survives a clear lead from the first screening.
    @Test func eliminationsAreRecorded() throws {
        var kn = try KNSelection(systems: 3, delta: 1, alpha: 0.05, firstStage: 3, better: .lower)
        var gone: [Int] = []
        gone += kn.observe([1, 100, 2])
        gone += kn.observe([1.2, 101, 2.1])
        #expect(gone.isEmpty)
        gone += kn.observe([0.9, 99, 2.05])
        // S² of (system 1 − system 0) is small against a gap of 99: eliminated at r = n0.
        #expect(gone.contains(1))
        #expect(kn.eliminatedAfter[1] == 3)
        #expect(abs((kn.meanAtElimination[1] ?? 0) - 100) < 1e-9)
        #expect(kn.eliminatedAfter[0] == nil)
    }

    @Test func settingsOutOfRangeAreRefused() {
        #expect(throws: KNSelection.Problem.tooFewSystems(1)) {
            try KNSelection(systems: 1, delta: 1, alpha: 0.05, firstStage: 10, better: .lower)
        }
        #expect(throws: KNSelection.Problem.delta(0)) {
            try KNSelection(systems: 3, delta: 0, alpha: 0.05, firstStage: 10, better: .lower)
        }
        #expect(throws: KNSelection.Problem.alpha(0.7, systems: 3)) {
            try KNSelection(systems: 3, delta: 1, alpha: 0.7, firstStage: 10, better: .lower)
        }
        #expect(throws: KNSelection.Problem.firstStage(1)) {
            try KNSelection(systems: 3, delta: 1, alpha: 0.05, firstStage: 1, better: .lower)
        }
    }
}
