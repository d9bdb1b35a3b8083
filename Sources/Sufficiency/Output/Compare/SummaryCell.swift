/// One row of a results folder's summary.csv, read back for a comparison: where it is (option,
/// window, zone, measure) and the statistics of the measure there across replications.
public struct SummaryCell: Sendable, Equatable {
    public var option: String
    /// `period`, `financial_year` or `horizon` (docs/OUTPUTS.md, Windows).
    public var window: String
    /// The window's short name: `2024-05`, `2024/25`, `whole run`.
    public var label: String
    /// First and last day of the window, ISO `yyyy-mm-dd`, both inclusive.
    public var periodStart: String
    public var periodEnd: String
    /// `all` for the county, or a zone's name.
    public var zone: String
    public var measure: String
    /// The measure's unit, as summary.csv writes it (`hours a week`, `GBP`, `share`).
    public var unit: String
    /// Replications with a value in the cell.
    public var n: Int
    /// Mean across replications, in `unit`.
    public var mean: Double
    /// Standard deviation across replications (divisor n − 1), in `unit`; NaN when `n` is 1.
    public var sd: Double

    /// The window as one name, kind and label together (`financial_year 2024/25`).
    public var windowKey: String { window + " " + label }

    /// What identifies the cell in either run.
    public var key: Key { Key(option: option, window: windowKey, zone: zone, measure: measure) }

    /// Option, window, zone and measure: the cells two runs share.
    public struct Key: Hashable, Sendable {
        public var option: String
        public var window: String
        public var zone: String
        public var measure: String
    }
}
