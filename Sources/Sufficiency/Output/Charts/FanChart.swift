import Foundation

extension Chart {
    /// Median line with 50% (p25–p75) and 90% (p05–p95) bands per series, over dates (the
    /// start of each period).
    ///
    /// Values are in `unit`; `series[k].p50[i]` belongs to `dates[i]` (UTC), and entries past
    /// the end of `dates` are ignored. The x axis runs from the first date (the plot's left
    /// edge) to the last (its right edge), ticked at month or year starts. The y axis starts at
    /// 0 when no value is negative. Non-finite values break the line and bands.
    /// `width` and `height` are the image's size in pixels.
    public static func fan(title: String, unit: ValueUnit, dates: [Date], series: [FanSeries],
                           width: Int = 720, height: Int = 360) -> String {
        var doc = SVGDocument(width: width, height: height, kind: "fan", title: title)
        let top = ChartHeader.draw(into: &doc, title: title, names: series.map(\.name), swatch: .fan, width: width)
        let n = dates.count
        let values = series.flatMap { s in [s.p05, s.p25, s.p50, s.p75, s.p95].flatMap { $0.prefix(n) } }
            .filter(\.isFinite)
        let bottom = max(top + 40, Double(height) - 44)
        let target = PlotFrame(left: 0, top: top, right: 0, bottom: bottom).tickTarget
        let axis = ValueAxis(values: values, unit: unit, target: target, includeZero: values.allSatisfy { $0 >= 0 })
        // A wider right margin than bars: the last date's label is centred on the right edge.
        let frame = PlotFrame(left: axis.plotLeft, top: top, right: Double(width) - 32, bottom: bottom)
        ValueAxis.draw(into: &doc, axis, frames: [frame], labelled: [frame])

        let first = dates.min(), last = dates.max()
        let x = Scale(domain: (first?.timeIntervalSince1970 ?? 0, last?.timeIntervalSince1970 ?? 0),
                      range: (frame.left, frame.right))
        HorizontalAxis.time(into: &doc, first: first, last: last, scale: x, frame: frame, label: "start of period")

        let y = frame.yScale(axis.ticks)
        func points(_ column: [Double]) -> [(x: Double, y: Double)?] {
            (0..<n).map { i in
                guard i < column.count, column[i].isFinite else { return nil }
                return (x(dates[i].timeIntervalSince1970), y(column[i]))
            }
        }
        doc.start("g", [("class", "plot")])
        frame.mark(into: &doc)
        for (index, s) in series.enumerated() {
            let colour = Palette.colour(at: index)
            doc.start("g", [("class", "series"), ("data-series", s.name)])
            // The 90% band first, so the 50% band and the median lie over it.
            doc.element("path", [("class", "band band-90"), ("d", PathData.band(lower: points(s.p05), upper: points(s.p95))),
                                 ("fill", colour), ("fill-opacity", ChartNumber.px(Palette.outerBandOpacity)),
                                 ("stroke", "none")])
            doc.element("path", [("class", "band band-50"), ("d", PathData.band(lower: points(s.p25), upper: points(s.p75))),
                                 ("fill", colour), ("fill-opacity", ChartNumber.px(Palette.innerBandOpacity)),
                                 ("stroke", "none")])
            var median = [("class", "median"), ("d", PathData.line(points(s.p50))), ("fill", "none"),
                          ("stroke", colour), ("stroke-width", "2"), ("stroke-linejoin", "round"),
                          ("stroke-linecap", "round")]
            if let dashes = Palette.dashes(at: index) { median.append(("stroke-dasharray", dashes)) }
            doc.element("path", median)
            doc.end()
        }
        if values.isEmpty { frame.noData(into: &doc) }
        doc.end()
        return doc.finish()
    }
}
