/// Where an output series has settled: the truncation point of the marginal standard error rule
/// with batches of `batchSize` (MSER-5 with the default), after White (1997) and Franklin &
/// White (2008).
///
/// The series — for a simulation, the mean across replications of a measure in each reporting
/// period — is cut into `k` batches of `batchSize` consecutive values (a last, incomplete batch
/// is dropped) with batch means `Z₁ … Z_k`. Dropping the first `d` batches leaves `k − d` means
/// with mean `Z̄(d)`; the rule picks the `d` that minimises
///
///     MSER(d) = Σ_{j>d} (Z_j − Z̄(d))² / (k − d)²,
///
/// the squared standard error of the truncated mean, which falls while the dropped values are
/// biased (far from the rest) and rises once dropping only loses information. Only `d` in the
/// first half of the batches is searched: a minimum there is the rule's answer; when the
/// statistic keeps falling into the second half the series has not settled within its length,
/// and `isSettled` is false (the run is too short to say, not a warm-up of half the run).
public struct MSERTruncation: Sendable, Equatable {
    /// Values in a batch (5 for MSER-5).
    public let batchSize: Int
    /// Complete batches in the series.
    public let batches: Int
    /// Batches the rule drops, `d*`.
    public let truncatedBatches: Int
    /// The rule's statistic at `truncatedBatches`, in the series' unit squared.
    public let statistic: Double
    /// Whether the minimum lies in the first half of the batches searched, where the rule is
    /// trusted; false when the statistic keeps falling beyond half the series.
    public let isSettled: Bool

    /// Values of the series the rule drops: `truncatedBatches × batchSize`.
    public var truncatedValues: Int { truncatedBatches * batchSize }

    /// The rule applied to `series`, or nil when it has fewer than four complete batches (too
    /// short for the rule to compare truncation points). NaN values are not allowed.
    public init?(_ series: [Double], batchSize: Int = 5) {
        precondition(batchSize > 0, "MSERTruncation: a batch holds at least one value")
        precondition(!series.contains { $0.isNaN }, "MSERTruncation: the series has a NaN")
        let k = series.count / batchSize
        guard k >= 4 else { return nil }
        var means = [Double](repeating: 0, count: k)
        for j in 0..<k {
            var sum = 0.0
            for value in series[(j * batchSize)..<((j + 1) * batchSize)] { sum += value }
            means[j] = sum / Double(batchSize)
        }
        // Suffix sums of squared deviations by Welford's update, from the last batch back, so no
        // large sums are subtracted (the series may be a level far from zero).
        var count = 0.0, mean = 0.0, squares = 0.0
        var statistics = [Double](repeating: .infinity, count: k)
        for d in stride(from: k - 1, through: 0, by: -1) {
            count += 1
            let delta = means[d] - mean
            mean += delta / count
            squares += delta * (means[d] - mean)
            statistics[d] = squares / (count * count)
        }
        // Search every d up to half the batches; settled when the best of those is no worse
        // than any later d would be within the searched half.
        let searched = k / 2
        var best = 0
        for d in 1...searched where statistics[d] < statistics[best] { best = d }
        self.batchSize = batchSize
        batches = k
        truncatedBatches = best
        statistic = statistics[best]
        isSettled = best < searched
    }
}
