/// The rectangle data are drawn in, in pixels from the image's top left.
struct PlotFrame: Sendable, Equatable {
    var left: Double
    var top: Double
    var right: Double
    var bottom: Double

    var width: Double { right - left }
    var height: Double { bottom - top }

    /// The scale putting `ticks`' range on this frame's height, the lower end at the bottom.
    func yScale(_ ticks: NiceTicks) -> Scale {
        Scale(domain: (ticks.lower, ticks.upper), range: (bottom, top))
    }

    /// How many intervals to aim for on a value axis this tall: one about every 45 pixels, so
    /// labels never crowd and the gridlines stay few.
    var tickTarget: Int { max(2, min(8, Int(height / 45))) }

    /// The unfilled rectangle marking the frame, first in the plot group: it draws nothing but
    /// lets a reader of the SVG (or a test) find the plotting area.
    func mark(into doc: inout SVGDocument) {
        doc.element("rect", [("class", "plot-area"), ("x", ChartNumber.px(left)), ("y", ChartNumber.px(top)),
                             ("width", ChartNumber.px(width)), ("height", ChartNumber.px(height)),
                             ("fill", "none"), ("stroke", "none")])
    }

    /// "No data", centred in the frame: an empty chart says so rather than looking broken.
    func noData(into doc: inout SVGDocument) {
        doc.element("text", [("class", "no-data"), ("x", ChartNumber.px((left + right) / 2)),
                             ("y", ChartNumber.px((top + bottom) / 2)), ("text-anchor", "middle"),
                             ("font-size", "14"), ("fill", ChartStyle.axisColour)], text: "No data")
    }
}
