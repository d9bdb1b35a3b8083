import Foundation

/// Round-number ticks for a value axis: steps of 1, 2, 2.5 or 5 × 10^k, with the axis
/// extended out to whole steps so the data sit inside it and the ends are labelled.
struct NiceTicks: Sendable, Equatable {
    /// The axis's lower end (a multiple of `step`).
    var lower: Double
    /// The axis's upper end (a multiple of `step`).
    var upper: Double
    /// The distance between ticks.
    var step: Double
    /// The tick values, `lower` to `upper` inclusive.
    var values: [Double]

    /// Ticks covering `low...high`, about `target` intervals (never more than `target` + 2 or
    /// so, since steps go up in factors of at most 2.5). With `integers`, the step is at least
    /// 1 (counts have no half-people). An empty or non-finite range gives 0…1.
    init(covering low: Double, _ high: Double, target: Int = 5, integers: Bool = false) {
        var low = min(low, high), high = max(low, high)
        if !low.isFinite || !high.isFinite { (low, high) = (0, 1) }
        if low == high {
            // One value: give it room either side, or an axis up to 1 when it is 0.
            let pad = low == 0 ? 1 : abs(low) * 0.1
            (low, high) = (low >= 0 && low - pad < 0 ? 0 : low - pad, high + pad)
            if low == 0 && high == 0 { high = 1 }
        }
        let raw = (high - low) / Double(max(1, target))
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let fraction = raw / magnitude
        let multiple = [1, 2, 2.5, 5, 10].first { fraction <= $0 * (1 + 1e-9) } ?? 10
        var step = multiple * magnitude
        if integers { step = max(1, step.rounded(.up)) }
        // The small allowances keep a value that is a whole step (100 on steps of 20) from
        // adding an empty step through rounding error.
        let first = (low / step + 1e-9).rounded(.down)
        let last = (high / step - 1e-9).rounded(.up)
        self.step = step
        self.lower = first * step
        self.upper = last * step
        self.values = stride(from: first, through: last, by: 1).map { $0 * step }
    }
}
