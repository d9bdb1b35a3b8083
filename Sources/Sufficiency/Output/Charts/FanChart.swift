import Foundation

extension Chart {
    /// Median line with 50% (p25–p75) and 90% (p05–p95) bands per series, over dates (the
    /// start of each period).
    ///
    /// Values are in `unit`; `series[k].p50[i]` belongs to `dates[i]` (UTC), and entries past
    /// the end of `dates` are ignored. The x axis runs from the first date (the plot's left
    /// edge) to the last (its right edge), ticked at month or year starts. The y axis starts at
    /// 0 when no value is negative, and is labelled `valueLabel` (by default the unit alone).
    /// Non-finite values break the line and bands.
    ///
    /// One series is drawn with filled bands. Two or three share one plot: each median has its
    /// own dash pattern and markers, so lines that coincide are still told apart, and the bands
    /// are drawn as edges (thin for the 50% band, dotted for the 90%), never as fills that
    /// blend into colours no legend shows. From `smallMultiplesFrom` series on, each series has
    /// its own panel with filled bands, every panel on the same scales. A key under the legend
    /// says what the line and bands are. `width` and `height` are the image's size in pixels
    /// (small multiples are as tall as their rows need).
    public static func fan(title: String, unit: ValueUnit, dates: [Date], series: [FanSeries],
                           valueLabel: String? = nil, width: Int = 720, height: Int = 360) -> String {
        if series.count >= smallMultiplesFrom {
            return fanPanels(title: title, unit: unit, dates: dates, series: series, valueLabel: valueLabel,
                             width: width)
        }
        var doc = SVGDocument(width: width, height: height, kind: "fan", title: title)
        let filled = series.count <= 1
        let top = ChartHeader.draw(into: &doc, title: title, names: series.map(\.name), swatch: filled ? .fan : .line,
                                   width: width, key: FanLayout.key(filled: filled))
        let layout = FanLayout(dates: dates, series: series)
        let bottom = max(top + 40, Double(height) - 44)
        let target = PlotFrame(left: 0, top: top, right: 0, bottom: bottom).tickTarget
        let axis = ValueAxis(values: layout.values, unit: unit, target: target,
                             includeZero: layout.values.allSatisfy { $0 >= 0 }, label: valueLabel)
        // A wider right margin than bars: the last date's label is centred on the right edge.
        let frame = PlotFrame(left: axis.plotLeft, top: top, right: Double(width) - 32, bottom: bottom)
        ValueAxis.draw(into: &doc, axis, frames: [frame], labelled: [frame])
        let x = layout.xScale(frame)
        HorizontalAxis.time(into: &doc, first: layout.first, last: layout.last, scale: x, frame: frame,
                            label: "start of period")

        doc.start("g", [("class", "plot")])
        frame.mark(into: &doc)
        for (index, s) in series.enumerated() {
            doc.start("g", [("class", "series"), ("data-series", s.name)])
            layout.draw(into: &doc, s, index: index, filled: filled, x: x, y: frame.yScale(axis.ticks))
            doc.end()
        }
        if layout.values.isEmpty { frame.noData(into: &doc) }
        doc.end()
        return doc.finish()
    }

    /// Small multiples of `fan`: one panel per series, two to a row, each with filled bands,
    /// all on one value scale and one date scale.
    static func fanPanels(title: String, unit: ValueUnit, dates: [Date], series: [FanSeries],
                          valueLabel: String?, width: Int) -> String {
        let layout = FanLayout(dates: dates, series: series)
        let axis = ValueAxis(values: layout.values, unit: unit, target: 3,
                             includeZero: layout.values.allSatisfy { $0 >= 0 }, label: valueLabel)
        // Measure the key's height without drawing it, to place the panels below.
        var scratch = SVGDocument(width: width, height: 1, kind: "fan", title: title)
        let keyBottom = ChartHeader.drawTitle(into: &scratch, title: title, width: width, key: FanLayout.key(filled: true))
        let names = series.map(\.name)
        let panels = SmallMultiples(names: names, columns: 2, top: keyBottom + ChartHeader.unitLabelRoom,
                                    left: axis.plotLeft, right: Double(width) - 32, panelHeight: 120, below: 44)
        let height = Int((panels.bottom + ChartStyle.margin).rounded(.up))

        var doc = SVGDocument(width: width, height: height, kind: "fan", title: title)
        _ = ChartHeader.drawTitle(into: &doc, title: title, width: width, key: FanLayout.key(filled: true))
        panels.drawTitles(into: &doc, names: names)
        let columnStarts = Set(panels.frames.map(\.left)).min() ?? 0
        ValueAxis.draw(into: &doc, axis, frames: panels.frames,
                       labelled: panels.frames.filter { $0.left == columnStarts }, labelY: panels.unitLabelY)
        for frame in panels.frames {
            HorizontalAxis.time(into: &doc, first: layout.first, last: layout.last, scale: layout.xScale(frame),
                                frame: frame, label: "start of period")
        }
        doc.start("g", [("class", "plot")])
        let whole = PlotFrame(left: panels.frames.map(\.left).min() ?? 0, top: panels.frames.map(\.top).min() ?? 0,
                              right: panels.frames.map(\.right).max() ?? 0,
                              bottom: panels.frames.map(\.bottom).max() ?? 0)
        whole.mark(into: &doc)
        for (index, s) in series.enumerated() {
            let frame = panels.frames[index]
            doc.start("g", [("class", "series"), ("data-series", s.name)])
            layout.draw(into: &doc, s, index: index, filled: true, x: layout.xScale(frame), y: frame.yScale(axis.ticks))
            doc.end()
        }
        if layout.values.isEmpty { whole.noData(into: &doc) }
        doc.end()
        return doc.finish()
    }
}

