/// The colours series are drawn in, as SVG hex colours.
///
/// Okabe and Ito's palette ("Color Universal Design", 2002): its eight colours stay apart for
/// people with the common forms of colour-blindness (deuteranopia, protanopia, tritanopia) and
/// in greyscale print, which matters for papers that go to cabinet as PDFs. Series take colours
/// in order, so the first option is always blue and the second orange in every chart of a
/// report. Yellow comes late because it is faint on white; black comes last.
public enum Palette {
    /// The eight colours, in the order series take them.
    public static let colours: [String] = [
        "#0072B2", // blue
        "#E69F00", // orange
        "#009E73", // bluish green
        "#CC79A7", // reddish purple
        "#56B4E9", // sky blue
        "#D55E00", // vermilion
        "#F0E442", // yellow
        "#000000", // black
    ]

    /// The colour of the series at `index` (0-based); past the eighth series colours repeat,
    /// and charts tell repeats apart by a dash pattern (`dashes(at:)`).
    public static func colour(at index: Int) -> String {
        colours[((index % colours.count) + colours.count) % colours.count]
    }

    /// An SVG `stroke-dasharray` for the series at `index`, or nil for a solid line: solid for
    /// the first eight series, dashed for the next eight, so a repeated colour is still told apart.
    static func dashes(at index: Int) -> String? {
        switch (index / colours.count) % 3 {
        case 0: return nil
        case 1: return "6 3"
        default: return "2 2"
        }
    }

    /// The dash pattern of series `index`'s line when a few series share one plot, or nil for
    /// solid: each series its own, so two lines that coincide are still told apart.
    static func overlayDashes(at index: Int) -> String? {
        [nil, "8 4", "2 3"][((index % 3) + 3) % 3]
    }

    /// The shape marking series `index`'s points when a few series share one plot.
    static func marker(at index: Int) -> Marker {
        Marker.allCases[((index % Marker.allCases.count) + Marker.allCases.count) % Marker.allCases.count]
    }

    /// Shapes that mark a line's points.
    enum Marker: CaseIterable {
        case circle, square, triangle, diamond

        /// Draws the shape centred at (`x`, `y`), about 7 pixels across, in `colour`.
        func draw(into doc: inout SVGDocument, x: Double, y: Double, colour: String) {
            let r = 3.5
            func p(_ dx: Double, _ dy: Double) -> String { ChartNumber.px(x + dx) + "," + ChartNumber.px(y + dy) }
            let paint = [("fill", colour), ("stroke", "#FFFFFF"), ("stroke-width", "0.75")]
            switch self {
            case .circle:
                doc.element("circle", [("class", "marker"), ("cx", ChartNumber.px(x)), ("cy", ChartNumber.px(y)),
                                       ("r", ChartNumber.px(r))] + paint)
            case .square:
                doc.element("rect", [("class", "marker"), ("x", ChartNumber.px(x - r + 0.5)),
                                     ("y", ChartNumber.px(y - r + 0.5)), ("width", ChartNumber.px(2 * r - 1)),
                                     ("height", ChartNumber.px(2 * r - 1))] + paint)
            case .triangle:
                doc.element("polygon", [("class", "marker"), ("points", [p(0, -r - 0.5), p(r, r - 0.5), p(-r, r - 0.5)]
                    .joined(separator: " "))] + paint)
            case .diamond:
                doc.element("polygon", [("class", "marker"), ("points", [p(0, -r - 0.5), p(r + 0.5, 0), p(0, r + 0.5),
                                                                          p(-r - 0.5, 0)].joined(separator: " "))] + paint)
            }
        }
    }

    /// Opacity of a fan chart's 90% band (p05–p95): light, so overlapping options stay readable.
    static let outerBandOpacity = 0.15
    /// Opacity of a fan chart's 50% band (p25–p75), drawn over the 90% band so it reads darker.
    static let innerBandOpacity = 0.3
    /// Opacity of a histogram layer, so one option's bars show through another's.
    static let layerOpacity = 0.45
}
