import Foundation
import Yams

/// Reads one node of a scenario's YAML tree into a Swift value, reporting what is wrong to a
/// shared `IssueLog` instead of stopping.
///
/// Every typed read returns nil after reporting when the node does not hold what was
/// expected, so a decoder can carry on and find the next problem. Messages quote the value as
/// written and say what was expected, with its unit: `-3 is not allowed; expected a
/// non-negative number of people a week.`
struct NodeReader {
    let node: Node
    /// Where the node is, e.g. `zones[2].labour_pool_per_week` (list positions from 0).
    let keyPath: String
    let log: IssueLog

    init(node: Node, keyPath: String, log: IssueLog) {
        self.node = node
        self.keyPath = keyPath
        self.log = log
    }

    // MARK: - Paths

    /// The key path of the value under `key` in this mapping.
    func childPath(_ key: String) -> String {
        keyPath.isEmpty ? key : "\(keyPath).\(key)"
    }

    /// The key path of this list's element at `index` (from 0).
    func elementPath(_ index: Int) -> String {
        "\(keyPath)[\(index)]"
    }

    // MARK: - What the node holds

    /// Whether the node is an empty value (nothing after the colon, `~` or `null`).
    var isNull: Bool {
        guard case .scalar(let scalar) = node else { return false }
        guard scalar.tag.rawValue == Tag.Name.implicit.rawValue else { return scalar.tag.rawValue == Tag.Name.null.rawValue }
        let bytes = scalar.string.utf8
        // Yams's null expression matches only these, each possibly followed by one line break
        // (so at most 7 bytes); only text with a break needs the expression itself.
        if bytes.count > 7 { return false }
        for word in NodeReader.nullWords where bytes.elementsEqual(word.utf8) { return true }
        guard scalar.string.unicodeScalars.contains(where: NodeReader.isLineBreak) else { return false }
        return Resolver.default.resolveTag(of: node) == .null
    }

    /// The plain scalars YAML reads as an empty value.
    private static let nullWords = ["", "~", "null", "Null", "NULL"]

    /// The characters ICU treats as ending a line, where its `$` may match.
    private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// The text of a scalar that is not empty; nil for empty values, lists and mappings.
    var text: String? {
        guard case .scalar(let scalar) = node, !isNull else { return nil }
        return scalar.string
    }

    /// The value as written, for an issue's `value`; nil for lists and mappings.
    var writtenValue: String? {
        if case .scalar(let scalar) = node { return scalar.string }
        return nil
    }

    /// The value as a message shows it: numbers as written, other text in single quotes, and
    /// empty values, lists and mappings by name.
    var shownValue: String {
        switch node {
        case .scalar(let scalar):
            if isNull { return "an empty value" }
            let plain = scalar.style == .plain || scalar.style == .any
            return plain && NodeReader.parseNumber(scalar.string) != nil ? Excerpt.counted(scalar.string) : Excerpt.quoted(scalar.string)
        case .sequence(let sequence):
            return sequence.isEmpty ? "an empty list" : "a list"
        case .mapping(let mapping):
            return mapping.isEmpty ? "an empty mapping" : "a mapping"
        case .alias:
            return "an alias"
        }
    }

    // MARK: - Reporting

    /// Reports `message` about this node, with its value as written.
    func report(_ message: String) {
        log.report(message, at: node, keyPath: keyPath, value: writtenValue)
    }

    /// Reports `message` about this node, naming `value` as the offending value (e.g. the sum
    /// of a list's shares).
    func report(_ message: String, value: String?) {
        log.report(message, at: node, keyPath: keyPath, value: value)
    }

    /// Warns about this node's value, which is accepted but unusual; the load goes on.
    func warn(_ message: String) {
        log.warn(message, at: node, keyPath: keyPath, value: writtenValue)
    }

    /// Reports that this value is not allowed: `<value> is not allowed; expected <expected>.`
    func reject(expected: String) {
        report("\(shownValue) is not allowed; expected \(expected).")
    }

    // MARK: - Scalars

