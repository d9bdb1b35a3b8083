/// One option's (or group's) values for a bar chart (`Chart.bars`, `Chart.zones`).
///
/// `values[i]` is the bar for the i-th group (or zone), in the chart's unit (`ValueUnit`);
/// `low[i]` and `high[i]` are the ends of its 95% confidence interval, drawn as an error bar.
/// A NaN or infinite value draws no bar; a NaN interval end draws no error bar (for example
/// when there was one replication). Missing entries (arrays shorter than the groups) count as NaN.
/// Colour comes from `Palette` by the series' position in the chart.
public struct BarSeries: Sendable {
    /// The name shown in the legend (the option's name).
    public var name: String
    /// The bar heights, one per group, in the chart's unit.
    public var values: [Double]
    /// Lower ends of the 95% confidence intervals, one per group; NaN for none.
    public var low: [Double]
    /// Upper ends of the 95% confidence intervals, one per group; NaN for none.
    public var high: [Double]

    public init(name: String, values: [Double], low: [Double], high: [Double]) {
        self.name = name
        self.values = values
        self.low = low
        self.high = high
    }

    /// A series without confidence intervals.
    public init(name: String, values: [Double]) {
        self.init(name: name, values: values, low: [], high: [])
    }

    /// The finite value at `index`, or nil.
    func value(at index: Int) -> Double? { Self.finite(values, index) }

    /// The finite interval at `index` when both ends are finite, or nil.
    func interval(at index: Int) -> (low: Double, high: Double)? {
        guard let l = Self.finite(low, index), let h = Self.finite(high, index) else { return nil }
        return (min(l, h), max(l, h))
    }

    private static func finite(_ array: [Double], _ index: Int) -> Double? {
        guard array.indices.contains(index), array[index].isFinite else { return nil }
        return array[index]
    }
}
