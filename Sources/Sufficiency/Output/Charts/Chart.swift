/// SVG charts of simulation results, for reports read by cabinet members, finance officers and
/// planners.
///
/// Each function returns the complete text of a standalone SVG 1.1 image (UTF-8, no external
/// references, no scripts) that can be written to a `.svg` file or placed inline in HTML.
/// Output is deterministic: the same input gives byte-identical text on any machine.
///
/// Every chart has the same structure, so reports can style it and tests can check it:
/// - `<title>` (named by the root's `aria-labelledby`, with `role="img"`);
/// - `<g class="legend">` holding one `<g class="legend-item" data-series="…">` per series;
/// - `<g class="axis axis-y">` and `<g class="axis axis-x">`, each with `<text class="tick">`
///   labels and a `<text class="axis-label">` (the y label, or the x label of a histogram, is
///   the unit: "£", "£ an hour", "hours a week", "people", "%", "days", "minutes");
/// - `<g class="plot">`, starting with an unfilled `<rect class="plot-area">` marking the
///   plotting frame, then one `<g class="series" data-series="…">` per series, and a
///   `<text class="no-data">` when no value is finite.
///
/// NaN and infinite values are never drawn: lines break, bars are left out.
public enum Chart {}

extension Chart {
    /// From this many series on, fan charts and histograms are drawn as small multiples (one
    /// panel per series, sharing their scales) rather than overlaid: four or more overlaid
    /// bands or histograms run into each other until no series can be read.
    public static let smallMultiplesFrom = 4
}
