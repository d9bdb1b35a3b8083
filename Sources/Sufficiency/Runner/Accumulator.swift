/// Folds replications' results, in replication order, into everything a run reports: the
/// summaries of every cell, the paired comparisons of the options, the fan-chart bands and the
/// whole-run totals of each replication. A run and a merge of shards fold through the same
/// code, so they give the same bits.
final class Accumulator {
    let layout: ResultLayout
    let summaries: SummaryGrid
    let comparisons: [ComparisonGrid]
    let bands: BandGrid
    private(set) var totals: [Double] = []
    /// One pair's cells of option A and of option B, gathered for its comparison grid.
    private let a: UnsafeMutableBufferPointer<Double>
    private let b: UnsafeMutableBufferPointer<Double>

    init(layout: ResultLayout) {
        self.layout = layout
        summaries = layout.makeSummaryGrid()
        let preferences = (0..<layout.comparisonCellsPerPair).map { i in
            layout.measures.all[i % layout.measures.count].better ?? .lower
        }
        comparisons = layout.pairs.map { _ in ComparisonGrid(preferences: preferences) }
        bands = BandGrid(cells: layout.bandCells)
        a = .allocate(capacity: layout.comparisonCellsPerPair)
        a.initialize(repeating: .nan)
        b = .allocate(capacity: layout.comparisonCellsPerPair)
        b.initialize(repeating: .nan)
    }

    deinit {
        a.deallocate()
        b.deallocate()
    }

    /// Folds one replication's cells (every cell of `layout`) in.
    func fold(_ cells: [Double]) {
        cells.withUnsafeBufferPointer { fold($0) }
    }

    /// Folds one replication's cells (every cell of `layout`) in.
    func fold(_ cells: UnsafeBufferPointer<Double>) {
        precondition(cells.count == layout.cellCount, "Accumulator.fold: \(cells.count) cells for \(layout.cellCount)")
        summaries.add(cells)
        bands.add(cells)
        let m = layout.measures.count
        let values = cells.baseAddress!, a = self.a.baseAddress!, b = self.b.baseAddress!
        let pairCells = self.a.count
        for (pair, (oa, ob)) in layout.pairs.enumerated() {
            // Each window and zone slot's measures are contiguous in a replication's cells.
            var i = 0
            for w in layout.comparedWindows {
                for slot in 0..<layout.zoneSlots {
                    let ca = layout.cell(option: oa, window: w, zoneSlot: slot, measure: 0)
                    let cb = layout.cell(option: ob, window: w, zoneSlot: slot, measure: 0)
                    precondition(i + m <= pairCells, "Accumulator.fold: more compared cells than a pair has")
                    (a + i).update(from: values + ca, count: m)
                    (b + i).update(from: values + cb, count: m)
                    i += m
                }
            }
            comparisons[pair].add(a: UnsafeBufferPointer(self.a), b: UnsafeBufferPointer(self.b))
        }
        for o in layout.options.indices {
            let c = layout.cell(option: o, window: layout.horizonWindow, zoneSlot: 0, measure: 0)
            totals.append(contentsOf: cells[c..<(c + m)])
        }
    }

    /// Replications folded so far.
    var folded: Int { layout.options.isEmpty ? 0 : totals.count / (layout.options.count * layout.measures.count) }

    /// Appends the exact state to `archive`: resuming from it gives the same bits as never
    /// having stopped.
    func archive(into archive: inout StateArchive) {
        summaries.archive(into: &archive)
        for grid in comparisons { grid.archive(into: &archive) }
        bands.archive(into: &archive)
        archive.append(totals)
    }

    /// Restores the state `archive(into:)` saved, into a fresh accumulator of the same layout.
    func restore(from reader: inout StateArchiveReader) throws(CheckpointError) {
        try summaries.restore(from: &reader)
        for grid in comparisons { try grid.restore(from: &reader) }
        try bands.restore(from: &reader)
        totals = try reader.readArray(of: Double.self)
        guard reader.isAtEnd else { throw .damaged("it has bytes left over") }
    }

    /// The results folded so far.
    func results(replications: Int, threads: Int, zoneRows: ZoneRows) -> RunResults {
        RunResults(layout: layout, summaries: summaries, comparisons: comparisons, replicationTotals: totals,
                   replications: replications, threads: threads, zoneRows: zoneRows, bands: bands, accumulator: self)
    }
}