    /// A finite number within `rule`, no larger than `ScenarioLimits.largestNumber` either way.
    /// A fraction given as a percentage is refused with a hint, or warned about where the rule
    /// allows it (see `NumberRule.hintsPercentage` and `unusualAboveOne`).
    func number(_ rule: NumberRule) -> Double? {
        let value = text.flatMap(NodeReader.parseNumber)
        guard let value, rule.accepts(value) else {
            let hint = rule.percentageHint(for: value).map { " " + $0 } ?? ""
            report("\(shownValue) is not allowed; expected \(rule.expected(for: value)).\(hint)")
            return nil
        }
        guard abs(value) <= ScenarioLimits.largestNumber else {
            rejectAsTooLarge(rule)
            return nil
        }
        if let warning = rule.unusualWarning(for: value) { warn(warning) }
        return value
    }

    /// A whole number within `rule` (`12` and `12.0` are whole; `12.5` is not), no larger
    /// than `ScenarioLimits.largestNumber` either way.
    func wholeNumber(_ rule: NumberRule) -> Int? {
        let value = text.flatMap(NodeReader.parseNumber)
        guard let value, value == value.rounded(), rule.accepts(value) else {
            reject(expected: rule.expected(for: value))
            return nil
        }
        guard abs(value) <= ScenarioLimits.largestNumber else {
            rejectAsTooLarge(rule)
            return nil
        }
        return Int(value)
    }

    /// Reports a number that `rule` accepts but that is too large to mean anything here.
    private func rejectAsTooLarge(_ rule: NumberRule) {
        report("\(shownValue) is too large; expected \(rule.expected), no more than "
               + "\(NumberRule.format(ScenarioLimits.largestNumber)).")
    }

    /// A whole number from 0 to 2⁶⁴ − 1, read exactly (a random seed).
    func unsignedWholeNumber(expected: String) -> UInt64? {
        guard let text, let value = UInt64(text.replacingOccurrences(of: "_", with: "")
            .trimmingWhitespace) else {
            reject(expected: expected)
            return nil
        }
        return value
    }

    /// `true` or `false` (any case).
    func bool() -> Bool? {
        switch text?.lowercased() {
        case "true": return true
        case "false": return false
        default:
            reject(expected: "true or false")
            return nil
        }
    }

    /// Any text that is not empty (numbers are read as their text).
    func string(expected: String = "text") -> String? {
        guard let text else {
            reject(expected: expected)
            return nil
        }
        return text
    }

    /// A name: text with something in it besides spaces, trimmed.
    func name(expected: String = "a name") -> String? {
        guard let trimmed = text?.trimmingWhitespace, !trimmed.isEmpty else {
            reject(expected: expected)
            return nil
        }
        return trimmed
    }

    /// A calendar date written `yyyy-mm-dd`, as midnight UTC.
    func date() -> Date? {
        guard let text, let date = ISODate.parse(text.trimmingWhitespace) else {
            reject(expected: "an ISO date yyyy-mm-dd")
            return nil
        }
        return date
    }

    /// One of an enumeration's raw values, written exactly.
    func choice<Choice: RawRepresentable & CaseIterable>(_ type: Choice.Type) -> Choice?
    where Choice.RawValue == String {
        guard let text, let value = Choice(rawValue: text.trimmingWhitespace) else {
            reject(expected: NodeReader.oneOf(Choice.allCases.map(\.rawValue)))
            return nil
        }
        return value
    }

    /// `one of: a, b, c`.
    static func oneOf(_ names: [String]) -> String {
        "one of: " + names.joined(separator: ", ")
    }

    // MARK: - Collections

    /// The elements of a list, each with its own key path.
    func list(expected: String = "a list") -> [NodeReader]? {
        guard case .sequence(let sequence) = node else {
            reject(expected: expected)
            return nil
        }
        return sequence.enumerated().map {
            NodeReader(node: $0.element, keyPath: elementPath($0.offset), log: log)
        }
    }

    /// The elements of a list that must have at least one, e.g. `nonEmptyList(of: "zone")`.
    func nonEmptyList(of noun: String) -> [NodeReader]? {
        let expected = "a list of at least one \(noun)"
        guard let elements = list(expected: expected) else { return nil }
        if elements.isEmpty {
            reject(expected: expected)
            return nil
        }
        return elements
    }

