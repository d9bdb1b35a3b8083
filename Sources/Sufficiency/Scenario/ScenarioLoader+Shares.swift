extension ScenarioLoader {
    /// How far a list's shares may add up from 1 before it is a mistake rather than rounding.
    static let shareTolerance = 0.001

    /// Checks that the `key` values of `elements` add up to 1 (±0.001), reporting the sum at
    /// the list when they do not. Returns the sum when every share is a number from 0 to 1
    /// (each element's own decoder reports those that are not, and no sum is checked then).
    @discardableResult
    static func checkShares(of list: NodeReader, _ elements: [NodeReader], key: String) -> Double? {
        let shares = elements.map { $0.peekNumber(key) }
        guard !shares.isEmpty, shares.allSatisfy({ $0.map { $0 >= 0 && $0 <= 1 } ?? false }) else { return nil }
        let sum = shares.reduce(0) { $0 + $1! }
        if abs(sum - 1) > shareTolerance {
            let shown = NumberRule.format(sum)
            list.report("the \(key) values add up to \(shown); they must add up to 1 (±0.001).", value: shown)
            return nil
        }
        return sum
    }
}
