import Foundation

/// The numbers a scenario key accepts, and the phrase that tells the user so.
///
/// The phrase completes "… is not allowed; expected …", so it names the unit and the range:
/// `a non-negative number of people a week`, `a probability between 0 and 1`.
struct NumberRule: Sendable {
    /// What a valid value is, with its unit, e.g. `a positive number of hours a week`.
    let expected: String
    let accepts: @Sendable (Double) -> Bool
    /// The largest value accepted, when the rule has an upper limit (`atMost`).
    let limit: Double?
    /// The smallest value accepted, when there is one: nil for a rule with no lower bound or
    /// one that accepts only values above a bound (`positive`, `greaterThan`).
    private(set) var minimum: Double?
    /// The largest value accepted, when the rule says (`atMost`, `between`, `unitInterval`);
    /// nil leaves only `ScenarioLimits.largestNumber`, which every number obeys.
    private(set) var maximum: Double?
    /// Whether the value is a fraction that cannot exceed 1 (a share, a probability, growth
    /// capped at doubling): a value above 1 and up to 100 is refused with a hint that it looks
    /// like a percentage (`29.1 looks like a percentage; write 0.291.`).
    var hintsPercentage = false
    /// For a fraction that may exceed 1 although it seldom does (a premium, an uplift, a
    /// turnover), what it is with its article, e.g. `a premium`: a value above 1 is accepted
    /// with a warning (`1.5 is a premium of 150%, which is unusual; …`).
    var unusualAboveOne: String?

    init(_ expected: String, accepts: @escaping @Sendable (Double) -> Bool) {
        self.init(expected, limit: nil, accepts: accepts)
    }

    private init(_ expected: String, limit: Double?, accepts: @escaping @Sendable (Double) -> Bool) {
        self.expected = expected
        self.limit = limit
        self.accepts = accepts
    }

    /// From `minimum` to `maximum` inclusive (either nil: no bound on that side), said as
    /// `expected`: for a range whose phrase is the key's own (`a yearly growth between -0.5
    /// and 0.5`).
    init(_ expected: String, minimum: Double?, maximum: Double?) {
        self.init(expected, limit: nil) { value in
            (minimum.map { value >= $0 } ?? true) && (maximum.map { value <= $0 } ?? true)
        }
        self.minimum = minimum
        self.maximum = maximum
    }

    /// This rule with an upper limit: values above `bound` are refused as well.
    func atMost(_ bound: Double) -> NumberRule {
        let accepts = self.accepts
        var rule = NumberRule(expected, limit: bound) { $0 <= bound && accepts($0) }
        rule.hintsPercentage = hintsPercentage
        rule.unusualAboveOne = unusualAboveOne
        rule.minimum = minimum
        rule.maximum = Swift.min(bound, maximum ?? bound)
        return rule
    }

    /// This rule, whose `accepts` refuses values below `bound` (and accepts it): lets a lever
    /// show the bound.
    private func from(_ bound: Double) -> NumberRule {
        var rule = self
        rule.minimum = bound
        return rule
    }

    /// This rule, whose `accepts` refuses values above `bound` (and accepts it).
    private func upTo(_ bound: Double) -> NumberRule {
        var rule = self
        rule.maximum = bound
        return rule
    }

    /// This rule, for a fraction that cannot exceed 1: a refused value above 1 (up to 100) is
    /// said to look like a percentage.
    func refusingPercentages() -> NumberRule {
        var rule = self
        rule.hintsPercentage = true
        return rule
    }

    /// This rule, for a fraction that may exceed 1 but seldom does: `what` (with its article,
    /// e.g. `a premium`) above 1 is accepted with a warning.
    func warningAboveOne(_ what: String) -> NumberRule {
        var rule = self
        rule.unusualAboveOne = what
        return rule
    }

