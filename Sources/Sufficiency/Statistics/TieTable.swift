/// For each of a fixed set of cells, the first few distinct values it took, how many of its
/// values equal each, and how many fall between them: the exact ranks of tied values, to make
/// percentiles of tied data exact.
///
/// Many cells take few values across replications, or one value very often: provider exits
/// (0, 1, 2), a zone's hand-backs in a year (mostly 0), whether a savings target was met (0 or
/// 1), a measure the option does not change. GSL's streaming P² estimator moves its markers by
/// parabolic interpolation, so on such data it reports values no replication had: a median of
/// 0.9991 for values that are 1 in 70% of replications, a 5th percentile of 0.89 for values that
/// are 1 in 97%, 0.0026 for a median that is 0.
///
/// A cell keeps its first `capacity` distinct values in order, each with the count of values
/// equal to it, and the count of values in each gap between them (below the first, between
/// neighbours, above the last; gaps count only once the table is full). Its values' ranks are
/// then known exactly wherever they fall on a kept value. A percentile follows GSL's rule
/// (`gsl_stats_quantile_from_sorted_data`: linear interpolation between the order statistics
/// around p × (n − 1), 0-based), so:
///
/// - while a cell has taken at most `capacity` distinct values, every percentile is exact;
/// - after that, a percentile whose order statistics fall on kept values is exact — the tied
///   value itself when both are in one tie — and any other is the P² estimate, moved if need be
///   into the range those order statistics are known to lie in.
///
/// A heavily tied value is almost always among the first distinct values seen, so its ties are
/// kept. Values are in each cell's own unit. Memory is fixed when the table is created. Not
/// `Sendable`: add from one thread at a time.
final class TieTable {
    /// Distinct values kept per cell.
    static let capacity = 16

    /// Number of cells.
    let cellCount: Int

    /// Per cell, `capacity` slots: its kept values in ascending order, then unused.
    private let values: UnsafeMutableBufferPointer<Double>
    /// Per cell, `capacity` slots: how many of its values equal each kept value.
    private let equal: UnsafeMutableBufferPointer<Int32>
    /// Per cell, `capacity + 1` slots: how many of its values fall in each gap, strictly below
    /// kept value i (gap i), or above the last (gap `kept`).
    private let between: UnsafeMutableBufferPointer<Int32>
    /// Per cell: how many values it keeps (0...capacity).
    private let kept: UnsafeMutableBufferPointer<Int32>

    /// Creates `cellCount` (≥ 0) cells with no values.
    init(cellCount: Int) {
        precondition(cellCount >= 0, "TieTable: cellCount \(cellCount) is negative")
        self.cellCount = cellCount
        values = ZeroedMemory.allocate(Double.self, count: cellCount * Self.capacity)
        equal = ZeroedMemory.allocate(Int32.self, count: cellCount * Self.capacity)
        between = ZeroedMemory.allocate(Int32.self, count: cellCount * (Self.capacity + 1))
        kept = ZeroedMemory.allocate(Int32.self, count: cellCount)
    }

    deinit {
        ZeroedMemory.free(values)
        ZeroedMemory.free(equal)
        ZeroedMemory.free(between)
        ZeroedMemory.free(kept)
    }

    /// Bytes of state, the same whatever the number of values added.
    var stateBytes: Int {
        cellCount * (Self.capacity * (MemoryLayout<Double>.stride + MemoryLayout<Int32>.stride)
            + (Self.capacity + 2) * MemoryLayout<Int32>.stride)
    }

    /// Appends the exact state to `archive` (a checkpoint of a stopped run).
    func archive(into archive: inout StateArchive) {
        archive.append(values)
        archive.append(equal)
        archive.append(between)
        archive.append(kept)
    }

    /// Restores the state `archive(into:)` saved, into a table of the same size.
    func restore(from reader: inout StateArchiveReader) throws(CheckpointError) {
        try reader.read(into: values)
        try reader.read(into: equal)
        try reader.read(into: between)
        try reader.read(into: kept)
    }

