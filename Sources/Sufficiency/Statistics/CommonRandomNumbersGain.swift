/// What common random numbers saved in one paired comparison of two options: the variance of the
/// difference paired on replication against the sum of the two options' variances, which is the
/// variance of the difference independent random-number streams would give.
///
/// With `n` replications the paired difference's mean has variance `var(A − B)/n`; with
/// independent streams it would have `(var(A) + var(B))/n`, so independent streams would need
/// `n / varianceRatio` replications for an interval as narrow. A ratio below 1 is replications
/// saved; above 1, options whose results move in opposite directions under the same draws, which
/// pairing makes noisier.
public struct CommonRandomNumbersGain: Sendable, Equatable {
    /// `var(A − B) / (var(A) + var(B))`, from the replications both options gave a value in.
    public let varianceRatio: Double
    /// Replications paired.
    public let replications: Int

    /// Replications independent streams would need for the same interval: `n / varianceRatio`.
    public var independentReplications: Double { Double(replications) / varianceRatio }

    /// Replications common random numbers saved: `independentReplications − n` (negative when
    /// pairing cost replications).
    public var replicationsSaved: Double { independentReplications - Double(replications) }

    /// The gain for a comparison and the two options' summaries of the same cell; nil when fewer
    /// than two replications were paired, the two options' counts differ from the pairing's, or
    /// neither option varies (then there is nothing to save).
    public init?(paired: Comparison, a: Summary, b: Summary) {
        guard paired.n >= 2, a.n == paired.n, b.n == paired.n else { return nil }
        let independent = a.sd * a.sd + b.sd * b.sd
        guard independent > 0, independent.isFinite, paired.sdDifference.isFinite else { return nil }
        varianceRatio = paired.sdDifference * paired.sdDifference / independent
        replications = paired.n
    }
}
