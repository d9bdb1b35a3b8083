/// A linear map from data values (in the chart's unit, or seconds since 1970 for dates) to
/// pixels. The range may run backwards: a y scale maps the lowest value to the plot's bottom.
struct Scale: Sendable, Equatable {
    /// The data values at the two ends.
    var domain: (low: Double, high: Double)
    /// The pixels the two ends map to.
    var range: (low: Double, high: Double)

    init(domain: (Double, Double), range: (Double, Double)) {
        self.domain = (domain.0, domain.1)
        self.range = (range.0, range.1)
    }

    /// The pixel for `value`. A domain of zero width (one date, one value) maps everything to
    /// the middle of the range rather than dividing by zero.
    func callAsFunction(_ value: Double) -> Double {
        let width = domain.high - domain.low
        guard width != 0, width.isFinite else { return (range.low + range.high) / 2 }
        return range.low + (value - domain.low) / width * (range.high - range.low)
    }

    static func == (a: Scale, b: Scale) -> Bool {
        a.domain == b.domain && a.range == b.range
    }
}