/// What every fan chart layout shares: the dates, the values the axis must reach, and how one
/// series is drawn.
struct FanLayout {
    var dates: [Date]
    var values: [Double]
    var first: Date?
    var last: Date?

    init(dates: [Date], series: [FanSeries]) {
        self.dates = dates
        let n = dates.count
        values = series.flatMap { s in [s.p05, s.p25, s.p50, s.p75, s.p95].flatMap { $0.prefix(n) } }.filter(\.isFinite)
        first = dates.min()
        last = dates.max()
    }

    /// Dates (seconds since 1970) across `frame`.
    func xScale(_ frame: PlotFrame) -> Scale {
        Scale(domain: (first?.timeIntervalSince1970 ?? 0, last?.timeIntervalSince1970 ?? 0),
              range: (frame.left, frame.right))
    }

    /// The key to the marks: filled bands, or the edges of bands drawn as lines.
    static func key(filled: Bool) -> [(label: String, mark: ChartLegend.KeyMark)] {
        if filled {
            return [("median", .line(width: 2, dashes: nil)),
                    ("middle half (25th–75th percentile)", .band(opacity: Palette.innerBandOpacity,
                                                                 under: Palette.outerBandOpacity)),
                    ("90% of replications (5th–95th)", .band(opacity: Palette.outerBandOpacity, under: 0))]
        }
        return [("median (marked)", .line(width: 2, dashes: nil)),
                ("middle half: edges", .line(width: 1, dashes: nil)),
                ("90% of replications: edges", .line(width: 1, dashes: "1 3"))]
    }

    /// Draws series `s` (at `index` among the chart's series): filled bands and a solid median,
    /// or (overlaid with others) band edges and a median in the series' dash pattern with markers.
    func draw(into doc: inout SVGDocument, _ s: FanSeries, index: Int, filled: Bool, x: Scale, y: Scale) {
        let colour = Palette.colour(at: index)
        func points(_ column: [Double]) -> [(x: Double, y: Double)?] {
            dates.indices.map { i in
                guard i < column.count, column[i].isFinite else { return nil }
                return (x(dates[i].timeIntervalSince1970), y(column[i]))
            }
        }
        if filled {
            // The 90% band first, so the 50% band and the median lie over it.
            doc.element("path", [("class", "band band-90"), ("d", PathData.band(lower: points(s.p05), upper: points(s.p95))),
                                 ("fill", colour), ("fill-opacity", ChartNumber.px(Palette.outerBandOpacity)),
                                 ("stroke", "none")])
            doc.element("path", [("class", "band band-50"), ("d", PathData.band(lower: points(s.p25), upper: points(s.p75))),
                                 ("fill", colour), ("fill-opacity", ChartNumber.px(Palette.innerBandOpacity)),
                                 ("stroke", "none")])
        } else {
            for (column, band, dashes) in [(s.p05, "band-90", "1 3"), (s.p95, "band-90", "1 3"),
                                           (s.p25, "band-50", nil), (s.p75, "band-50", nil)] as [([Double], String, String?)] {
                var edge = [("class", "band-edge " + band), ("d", PathData.line(points(column))), ("fill", "none"),
                            ("stroke", colour), ("stroke-width", "1"), ("stroke-opacity", "0.8")]
                if let dashes { edge.append(("stroke-dasharray", dashes)) }
                doc.element("path", edge)
            }
        }
        var median = [("class", "median"), ("d", PathData.line(points(s.p50))), ("fill", "none"),
                      ("stroke", colour), ("stroke-width", "2"), ("stroke-linejoin", "round"),
                      ("stroke-linecap", "round")]
        let dashes = filled ? Palette.dashes(at: index) : Palette.overlayDashes(at: index)
        if let dashes { median.append(("stroke-dasharray", dashes)) }
        doc.element("path", median)
        guard !filled else { return }
        // Markers on at most about a dozen points, staggered between series so markers of
        // lines that coincide sit side by side rather than on top of each other.
        let marker = Palette.marker(at: index)
        let step = max(3, (dates.count + 11) / 12)
        for (i, point) in points(s.p50).enumerated() where (i + index * step / 3) % step == 0 {
            guard let point else { continue }
            marker.draw(into: &doc, x: point.x, y: point.y, colour: colour)
        }
    }
}
