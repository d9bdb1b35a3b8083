/// The layout of small multiples: one panel per series, `columns` to a row, every panel the
/// same size so one scale serves them all, each titled above with its series' name in its
/// colour. The titles are the chart's legend (`g class="legend"`, one `legend-item` a series).
struct SmallMultiples {
    /// The panels' plotting frames, in series order.
    var frames: [PlotFrame]
    /// Each title's lines, in series order.
    var titles: [[String]]
    /// Baseline of the value axis's unit label, above the first row's titles.
    var unitLabelY: Double
    /// The bottom of the last row's room, pixels: the image's height less its bottom margin.
    var bottom: Double

    /// Panels for `names` from `top` down, the plots starting at `left` and ending at `right`.
    /// `below` is the room each panel needs under its plot (tick labels and axis label).
    init(names: [String], columns: Int, top: Double, left: Double, right: Double, panelHeight: Double,
         below: Double, gap: Double = 20) {
        let columns = max(1, min(columns, names.count))
        let panelWidth = max(40, (right - left - gap * Double(columns - 1)) / Double(columns))
        titles = names.map { ChartStyle.lines($0, width: panelWidth, size: ChartStyle.labelSize) }
        let lineHeight = ChartStyle.lineHeight(ChartStyle.labelSize)
        let titleRoom = 10 + lineHeight * Double(titles.map(\.count).max() ?? 1)
        unitLabelY = top - 4
        let rowHeight = titleRoom + panelHeight + below
        frames = names.indices.map { k in
            let x = left + Double(k % columns) * (panelWidth + gap)
            let y = top + Double(k / columns) * rowHeight + titleRoom
            return PlotFrame(left: x, top: y, right: x + panelWidth, bottom: y + panelHeight)
        }
        bottom = top + Double(max(1, (names.count + columns - 1) / columns)) * rowHeight
    }

    /// Draws each panel's title above it, in its series' colour, as the legend.
    func drawTitles(into doc: inout SVGDocument, names: [String]) {
        let lineHeight = ChartStyle.lineHeight(ChartStyle.labelSize)
        doc.start("g", [("class", "legend")])
        for (index, name) in names.enumerated() {
            let frame = frames[index], lines = titles[index]
            let colour = Palette.colour(at: index)
            doc.start("g", [("class", "legend-item panel-title"), ("data-series", name)])
            let firstBaseline = frame.top - 8 - lineHeight * Double(lines.count - 1)
            doc.element("rect", [("class", "swatch"), ("x", ChartNumber.px(frame.left)),
                                 ("y", ChartNumber.px(firstBaseline - 10)), ("width", "4"), ("height", "12"),
                                 ("fill", colour)])
            doc.lines([("x", ChartNumber.px(frame.left + 8)), ("y", ChartNumber.px(firstBaseline)),
                       ("font-size", ChartNumber.px(ChartStyle.labelSize)), ("font-weight", "bold"),
                       ("fill", colour), ("data-width", ChartNumber.px(frame.width - 8))],
                      lines: lines, x: frame.left + 8, lineHeight: lineHeight)
            doc.end()
        }
        doc.end()
    }
}
