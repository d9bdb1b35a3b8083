/// Where each number of a replication's results lives: option × window × zone × measure, then
/// each provider's figures (`providers`).
///
/// Zone slot 0 is the whole county ("all"); slot z + 1 is zone z. Comparisons
/// between options are kept for financial years and the whole run (not for
/// each period), for every zone slot.
public struct ResultLayout: Sendable {
    public let options: [String]
    public let windows: [SimulationCalendar.Window]
    public let zoneNames: [String]
    public let measures: MeasureCatalog
    /// Indices into `windows` that options are compared on.
    public let comparedWindows: [Int]
    /// Option index pairs compared, (a, b) with a < b.
    public let pairs: [(Int, Int)]
    /// The measures the service's results single out, as its engine declares them.
    public let highlights: MeasureHighlights
    /// Each provider's figures for the financial years and the whole run, after every option's
    /// measures (none for a service whose engine reports no providers, as day opportunities).
    public let providers: ProviderLayout
    /// Whether the results have each provider's figures (providers.csv).
    public let hasProviders: Bool

    /// The layout of `scenario`'s results: its measures, providers and highlights are those the
    /// engine of its service declares.
    public init(scenario: Scenario, calendar: SimulationCalendar) {
        self = scenario.service.withEngine(Make(scenario: scenario, calendar: calendar))
    }

    /// A layout made with the engine's declarations (`ResultLayout.init(scenario:calendar:)`).
    private struct Make: EngineTask {
        let scenario: Scenario
        let calendar: SimulationCalendar

        func callAsFunction<Engine: ReplicationEngine>(_ engine: Engine.Type) -> ResultLayout {
            ResultLayout(scenario: scenario, calendar: calendar, measures: Engine.measures(for: scenario),
                         providers: Engine.providerNames(for: scenario), highlights: Engine.highlights)
        }
    }

    private init(scenario: Scenario, calendar: SimulationCalendar, measures: MeasureCatalog, providers providerNames: [String]?,
                 highlights: MeasureHighlights) {
        options = scenario.options.map(\.name)
        let windows = calendar.windows
        self.windows = windows
        zoneNames = ["all"] + scenario.zones.map(\.name)
        self.measures = measures
        self.highlights = highlights
        comparedWindows = windows.indices.filter { windows[$0].kind != .period }
        var pairs: [(Int, Int)] = []
        for a in 0..<options.count { for b in (a + 1)..<max(a + 1, options.count) { pairs.append((a, b)) } }
        self.pairs = pairs
        hasProviders = providerNames != nil
        providers = ProviderLayout(names: providerNames ?? [], windows: comparedWindows, options: options.count,
                                   start: options.count * windows.count * zoneNames.count * measures.count)
    }

    /// The measures whose fan-chart bands are kept for every single period, county-wide.
    public var fanMeasures: [Int] {
        highlights.fan.compactMap { name in measures.all.firstIndex { $0.name == name } }
    }

    /// The cells whose bands are kept: each option × single period × fan measure, county-wide,
    /// in that order.
    public var bandCells: [Int] {
        var cells: [Int] = []
        for o in options.indices {
            for w in windows.indices where windows[w].kind == .period {
                for m in fanMeasures { cells.append(cell(option: o, window: w, zoneSlot: 0, measure: m)) }
            }
        }
        return cells
    }

    public var zoneSlots: Int { zoneNames.count }
    public var cellsPerOption: Int { windows.count * zoneSlots * measures.count }
    /// Every value of a replication: each option's measures, then each provider's figures.
    public var cellCount: Int { options.count * cellsPerOption + providers.cellCount }
    public var comparisonCellsPerPair: Int { comparedWindows.count * zoneSlots * measures.count }

    @inline(__always)
    public func cell(option: Int, window: Int, zoneSlot: Int, measure: Int) -> Int {
        ((option * windows.count + window) * zoneSlots + zoneSlot) * measures.count + measure
    }

    /// Index into `windows` of cell `cell`'s window (a cell of an option's measures, not of
    /// `providers`).
    @inline(__always)
    public func window(ofCell cell: Int) -> Int {
        (cell / (zoneSlots * measures.count)) % windows.count
    }

    /// Index of the horizon window.
    public var horizonWindow: Int { windows.count - 1 }
}

extension ResultLayout {
    /// An empty grid for this layout's cells that keeps percentiles on the compared windows
    /// (financial years and the whole run) only: percentiles for every single period would cost
    /// more than the rest of the statistics step each replication, and a period's spread is
    /// already in its standard deviation. Providers' figures keep means and standard deviations
    /// only (providers.csv gives no percentiles).
    public func makeSummaryGrid() -> SummaryGrid {
        var compared = [Bool](repeating: false, count: windows.count)
        for w in comparedWindows { compared[w] = true }
        let providerStart = providers.start
        return SummaryGrid(cellCount: cellCount) { $0 < providerStart && compared[window(ofCell: $0)] }
    }
}
