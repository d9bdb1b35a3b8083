import Foundation

/// One series of a sweep chart: a value with its 95% interval at each of several positions
/// of a swept parameter.
struct SweepSeries: Sendable {
    /// The name shown in the legend (an option, with the other parameters' values on a grid).
    var name: String
    /// The parameter's value at each point, in the parameter's own unit (or a category's
    /// position, from 0, when its values are not numbers).
    var x: [Double]
    /// The point's mean, and its 95% interval, in the chart's unit; NaN for none.
    var mean: [Double]
    var low: [Double]
    var high: [Double]
}

/// The swept parameter a chart's horizontal axis shows: numbers on a value axis, or values
/// that are not numbers (mappings, names) as categories in the order first met.
struct SweepAxis: Sendable {
    /// The axis label: the key path and what its values are.
    var label: String
    /// Nil for a numeric axis; the category labels, positions 0, 1, … otherwise.
    var categories: [String]?
}

extension Chart {
    /// How the points of a sweep chart are joined.
    enum SweepMarks {
        /// A grid: a line through the means in order of the parameter, a band for the intervals.
        case lines
        /// A space-filling design (Latin hypercube, Sobol): a dot at each mean, a vertical bar
        /// for its interval, nothing joined (the other parameters differ from point to point).
        case points
    }

    /// How far apart, in category slots, the series' dots at one category sit, so that the
    /// options' dots and intervals do not hide one another.
    static let categoryDodge = 0.6

    /// A measure (or a target's share) against one swept parameter, one series per option:
    /// lines with 95% bands for a grid, dots with interval bars for other designs. The y axis
    /// is in `unit` and starts at 0 when no value is negative; the x axis is the parameter.
    static func sweep(title: String, unit: ValueUnit, axis: SweepAxis, series: [SweepSeries], marks: SweepMarks,
                      width: Int = 720, height: Int = 360) -> String {
        var doc = SVGDocument(width: width, height: height, kind: "sweep", title: title)
        let top = ChartHeader.draw(into: &doc, title: title, names: series.map(\.name),
                                   swatch: marks == .lines ? .fan : .bar, width: width)
        let values = series.flatMap { $0.mean + $0.low + $0.high }.filter(\.isFinite)
        let bottom = max(top + 40, Double(height) - 44)
        let target = PlotFrame(left: 0, top: top, right: 0, bottom: bottom).tickTarget
        let yAxis = ValueAxis(values: values, unit: unit, target: target, includeZero: values.allSatisfy { $0 >= 0 })
        let frame = PlotFrame(left: yAxis.plotLeft, top: top, right: Double(width) - 32, bottom: bottom)
        ValueAxis.draw(into: &doc, yAxis, frames: [frame], labelled: [frame])

        let xs = series.flatMap(\.x).filter(\.isFinite)
        let x: Scale
        if let categories = axis.categories {
            // Categories sit in the middle of equal slots.
            let slot = frame.width / Double(max(1, categories.count))
            x = Scale(domain: (-0.5, Double(categories.count) - 0.5), range: (frame.left, frame.right))
            HorizontalAxis.categories(into: &doc, labels: categories, centres: categories.indices.map { x(Double($0)) },
                                      slot: slot, frame: frame, label: axis.label)
        } else {
            let ticks = NiceTicks(covering: xs.min() ?? 0, xs.max() ?? 1, target: max(2, Int(frame.width / 90)))
            x = Scale(domain: (ticks.lower, ticks.upper), range: (frame.left, frame.right))
            HorizontalAxis.values(into: &doc, ticks: ticks,
                                  format: TickFormat(unit: .custom(""), step: ticks.step,
                                                     largest: max(abs(ticks.lower), abs(ticks.upper))),
                                  scale: x, frame: frame, label: axis.label)
        }

        let y = frame.yScale(yAxis.ticks)
        doc.start("g", [("class", "plot")])
        frame.mark(into: &doc)
        for (index, s) in series.enumerated() {
            let colour = Palette.colour(at: index)
            doc.start("g", [("class", "series"), ("data-series", s.name)])
            let order = s.x.indices.filter { s.x[$0].isFinite }.sorted { s.x[$0] < s.x[$1] }
            // Dots at a category are spread across its slot, one position per series.
            let offset = axis.categories == nil || series.count < 2 ? 0
                : categoryDodge * (Double(index) / Double(series.count - 1) - 0.5)
            func point(_ column: [Double], _ i: Int) -> (x: Double, y: Double)? {
                guard i < column.count, column[i].isFinite else { return nil }
                return (x(s.x[i] + offset), y(column[i]))
            }
            switch marks {
            case .lines:
                doc.element("path", [("class", "band band-95"),
                                     ("d", PathData.band(lower: order.map { point(s.low, $0) },
                                                         upper: order.map { point(s.high, $0) })),
                                     ("fill", colour), ("fill-opacity", ChartNumber.px(Palette.outerBandOpacity)),
                                     ("stroke", "none")])
                var line = [("class", "mean"), ("d", PathData.line(order.map { point(s.mean, $0) })), ("fill", "none"),
                            ("stroke", colour), ("stroke-width", "2"), ("stroke-linejoin", "round"),
                            ("stroke-linecap", "round")]
                if let dashes = Palette.dashes(at: index) { line.append(("stroke-dasharray", dashes)) }
                doc.element("path", line)
                for i in order {
                    guard let p = point(s.mean, i) else { continue }
                    doc.element("circle", [("class", "point"), ("cx", ChartNumber.px(p.x)), ("cy", ChartNumber.px(p.y)),
                                           ("r", "3"), ("fill", colour)])
                }
            case .points:
                for i in order {
                    if let l = point(s.low, i), let h = point(s.high, i) {
                        doc.element("line", [("class", "interval"), ("x1", ChartNumber.px(l.x)), ("y1", ChartNumber.px(l.y)),
                                             ("x2", ChartNumber.px(h.x)), ("y2", ChartNumber.px(h.y)), ("stroke", colour),
                                             ("stroke-opacity", "0.5"), ("stroke-width", "1.5")])
                    }
                    guard let p = point(s.mean, i) else { continue }
                    doc.element("circle", [("class", "point"), ("cx", ChartNumber.px(p.x)), ("cy", ChartNumber.px(p.y)),
                                           ("r", "3.5"), ("fill", colour)])
                }
            }
            doc.end()
        }
        if values.isEmpty { frame.noData(into: &doc) }
        doc.end()
        return doc.finish()
    }
}
