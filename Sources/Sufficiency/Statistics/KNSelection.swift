import Foundation

/// Kim and Nelson's fully sequential indifference-zone selection procedure, KN (S.-H. Kim and
/// B. L. Nelson, "A fully sequential procedure for indifference-zone selection in simulation",
/// ACM TOMACS 11(3), 2001, 251–273), with c = 1.
///
/// It picks, among k systems, the one with the best mean, with probability of correct selection
/// at least 1 − α whenever the best mean is at least δ better than every other (the
/// indifference zone). Every system is observed n0 times; the variance S²_il of each pair's
/// differences over those n0 observations fixes how far apart two means must be before the
/// worse is eliminated. Then the surviving systems are observed once more at a time, and after
/// each observation r (from n0) system i is eliminated when some l among the systems that
/// survived the previous step has a better mean by more than
///
///     W_il(r) = max(0, (δ / 2r) · (h² S²_il / δ² − r)),
///     h² = 2η (n0 − 1),  η = ½ [(2α / (k − 1))^(−2 / (n0 − 1)) − 1].
///
/// It ends when one system is left, which is the selection. The region W_il closes at
/// r = h² S²_il / δ², so it ends by then unless two systems' means are exactly equal.
///
/// Because it works with the variance of paired differences, it is valid when the systems
/// share random numbers (observation j of every system from the same random numbers), and
/// positively correlated systems need fewer observations; it assumes the observations are
/// independent across j and normal (Kim and Nelson, section 3).
public struct KNSelection: Sendable {
    /// Number of systems, k (at least 2).
    public let systems: Int
    /// The indifference zone δ, in the observations' unit (positive).
    public let delta: Double
    /// 1 minus the least probability of correct selection (0 < α < 1 − 1/k).
    public let alpha: Double
    /// First-stage observations of each system, n0 (at least 2).
    public let firstStage: Int
    /// Which way is better.
    public let better: Preference
    /// η = ½ [(2α / (k − 1))^(−2 / (n0 − 1)) − 1].
    public let eta: Double
    /// h² = 2η (n0 − 1).
    public let hSquared: Double

    /// Observations taken of each surviving system so far, r.
    public private(set) var observations = 0
    /// For each system, the observation after which it was eliminated; nil while it survives.
    public private(set) var eliminatedAfter: [Int?]
    /// For each eliminated system, its mean over the observations up to its elimination.
    public private(set) var meanAtElimination: [Double?]
    /// S²_il, the sample variance of the differences X_ij − X_lj over the first n0 observations
    /// (k × k, row-major, zero on the diagonal); empty until n0 observations are in.
    public private(set) var pairVariances: [Double] = []

    /// Sum of each system's observations (those after its elimination included, which the
    /// procedure never reads).
    private var sums: [Double]
    /// The first n0 observations, observation-major, kept to compute `pairVariances`.
    private var firstStageValues: [Double] = []

    /// Checks the settings: `KNSelection.Problem` when they are out of the procedure's range.
    public init(systems: Int, delta: Double, alpha: Double, firstStage: Int, better: Preference) throws(Problem) {
        guard systems >= 2 else { throw .tooFewSystems(systems) }
        guard delta.isFinite, delta > 0 else { throw .delta(delta) }
        guard alpha.isFinite, alpha > 0, alpha < 1 - 1 / Double(systems) else { throw .alpha(alpha, systems: systems) }
        guard firstStage >= 2 else { throw .firstStage(firstStage) }
        self.systems = systems
        self.delta = delta
        self.alpha = alpha
        self.firstStage = firstStage
        self.better = better
        eta = KNSelection.eta(systems: systems, alpha: alpha, firstStage: firstStage)
        hSquared = 2 * eta * Double(firstStage - 1)
        eliminatedAfter = Array(repeating: nil, count: systems)
        meanAtElimination = Array(repeating: nil, count: systems)
        sums = Array(repeating: 0, count: systems)
    }

    /// η = ½ [(2α / (k − 1))^(−2 / (n0 − 1)) − 1] (Kim and Nelson 2001, with c = 1).
    public static func eta(systems k: Int, alpha: Double, firstStage n0: Int) -> Double {
        0.5 * (pow(2 * alpha / Double(k - 1), -2 / Double(n0 - 1)) - 1)
    }

    /// Settings outside the procedure's range.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case tooFewSystems(Int)
        case delta(Double)
        case alpha(Double, systems: Int)
        case firstStage(Int)

