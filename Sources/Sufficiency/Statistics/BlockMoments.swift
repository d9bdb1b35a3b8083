import CGSL

/// Count, mean and standard deviation of each of a fixed set of cells' values, fed one
/// replication at a time, in memory fixed when created.
///
/// Values are in each cell's own unit; the results are in the same unit. NaN means "no value in
/// this replication" and is skipped for that cell.
///
/// Per-value streaming updates (`gsl_rstat_add`) cost too much when a replication has a hundred
/// thousand cells, so values are held for a block of up to `blockSize` replications, one row
/// per replication: `add` is a sequential copy. When the block is full, each cell's values are
/// gathered from the rows (NaNs left out; the rows are read in step, which the memory system
/// streams well), reduced with GSL (`gsl_stats_mean`, `gsl_stats_tss_m`) and merged into the
/// cell's running count, mean and sum of squared deviations (M2) with the pairwise update of
/// Chan, Golub and LeVeque. Reading a cell merges its partial block into a copy, so reading never changes later
/// results: they depend only on the values and the order replications are added.
///
/// Not `Sendable`: add from one thread at a time.
final class BlockMoments {
    /// Replications held before they are merged into the running totals.
    static let blockSize = 16

    /// Number of cells; every `add` supplies exactly this many values.
    let cellCount: Int

    /// Replications added to the current block (0..<blockSize).
    private var pending = 0
    /// `blockSize × cellCount` values, replication-major: cell `c`'s value for the block's
    /// `i`th replication is at `i × cellCount + c`.
    private let block: UnsafeMutableBufferPointer<Double>
    /// Per cell: values merged so far.
    private let counts: UnsafeMutableBufferPointer<Int>
    /// Per cell: mean of the values merged so far.
    private let means: UnsafeMutableBufferPointer<Double>
    /// Per cell: sum of squared deviations from that mean.
    private let squares: UnsafeMutableBufferPointer<Double>

    /// Creates `cellCount` (≥ 0) cells with no values.
    init(cellCount: Int) {
        precondition(cellCount >= 0, "BlockMoments: cellCount \(cellCount) is negative")
        GSL.configure()
        self.cellCount = cellCount
        // Zeroed, not filled: rows beyond `pending` are never read, and each row's pages are
        // first touched by the replication that fills it.
        block = ZeroedMemory.allocate(Double.self, count: cellCount * Self.blockSize)
        counts = ZeroedMemory.allocate(Int.self, count: cellCount)
        means = ZeroedMemory.allocate(Double.self, count: cellCount)
        squares = ZeroedMemory.allocate(Double.self, count: cellCount)
    }

    deinit {
        ZeroedMemory.free(block)
        ZeroedMemory.free(counts)
        ZeroedMemory.free(means)
        ZeroedMemory.free(squares)
    }

    /// Bytes of state, the same whatever the number of replications added.
    var stateBytes: Int { cellCount * ((Self.blockSize + 2) * MemoryLayout<Double>.stride + MemoryLayout<Int>.stride) }

    /// Appends the exact state (partial block included) to `archive`.
    func archive(into archive: inout StateArchive) {
        archive.append(pending)
        archive.append(block)
        archive.append(counts)
        archive.append(means)
        archive.append(squares)
    }

    /// Restores the state `archive(into:)` saved, from a grid of the same size.
    func restore(from reader: inout StateArchiveReader) throws(CheckpointError) {
        let pending = try reader.readInt()
        guard pending >= 0 && pending < Self.blockSize else { throw .damaged("a block count is \(pending)") }
        self.pending = pending
        try reader.read(into: block)
        try reader.read(into: counts)
        try reader.read(into: means)
        try reader.read(into: squares)
    }

    /// Adds one replication's value for every cell: `values[c]` for cell `c`, NaN for none.
    /// `values.count` must equal `cellCount`; infinite values are programmer mistakes.
    func add(_ values: UnsafeBufferPointer<Double>) {
        precondition(values.count == cellCount, "BlockMoments.add: \(values.count) values for \(cellCount) cells")
        guard let base = block.baseAddress, let input = values.baseAddress else { return }
        // One branch-free pass that copies and flags infinities (the compiler vectorises it);
        // the offending cell is looked for only when there is one.
        if Self.copy(input, to: base + pending &* cellCount, count: cellCount) {
            for cell in 0..<cellCount {
                let x = input[cell]
                precondition(!x.isInfinite, "BlockMoments.add: cell \(cell) has infinite value \(x)")
            }
        }
        pending += 1
        if pending == Self.blockSize { mergeBlock() }
    }

