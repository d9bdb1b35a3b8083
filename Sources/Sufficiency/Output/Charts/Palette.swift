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

    /// Opacity of a fan chart's 90% band (p05–p95): light, so overlapping options stay readable.
    static let outerBandOpacity = 0.15
    /// Opacity of a fan chart's 50% band (p25–p75), drawn over the 90% band so it reads darker.
    static let innerBandOpacity = 0.3
    /// Opacity of a histogram layer, so one option's bars show through another's.
    static let layerOpacity = 0.45
}
