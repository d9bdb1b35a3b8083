/// A running sum of doubles that carries its own rounding error (Neumaier's variant of Kahan
/// summation), so adding many values loses no more than rounding the final total once.
///
/// Values and the sum are in the caller's unit (£, hours, people × days, ...). Naive addition
/// rounds every partial sum: after n additions the error can reach about n × 1.1 × 10⁻¹⁶ of the
/// total, and small values added to a large total can vanish altogether (10¹⁶ + 1 + 1 + ... is
/// still 10¹⁶). Here each addition's rounding error is recovered exactly (Knuth's two-sum, with
/// Neumaier's ordering so a value larger than the running sum is handled too) and kept in
/// `compensation`; `value` adds it back once. The result is within about 2 ulps of the exact
/// sum whatever the number of values, unless the values cancel to far below their own size.
///
/// A value type: copy it to read a sum so far, or keep one per total.
struct CompensatedSum: Sendable, Equatable {
    /// The naive running sum.
    private(set) var sum: Double
    /// The rounding error of `sum` accumulated so far, to be added back once.
    private(set) var compensation: Double

    /// A sum of nothing, or starting from `value`.
    init(_ value: Double = 0) {
        sum = value
        compensation = 0
    }

    /// Adds `x` (finite; an infinite or NaN value makes the sum infinite or NaN, as `+` does).
    @inline(__always)
    mutating func add(_ x: Double) {
        let t = sum + x
        // Whichever of the two is larger in magnitude lost the other's low bits; recover them.
        if abs(sum) >= abs(x) {
            compensation += (sum - t) + x
        } else {
            compensation += (x - t) + sum
        }
        sum = t
    }

    /// The sum, with the accumulated rounding error added back.
    @inline(__always)
    var value: Double { sum + compensation }

    /// The compensated sum of `values`, in order.
    static func of<S: Sequence>(_ values: S) -> Double where S.Element == Double {
        var total = CompensatedSum()
        for x in values { total.add(x) }
        return total.value
    }
}
