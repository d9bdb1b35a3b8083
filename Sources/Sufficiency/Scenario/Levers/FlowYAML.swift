import Yams

/// A YAML node written on one line in flow style (`{rule: flat, rate: 0.03}`), as `--set`
/// reads a value back to the same node.
///
/// A plain scalar made only of letters, digits, spaces inside, `_`, `.`, `+`, `-` and `:`
/// not followed by a space stays plain, so it resolves as it did (`2025` stays a number,
/// `2025-04-01` a date, `true` a boolean); anything else is double-quoted, with `"`, `\` and
/// control characters escaped, so it reads back as the same text.
enum FlowYAML {
    static func text(of node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            return scalarText(scalar.string, plain: scalar.style == .plain || scalar.style == .any)
        case .sequence(let sequence):
            return "[" + sequence.map(text(of:)).joined(separator: ", ") + "]"
        case .mapping(let mapping):
            return "{" + mapping.map { "\(text(of: $0.key)): \(text(of: $0.value))" }.joined(separator: ", ") + "}"
        case .alias(let alias):
            return "*" + alias.anchor.rawValue
        }
    }

    /// `string` as a flow scalar: plain when it was written plain and stays the same when read
    /// back plain, double-quoted otherwise.
    static func scalarText(_ string: String, plain: Bool) -> String {
        if plain, isPlainSafe(string) { return string }
        return quoted(string)
    }

    /// `string` double-quoted, with `"`, `\` and control characters escaped.
    static func quoted(_ string: String) -> String {
        var text = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\t": text += "\\t"
            case "\r": text += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                    text += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16)
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        return text + "\""
    }

    /// Whether `string` reads back as itself when written plain inside a flow collection.
    static func isPlainSafe(_ string: String) -> Bool {
        guard let first = string.first, let last = string.last, first != " ", last != " ", first != ":",
              first != "-" || string.count == 1 || string.dropFirst().first != " " else { return false }
        if string.contains(": ") || string.hasSuffix(":") || string.contains(" #") { return false }
        return string.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || " _.+-:".contains($0)) }
    }
}
