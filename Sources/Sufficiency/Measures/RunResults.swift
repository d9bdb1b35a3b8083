/// Everything a run produced, summarised across replications.
public final class RunResults: @unchecked Sendable {
    public let layout: ResultLayout
    /// Statistics for every cell of `layout`.
    public let summaries: SummaryGrid
    /// One grid per entry of `layout.pairs`, over `layout.comparedWindows`.
    public let comparisons: [ComparisonGrid]
    /// Whole-run county values per replication: replication × option × measure.
    public let replicationTotals: [Double]
    public let replications: Int
    public let threads: Int
    /// Which windows the results files give zone rows for (`RunSettings.zoneRows`).
    public let zoneRows: ZoneRows
    /// Fan-chart bands of `layout.bandCells` (empty when the results were built without them).
    public let bands: BandGrid
    /// What the results were folded in, when they come from one: a run stopped after them (in a
    /// ranking analysis) saves it for `--resume`.
    let accumulator: Accumulator?

    init(layout: ResultLayout, summaries: SummaryGrid, comparisons: [ComparisonGrid],
         replicationTotals: [Double], replications: Int, threads: Int, zoneRows: ZoneRows = .periods,
         bands: BandGrid = BandGrid(cells: []), accumulator: Accumulator? = nil) {
        self.accumulator = accumulator
        self.bands = bands
        self.zoneRows = zoneRows
        self.layout = layout
        self.summaries = summaries
        self.comparisons = comparisons
        self.replicationTotals = replicationTotals
        self.replications = replications
        self.threads = threads
    }

    /// Summary of one cell.
    public func summary(option: Int, window: Int, zoneSlot: Int = 0, measure: String) -> Summary? {
        guard let m = layout.measures.all.firstIndex(where: { $0.name == measure }) else { return nil }
        return summaries.summary(layout.cell(option: option, window: window, zoneSlot: zoneSlot, measure: m))
    }

    /// Summary of one provider's figure: `window` indexes `layout.providers.windows` (the
    /// financial years, then the whole run), `provider` the scenario's providers.
    public func providerSummary(option: Int, window: Int, provider: Int, measure: ProviderMeasure) -> Summary {
        summaries.summary(layout.providers.cell(option: option, window: window, provider: provider, measure: measure))
    }

    /// A replication's whole-run county value of `measure` under `option`.
    public func total(replication: Int, option: Int, measure: Int) -> Double {
        replicationTotals[(replication * layout.options.count + option) * layout.measures.count + measure]
    }

    /// Index of the comparison cell for `window` (an index into `layout.windows`
    /// that is compared), zone slot and measure.
    public func comparisonCell(window: Int, zoneSlot: Int, measure: Int) -> Int? {
        guard let w = layout.comparedWindows.firstIndex(of: window) else { return nil }
        return (w * layout.zoneSlots + zoneSlot) * layout.measures.count + measure
    }
}