    /// The hint added to the refusal of `value`: `29.1 looks like a percentage; write 0.291.`,
    /// for a fraction that cannot exceed 1 given as a number from 1 to 100; nil otherwise.
    func percentageHint(for value: Double?) -> String? {
        guard hintsPercentage, let value, value > 1, value <= 100 else { return nil }
        return "\(NumberRule.format(value)) looks like a percentage; write \(NumberRule.format(value / 100))."
    }

    /// The warning for an accepted `value`: `1.5 is a premium of 150%, which is unusual; if you
    /// meant 1.5%, write 0.015.`, for a fraction above 1 that seldom is; nil otherwise.
    func unusualWarning(for value: Double) -> String? {
        guard let what = unusualAboveOne, value > 1 else { return nil }
        let shown = NumberRule.format(value)
        return "\(shown) is \(what) of \(NumberRule.format(value * 100))%, which is unusual; if you meant \(shown)%, "
            + "write \(NumberRule.format(value / 100))."
    }

    /// What a message about `value` (nil: not a number at all) says was expected: the limit
    /// is named only for a value above it, so `-3` is told it must be non-negative and
    /// `5e12` that it can be at most 100000.
    func expected(for value: Double?) -> String {
        guard let limit, let value, value > limit else { return expected }
        return "\(expected), at most \(NumberRule.format(limit))"
    }

    /// Zero or more: `a non-negative <noun>`.
    static func nonNegative(_ noun: String) -> NumberRule {
        NumberRule("a non-negative \(noun)") { $0 >= 0 }.from(0)
    }

    /// More than zero: `a positive <noun>`.
    static func positive(_ noun: String) -> NumberRule {
        NumberRule("a positive \(noun)") { $0 > 0 }
    }

    /// Zero up to `bound`: `a non-negative <noun>` (`, at most <bound>` for values above it).
    static func nonNegative(_ noun: String, atMost bound: Double) -> NumberRule {
        nonNegative(noun).atMost(bound)
    }

    /// More than zero up to `bound`: `a positive <noun>` (`, at most <bound>` for values above it).
    static func positive(_ noun: String, atMost bound: Double) -> NumberRule {
        positive(noun).atMost(bound)
    }

    /// "an" before a vowel ("an easting"), else "a".
    static func article(_ noun: String) -> String {
        guard let first = noun.lowercased().first else { return "a" }
        return "aeiou".contains(first) ? "an" : "a"
    }

    /// From 0 to 1 inclusive: `a <noun> between 0 and 1` (shares, probabilities).
    static func unitInterval(_ noun: String) -> NumberRule {
        NumberRule("\(article(noun)) \(noun) between 0 and 1") { $0 >= 0 && $0 <= 1 }.from(0).upTo(1).refusingPercentages()
    }

    /// From `low` to `high` inclusive: `a <noun> between <low> and <high>`.
    static func between(_ low: Double, _ high: Double, _ noun: String) -> NumberRule {
        NumberRule("\(article(noun)) \(noun) between \(NumberRule.format(low)) and \(NumberRule.format(high))") {
            $0 >= low && $0 <= high
        }.from(low).upTo(high)
    }

    /// `bound` or more: `a <noun> of at least <bound>`.
    static func atLeast(_ bound: Double, _ noun: String) -> NumberRule {
        NumberRule("\(article(noun)) \(noun) of at least \(NumberRule.format(bound))") { $0 >= bound }.from(bound)
    }

    /// More than `bound`: `a <noun> greater than <bound>`.
    static func greaterThan(_ bound: Double, _ noun: String) -> NumberRule {
        NumberRule("\(article(noun)) \(noun) greater than \(NumberRule.format(bound))") { $0 > bound }
    }

    /// A year such as 2025 (a financial year starting in April, or a calendar year).
    static let year = NumberRule("a year such as 2025") { $0 >= 1000 && $0 <= 9999 }.from(1000).upTo(9999)

    /// A number as people write it: whole numbers without a point, others with up to six
    /// decimals and no trailing zeros (`1`, `0.95`, `-0.25`).
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}
