extension Chart {
    /// Histogram of values (e.g. a measure across replications), one translucent layer per
    /// series, shared bins.
    ///
    /// The finite values of all series, in `unit`, are split into `bins` equal bins from the
    /// smallest value to the largest (the largest falls in the last bin); each series' counts
    /// are drawn as outlined translucent bars, so overlapping distributions show through each
    /// other. The x axis is in `unit`, the y axis counts values. `width` and `height` are the
    /// image's size in pixels.
    public static func histogram(title: String, unit: ValueUnit, series: [(name: String, values: [Double])],
                                 bins: Int = 20, width: Int = 720, height: Int = 360) -> String {
        var doc = SVGDocument(width: width, height: height, kind: "histogram", title: title)
        let top = ChartHeader.draw(into: &doc, title: title, names: series.map(\.name), swatch: .layer, width: width)
        let binning = Binning(series.map(\.values), bins: bins)
        let counts = series.map { binning.counts($0.values) }

        let bottom = max(top + 40, Double(height) - 44)
        let target = PlotFrame(left: 0, top: top, right: 0, bottom: bottom).tickTarget
        let axis = ValueAxis(values: counts.flatMap { $0.map(Double.init) }, unit: .count, target: target,
                             includeZero: true, integers: true, label: "count")
        let frame = PlotFrame(left: axis.plotLeft, top: top, right: Double(width) - 28, bottom: bottom)
        ValueAxis.draw(into: &doc, axis, frames: [frame], labelled: [frame])

        let xTicks = NiceTicks(covering: binning.low, binning.high, target: max(2, Int(frame.width / 90)))
        let xFormat = TickFormat(unit: unit, step: xTicks.step, largest: max(abs(xTicks.lower), abs(xTicks.upper)))
        let x = Scale(domain: (xTicks.lower, xTicks.upper), range: (frame.left, frame.right))
        HorizontalAxis.values(into: &doc, ticks: xTicks, format: xFormat, scale: x, frame: frame, label: unit.axisLabel)

        let y = frame.yScale(axis.ticks)
        doc.start("g", [("class", "plot")])
        frame.mark(into: &doc)
        for (index, s) in series.enumerated() {
            let colour = Palette.colour(at: index)
            doc.start("g", [("class", "series"), ("data-series", s.name)])
            for (bin, count) in counts[index].enumerated() where count > 0 {
                let (left, right) = binning.edges(bin)
                let (top, height) = BarGeometry.vertical(Double(count), y: y)
                doc.element("rect", [("class", "bin"), ("x", ChartNumber.px(x(left))), ("y", ChartNumber.px(top)),
                                     ("width", ChartNumber.px(x(right) - x(left))), ("height", ChartNumber.px(height)),
                                     ("fill", colour), ("fill-opacity", ChartNumber.px(Palette.layerOpacity)),
                                     ("stroke", colour), ("stroke-width", "1")])
            }
            doc.end()
        }
        if binning.isEmpty { frame.noData(into: &doc) }
        doc.end()
        return doc.finish()
    }
}

/// Equal-width bins shared by every series of a histogram, from the smallest finite value to
/// the largest.
struct Binning: Sendable, Equatable {
    var low: Double
    var high: Double
    var bins: Int
    /// Whether there were no finite values (the bins then span 0 to 1, empty).
    var isEmpty: Bool

    init(_ series: [[Double]], bins: Int) {
        let finite = series.flatMap { $0.filter(\.isFinite) }
        self.bins = max(1, bins)
        isEmpty = finite.isEmpty
        low = finite.min() ?? 0
        high = finite.max() ?? 1
        if low == high {
            // Every value the same: one narrow range around it, rather than bins of no width.
            let pad = low == 0 ? 0.5 : abs(low) * 0.05
            low -= pad
            high += pad
        }
    }

    /// The lower and upper edge of bin `index`.
    func edges(_ index: Int) -> (Double, Double) {
        let width = (high - low) / Double(bins)
        return (low + width * Double(index), index == bins - 1 ? high : low + width * Double(index + 1))
    }

    /// How many of `values` (finite ones) fall in each bin; a value on an edge goes up a bin,
    /// except the largest, which stays in the last.
    func counts(_ values: [Double]) -> [Int] {
        var counts = [Int](repeating: 0, count: bins)
        for v in values where v.isFinite {
            let position = (v - low) / (high - low) * Double(bins)
            counts[max(0, min(bins - 1, Int(position.rounded(.down))))] += 1
        }
        return counts
    }
}
