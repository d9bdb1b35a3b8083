/// Where each provider's figures live in a replication's results: after every option's
/// measures (`ResultLayout.cell`), option × window × provider × `ProviderMeasure`, for the
/// financial years and the whole run.
///
/// The providers are the engine's provider slots, named from the scenario, so a replication's
/// results hold as many providers as the scenario gives; a day opportunities scenario has none.
public struct ProviderLayout: Sendable {
    /// The providers' names, in the engine's (the scenario's) order.
    public let names: [String]
    /// Indices into `ResultLayout.windows` of the windows reported: the financial years, then
    /// the whole run.
    public let windows: [Int]
    /// Options the results hold.
    public let options: Int
    /// Index of the first provider cell in a replication's results.
    public let start: Int

    /// The measures in `ProviderMeasure` order.
    public static let measures = ProviderMeasure.allCases.map(\.measure)

    public init(names: [String], windows: [Int], options: Int, start: Int) {
        self.names = names
        self.windows = windows
        self.options = options
        self.start = start
    }

    /// Cells of one option.
    public var cellsPerOption: Int { windows.count * names.count * ProviderMeasure.allCases.count }
    /// Cells of every option.
    public var cellCount: Int { options * cellsPerOption }

    /// The cell of `measure` for provider `provider` in window `slot` (an index into `windows`)
    /// under option `option`.
    @inline(__always)
    public func cell(option: Int, window slot: Int, provider: Int, measure: ProviderMeasure) -> Int {
        start + ((option * windows.count + slot) * names.count + provider) * ProviderMeasure.allCases.count
            + measure.rawValue
    }

    /// Whether `cell` of a replication's results is a provider cell.
    @inline(__always)
    public func contains(_ cell: Int) -> Bool {
        cell >= start && cell < start + cellCount
    }
}
