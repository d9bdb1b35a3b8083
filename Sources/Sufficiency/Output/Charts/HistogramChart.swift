extension Chart {
    /// Histogram of values (e.g. a measure across replications), shared bins.
    ///
    /// The finite values of all series, in `unit`, are split into `bins` equal bins from the
    /// smallest value to the largest (the largest falls in the last bin). With up to three
    /// series, each bin holds one solid bar per series side by side (no translucent layers whose
    /// blends match no legend entry); from `smallMultiplesFrom` series on, each series has its
    /// own panel, every panel on the same bins and count scale. The x axis is in `unit`, labelled
    /// `valueLabel` (by default the unit alone); the y axis counts values, labelled `countLabel`.
    /// `width` and `height` are the image's size in pixels (small multiples are as tall as their
    /// rows need).
    public static func histogram(title: String, unit: ValueUnit, series: [(name: String, values: [Double])],
                                 bins: Int = 20, valueLabel: String? = nil, countLabel: String = "count",
                                 width: Int = 720, height: Int = 360) -> String {
        let binning = Binning(series.map(\.values), bins: bins)
        let counts = series.map { binning.counts($0.values) }
        let xLabel = valueLabel ?? unit.axisLabel
        if series.count >= smallMultiplesFrom {
            return histogramPanels(title: title, unit: unit, names: series.map(\.name), binning: binning,
                                   counts: counts, xLabel: xLabel, countLabel: countLabel, width: width)
        }
        var doc = SVGDocument(width: width, height: height, kind: "histogram", title: title)
        let top = ChartHeader.draw(into: &doc, title: title, names: series.map(\.name), swatch: .bar, width: width)
        let bottom = max(top + 40, Double(height) - 44)
        let target = PlotFrame(left: 0, top: top, right: 0, bottom: bottom).tickTarget
        let axis = ValueAxis(values: counts.flatMap { $0.map(Double.init) }, unit: .count, target: target,
                             includeZero: true, integers: true, label: countLabel)
        let frame = PlotFrame(left: axis.plotLeft, top: top, right: Double(width) - 28, bottom: bottom)
        ValueAxis.draw(into: &doc, axis, frames: [frame], labelled: [frame])
        let x = HistogramAxis(binning, unit: unit, frame: frame)
        x.draw(into: &doc, frame: frame, label: xLabel)

        doc.start("g", [("class", "plot")])
        frame.mark(into: &doc)
        for (index, s) in series.enumerated() {
            doc.start("g", [("class", "series"), ("data-series", s.name)])
            x.drawBins(into: &doc, counts[index], position: index, of: series.count, colour: Palette.colour(at: index),
                       y: frame.yScale(axis.ticks))
            doc.end()
        }
        if binning.isEmpty { frame.noData(into: &doc) }
        doc.end()
        return doc.finish()
    }

    /// Small multiples of `histogram`: one panel per series, two to a row, sharing bins and scales.
    static func histogramPanels(title: String, unit: ValueUnit, names: [String], binning: Binning, counts: [[Int]],
                                xLabel: String, countLabel: String, width: Int) -> String {
        let axis = ValueAxis(values: counts.flatMap { $0.map(Double.init) }, unit: .count, target: 3,
                             includeZero: true, integers: true, label: countLabel)
        let panels = SmallMultiples(names: names, columns: 2, top: ChartStyle.legendTop + ChartHeader.unitLabelRoom,
                                    left: axis.plotLeft, right: Double(width) - 28, panelHeight: 110, below: 44,
                                    gap: 48)
        let height = Int((panels.bottom + ChartStyle.margin).rounded(.up))
        var doc = SVGDocument(width: width, height: height, kind: "histogram", title: title)
        _ = ChartHeader.drawTitle(into: &doc, title: title, width: width, key: [])
        panels.drawTitles(into: &doc, names: names)
        let columnStart = panels.frames.map(\.left).min() ?? 0
        ValueAxis.draw(into: &doc, axis, frames: panels.frames,
                       labelled: panels.frames.filter { $0.left == columnStart }, labelY: panels.unitLabelY)
        let axes = panels.frames.map { HistogramAxis(binning, unit: unit, frame: $0) }
        for (frame, x) in zip(panels.frames, axes) { x.draw(into: &doc, frame: frame, label: xLabel) }
        doc.start("g", [("class", "plot")])
        let whole = PlotFrame(left: columnStart, top: panels.frames.map(\.top).min() ?? 0,
                              right: panels.frames.map(\.right).max() ?? 0,
                              bottom: panels.frames.map(\.bottom).max() ?? 0)
        whole.mark(into: &doc)
        for (index, name) in names.enumerated() {
            doc.start("g", [("class", "series"), ("data-series", name)])
            axes[index].drawBins(into: &doc, counts[index], position: 0, of: 1, colour: Palette.colour(at: index),
                                 y: panels.frames[index].yScale(axis.ticks))
            doc.end()
        }
        if binning.isEmpty { whole.noData(into: &doc) }
        doc.end()
        return doc.finish()
    }
}

/// A histogram's value axis under one plot, and where its bins' bars go.
struct HistogramAxis {
    var binning: Binning
    var ticks: NiceTicks
    var format: TickFormat
    var scale: Scale

    init(_ binning: Binning, unit: ValueUnit, frame: PlotFrame) {
        self.binning = binning
        ticks = NiceTicks(covering: binning.low, binning.high, target: max(2, Int(frame.width / 90)))
        format = TickFormat(unit: unit, step: ticks.step, largest: max(abs(ticks.lower), abs(ticks.upper)))
        scale = Scale(domain: (ticks.lower, ticks.upper), range: (frame.left, frame.right))
    }

    func draw(into doc: inout SVGDocument, frame: PlotFrame, label: String) {
        HorizontalAxis.values(into: &doc, ticks: ticks, format: format, scale: scale, frame: frame, label: label)
    }

    /// Draws one series' bars: in each bin, the `position`-th of `count` bars side by side.
    func drawBins(into doc: inout SVGDocument, _ counts: [Int], position: Int, of count: Int, colour: String, y: Scale) {
        for (bin, n) in counts.enumerated() where n > 0 {
            let (low, high) = binning.edges(bin)
            let left = scale(low), width = (scale(high) - scale(low)) / Double(max(1, count))
            // A hairline of white between neighbours, so like colours do not merge.
            let inset = min(0.5, width * 0.1)
            let (top, height) = BarGeometry.vertical(Double(n), y: y)
            doc.element("rect", [("class", "bin"), ("x", ChartNumber.px(left + width * Double(position) + inset)),
                                 ("y", ChartNumber.px(top)), ("width", ChartNumber.px(width - 2 * inset)),
                                 ("height", ChartNumber.px(height)), ("fill", colour)])
        }
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
