import CGSL
import Dispatch

/// Streaming summary statistics for a fixed set of output cells (option × period × zone ×
/// measure), fed one replication at a time.
///
/// Each cell keeps GSL running statistics: a `gsl_rstat_workspace` for the count, mean and
/// standard deviation (Welford-style updates) and median, and two `gsl_rstat_quantile_workspace`s
/// for the 5th and 95th percentiles. Memory is fixed when the grid is created and does not grow
/// with the number of replications.
///
/// The percentiles are Jain and Chlamtac's P² estimates, not exact order statistics: exact for
/// up to 4 values (GSL sorts them), then approximations from five markers that converge on the
/// true quantile as replications accumulate. The median is the P² estimate with p = 0.5 kept by
/// the `gsl_rstat_workspace` itself (`gsl_rstat_median`), so no separate workspace is needed for
/// it.
///
/// Results depend only on the values and the order replications are added. Cells are
/// independent, so when there are more than `CellParallelism.threshold` of them `add` updates
/// chunks of cells concurrently; each cell still sees its values in replication order, so the
/// results are identical whatever the thread count.
///
/// Not `Sendable`: feed a grid from one thread at a time (the runner adds replications in
/// replication order).
public final class SummaryGrid {
    /// Number of cells; every `add` supplies exactly this many values.
    public let cellCount: Int

    private let moments: [UnsafeMutablePointer<gsl_rstat_workspace>]
    private let lower: [UnsafeMutablePointer<gsl_rstat_quantile_workspace>]
    private let upper: [UnsafeMutablePointer<gsl_rstat_quantile_workspace>]

    /// Creates a grid of `cellCount` empty cells (`cellCount` ≥ 0).
    public init(cellCount: Int) {
        precondition(cellCount >= 0, "SummaryGrid: cellCount \(cellCount) is negative")
        GSL.configure()
        self.cellCount = cellCount
        moments = (0..<cellCount).map { _ in
            guard let w = gsl_rstat_alloc() else {
                preconditionFailure("SummaryGrid: GSL could not allocate running statistics (out of memory)")
            }
            return w
        }
        lower = (0..<cellCount).map { _ in SummaryGrid.quantileWorkspace(0.05) }
        upper = (0..<cellCount).map { _ in SummaryGrid.quantileWorkspace(0.95) }
    }

    deinit {
        for w in moments { gsl_rstat_free(w) }
        for w in lower { gsl_rstat_quantile_free(w) }
        for w in upper { gsl_rstat_quantile_free(w) }
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
        let moments = self.moments, lower = self.lower, upper = self.upper
        CellParallelism.forEachChunk(cellCount: cellCount) { cells in
            for cell in cells {
                let x = values[cell]
                if x.isNaN { continue }
                precondition(x.isFinite, "SummaryGrid.add: cell \(cell) has infinite value \(x)")
                gsl_rstat_add(x, moments[cell])
                gsl_rstat_quantile_add(x, lower[cell])
                gsl_rstat_quantile_add(x, upper[cell])
            }
        }
    }

    /// Adds one replication's value for every cell; see `add(_:)` taking a buffer.
    public func add(_ values: [Double]) {
        values.withUnsafeBufferPointer { add($0) }
    }

    /// The summary of cell `cell` (0-based, below `cellCount`) over the replications added so far.
    public func summary(_ cell: Int) -> Summary {
        precondition(cell >= 0 && cell < cellCount,
                     "SummaryGrid.summary: cell \(cell) is outside 0..<\(cellCount)")
        let n = Int(gsl_rstat_n(moments[cell]))
        guard n > 0 else { return .empty }
        return Summary(n: n,
                       mean: gsl_rstat_mean(moments[cell]),
                       sd: gsl_rstat_sd(moments[cell]),
                       p05: gsl_rstat_quantile_get(lower[cell]),
                       p50: gsl_rstat_median(moments[cell]),
                       p95: gsl_rstat_quantile_get(upper[cell]))
    }

    private static func quantileWorkspace(_ p: Double) -> UnsafeMutablePointer<gsl_rstat_quantile_workspace> {
        guard let w = gsl_rstat_quantile_alloc(p) else {
            preconditionFailure("SummaryGrid: GSL could not allocate a quantile workspace (out of memory)")
        }
        return w
    }
}

/// How per-cell statistics grids split their work across threads.
enum CellParallelism {
    /// Grids with more cells than this update them concurrently; below it the cost of waking
    /// threads outweighs the work.
    static let threshold = 4096
    /// Cells per concurrent chunk.
    static let chunkSize = 1024

    /// Calls `body` with consecutive ranges of cell indices covering `0..<cellCount`, in
    /// parallel when `cellCount > threshold`. `body` must touch only the cells in its range.
    static func forEachChunk(cellCount: Int, _ body: (Range<Int>) -> Void) {
        guard cellCount > threshold else {
            body(0..<cellCount)
            return
        }
        let chunks = (cellCount + chunkSize - 1) / chunkSize
        withoutActuallyEscaping(body) { body in
            let work = ChunkWork(body: body)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let start = chunk * chunkSize
                work.body(start..<min(start + chunkSize, cellCount))
            }
        }
    }

    /// Carries the per-chunk body into `concurrentPerform`, which demands a `@Sendable` closure.
    ///
    /// Unchecked because the body captures GSL workspace pointers and the caller's input buffer.
    /// That sharing is safe: chunks write disjoint cells, the input is only read, and
    /// `concurrentPerform` returns only after every chunk has finished, so nothing outlives the
    /// call or races.
    private struct ChunkWork: @unchecked Sendable {
        let body: (Range<Int>) -> Void
    }
}