    /// Copies `count` values from `source` to `target`; returns whether any is infinite. Kept
    /// out of line so the compiler vectorises the loop as it stands.
    @inline(never)
    private static func copy(_ source: UnsafePointer<Double>, to target: UnsafeMutablePointer<Double>,
                             count: Int) -> Bool {
        var infinite: UInt64 = 0
        for i in 0..<count {
            let x = source[i]
            target[i] = x
            infinite |= x.magnitude == .infinity ? 1 : 0
        }
        return infinite != 0
    }

    /// Count, mean and sample standard deviation (divisor n − 1) of cell `cell`'s values so far.
    /// The mean is NaN when `n == 0`, the standard deviation when `n < 2`.
    func moments(_ cell: Int) -> (n: Int, mean: Double, sd: Double) {
        precondition(cell >= 0 && cell < cellCount, "BlockMoments.moments: cell \(cell) is outside 0..<\(cellCount)")
        var n = counts[cell], mean = means[cell], m2 = squares[cell]
        if pending > 0 { Self.merge(block.baseAddress! + cell, stride: cellCount, rows: pending, into: &n, &mean, &m2) }
        guard n > 0 else { return (0, .nan, .nan) }
        return (n, mean, n >= 2 ? (m2 / Double(n - 1)).squareRoot() : .nan)
    }

    /// Merges every cell's block into its running totals and empties the block.
    private func mergeBlock() {
        let base = block.baseAddress!
        for cell in 0..<cellCount {
            Self.merge(base + cell, stride: cellCount, rows: Self.blockSize,
                       into: &counts[cell], &means[cell], &squares[cell])
        }
        pending = 0
    }

    /// Merges the non-NaN values among `rows` values `stride` apart from `values` into running
    /// count `n`, mean and M2 (Chan, Golub and LeVeque's pairwise update). The block's mean and
    /// sum of squared deviations are GSL's (`gsl_stats_mean`, `gsl_stats_tss_m`) of those
    /// values gathered in order.
    @inline(__always)
    private static func merge(_ values: UnsafePointer<Double>, stride: Int, rows: Int,
                              into n: inout Int, _ mean: inout Double, _ m2: inout Double) {
        // A block whose values are all the same x (a count that did not move, a measure the
        // option leaves alone) has mean x and no spread: GSL's running mean stays exactly x
        // (each later step adds (x − x) / i = 0), except that −0 becomes +0.
        if rows > 0, case let first = values[0], !first.isNaN {
            var i = 1
            while i < rows && values[i &* stride] == first { i &+= 1 }
            if i == rows {
                combine(k: rows, blockMean: first == 0 ? 0 : first, blockM2: 0, into: &n, &mean, &m2)
                return
            }
        }
        withUnsafeTemporaryAllocation(of: Double.self, capacity: blockSize) { scratch in
            let gathered = scratch.baseAddress!
            var k = 0
            for i in 0..<rows {
                let x = values[i &* stride]
                if !x.isNaN {
                    gathered[k] = x
                    k &+= 1
                }
            }
            guard k > 0 else { return }
            let blockMean = gsl_stats_mean(gathered, 1, k)
            let blockM2 = k > 1 ? gsl_stats_tss_m(gathered, 1, k, blockMean) : 0
            combine(k: k, blockMean: blockMean, blockM2: blockM2, into: &n, &mean, &m2)
        }
    }

    /// Merges a block of `k` (> 0) values with mean `blockMean` and M2 `blockM2` into running
    /// count `n`, mean and M2.
    @inline(__always)
    private static func combine(k: Int, blockMean: Double, blockM2: Double,
                                into n: inout Int, _ mean: inout Double, _ m2: inout Double) {
        guard n > 0 else {
            (n, mean, m2) = (k, blockMean, blockM2)
            return
        }
        let na = Double(n), nb = Double(k), total = na + nb
        let delta = blockMean - mean
        mean += delta * (nb / total)
        m2 += blockM2 + delta * delta * (na * nb / total)
        n += k
    }
}