    /// Adds `x` (finite, not NaN) to cell `cell`.
    @inline(__always)
    func add(_ x: Double, cell: Int) {
        let k = Int(kept[cell])
        let base = cell &* Self.capacity
        // x's place among the kept values (at most `capacity`: a linear scan).
        var i = 0
        while i < k && values[base &+ i] < x { i &+= 1 }
        if i < k && values[base &+ i] == x {
            equal[base &+ i] &+= 1
        } else if k < Self.capacity {
            // Not full, so no value has fallen in a gap yet: make room and keep x.
            var j = k
            while j > i {
                values[base &+ j] = values[base &+ j &- 1]
                equal[base &+ j] = equal[base &+ j &- 1]
                j &-= 1
            }
            values[base &+ i] = x
            equal[base &+ i] = 1
            kept[cell] = Int32(k &+ 1)
        } else {
            between[cell &* (Self.capacity &+ 1) &+ i] &+= 1
        }
    }

    /// The `p` percentile (0 ≤ p ≤ 1) of cell `cell`'s values by GSL's interpolation rule:
    /// exact where the table knows the order statistics it needs, otherwise `estimate` (the P²
    /// estimate) moved into the range they are known to lie in. `estimate` when the cell has no
    /// values.
    func quantile(_ p: Double, cell: Int, estimate: Double) -> Double {
        quantile(p, cell: cell, count: count(cell), estimate: estimate)
    }

    /// How many values cell `cell` has taken (0 when it keeps none yet), for reading several of
    /// its percentiles with `quantile(_:cell:count:estimate:)` without recounting.
    func count(_ cell: Int) -> Int {
        precondition(cell >= 0 && cell < cellCount, "TieTable.count: cell \(cell) is outside 0..<\(cellCount)")
        let k = Int(kept[cell])
        let base = cell * Self.capacity, gaps = cell * (Self.capacity + 1)
        var n = 0
        for i in 0..<k { n += Int(equal[base + i]) + Int(between[gaps + i]) }
        return k > 0 ? n + Int(between[gaps + k]) : 0
    }

    /// `quantile(_:cell:estimate:)` given the cell's `count(cell)` as `n`.
    func quantile(_ p: Double, cell: Int, count n: Int, estimate: Double) -> Double {
        precondition(cell >= 0 && cell < cellCount, "TieTable.quantile: cell \(cell) is outside 0..<\(cellCount)")
        let k = Int(kept[cell])
        guard k > 0 else { return estimate }
        let base = cell * Self.capacity, gaps = cell * (Self.capacity + 1)
        let index = p * Double(n - 1)
        let lhs = Int(index)
        let delta = index - Double(lhs)
        let low = place(rank: lhs, base: base, gaps: gaps, kept: k)
        let high = lhs < n - 1 && delta > 0 ? place(rank: lhs + 1, base: base, gaps: gaps, kept: k) : low
        if let a = low.value, let b = high.value {
            // Within a tie the answer is the tied value itself, not a weighted sum that can miss
            // it by a rounding error.
            return a == b ? a : (1 - delta) * a + delta * b
        }
        return min(max(estimate, low.atLeast), high.atMost)
    }

    /// Where the `rank`th smallest (0-based) of a cell's values lies: on a kept value (`value`),
    /// or in a gap, strictly between `atLeast` and `atMost` (±infinity beyond the kept values).
    private func place(rank: Int, base: Int, gaps: Int, kept k: Int)
        -> (value: Double?, atLeast: Double, atMost: Double) {
        var seen = 0
        for i in 0...k {
            seen += Int(between[gaps + i])
            let below = i > 0 ? values[base + i - 1] : -.infinity
            let above = i < k ? values[base + i] : .infinity
            if rank < seen { return (nil, below, above) }
            guard i < k else { break }
            seen += Int(equal[base + i])
            if rank < seen { return (above, above, above) }
        }
        // Unreachable for rank < n; the widest answer keeps the estimate.
        return (nil, -.infinity, .infinity)
    }
}