    /// A mapping whose keys must be among `keys`: any other key is reported at the key, with
    /// the nearest known key as a suggestion (or the list of known keys). YAML merge keys
    /// (`<<: *defaults`, or a list of such) are honoured; keys written in the mapping itself win.
    func mapping(keys: [String], expected: String = "a mapping") -> MappingReader? {
        guard case .mapping(let written) = node else {
            reject(expected: expected)
            return nil
        }
        let mapping = merged(written)
        for pair in mapping {
            let keyReader = NodeReader(node: pair.key, keyPath: "", log: log)
            let name = keyReader.writtenValue ?? keyReader.shownValue
            guard !keys.contains(name) else { continue }
            // Built only while the log keeps problems: a file of a million unknown keys must not
            // pay for a million lists of the known ones.
            log.report("unknown key \(Excerpt.quoted(name))"
                       + DidYouMean.clause(for: name, among: keys,
                                           fallback: "; expected one of: \(keys.joined(separator: ", "))."),
                       at: pair.key, keyPath: childPath(name), value: name)
        }
        return MappingReader(reader: self, mapping: mapping, keys: keys)
    }

    /// `mapping` with its merge keys (`<<`) replaced by the pairs they bring in, except those
    /// whose keys the mapping writes itself; a merge of anything but mappings is reported.
    ///
    /// Aliases share nodes, so mappings that each merge several copies of the one before
    /// (a "merge bomb") would take exponential time to expand; after `mergeLimit` merged
    /// mappings the expansion stops and, when reporting, says so.
    private func merged(_ mapping: Node.Mapping, reporting: Bool = true) -> Node.Mapping {
        guard mapping.contains(where: { NodeReader.isMergeKey($0.key) }) else { return mapping }
        var budget = NodeReader.mergeLimit
        let result = NodeReader.merged(mapping, budget: &budget) { value in
            if reporting {
                NodeReader(node: value, keyPath: childPath("<<"), log: log)
                    .reject(expected: "a mapping or a list of mappings to merge")
            }
        }
        if budget < 0, reporting, let key = mapping.first(where: { NodeReader.isMergeKey($0.key) })?.key {
            log.report("the merge keys (<<) here bring in more than \(NodeReader.mergeLimit) mappings, counting "
                       + "merges within merges; write the values out or merge fewer mappings.",
                       at: key, keyPath: childPath("<<"), value: nil)
        }
        return result
    }

    /// Merged mappings a mapping may bring in, counting merges within merges.
    static let mergeLimit = 1_000

    /// `mapping` with its merge keys expanded as `mapping(keys:)` reads them, or nil when they
    /// cannot all be (a merge of something other than mappings, or more than `mergeLimit`
    /// merged mappings), which is left for `mapping(keys:)` to report.
    static func expandingMergeKeys(_ mapping: Node.Mapping) -> Node.Mapping? {
        guard mapping.contains(where: { isMergeKey($0.key) }) else { return mapping }
        var budget = mergeLimit
        var valid = true
        let result = merged(mapping, budget: &budget) { _ in valid = false }
        return valid && budget >= 0 ? result : nil
    }

