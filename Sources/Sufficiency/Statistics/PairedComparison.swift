/// Which direction is better for a measure, e.g. `.lower` for unmet hours or cost, `.higher` for
/// hours delivered.
public enum Preference: String, Sendable {
    /// Smaller values are better.
    case lower
    /// Larger values are better.
    case higher
}

/// The paired comparison of option A with option B for one output cell.
///
/// Differences are A − B in the cell's own unit. With `n == 0` every other field is NaN; with
/// `n == 1` the standard deviation and confidence interval are NaN (written as empty fields) and
/// each share is 0 or 1, what happened in that one replication. Equality treats two NaNs in
/// the same field as equal, as `Summary` does.
public struct Comparison: Sendable, Equatable {
    /// Number of replications in which both options gave a value.
    public var n: Int
    /// Mean of A − B over those replications.
    public var meanDifference: Double
    /// Sample standard deviation (divisor n − 1) of A − B.
    public var sdDifference: Double
    /// Lower end of the Student-t 95% confidence interval of the mean difference.
    public var ciLow: Double
    /// Upper end of the Student-t 95% confidence interval of the mean difference.
    public var ciHigh: Double
    /// Share (0–1) of replications in which A was strictly better than B.
    public var shareABetter: Double
    /// Share (0–1) of replications in which B was strictly better than A.
    public var shareBBetter: Double
    /// Share (0–1) of replications in which A and B were exactly equal.
    public var shareTied: Double

    public init(n: Int, meanDifference: Double, sdDifference: Double, ciLow: Double, ciHigh: Double,
                shareABetter: Double, shareBBetter: Double, shareTied: Double) {
        self.n = n
        self.meanDifference = meanDifference
        self.sdDifference = sdDifference
        self.ciLow = ciLow
        self.ciHigh = ciHigh
        self.shareABetter = shareABetter
        self.shareBBetter = shareBBetter
        self.shareTied = shareTied
    }

    public static func == (lhs: Comparison, rhs: Comparison) -> Bool {
        func same(_ x: Double, _ y: Double) -> Bool { x == y || (x.isNaN && y.isNaN) }
        return lhs.n == rhs.n && same(lhs.meanDifference, rhs.meanDifference)
            && same(lhs.sdDifference, rhs.sdDifference)
            && same(lhs.ciLow, rhs.ciLow) && same(lhs.ciHigh, rhs.ciHigh)
            && same(lhs.shareABetter, rhs.shareABetter) && same(lhs.shareBBetter, rhs.shareBBetter)
            && same(lhs.shareTied, rhs.shareTied)
    }
}

/// Streaming paired comparison of option A with option B for a fixed set of output cells, fed
/// one replication at a time.
///
/// Options share random-number streams within a replication (common random numbers), so the
/// difference A − B in the same replication removes most of the noise they have in common. Per
/// cell this keeps the count, mean and standard deviation of A − B (`BlockMoments`), and counts
/// of replications in which A was better, B was better, or the two were exactly equal, judged by
/// the cell's `Preference`. Memory is fixed at creation.
///
/// As with `SummaryGrid`, results depend only on the values and the order replications are
/// added, never on the thread count or on when comparisons are read.
///
/// Not `Sendable`: feed a grid from one thread at a time.
public final class ComparisonGrid {
    /// Number of cells; every `add` supplies exactly this many values per option.
    public let cellCount: Int
    /// Which direction is better, per cell.
    public let preferences: [Preference]

    private let differences: BlockMoments
    /// One replication's A − B per cell (NaN where either is missing), handed to `differences`.
    private let row: UnsafeMutableBufferPointer<Double>
    // Three counts per cell: A better, B better, tied.
    private let counts: UnsafeMutableBufferPointer<Int>

    /// Creates a grid with one cell per element of `preferences`.
    public init(preferences: [Preference]) {
        GSL.configure()
        cellCount = preferences.count
        self.preferences = preferences
        differences = BlockMoments(cellCount: preferences.count)
        row = .allocate(capacity: preferences.count)
        row.initialize(repeating: .nan)
        counts = .allocate(capacity: 3 * preferences.count)
        counts.initialize(repeating: 0)
    }

    deinit {
        row.deallocate()
        counts.deallocate()
    }

    /// Appends the exact state to `archive`.
    func archive(into archive: inout StateArchive) {
        differences.archive(into: &archive)
        archive.append(counts)
    }

    /// Restores the state `archive(into:)` saved, from a grid made alike.
    func restore(from reader: inout StateArchiveReader) throws(CheckpointError) {
        try differences.restore(from: &reader)
        try reader.read(into: counts)
    }

    /// Adds one replication's values for both options.
    ///
    /// - Parameters:
    ///   - a: option A's value for every cell, `a.count == cellCount`.
    ///   - b: option B's value for every cell, `b.count == cellCount`.
    ///   A NaN in either skips that cell for this replication. Infinite values are programmer
    ///   mistakes.
    public func add(a: UnsafeBufferPointer<Double>, b: UnsafeBufferPointer<Double>) {
        precondition(a.count == cellCount && b.count == cellCount,
                     "ComparisonGrid.add: \(a.count) and \(b.count) values for \(cellCount) cells")
        let row = self.row, counts = self.counts
        preferences.withUnsafeBufferPointer { preferences in
            for cell in 0..<cellCount {
                let x = a[cell], y = b[cell]
                if x.isNaN || y.isNaN {
                    row[cell] = .nan
                    continue
                }
                precondition(x.isFinite && y.isFinite,
                             "ComparisonGrid.add: cell \(cell) has infinite value (A \(x), B \(y))")
                row[cell] = x - y
                let slot: Int
                if x == y {
                    slot = 2
                } else if (x < y) == (preferences[cell] == .lower) {
                    slot = 0
                } else {
                    slot = 1
                }
                counts[3 * cell + slot] += 1
            }
        }
        differences.add(UnsafeBufferPointer(row))
    }

    /// Adds one replication's values for both options; see `add(a:b:)` taking buffers.
    public func add(a: [Double], b: [Double]) {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in add(a: a, b: b) }
        }
    }

    /// The comparison for cell `cell` (0-based, below `cellCount`) over the replications added
    /// so far. Reading changes no later result.
    public func comparison(_ cell: Int) -> Comparison {
        precondition(cell >= 0 && cell < cellCount,
                     "ComparisonGrid.comparison: cell \(cell) is outside 0..<\(cellCount)")
        let (n, mean, sd) = differences.moments(cell)
        guard n > 0 else {
            return Comparison(n: 0, meanDifference: .nan, sdDifference: .nan, ciLow: .nan, ciHigh: .nan,
                              shareABetter: .nan, shareBBetter: .nan, shareTied: .nan)
        }
        let halfWidth = Summary.confidenceHalfWidth(sd: sd, n: n)
        let total = Double(n)
        return Comparison(n: n, meanDifference: mean, sdDifference: sd,
                          ciLow: mean - halfWidth, ciHigh: mean + halfWidth,
                          shareABetter: Double(counts[3 * cell]) / total,
                          shareBBetter: Double(counts[3 * cell + 1]) / total,
                          shareTied: Double(counts[3 * cell + 2]) / total)
    }
}
