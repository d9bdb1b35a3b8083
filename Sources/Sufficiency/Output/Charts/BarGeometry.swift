/// Where a bar and its error bar go, shared by grouped bars and zone small multiples.
enum BarGeometry {
    /// Share of a slot (a group, or a zone's panel) the bars fill; the rest separates slots.
    static let fill = 0.8

    /// Every finite value and interval end of the first `count` entries of `series`: what the
    /// value axis must reach.
    static func values(_ series: [BarSeries], count: Int) -> [Double] {
        series.flatMap { s in
            (0..<count).flatMap { i -> [Double] in
                guard let v = s.value(at: i) else { return [] }
                guard let ci = s.interval(at: i) else { return [v] }
                return [v, ci.low, ci.high]
            }
        }
    }

    /// The bar's left edge and width, pixels, for series `position` of `count` in a slot.
    static func horizontal(slotLeft: Double, slotWidth: Double, position: Int, of count: Int) -> (x: Double, width: Double) {
        let barWidth = slotWidth * fill / Double(max(1, count))
        let x = slotLeft + slotWidth * (1 - fill) / 2 + barWidth * Double(position)
        // A hairline of white between neighbouring bars, so like colours do not merge.
        let inset = min(1, barWidth * 0.1)
        return (x + inset, barWidth - 2 * inset)
    }

    /// The bar's top and height, pixels: from the value to 0 (downwards for a negative value).
    static func vertical(_ value: Double, y: Scale) -> (y: Double, height: Double) {
        let zero = y(0), end = y(value)
        return (min(zero, end), abs(zero - end))
    }

    /// Draws series `s`'s bar for group `index` (nothing if its value is not finite) and its
    /// error bar (if both interval ends are finite): a vertical line with caps.
    static func draw(into doc: inout SVGDocument, _ s: BarSeries, at index: Int, label: String, colour: String,
                     slotLeft: Double, slotWidth: Double, position: Int, of count: Int, y: Scale) {
        guard let value = s.value(at: index) else { return }
        let (x, width) = horizontal(slotLeft: slotLeft, slotWidth: slotWidth, position: position, of: count)
        let (top, height) = vertical(value, y: y)
        doc.element("rect", [("class", "bar"), ("data-group", label), ("x", ChartNumber.px(x)),
                             ("y", ChartNumber.px(top)), ("width", ChartNumber.px(width)),
                             ("height", ChartNumber.px(height)), ("fill", colour)])
        guard let ci = s.interval(at: index) else { return }
        let centre = ChartNumber.px(x + width / 2)
        let low = ChartNumber.px(y(ci.low)), high = ChartNumber.px(y(ci.high))
        let cap = min(width * 0.5, 10) / 2
        let stroke = [("stroke", ChartStyle.errorColour), ("stroke-width", "1.25")]
        doc.element("line", [("class", "error"), ("x1", centre), ("y1", low), ("x2", centre), ("y2", high)] + stroke)
        for end in [low, high] {
            doc.element("line", [("class", "error error-cap"), ("x1", ChartNumber.px(x + width / 2 - cap)), ("y1", end),
                                 ("x2", ChartNumber.px(x + width / 2 + cap)), ("y2", end)] + stroke)
        }
    }
}
