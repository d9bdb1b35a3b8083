/// The key naming each series beside its colour, laid out in rows under the title.
enum ChartLegend {
    /// How a series' swatch is drawn, to match its marks in the plot.
    enum Swatch {
        /// A band with a line through it (fan charts).
        case fan
        /// A solid block (bar charts).
        case bar
        /// A translucent block with an outline (histogram layers).
        case layer
        /// A line in the series' own dash pattern with its marker (lines overlaid in one plot).
        case line
    }

    /// How an entry of the key to a chart's marks (rather than to its series) is drawn, in grey.
    enum KeyMark {
        /// A line `width` pixels thick, dashed by `dashes` (nil: solid).
        case line(width: Double, dashes: String?)
        /// A block of the grey at `opacity`, over another at `under` (0: none), as bands overlap.
        case band(opacity: Double, under: Double)
    }

    private static let swatchWidth = 16.0
    private static let gap = 6.0
    private static let spacing = 18.0

    /// Where each item starts (x) and on which row, wrapping at the image's right margin.
    static func positions(_ names: [String], width: Int) -> [(x: Double, row: Int)] {
        var x = ChartStyle.margin, row = 0
        var out: [(x: Double, row: Int)] = []
        for name in names {
            let itemWidth = swatchWidth + gap + ChartStyle.textWidth(name, size: ChartStyle.labelSize)
            if x > ChartStyle.margin && x + itemWidth > Double(width) - ChartStyle.margin {
                x = ChartStyle.margin
                row += 1
            }
            out.append((x, row))
            x += itemWidth + spacing
        }
        return out
    }

    /// Draws the legend and returns the y just below it.
    static func draw(into doc: inout SVGDocument, names: [String], swatch: Swatch, width: Int) -> Double {
        let places = positions(names, width: width)
        doc.start("g", [("class", "legend")])
        for (index, name) in names.enumerated() {
            let (x, row) = places[index]
            let top = ChartStyle.legendTop + Double(row) * ChartStyle.legendRow
            let colour = Palette.colour(at: index)
            doc.start("g", [("class", "legend-item"), ("data-series", name)])
            let box = [("x", ChartNumber.px(x)), ("y", ChartNumber.px(top + 1)),
                       ("width", ChartNumber.px(swatchWidth)), ("height", "11")]
            switch swatch {
            case .fan:
                doc.element("rect", [("class", "swatch")] + box
                            + [("fill", colour), ("fill-opacity", ChartNumber.px(Palette.innerBandOpacity))])
                var line = [("class", "swatch-line"), ("x1", ChartNumber.px(x)), ("y1", ChartNumber.px(top + 6.5)),
                            ("x2", ChartNumber.px(x + swatchWidth)), ("y2", ChartNumber.px(top + 6.5)),
                            ("stroke", colour), ("stroke-width", "2")]
                if let dashes = Palette.dashes(at: index) { line.append(("stroke-dasharray", dashes)) }
                doc.element("line", line)
            case .bar:
                doc.element("rect", [("class", "swatch")] + box + [("fill", colour)])
            case .line:
                var line = [("class", "swatch-line"), ("x1", ChartNumber.px(x)), ("y1", ChartNumber.px(top + 6.5)),
                            ("x2", ChartNumber.px(x + swatchWidth)), ("y2", ChartNumber.px(top + 6.5)),
                            ("stroke", colour), ("stroke-width", "2")]
                if let dashes = Palette.overlayDashes(at: index) { line.append(("stroke-dasharray", dashes)) }
                doc.element("line", line)
                Palette.marker(at: index).draw(into: &doc, x: x + swatchWidth / 2, y: top + 6.5, colour: colour)
            case .layer:
                doc.element("rect", [("class", "swatch")] + box
                            + [("fill", colour), ("fill-opacity", ChartNumber.px(Palette.layerOpacity)),
                               ("stroke", colour)])
            }
            doc.element("text", [("x", ChartNumber.px(x + swatchWidth + gap)), ("y", ChartNumber.px(top + 11)),
                                 ("font-size", ChartNumber.px(ChartStyle.labelSize))], text: name)
            doc.end()
        }
        doc.end()
        let rows = (places.map(\.row).max() ?? -1) + 1
        return ChartStyle.legendTop + Double(rows) * ChartStyle.legendRow
    }

    /// Draws the key to a chart's marks (what its bands and lines mean) at `top` in grey, as
    /// `g class="legend-key"`, and returns the y just below it.
    static func drawKey(into doc: inout SVGDocument, entries: [(label: String, mark: KeyMark)], top: Double,
                        width: Int) -> Double {
        guard !entries.isEmpty else { return top }
        let places = positions(entries.map(\.label), width: width)
        let grey = ChartStyle.axisColour
        doc.start("g", [("class", "legend-key")])
        for (index, entry) in entries.enumerated() {
            let (x, row) = places[index]
            let y = top + Double(row) * ChartStyle.legendRow
            doc.start("g", [("class", "key-item")])
            switch entry.mark {
            case let .line(width, dashes):
                var line = [("x1", ChartNumber.px(x)), ("y1", ChartNumber.px(y + 6.5)),
                            ("x2", ChartNumber.px(x + swatchWidth)), ("y2", ChartNumber.px(y + 6.5)),
                            ("stroke", grey), ("stroke-width", ChartNumber.px(width))]
                if let dashes { line.append(("stroke-dasharray", dashes)) }
                doc.element("line", line)
            case let .band(opacity, under):
                let box = [("x", ChartNumber.px(x)), ("y", ChartNumber.px(y + 1)),
                           ("width", ChartNumber.px(swatchWidth)), ("height", "11")]
                if under > 0 { doc.element("rect", box + [("fill", grey), ("fill-opacity", ChartNumber.px(under))]) }
                doc.element("rect", box + [("fill", grey), ("fill-opacity", ChartNumber.px(opacity))])
            }
            doc.element("text", [("x", ChartNumber.px(x + swatchWidth + gap)), ("y", ChartNumber.px(y + 11)),
                                 ("font-size", ChartNumber.px(ChartStyle.labelSize))], text: entry.label)
            doc.end()
        }
        doc.end()
        let rows = (places.map(\.row).max() ?? -1) + 1
        return top + Double(rows) * ChartStyle.legendRow
    }
}
