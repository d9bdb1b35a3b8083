/// A vertical axis of values: round-number ticks, their labels in the chart's unit,
/// gridlines across the plot, and the unit written above the axis.
///
/// The unit sits horizontally above the tick labels rather than turned on its side, so
/// "hours a week" reads without tilting one's head.
struct ValueAxis {
    var ticks: NiceTicks
    var format: TickFormat
    var label: String

    /// An axis for `values` (finite ones only) in `unit`, aiming at `target` intervals.
    ///
    /// With `includeZero` the axis reaches 0: always for bars (a bar's length is its value),
    /// and for lines whenever no value is negative, so a small change does not look like a
    /// collapse. With no finite values the axis runs 0 to 1.
    init(values: [Double], unit: ValueUnit, target: Int, includeZero: Bool, integers: Bool = false,
         label: String? = nil) {
        let finite = values.filter(\.isFinite)
        var low = finite.min() ?? 0, high = finite.max() ?? 1
        if includeZero { low = min(low, 0); high = max(high, 0) }
        ticks = NiceTicks(covering: low, high, target: target, integers: integers)
        format = TickFormat(unit: unit, step: ticks.step, largest: max(abs(ticks.lower), abs(ticks.upper)))
        self.label = label ?? unit.axisLabel
    }

    /// The tick labels, bottom to top.
    var labels: [String] { ticks.values.map(format.label) }

    /// Width the tick labels need left of the plot, pixels.
    var labelWidth: Double {
        (labels.map { ChartStyle.textWidth($0, size: ChartStyle.tickSize) }.max() ?? 0) + 8
    }

    /// The plot's left edge for an image with this axis at its left.
    var plotLeft: Double { ChartStyle.margin + max(labelWidth, 24) }

    /// Draws the axis (class "axis axis-y") for `frames`, which share one scale: tick labels
    /// left of the first frame of each row in `labelled`, gridlines in every frame, the unit
    /// above the first frame.
    /// `labelY` is the unit label's baseline when something else sits just above the first frame
    /// (small multiples' panel titles).
    static func draw(into doc: inout SVGDocument, _ axis: ValueAxis, frames: [PlotFrame], labelled: [PlotFrame],
                     labelY: Double? = nil) {
        guard let first = frames.first else { return }
        doc.start("g", [("class", "axis axis-y")])
        for frame in frames {
            let y = frame.yScale(axis.ticks)
            for value in axis.ticks.values {
                let py = ChartNumber.px(y(value))
                // Zero, when the axis crosses it, is drawn darker: above it gains, below it losses.
                let zero = value == 0 && axis.ticks.lower < 0
                doc.element("line", [("class", zero ? "grid zero" : "grid"), ("x1", ChartNumber.px(frame.left)),
                                     ("y1", py), ("x2", ChartNumber.px(frame.right)), ("y2", py),
                                     ("stroke", zero ? ChartStyle.axisColour : ChartStyle.gridColour),
                                     ("stroke-width", "1")])
            }
        }
        for frame in labelled {
            let y = frame.yScale(axis.ticks)
            for (value, text) in zip(axis.ticks.values, axis.labels) {
                doc.element("text", [("class", "tick"), ("x", ChartNumber.px(frame.left - 6)),
                                     ("y", ChartNumber.px(y(value) + 4)), ("text-anchor", "end"),
                                     ("font-size", ChartNumber.px(ChartStyle.tickSize)),
                                     ("fill", ChartStyle.axisColour)], text: text)
            }
        }
        doc.element("text", [("class", "axis-label"), ("x", ChartNumber.px(ChartStyle.margin)),
                             ("y", ChartNumber.px(labelY ?? first.top - 12)),
                             ("font-size", ChartNumber.px(ChartStyle.labelSize))], text: axis.label)
        doc.end()
    }
}
