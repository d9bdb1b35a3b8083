/// The values a measure can take, in its own unit, for showing its 95% confidence interval.
///
/// The interval in summary.csv is mean ± t(0.975, n − 1)·sd/√n exactly, so with few replications
/// it can reach below zero for a count, which no replication can be. What people read — the
/// terminal table, the report's table and its error bars — shows the interval cut to the range
/// instead; the files keep it as computed.
enum DisplayRange {
    /// Counts, hours, money, days and rates: never below zero.
    static let nonNegative: ClosedRange<Double> = 0 ... .infinity
    /// Shares of a whole (0–1).
    static let share: ClosedRange<Double> = 0 ... 1
    /// Differences, margins and savings, which can have either sign.
    static let signed: ClosedRange<Double> = -.infinity ... .infinity

    /// The interval `low`…`high` cut to `range`; NaN ends stay NaN.
    static func cut(low: Double, high: Double, to range: ClosedRange<Double>) -> (low: Double, high: Double) {
        guard !low.isNaN, !high.isNaN else { return (low, high) }
        return (min(max(low, range.lowerBound), range.upperBound), max(min(high, range.upperBound), range.lowerBound))
    }
}
