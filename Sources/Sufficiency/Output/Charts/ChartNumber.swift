/// Numbers as chart text: pixel coordinates in attributes and grouped decimals in labels.
///
/// Both are written from integers, never through `String(format:)` or a locale, so the same
/// input gives byte-identical SVG on every machine and no "nan" or "inf" can reach the file.
enum ChartNumber {
    /// A coordinate or length in pixels, to at most 2 decimals (a hundredth of a pixel is far
    /// below what a screen or printer shows), trailing zeros dropped, "-0" as "0". Non-finite
    /// values become "0"; charts skip them before they get here.
    static func px(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let hundredths = (x * 100).rounded(.toNearestOrEven)
        guard abs(hundredths) < 9e15 else { return "0" }
        let n = Int64(hundredths)
        guard n != 0 else { return "0" }
        let sign = n < 0 ? "-" : ""
        let whole = n.magnitude / 100, fraction = n.magnitude % 100
        if fraction == 0 { return sign + String(whole) }
        if fraction % 10 == 0 { return sign + String(whole) + "." + String(fraction / 10) }
        return sign + String(whole) + (fraction < 10 ? ".0" : ".") + String(fraction)
    }

    /// `x`'s magnitude with `decimals` decimal places and commas between thousands
    /// ("1,234.50"), and whether it is negative once rounded (so −0.001 at 2 places is "0",
    /// not negative). With `trimZeros`, trailing zeros after the point (and a bare point) go.
    static func grouped(_ x: Double, decimals: Int, trimZeros: Bool = false) -> (negative: Bool, digits: String) {
        guard x.isFinite else { return (false, "0") }
        let places = max(0, min(decimals, 9))
        var scale: UInt64 = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(x) * Double(scale)).rounded(.toNearestOrEven)
        guard scaled < 9e18 else { return (x < 0, "0") }
        let units = UInt64(scaled)
        let whole = String(units / scale)
        var text = ""
        for (i, c) in whole.enumerated() {
            if i > 0 && (whole.count - i) % 3 == 0 { text.append(",") }
            text.append(c)
        }
        if places > 0 {
            var fraction = String(units % scale)
            fraction = String(repeating: "0", count: places - fraction.count) + fraction
            if trimZeros { while fraction.last == "0" { fraction.removeLast() } }
            if !fraction.isEmpty { text += "." + fraction }
        }
        return (units > 0 && x < 0, text)
    }
}
