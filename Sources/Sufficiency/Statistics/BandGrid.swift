import CGSL

/// The bands of a fan chart for chosen cells: the 5th, 25th, 50th, 75th and 95th percentiles
/// across replications, each a GSL streaming P² estimate (`gsl_rstat_quantile_workspace`), so
/// memory does not grow with replications; made exact for tied data by a `TieTable`, as in
/// `SummaryGrid`. Fed one replication at a time, in replication order.
public final class BandGrid {
    /// The percentiles kept, in order.
    public static let probabilities = [0.05, 0.25, 0.5, 0.75, 0.95]
    /// The cells (indices into a replication's values) that keep bands, in order.
    public let cells: [Int]
    private let workspaces: UnsafeMutableBufferPointer<gsl_rstat_quantile_workspace>
    /// The ranks of each cell's first few distinct values, for exact percentiles of tied data.
    private let ties: TieTable

    public init(cells: [Int]) {
        GSL.configure()
        self.cells = cells
        ties = TieTable(cellCount: cells.count)
        let k = Self.probabilities.count
        workspaces = .allocate(capacity: k * cells.count)
        workspaces.initialize(repeating: gsl_rstat_quantile_workspace())
        for i in workspaces.indices {
            // What gsl_rstat_quantile_alloc does after its calloc.
            workspaces[i].p = Self.probabilities[i % k]
            gsl_rstat_quantile_reset(&workspaces[i])
        }
    }

    deinit { workspaces.deallocate() }

    /// Appends the exact state to `archive`.
    func archive(into archive: inout StateArchive) {
        archive.append(workspaces)
        ties.archive(into: &archive)
    }

    /// Restores the state `archive(into:)` saved, from a grid made alike.
    func restore(from reader: inout StateArchiveReader) throws(CheckpointError) {
        try reader.read(into: workspaces)
        try ties.restore(from: &reader)
    }

    /// Adds one replication's values (all cells of its results; NaN values are skipped).
    public func add(_ values: UnsafeBufferPointer<Double>) {
        guard let w = workspaces.baseAddress else { return }
        let k = Self.probabilities.count
        for (j, cell) in cells.enumerated() {
            let x = values[cell]
            if x.isNaN { continue }
            for q in 0..<k { gsl_rstat_quantile_add(x, w + k * j + q) }
            ties.add(x, cell: j)
        }
    }

    /// The five percentiles of the `j`th cell of `cells` (NaN before any value).
    public func band(_ j: Int) -> [Double] {
        let k = Self.probabilities.count
        let w = workspaces.baseAddress! + k * j
        guard w.pointee.n > 0 else { return Array(repeating: .nan, count: k) }
        let count = ties.count(j)
        return (0..<k).map {
            ties.quantile(Self.probabilities[$0], cell: j, count: count, estimate: gsl_rstat_quantile_get(w + $0))
        }
    }
}
