/// One of `count` equal shares of a run's replications, for running a large run on several
/// machines (a Slurm job array, say) and merging the results.
///
/// Shard `index` of `count` runs replications `⌊(index−1)·R/count⌋ ..< ⌊index·R/count⌋` of a
/// run of R: the same replications, with the same random streams, wherever it runs, so the
/// merged shards give the same bytes as one run.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// 1-based position of this shard, 1 ≤ index ≤ count.
    public let index: Int
    /// Number of shards the run is split into, 1 ≤ count ≤ `Shard.largestCount`.
    public let count: Int

    /// The most shards a run may be split into: a run has at most 1,000,000 replications
    /// (`run.replications`), so more shards could hold nothing.
    public static let largestCount = Int(ScenarioLimits.replications)

    public init(index: Int, count: Int) throws(ShardError) {
        guard count >= 1, count <= Shard.largestCount, index >= 1, index <= count else {
            throw .badSpecification(text: "\(index)/\(count)")
        }
        self.index = index
        self.count = count
    }

    /// Parses "K/N", e.g. "3/10" (Slurm's `$SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT`).
    public init(parsing text: String) throws(ShardError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(String(parts[0]).trimmingWhitespace), let n = Int(String(parts[1]).trimmingWhitespace) else {
            throw .badSpecification(text: text)
        }
        try self.init(index: k, count: n)
    }

    /// The replications (0-based) this shard runs out of `total`; empty when there are more
    /// shards than replications and this one gets none.
    /// Worked out in 128 bits, so no `total` overflows (a negative one counts as 0).
    public func replications(of total: Int) -> Range<Int> {
        let total = Int128(max(0, total))
        let lower = Int(Int128(index - 1) * total / Int128(count))
        let upper = Int(Int128(index) * total / Int128(count))
        return lower..<upper
    }

    public var description: String { "\(index)/\(count)" }
}