    /// The expansion itself: `rejected` is called with each merge value that is not a mapping
    /// or a list of mappings (which brings nothing in).
    private static func merged(_ mapping: Node.Mapping, budget: inout Int,
                               rejected: (Node) -> Void) -> Node.Mapping {
        guard mapping.contains(where: { NodeReader.isMergeKey($0.key) }) else { return mapping }
        var explicit: [(Node, Node)] = []
        var sources: [Node] = []
        for pair in mapping {
            guard NodeReader.isMergeKey(pair.key) else {
                explicit.append((pair.key, pair.value))
                continue
            }
            switch pair.value {
            case .mapping:
                sources.append(pair.value)
            case .sequence(let list) where list.allSatisfy({ $0.mapping != nil }):
                sources.append(contentsOf: list)
            default:
                rejected(pair.value)
            }
        }
        var names = Set(explicit.compactMap { $0.0.scalar?.string })
        var pairs = explicit
        for source in sources {
            budget -= 1
            guard budget >= 0 else { break }
            for pair in merged(source.mapping!, budget: &budget, rejected: rejected) {
                guard let name = pair.key.scalar?.string, names.insert(name).inserted else { continue }
                pairs.append((pair.key, pair.value))
            }
        }
        return Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark)
    }

    private static func isMergeKey(_ key: Node) -> Bool {
        guard case .scalar(let scalar) = key else { return false }
        return scalar.string == "<<" && (scalar.style == .plain || scalar.style == .any)
    }

    /// The entries of a mapping whose keys are data (years, zone names, area names), each as
    /// a reader of the key and a reader of the value, both with the key path `parent.key`.
    func entries(expected: String = "a mapping") -> [(key: NodeReader, value: NodeReader)]? {
        guard case .mapping(let mapping) = node else {
            reject(expected: expected)
            return nil
        }
        return mapping.map { pair in
            let keyText = NodeReader(node: pair.key, keyPath: "", log: log)
            let path = childPath(keyText.writtenValue ?? keyText.shownValue)
            return (NodeReader(node: pair.key, keyPath: path, log: log),
                    NodeReader(node: pair.value, keyPath: path, log: log))
        }
    }

    /// A mapping from years (e.g. `2025: 12.21`) to numbers within `rule`, with at least one
    /// year; `expected` describes the whole table for the message when it is not one.
    func yearTable(_ rule: NumberRule, expected: String) -> [Int: Double]? {
        guard let entries = entries(expected: expected) else { return nil }
        if entries.isEmpty {
            reject(expected: expected)
            return nil
        }
        var table: [Int: Double] = [:]
        var valid = true
        for entry in entries {
            let year = entry.key.wholeNumber(.year)
            let value = entry.value.number(rule)
            if let year, let value { table[year] = value } else { valid = false }
        }
        return valid ? table : nil
    }

    /// The number under `key` in this mapping, read silently (nil when absent or not a
    /// number); for checks across a list, such as shares adding up to 1.
    func peekNumber(_ key: String) -> Double? {
        peekText(key).flatMap(NodeReader.parseNumber)
    }

    /// The text under `key` in this mapping (merge keys included), trimmed and read silently
    /// (nil when absent, empty or not text).
    func peekText(_ key: String) -> String? {
        guard let text = peekChild(key)?.text?.trimmingWhitespace, !text.isEmpty else { return nil }
        return text
    }

    /// The value under `key` in this mapping (merge keys included), found silently: nil when
    /// this is not a mapping or has no such key.
    func peekChild(_ key: String) -> NodeReader? {
        guard let written = node.mapping else { return nil }
        // One pass over the keys as written: a key written out wins over one a merge brings in,
        // so only a mapping with a merge key and without the key needs the merged copy (a
        // top-level mapping of a million keys is peeked at several times while loading).
        var hasMergeKey = false
        for pair in written {
            guard case .scalar(let scalar) = pair.key else { continue }
            if scalar.string == key { return NodeReader(node: pair.value, keyPath: childPath(key), log: log) }
            if !hasMergeKey && NodeReader.isMergeKey(pair.key) { hasMergeKey = true }
        }
        guard hasMergeKey, let pair = merged(written, reporting: false).first(where: { $0.key.scalar?.string == key })
        else { return nil }
        return NodeReader(node: pair.value, keyPath: childPath(key), log: log)
    }

    // MARK: - Numbers as written

    /// A decimal number as YAML and spreadsheets write it: optional sign, digits with an
    /// optional point, optional exponent; underscores between digits are ignored. Hex,
    /// `.inf` and `.nan` are not numbers here, and neither is anything non-finite.
    static func parseNumber(_ raw: String) -> Double? {
        var text = raw.trimmingWhitespace
        // Foundation is slow to call; most numbers have no underscore to remove.
        if text.utf8.contains(UInt8(ascii: "_")) { text = text.replacingOccurrences(of: "_", with: "") }
        // Every character the grammar accepts is ASCII, so reading bytes reads the same text.
        guard text.withUTF8(isDecimalNumber), let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// Whether `bytes` are a decimal number: optional sign, digits with an optional point (at
    /// least one digit in all), optional exponent.
    private static func isDecimalNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func isDigit(_ i: Int) -> Bool { i < bytes.count && bytes[i] >= UInt8(ascii: "0") && bytes[i] <= UInt8(ascii: "9") }
        func isSign(_ i: Int) -> Bool { i < bytes.count && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) }
        var i = 0
        if isSign(i) { i += 1 }
        var digits = 0
        while isDigit(i) { i += 1; digits += 1 }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            while isDigit(i) { i += 1; digits += 1 }
        }
        guard digits > 0 else { return false }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if isSign(i) { i += 1 }
            var exponentDigits = 0
            while isDigit(i) { i += 1; exponentDigits += 1 }
            guard exponentDigits > 0 else { return false }
        }
        return i == bytes.count
    }
}
