/// The top of every chart: its title, then the legend.
enum ChartHeader {
    /// Room between the legend and the plot for the y axis's unit label, pixels.
    static let unitLabelRoom = 26.0

    /// Draws the title and legend and returns where the plot may start (below the legend, with
    /// room for the unit label that sits above the y axis).
    static func draw(into doc: inout SVGDocument, title: String, names: [String],
                     swatch: ChartLegend.Swatch, width: Int,
                     key: [(label: String, mark: ChartLegend.KeyMark)] = []) -> Double {
        doc.element("text", [("class", "chart-title"), ("x", ChartNumber.px(ChartStyle.margin)),
                             ("y", ChartNumber.px(ChartStyle.titleBaseline)),
                             ("font-size", ChartNumber.px(ChartStyle.titleSize)), ("font-weight", "bold")],
                    text: title)
        var legendBottom = ChartLegend.draw(into: &doc, names: names, swatch: swatch, width: width)
        legendBottom = ChartLegend.drawKey(into: &doc, entries: key, top: legendBottom, width: width)
        return legendBottom + unitLabelRoom
    }
}

extension ChartHeader {
    /// Draws the title and the key (no legend: the panels of small multiples name their
    /// series) and returns the y below the key.
    static func drawTitle(into doc: inout SVGDocument, title: String, width: Int,
                          key: [(label: String, mark: ChartLegend.KeyMark)]) -> Double {
        doc.element("text", [("class", "chart-title"), ("x", ChartNumber.px(ChartStyle.margin)),
                             ("y", ChartNumber.px(ChartStyle.titleBaseline)),
                             ("font-size", ChartNumber.px(ChartStyle.titleSize)), ("font-weight", "bold")],
                    text: title)
        return ChartLegend.drawKey(into: &doc, entries: key, top: ChartStyle.legendTop, width: width)
    }

    /// Where the plot may start for a legend of `names`, without drawing: for charts whose
    /// height depends on it.
    static func plotTop(names: [String], width: Int) -> Double {
        let rows = (ChartLegend.positions(names, width: width).map(\.row).max() ?? -1) + 1
        return ChartStyle.legendTop + Double(rows) * ChartStyle.legendRow + unitLabelRoom
    }
}
