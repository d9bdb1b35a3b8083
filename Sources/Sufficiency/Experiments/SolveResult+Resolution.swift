import Foundation

/// How far a solve's evidence goes: the best share reached, where the share's interval leaves
/// the answer undecided, how many replications would decide it, and the digits the bracket
/// supports.
extension SolveResult {
    /// The normal quantile of a two-sided 95% interval, used by `replicationsToDecide`.
    public static let z95 = 1.959964

    /// The evaluation with the highest share meeting the target; among equal shares, the one
    /// whose mean in the first judged window is nearest the target (or beyond it), then the
    /// smaller input.
    public var best: SolveEvaluation {
        let window = chosenWindows.first ?? -1
        // How far the mean falls short of the target, in the measure's unit; infinite when unknown.
        let shortfall = { (e: SolveEvaluation) -> Double in
            guard e.windows.indices.contains(window), !e.windows[window].mean.isNaN else { return .infinity }
            switch settings.target {
            case .below(let bound): return e.windows[window].mean - bound
            case .above(let bound): return bound - e.windows[window].mean
            }
        }
        return evaluations.min { a, b in
            if a.share != b.share { return a.share > b.share }
            if shortfall(a) != shortfall(b) { return shortfall(a) < shortfall(b) }
            return a.input < b.input
        } ?? evaluations[0]
    }

    /// Evaluations whose share's 95% interval contains the required probability, in order of
    /// input: at these values more replications could put the share on either side of it.
    public var undecided: [SolveEvaluation] {
        evaluations.filter { $0.isUndecided(settings.probability) }.sorted { $0.input < $1.input }
    }

    /// The inputs from the lowest to the highest evaluation whose interval contains the
    /// required probability, when that span is wider than the final bracket: the answer is
    /// then known only to within this span at this number of replications. Nil otherwise.
    public var undecidedSpan: ClosedRange<Double>? {
        let open = undecided
        guard let first = open.first, let last = open.last, last.input - first.input > high - low else { return nil }
        return first.input...last.input
    }

    /// `undecidedSpan` when it is wide, more than ten tolerances: where the answer lies inside
    /// it is then a matter of noise, not of the bracket, and the answer is not resolved at this
    /// number of replications. Nil otherwise.
    public var undecidedRange: ClosedRange<Double>? {
        guard let span = undecidedSpan, span.upperBound - span.lowerBound > 10 * settings.tolerance else { return nil }
        return span
    }

    /// Replications each evaluation would need for a share differing from the required
    /// probability p by `gap` to lie outside the share's 95% interval around p, by the normal
    /// approximation: n = ⌈z² p (1 − p) / gap²⌉, z = 1.96. Nil when `gap` is zero.
    public func replicationsToDecide(gap: Double) -> Int? {
        let p = settings.probability
        guard gap > 0, p > 0, p < 1 else { return nil }
        let n = Self.z95 * Self.z95 * p * (1 - p) / (gap * gap)
        return n < 1e9 ? Int(n.rounded(.up)) : nil
    }

    /// For an undecided span: the gap used to suggest replications, half the smaller of the
    /// differences between the required probability and the shares at the span's two ends
    /// (so that, if the share changes steadily across the span, roughly its outer halves
    /// would be decided), and the replications `replicationsToDecide` gives for it.
    public var suggestion: (gap: Double, replications: Int)? {
        let open = undecided
        guard undecidedSpan != nil, let first = open.first, let last = open.last else { return nil }
        let p = settings.probability
        let gap = min(abs(first.share - p), abs(last.share - p)) / 2
        return replicationsToDecide(gap: gap).map { (gap, $0) }
    }

    /// Decimals the final bracket supports: the fewest with a step no wider than the bracket,
    /// ⌈−log₁₀(high − low)⌉, at least 0; the tolerance's when the bracket has no width.
    public var answerDecimals: Int {
        let width = high - low > 0 ? high - low : settings.tolerance
        return max(0, Int((-log10(width)).rounded(.up)))
    }

    /// The answer at the bracket's resolution: the largest number with `answerDecimals`
    /// decimals not above the bracket's upper end (it is inside the bracket, as a step of that
    /// size is no wider than it). Nil when there is no answer.
    public var roundedSolution: Double? {
        guard outcome == .found else { return solution }
        let scale = pow(10, Double(answerDecimals))
        let rounded = (high * scale + 1e-9).rounded(.down) / scale
        return max(rounded, low)
    }

    /// Windows among those judged where, at every value tried, fewer replications than the
    /// required share meet the target in that window alone, with the most that do in each:
    /// whatever the input, the target fails there. Worst first. Only when more than one window
    /// is judged (with one window this is the result itself).
    public var failingWindows: [(label: String, bestShare: Double)] {
        guard chosenWindows.count > 1, !evaluations.isEmpty else { return [] }
        let p = settings.probability
        var found: [(label: String, bestShare: Double)] = []
        for k in chosenWindows {
            let shares = evaluations.compactMap { e in k < e.windows.count ? Double(e.windows[k].met) / Double(e.replications) : nil }
            guard let most = shares.max(), most < p else { continue }
            found.append((windowLabels[k], most))
        }
        return found.sorted { $0.bestShare < $1.bestShare }
    }

    /// Financial years (not themselves judged) whose mean of the measure the input barely
    /// moves: across every value tried it stays within 5% of its largest size. Each with its
    /// smallest and largest mean, in the measure's unit.
    public var unmovedYears: [(label: String, low: Double, high: Double)] {
        guard !evaluations.isEmpty else { return [] }
        var found: [(label: String, low: Double, high: Double)] = []
        for (k, label) in windowLabels.enumerated() where k < financialYears && !chosenWindows.contains(k) {
            let means = evaluations.compactMap { k < $0.windows.count ? $0.windows[k].mean : nil }.filter { !$0.isNaN }
            guard means.count == evaluations.count, let lo = means.min(), let hi = means.max(),
                  max(abs(lo), abs(hi)) > 0, hi - lo <= 0.05 * max(abs(lo), abs(hi)) else { continue }
            found.append((label, lo, hi))
        }
        return found
    }
}
