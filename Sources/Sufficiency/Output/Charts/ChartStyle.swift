/// Sizes, fonts and neutral colours shared by every chart, so the charts of a report match.
enum ChartStyle {
    /// The reader's own interface font: nothing is fetched, and it is legible on screen and in print.
    static let fontFamily = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif"
    /// Text colour: near-black, softer than pure black on white but well above WCAG AA contrast.
    static let textColour = "#222222"
    /// Tick labels and the axis lines: dark grey, readable yet quieter than the data.
    static let axisColour = "#555555"
    /// Gridlines: light enough to sit behind the data.
    static let gridColour = "#E3E3E3"
    /// Error bars: dark, so they show on every palette colour but black.
    static let errorColour = "#222222"

    static let titleSize = 15.0
    static let labelSize = 12.0
    static let tickSize = 11.0
    /// Space kept clear around the drawing, pixels.
    static let margin = 16.0
    /// Baseline of the title, pixels from the top.
    static let titleBaseline = 22.0
    /// Top of the first legend row, pixels from the top.
    static let legendTop = 34.0
    /// Height of one legend row, pixels.
    static let legendRow = 18.0

    /// Roughly how wide `text` is at `size` pixels, for layout. SVG text cannot be measured
    /// without a renderer, so this allows 0.6 em a character (a little over the average for
    /// sans-serif faces) and layouts leave room to spare.
    static func textWidth(_ text: String, size: Double) -> Double {
        Double(text.count) * size * 0.6
    }

    /// `text` broken at spaces into lines no wider than `width` pixels at `size` (by
    /// `textWidth`), so a long name is shown whole on several lines rather than cut short. A
    /// single word wider than `width` keeps a line of its own, whole.
    static func lines(_ text: String, width: Double, size: Double) -> [String] {
        var out: [String] = [], current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if !current.isEmpty && textWidth(candidate, size: size) > width {
                out.append(current)
                current = String(word)
            } else {
                current = candidate
            }
        }
        if !current.isEmpty || out.isEmpty { out.append(current) }
        return out
    }

    /// Height of one line of wrapped text at `size`, pixels.
    static func lineHeight(_ size: Double) -> Double { (size * 1.25).rounded() }
}
