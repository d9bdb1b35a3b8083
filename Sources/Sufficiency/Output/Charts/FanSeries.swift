/// One option's (or group's) percentiles over time, for `Chart.fan`.
///
/// Values are in the chart's unit (`ValueUnit`), one per date, in the same order as the dates;
/// NaN or infinite values are left out of the drawing (the line and bands show a gap there).
/// Colour comes from `Palette` by the series' position in the chart.
public struct FanSeries: Sendable {
    /// The name shown in the legend (the option's name).
    public var name: String
    /// 5th percentile across replications, one per date: the lower edge of the 90% band.
    public var p05: [Double]
    /// 25th percentile, one per date: the lower edge of the 50% band.
    public var p25: [Double]
    /// Median, one per date: the line.
    public var p50: [Double]
    /// 75th percentile, one per date: the upper edge of the 50% band.
    public var p75: [Double]
    /// 95th percentile, one per date: the upper edge of the 90% band.
    public var p95: [Double]

    public init(name: String, p05: [Double], p25: [Double], p50: [Double], p75: [Double], p95: [Double]) {
        self.name = name
        self.p05 = p05
        self.p25 = p25
        self.p50 = p50
        self.p75 = p75
        self.p95 = p95
    }
}
