/// How the tick labels of one value axis are written, chosen once for all its ticks so they
/// share a style ("£250k", "£500k", … rather than "£250,000", "£0.5m").
///
/// Formatting is done digit by digit, with no locale and no `String(format:)`, so labels are
/// the same on every machine: thousands separated by commas, a minus sign (−, U+2212) for
/// negatives, and zero always written bare ("£0", "0%").
struct TickFormat: Sendable, Equatable {
    /// Written before the number ("£").
    var prefix = ""
    /// Written after the number ("k", "m", "bn", "%").
    var suffix = ""
    /// Values are multiplied by this before writing (100 for shares, 1/1000 for "£…k").
    var multiplier = 1.0
    /// Decimal places written.
    var decimals = 0
    /// Whether trailing zeros after the point are dropped ("£1.5m" beside "£1.25m").
    var trimZeros = false

    /// The format for an axis in `unit` with ticks `step` apart, the largest tick `largest` in
    /// absolute value.
    init(unit: ValueUnit, step: Double, largest: Double) {
        switch unit {
        case .pounds:
            prefix = "£"
            // Compact from £10,000: "£12,500" is still quick to read, "£1,250,000" is not.
            let (divisor, word): (Double, String) =
                largest >= 1e9 ? (1e9, "bn") : largest >= 1e6 ? (1e6, "m") : largest >= 1e4 ? (1e3, "k") : (1, "")
            multiplier = 1 / divisor
            suffix = word
            decimals = Self.decimalsNeeded(step / divisor)
            trimZeros = divisor > 1
            // Whole pounds, or pounds and pence: never "£2.5" for £2.50.
            if divisor == 1 && decimals > 0 { decimals = 2 }
        case .poundsPerHour:
            prefix = "£"
            decimals = Self.decimalsNeeded(step) > 0 ? 2 : 0
        case .share:
            suffix = "%"
            multiplier = 100
            decimals = Self.decimalsNeeded(step * 100)
        default:
            decimals = Self.decimalsNeeded(step)
        }
    }

    /// The label for the tick at `value`.
    func label(_ value: Double) -> String {
        let (negative, digits) = ChartNumber.grouped(value * multiplier, decimals: decimals, trimZeros: trimZeros)
        if digits.allSatisfy({ $0 == "0" || $0 == "." }) { return prefix + "0" + (suffix == "%" ? "%" : "") }
        return (negative ? "\u{2212}" : "") + prefix + digits + suffix
    }

    /// The fewest decimal places that write `step` (and so every multiple of it) exactly:
    /// 0 for 50, 1 for 2.5 or 0.5, 2 for 0.25. At most 6.
    static func decimalsNeeded(_ step: Double) -> Int {
        guard step.isFinite, step > 0 else { return 0 }
        var scaled = step
        for d in 0...6 {
            if abs(scaled - scaled.rounded()) <= 1e-6 * max(1, abs(scaled)) { return d }
            scaled *= 10
        }
        return 6
    }
}
