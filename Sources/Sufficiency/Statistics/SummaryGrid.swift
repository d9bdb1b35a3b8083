import CGSL

/// Streaming summary statistics for a fixed set of output cells (option × period × zone ×
/// measure), fed one replication at a time.
///
/// Every cell has its count, mean and standard deviation (`BlockMoments`: exact, up to rounding).
/// Cells chosen at creation also keep their 5th, 50th and 95th percentiles, each in a GSL
/// `gsl_rstat_quantile_workspace`; the others report NaN percentiles. Percentiles are the
/// costliest part of the statistics step (three P² updates per value), so the runner keeps them
/// only where they are read: financial years and the whole run, not single periods. Memory is
/// fixed when the grid is created and does not grow with the number of replications.
///
/// The percentiles are Jain and Chlamtac's P² estimates, not exact order statistics: exact for
/// up to 4 values (GSL sorts them), then approximations from five markers that converge on the
/// true quantile as replications accumulate, always between the smallest and largest value.
/// A `TieTable` beside them makes them exact (GSL's interpolation rule) while a cell has taken at
/// most 16 distinct values — so runs of up to 16 replications have exact percentiles — and,
/// after that, wherever a percentile falls in a tie on one of the first 16 values: tied data
/// (counts, 0/1 outcomes, a constant) report the tied value, not a value between two ties.
///
/// Results depend only on the values and the order replications are added, never on the thread
/// count or on when summaries are read.
///
/// Not `Sendable`: feed a grid from one thread at a time (the runner adds replications in
/// replication order).
public final class SummaryGrid {
    /// Number of cells; every `add` supplies exactly this many values.
    public let cellCount: Int

    private let moments: BlockMoments
    /// Cells that keep percentiles, ascending.
    private let quantileCells: [Int]
    /// Each cell's position in `quantileCells`, or −1: writing results reads every cell, and
    /// a binary search per read cost as much as formatting the row.
    private let quantileSlots: [Int32]
    /// Three P² workspaces per entry of `quantileCells` (p = 0.05, 0.5, 0.95), in one allocation
    /// rather than one `malloc` each.
    private let quantiles: UnsafeMutableBufferPointer<gsl_rstat_quantile_workspace>
    /// Per entry of `quantileCells`: the ranks of its first few distinct values, for exact
    /// percentiles of tied data.
    private let ties: TieTable
    private static let probabilities = [0.05, 0.5, 0.95]

    /// Creates a grid of `cellCount` (≥ 0) empty cells; `keepsQuantiles(c)` says whether cell
    /// `c` keeps percentiles (by default every cell does).
    public init(cellCount: Int, keepsQuantiles: (Int) -> Bool = { _ in true }) {
        precondition(cellCount >= 0, "SummaryGrid: cellCount \(cellCount) is negative")
        GSL.configure()
        self.cellCount = cellCount
        moments = BlockMoments(cellCount: cellCount)
        quantileCells = (0..<cellCount).filter(keepsQuantiles)
        var slots = [Int32](repeating: -1, count: cellCount)
        for (k, cell) in quantileCells.enumerated() { slots[cell] = Int32(k) }
        quantileSlots = slots
        ties = TieTable(cellCount: quantileCells.count)
        let probabilities = Self.probabilities
        quantiles = .allocate(capacity: probabilities.count * quantileCells.count)
        quantiles.initialize(repeating: gsl_rstat_quantile_workspace())
        for i in quantiles.indices {
            // What gsl_rstat_quantile_alloc does after its calloc.
            quantiles[i].p = probabilities[i % probabilities.count]
            gsl_rstat_quantile_reset(&quantiles[i])
        }
    }

    deinit {
        quantiles.deallocate()
    }

    /// Adds one replication's value for every cell.
    ///
    /// - Parameter values: one value per cell, `values[i]` for cell `i`; `values.count` must
    ///   equal `cellCount`. NaN means "no value in this replication" (e.g. a zone with no
    ///   customers has no mean wait) and is skipped for that cell. Infinite values are
    ///   programmer mistakes.
    public func add(_ values: UnsafeBufferPointer<Double>) {
        precondition(values.count == cellCount,
                     "SummaryGrid.add: \(values.count) values for \(cellCount) cells")
        moments.add(values)
        guard let w = quantiles.baseAddress else { return }
        let ties = self.ties
        quantileCells.withUnsafeBufferPointer { cells in
            for k in 0..<cells.count {
                let x = values[cells[k]]
                if x.isNaN { continue }
                let q = w + 3 &* k
                gsl_rstat_quantile_add(x, q)
                gsl_rstat_quantile_add(x, q + 1)
                gsl_rstat_quantile_add(x, q + 2)
                ties.add(x, cell: k)
            }
        }
    }

    /// Adds one replication's value for every cell; see `add(_:)` taking a buffer.
    public func add(_ values: [Double]) {
        values.withUnsafeBufferPointer { add($0) }
    }

    /// Appends the exact state to `archive`.
    func archive(into archive: inout StateArchive) {
        moments.archive(into: &archive)
        archive.append(quantiles)
        ties.archive(into: &archive)
    }

    /// Restores the state `archive(into:)` saved, from a grid made alike.
    func restore(from reader: inout StateArchiveReader) throws(CheckpointError) {
        try moments.restore(from: &reader)
        try reader.read(into: quantiles)
        try ties.restore(from: &reader)
    }

    /// Whether cell `cell` keeps percentiles.
    public func keepsQuantiles(_ cell: Int) -> Bool {
        cell >= 0 && cell < cellCount && quantileIndex(cell) != nil
    }

    /// The summary of cell `cell` (0-based, below `cellCount`) over the replications added so
    /// far; percentiles are NaN unless the cell keeps them. Reading changes no later result.
    public func summary(_ cell: Int) -> Summary {
        precondition(cell >= 0 && cell < cellCount,
                     "SummaryGrid.summary: cell \(cell) is outside 0..<\(cellCount)")
        let (n, mean, sd) = moments.moments(cell)
        guard n > 0 else { return .empty }
        var p = (Double.nan, Double.nan, Double.nan)
        if let k = quantileIndex(cell) {
            let w = quantiles.baseAddress! + 3 * k
            let probabilities = Self.probabilities
            let count = ties.count(k)
            func estimate(_ i: Int) -> Double {
                ties.quantile(probabilities[i], cell: k, count: count, estimate: gsl_rstat_quantile_get(w + i))
            }
            p = (estimate(0), estimate(1), estimate(2))
        }
        return Summary(n: n, mean: mean, sd: sd, p05: p.0, p50: p.1, p95: p.2)
    }

    /// Position of `cell` in `quantileCells`, if it keeps percentiles.
    @inline(__always)
    private func quantileIndex(_ cell: Int) -> Int? {
        let k = quantileSlots[cell]
        return k >= 0 ? Int(k) : nil
    }
}