        public var description: String {
            switch self {
            case .tooFewSystems(let k):
                return "there \(k == 1 ? "is 1 option" : "are \(k) options"); selecting the best needs at least 2"
            case .delta(let d):
                return "the indifference zone δ is \(CSVFormat.number(d)); expected a number above 0 in the measure's unit"
            case .alpha(let a, let k):
                return "α is \(CSVFormat.number(a)); expected a number above 0 and below 1 − 1/k = "
                    + "\(CSVFormat.number(1 - 1 / Double(k))) for \(k) options (the probability of correct selection "
                    + "is at least 1 − α, and picking at random already gives 1/k)"
            case .firstStage(let n):
                return "the first stage n0 is \(n) replications; expected at least 2 (the variances need two)"
            }
        }
    }

    /// The systems not eliminated, in order.
    public var survivors: [Int] { (0..<systems).filter { eliminatedAfter[$0] == nil } }

    /// Whether one system is left: it is the selection.
    public var isDecided: Bool { survivors.count == 1 }

    /// Whether more than one system is left but the continuation region has closed for every
    /// pair of them (r ≥ h² S²_il / δ²): their means are exactly equal, and more observations of
    /// them would never tell them apart under the rule.
    public var isTied: Bool {
        guard !pairVariances.isEmpty else { return false }
        let left = survivors
        guard left.count > 1 else { return false }
        for i in left { for l in left where l != i && width(i, l) > 0 { return false } }
        return true
    }

    /// The mean of system `i`'s observations so far.
    public func mean(_ i: Int) -> Double { sums[i] / Double(observations) }

    /// The most observations the procedure can take: the first r at which the continuation
    /// region has closed for every pair, 1 + max floor(h² S²_il / δ²) (at least n0); nil
    /// before the first stage is in.
    public var mostObservations: Int? {
        guard !pairVariances.isEmpty else { return nil }
        var most = firstStage
        for i in 0..<systems {
            for l in 0..<systems where l != i {
                let closes = hSquared * pairVariances[i * systems + l] / (delta * delta)
                if closes.isFinite { most = max(most, Int(min(closes.rounded(.down), 1e15)) + 1) }
            }
        }
        return most
    }

    /// Takes observation r + 1 of every system (`values`, one per system; those of eliminated
    /// systems are ignored) and, from the n0-th on, eliminates by the screening rule. Returns the
    /// systems eliminated by this observation, in order.
    public mutating func observe(_ values: [Double]) -> [Int] {
        precondition(values.count == systems, "KNSelection.observe: one value per system")
        precondition(!isDecided, "KNSelection.observe: already decided")
        observations += 1
        for i in 0..<systems { sums[i] += values[i] }
        if observations <= firstStage {
            firstStageValues += values
            guard observations == firstStage else { return [] }
            computePairVariances()
            firstStageValues = []
        }
        return screen()
    }

    /// S²_il over the first stage.
    private mutating func computePairVariances() {
        let k = systems, n = firstStage
        pairVariances = Array(repeating: 0, count: k * k)
        for i in 0..<k {
            for l in (i + 1)..<max(i + 1, k) {
                var sum = 0.0
                for j in 0..<n { sum += firstStageValues[j * k + i] - firstStageValues[j * k + l] }
                let meanDifference = sum / Double(n)
                var squares = 0.0
                for j in 0..<n {
                    let d = firstStageValues[j * k + i] - firstStageValues[j * k + l] - meanDifference
                    squares += d * d
                }
                let s2 = squares / Double(n - 1)
                pairVariances[i * k + l] = s2
                pairVariances[l * k + i] = s2
            }
        }
    }

    /// W_il(r).
    private func width(_ i: Int, _ l: Int) -> Double {
        let r = Double(observations)
        return max(0, delta / (2 * r) * (hSquared * pairVariances[i * systems + l] / (delta * delta) - r))
    }

    /// One screening step: system i survives when, for every other l that survived the last
    /// step, its mean (signed so that larger is better) is at least l's less W_il(r).
    private mutating func screen() -> [Int] {
        let old = survivors
        let sign: Double = better == .higher ? 1 : -1
        var eliminated: [Int] = []
        for i in old {
            let own = sign * mean(i)
            for l in old where l != i && own < sign * mean(l) - width(i, l) {
                eliminated.append(i)
                break
            }
        }
        for i in eliminated {
            eliminatedAfter[i] = observations
            meanAtElimination[i] = mean(i)
        }
        return eliminated
    }
}
