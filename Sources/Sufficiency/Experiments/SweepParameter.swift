import Yams

/// One scenario value a sweep varies: a key path (as `--set` takes it) and either the values
/// listed for it or a continuous range.
public struct SweepParameter: Sendable {
    /// What the parameter takes.
    public enum Values: Sendable {
        /// Values written in the scenario, each any YAML value (a number, a mapping, a list).
        case listed([SweepValue])
        /// Numbers from `low` to `high` (in the key's own unit); a grid takes `steps` evenly
        /// spaced values with both ends included, other designs scale into the range.
        case range(low: Double, high: Double, steps: Int?)
    }

    /// The key path, e.g. `options[flat 3%].uplift.rate`.
    public var path: String
    public var values: Values
    /// Where `path` is written in the scenario file.
    var pathLocation: SourceLocation?
    /// Where the range is written (for problems with values taken from it).
    var rangeLocation: SourceLocation?

    /// The grid's values: the listed ones, or `steps` evenly spaced numbers from `low` to `high`.
    func gridValues() -> [SweepValue] {
        switch values {
        case .listed(let listed):
            return listed
        case let .range(low, high, _):
            let n = gridCount
            return (0..<n).map { i in
                // The ends exactly as written; the others evenly between them.
                let x = i == n - 1 ? high : low + (high - low) * Double(i) / Double(n - 1)
                return number(x)
            }
        }
    }

    /// How many values the grid takes, without making them.
    var gridCount: Int {
        switch values {
        case .listed(let listed): listed.count
        case .range(_, _, let steps): steps ?? 2
        }
    }

    /// The value at position `u` (from 0 to 1) of the range.
    func scaled(_ u: Double) -> SweepValue {
        guard case let .range(low, high, _) = values else {
            preconditionFailure("SweepParameter.scaled: \(path) has listed values, not a range")
        }
        return number(low + (high - low) * u)
    }

    /// A number from the range as a value: rounded to the 6 decimals the CSV files show, so
    /// the value run is exactly the value reported.
    private func number(_ x: Double) -> SweepValue {
        let text = NumberRule.format(x)
        return SweepValue(text: text, node: Node(text), location: rangeLocation)
    }
}

/// One value a sweep point gives a parameter.
///
/// Unchecked: Yams's `Node` is a tree of value types that does not declare `Sendable`.
public struct SweepValue: @unchecked Sendable {
    /// The value as the CSV files show it: a scalar as written, a mapping or list in YAML's
    /// flow style, e.g. `{2026: 0.02}`.
    public var text: String
    /// The value as a YAML node, applied to the scenario as an override.
    var node: Node
    /// Where the value is written in the scenario file (a listed value, or the range).
    var location: SourceLocation?

    init(text: String, node: Node, location: SourceLocation?) {
        self.text = text
        self.node = node
        self.location = location
    }

    /// A listed value, shown in flow style.
    init(node: Node, location: SourceLocation?) {
        self.init(text: SweepValue.flowText(node), node: node, location: location)
    }

    /// `node` in YAML's flow style on one line: scalars as written, `[a, b]`, `{k: v}`; cut
    /// short with `…` after `flowLimit` characters.
    static func flowText(_ node: Node) -> String {
        var text = ""
        if !appendFlowText(node, to: &text) { text += "…" }
        return text
    }

    /// The most characters a value's text takes. Aliases share nodes, so a few lines of YAML
    /// (a "billion laughs") can stand for a value of billions of characters.
    static let flowLimit = 10_000

    /// Appends `node`'s flow text to `text`; false when `text` reached `flowLimit` first.
    private static func appendFlowText(_ node: Node, to text: inout String) -> Bool {
        guard text.utf8.count < flowLimit else { return false }
        switch node {
        case .scalar(let scalar):
            text += scalar.string
        case .sequence(let sequence):
            text += "["
            for (i, element) in sequence.enumerated() {
                if i > 0 { text += ", " }
                guard appendFlowText(element, to: &text) else { return false }
            }
            text += "]"
        case .mapping(let mapping):
            text += "{"
            for (i, pair) in mapping.enumerated() {
                if i > 0 { text += ", " }
                guard appendFlowText(pair.key, to: &text) else { return false }
                text += ": "
                guard appendFlowText(pair.value, to: &text) else { return false }
            }
            text += "}"
        case .alias(let alias):
            text += "*" + alias.anchor.rawValue
        }
        return true
    }
}
