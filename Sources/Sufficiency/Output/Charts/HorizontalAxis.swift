import Foundation

/// The horizontal axis under a plot (class "axis axis-x"): a baseline, tick labels, and
/// what the axis shows, below them. Dates, categories (bar groups) or values (histograms).
enum HorizontalAxis {
    /// Draws a time axis (class "axis axis-x") under `frame` for dates from `first` to `last`
    /// placed by `scale` (seconds since 1970 to pixels).
    static func time(into doc: inout SVGDocument, first: Date?, last: Date?, scale: Scale, frame: PlotFrame,
                     label: String) {
        doc.start("g", [("class", "axis axis-x")])
        baseline(into: &doc, frame: frame)
        if let first, let last {
            // A label like "Apr 2024" takes about 50 pixels; one every 80 leaves clear space.
            let ticks = DateTicks(from: first, to: last, maxTicks: Int(frame.width / 80))
            for tick in ticks.ticks {
                let x = scale(tick.date.timeIntervalSince1970)
                mark(into: &doc, x: x, frame: frame, text: tick.label)
            }
        }
        axisLabel(into: &doc, label, frame: frame, y: frame.bottom + 34)
        doc.end()
    }

    /// The line along the bottom of `frame`.
    static func baseline(into doc: inout SVGDocument, frame: PlotFrame) {
        doc.element("line", [("class", "baseline"), ("x1", ChartNumber.px(frame.left)),
                             ("y1", ChartNumber.px(frame.bottom)), ("x2", ChartNumber.px(frame.right)),
                             ("y2", ChartNumber.px(frame.bottom)), ("stroke", ChartStyle.axisColour),
                             ("stroke-width", "1")])
    }

    /// A short tick below the baseline at `x` with `text` centred under it, low enough that a
    /// label at the plot's left edge clears the value axis's lowest label beside it.
    static func mark(into doc: inout SVGDocument, x: Double, frame: PlotFrame, text: String) {
        doc.element("line", [("class", "tick-mark"), ("x1", ChartNumber.px(x)), ("y1", ChartNumber.px(frame.bottom)),
                             ("x2", ChartNumber.px(x)), ("y2", ChartNumber.px(frame.bottom + 4)),
                             ("stroke", ChartStyle.axisColour), ("stroke-width", "1")])
        doc.element("text", [("class", "tick"), ("x", ChartNumber.px(x)), ("y", ChartNumber.px(frame.bottom + 18)),
                             ("text-anchor", "middle"), ("font-size", ChartNumber.px(ChartStyle.tickSize)),
                             ("fill", ChartStyle.axisColour)], text: text)
    }

    /// The axis's label, centred under `frame` at baseline `y`.
    static func axisLabel(into doc: inout SVGDocument, _ label: String, frame: PlotFrame, y: Double) {
        doc.element("text", [("class", "axis-label"), ("x", ChartNumber.px((frame.left + frame.right) / 2)),
                             ("y", ChartNumber.px(y)), ("text-anchor", "middle"),
                             ("font-size", ChartNumber.px(ChartStyle.labelSize))], text: label)
    }

    /// Draws an axis of values placed by `scale` (a histogram's), ticked at `ticks` and labelled in `format`.
    static func values(into doc: inout SVGDocument, ticks: NiceTicks, format: TickFormat, scale: Scale,
                       frame: PlotFrame, label: String) {
        doc.start("g", [("class", "axis axis-x")])
        baseline(into: &doc, frame: frame)
        for value in ticks.values {
            mark(into: &doc, x: scale(value), frame: frame, text: format.label(value))
        }
        axisLabel(into: &doc, label, frame: frame, y: frame.bottom + 34)
        doc.end()
    }

    /// Whether category labels `slot` pixels apart would run into each other level, and so
    /// are turned 35° instead.
    static func turns(_ labels: [String], slot: Double) -> Bool {
        labels.contains { ChartStyle.textWidth($0, size: ChartStyle.tickSize) > slot - 6 }
    }

    /// The extra room below the plot that turned labels need, pixels (0 if they stay level).
    static func turnedDepth(_ labels: [String], slot: Double) -> Double {
        guard turns(labels, slot: slot) else { return 0 }
        let longest = labels.map(\.count).max() ?? 0
        // sin 35° ≈ 0.574 of the label's width goes downwards; less the level label's own room.
        return max(0, Double(longest) * ChartStyle.tickSize * 0.6 * 0.574 - 6)
    }

    /// How far the first turned label reaches left of its group's slot, pixels (0 if labels
    /// stay level): turned labels end at their group's centre and run down to the left, so the
    /// plot must start far enough in for the first one to stay inside the image.
    static func turnedOverhang(_ labels: [String], slot: Double) -> Double {
        guard turns(labels, slot: slot), let first = labels.first else { return 0 }
        let shown = Double(first.count) * ChartStyle.tickSize * 0.6
        // cos 35° ≈ 0.819 of the label's width goes leftwards.
        return max(0, shown * 0.819 - slot / 2)
    }

    /// Draws a category axis: `labels` centred at `centres` (turned 35° if they would collide
    /// at `slot` pixels apart), and `label` below.
    static func categories(into doc: inout SVGDocument, labels: [String], centres: [Double], slot: Double,
                           frame: PlotFrame, label: String) {
        doc.start("g", [("class", "axis axis-x")])
        baseline(into: &doc, frame: frame)
        let turned = turns(labels, slot: slot)
        for (text, x) in zip(labels, centres) {
            if turned {
                let y = frame.bottom + 14
                doc.element("text", [("class", "tick"), ("x", ChartNumber.px(x)), ("y", ChartNumber.px(y)),
                                     ("text-anchor", "end"),
                                     ("transform", "rotate(-35 \(ChartNumber.px(x)) \(ChartNumber.px(y)))"),
                                     ("font-size", ChartNumber.px(ChartStyle.tickSize)),
                                     ("fill", ChartStyle.axisColour)], text: text)
            } else {
                doc.element("text", [("class", "tick"), ("x", ChartNumber.px(x)),
                                     ("y", ChartNumber.px(frame.bottom + 16)), ("text-anchor", "middle"),
                                     ("font-size", ChartNumber.px(ChartStyle.tickSize)),
                                     ("fill", ChartStyle.axisColour)], text: text)
            }
        }
        axisLabel(into: &doc, label, frame: frame, y: frame.bottom + 34 + turnedDepth(labels, slot: slot))
        doc.end()
    }
}
