extension Chart {
    /// Small multiples: one small bar chart per zone (e.g. the 15 zones), one bar per series,
    /// a shared y scale.
    ///
    /// `series[k].values[z]` is series k's value for `zones[z]` in `unit`, with its 95%
    /// interval as an error bar, as in `bars`. Panels run left to right, `columns` to a row,
    /// each named underneath in full (a long name wraps onto more lines, never cut short); they
    /// share one y scale from 0, so bars compare across zones, and the scale is labelled left
    /// of each row with `valueLabel` (by default the unit alone) above it. The image is `width`
    /// pixels wide and as tall as the rows need (each panel's plot is 100 pixels high).
    public static func zones(title: String, unit: ValueUnit, zones: [String], series: [BarSeries],
                             valueLabel: String? = nil, columns: Int = 5, width: Int = 900) -> String {
        let columns = max(1, min(columns, max(1, zones.count)))
        let rows = max(1, (zones.count + columns - 1) / columns)
        let panelHeight = 100.0, rowGap = 12.0, columnGap = 14.0
        let top = ChartHeader.plotTop(names: series.map(\.name), width: width)
        let values = BarGeometry.values(series, count: zones.count)
        let axis = ValueAxis(values: values, unit: unit, target: 3, includeZero: true, label: valueLabel)
        let left = axis.plotLeft
        let panelWidth = max(10, (Double(width) - ChartStyle.margin - left - columnGap * Double(columns - 1))
            / Double(columns))
        let names = zones.map { ChartStyle.lines($0, width: panelWidth, size: ChartStyle.tickSize) }
        let lineHeight = ChartStyle.lineHeight(ChartStyle.tickSize)
        let nameRoom = 22 + lineHeight * Double((names.map(\.count).max() ?? 1) - 1)
        let height = Int((top + Double(rows) * (panelHeight + nameRoom + rowGap) + 20).rounded(.up))

        var doc = SVGDocument(width: width, height: height, kind: "zones", title: title)
        _ = ChartHeader.draw(into: &doc, title: title, names: series.map(\.name), swatch: .bar, width: width)
        // With no zones, one empty panel, so the chart still shows its axes and "No data".
        let frames = (0..<max(1, zones.count)).map { k -> PlotFrame in
            let x = left + Double(k % columns) * (panelWidth + columnGap)
            let y = top + Double(k / columns) * (panelHeight + nameRoom + rowGap)
            return PlotFrame(left: x, top: y, right: x + panelWidth, bottom: y + panelHeight)
        }
        ValueAxis.draw(into: &doc, axis, frames: frames,
                       labelled: frames.enumerated().filter { $0.offset % columns == 0 }.map(\.element))

        doc.start("g", [("class", "axis axis-x")])
        for (k, frame) in frames.enumerated() {
            HorizontalAxis.baseline(into: &doc, frame: frame)
            guard k < zones.count else { continue }
            let centre = (frame.left + frame.right) / 2
            doc.lines([("class", "tick"), ("x", ChartNumber.px(centre)),
                       ("y", ChartNumber.px(frame.bottom + 15)), ("text-anchor", "middle"),
                       ("font-size", ChartNumber.px(ChartStyle.tickSize)),
                       ("fill", ChartStyle.textColour), ("data-width", ChartNumber.px(panelWidth + columnGap))],
                      lines: names[k], x: centre, lineHeight: lineHeight)
        }
        let whole = PlotFrame(left: left, top: top, right: frames.map(\.right).max() ?? left,
                              bottom: frames.map(\.bottom).max() ?? top)
        HorizontalAxis.axisLabel(into: &doc, "zone", frame: whole, y: whole.bottom + nameRoom + 12)
        doc.end()

        doc.start("g", [("class", "plot")])
        whole.mark(into: &doc)
        for (index, s) in series.enumerated() {
            doc.start("g", [("class", "series"), ("data-series", s.name)])
            for (z, frame) in zip(zones.indices, frames) {
                BarGeometry.draw(into: &doc, s, at: z, label: zones[z], colour: Palette.colour(at: index),
                                 slotLeft: frame.left, slotWidth: frame.width, position: index, of: series.count,
                                 y: frame.yScale(axis.ticks))
            }
            doc.end()
        }
        if values.isEmpty { whole.noData(into: &doc) }
        doc.end()
        return doc.finish()
    }
}
