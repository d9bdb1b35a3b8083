extension Chart {
    /// Grouped bars with error bars: one group per label (e.g. measure or financial year), one
    /// bar per series.
    ///
    /// `series[k].values[g]` is the bar for `groups[g]` in `unit`, and `low[g]`…`high[g]` its
    /// 95% confidence interval, drawn as an error bar with caps. Bars always start from 0 (a
    /// bar's length is its value), so the y axis includes 0; it also reaches the interval ends.
    /// Non-finite values draw no bar, non-finite interval ends no error bar. Group labels turn
    /// 35° when they would not fit level; the x axis is labelled "financial year" when every
    /// group is one ("2024/25"), and otherwise has an empty label (the groups say what they are).
    /// The y axis is labelled `valueLabel` (by default the unit alone). `width` and `height`
    /// are the image's size in pixels.
    public static func bars(title: String, unit: ValueUnit, groups: [String], series: [BarSeries],
                            valueLabel: String? = nil, width: Int = 720, height: Int = 360) -> String {
        var doc = SVGDocument(width: width, height: height, kind: "bars", title: title)
        let top = ChartHeader.draw(into: &doc, title: title, names: series.map(\.name), swatch: .bar, width: width)
        let values = BarGeometry.values(series, count: groups.count)
        // The slot each group gets, estimated before the left margin is known, to decide
        // whether labels turn (which takes room from the plot's height).
        let roughSlot = (Double(width) - 2 * ChartStyle.margin - 50) / Double(max(1, groups.count))
        let bottom = max(top + 40, Double(height) - 44 - HorizontalAxis.turnedDepth(groups, slot: roughSlot))
        let target = PlotFrame(left: 0, top: top, right: 0, bottom: bottom).tickTarget
        let axis = ValueAxis(values: values, unit: unit, target: target, includeZero: true, label: valueLabel)
        let left = max(axis.plotLeft, ChartStyle.margin + HorizontalAxis.turnedOverhang(groups, slot: roughSlot))
        let frame = PlotFrame(left: left, top: top, right: Double(width) - ChartStyle.margin, bottom: bottom)
        ValueAxis.draw(into: &doc, axis, frames: [frame], labelled: [frame])

        let slot = frame.width / Double(max(1, groups.count))
        let centres = groups.indices.map { frame.left + slot * (Double($0) + 0.5) }
        let financialYears = !groups.isEmpty && groups.allSatisfy(Self.isFinancialYear)
        HorizontalAxis.categories(into: &doc, labels: groups, centres: centres, slot: roughSlot, frame: frame,
                                  label: financialYears ? "financial year" : "")

        let y = frame.yScale(axis.ticks)
        doc.start("g", [("class", "plot")])
        frame.mark(into: &doc)
        for (index, s) in series.enumerated() {
            doc.start("g", [("class", "series"), ("data-series", s.name)])
            for g in groups.indices {
                let slotLeft = frame.left + slot * Double(g)
                BarGeometry.draw(into: &doc, s, at: g, label: groups[g], colour: Palette.colour(at: index),
                                 slotLeft: slotLeft, slotWidth: slot, position: index, of: series.count, y: y)
            }
            doc.end()
        }
        if values.isEmpty { frame.noData(into: &doc) }
        doc.end()
        return doc.finish()
    }

    /// Whether `label` names a financial year the way reports write it: "2024/25".
    static func isFinancialYear(_ label: String) -> Bool {
        let c = Array(label.utf8)
        guard c.count == 7, c[4] == UInt8(ascii: "/") else { return false }
        return c.enumerated().allSatisfy { $0.offset == 4 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0.element) }
    }
}
