import Yams

/// One `--set key.path=value` from the command line, applied to the scenario's YAML tree
/// before it is decoded, so an overridden value is checked exactly like a written one.
///
/// The key path is keys separated by dots, each optionally followed by list selectors in
/// brackets: `demand.growth`, `zones[2].labour_pool_per_week` (positions count from 0),
/// `zones[Salisbury].labour_pool_per_week` or `options[option 2].spot_premium` (the element
/// whose `name` is that; quote a name made of digits: `options['2']`). The value is read as a
/// YAML scalar or flow collection (`0.05`, `[1, 2]`, `{after_days: 14, premium: 0.1}`).
///
/// A path whose last key is missing from a mapping that exists adds the key; a path through
/// anything that does not exist is reported, under the origin `--set <text>`.
struct KeyPathOverride {
    /// One step of a key path.
    enum Segment: Equatable {
        /// A key of a mapping.
        case key(String)
        /// A list position, from 0.
        case index(Int)
        /// The list element whose `name` is this.
        case name(String)
    }

    /// The argument as typed, `key.path=value`.
    let text: String
    /// The key path as typed.
    let path: String
    let segments: [Segment]
    /// The value, as written after the `=`.
    let valueText: String
    /// The value parsed as YAML, with no file position (its problems are the override's).
    let value: Node

    /// How issues name this override: `--set <text>` for the command line, or the sweep point
    /// it belongs to.
    let origin: String
    /// Where the value is written in the scenario file, for an override that comes from the
    /// file itself (a sweep point's value); nil for `--set`.
    let location: SourceLocation?
    /// Where the key path is written in the scenario file (for problems with the path itself).
    let pathLocation: SourceLocation?

    init(text: String, path: String, segments: [Segment], valueText: String, value: Node,
         origin: String? = nil, location: SourceLocation? = nil, pathLocation: SourceLocation? = nil) {
        self.text = text
        self.path = path
        self.segments = segments
        self.valueText = valueText
        self.value = value
        self.origin = origin ?? KeyPathOverride.origin(of: text)
        self.location = location
        self.pathLocation = pathLocation
    }

    /// An override of `path` with an already-parsed `value` (its positions are removed, so
    /// problems with it are reported under `origin` at `location`), or nil when `path` is not
    /// a key path.
    init?(path: String, value: Node, valueText: String, origin: String, location: SourceLocation?,
          pathLocation: SourceLocation?) {
        guard let segments = KeyPathOverride.segments(of: path) else { return nil }
        self.init(text: "\(path)=\(valueText)", path: path, segments: segments, valueText: valueText,
                  value: KeyPathOverride.withoutMarks(value), origin: origin, location: location,
                  pathLocation: pathLocation)
    }

    static func origin(of text: String) -> String { "--set \(Excerpt.counted(text, limit: 200))" }

    // MARK: - Parsing

    /// Parses `text`, or reports why it is not an override and returns nil.
    static func parse(_ text: String, log: IssueLog) -> KeyPathOverride? {
        func fail(_ path: String, _ value: String?, _ message: String) -> KeyPathOverride? {
            log.add(ScenarioIssue(origin: origin(of: text), keyPath: path, value: value, message: message))
            return nil
        }
        guard let equals = splitIndex(text) else {
            return fail("", nil, "expected key.path=value, e.g. demand.growth=0.05 or zones[Salisbury].labour_pool_per_week=2.")
        }
        let path = String(text[..<equals]).trimmingCharacters(in: .whitespaces)
        let valueText = String(text[text.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
        guard let segments = segments(of: path) else {
            return fail(path, valueText, "\(Excerpt.quoted(path)) is not a key path; expected keys separated by dots, "
                        + "each optionally followed by [position] or [name], e.g. zones[Salisbury].labour_pool_per_week.")
        }
        if let excess = YAMLAliasBudget.exceeded(in: valueText) {
            return fail(path, valueText, "\(Excerpt.quoted(valueText)) is not allowed: " + YAMLAliasBudget.message(alias: excess.alias))
        }
        let value: Node
        do {
            value = try Yams.compose(yaml: valueText).map(withoutMarks) ?? Node("")
        } catch {
            return fail(path, valueText, "\(Excerpt.quoted(valueText)) is not a valid YAML value: \(YAMLProblem(error).summary).")
        }
        return KeyPathOverride(text: text, path: path, segments: segments, valueText: valueText, value: value)
    }

    /// Position of the first `=` outside brackets.
    private static func splitIndex(_ text: String) -> String.Index? {
        var depth = 0
        var index = text.startIndex
        while index < text.endIndex {
            switch text[index] {
            case "[": depth += 1
            case "]": depth = max(0, depth - 1)
            case "=" where depth == 0: return index
            default: break
            }
            index = text.index(after: index)
        }
        return nil
    }

    /// The segments of a key path, or nil when it is malformed (empty key, unclosed or empty
    /// bracket, a selector before any key).
    static func segments(of path: String) -> [Segment]? {
        var segments: [Segment] = []
        var key = ""
        var characters = Array(path)[...]
        func flushKey() -> Bool {
            let trimmed = key.trimmingCharacters(in: .whitespaces)
            key = ""
            guard !trimmed.isEmpty else { return false }
            segments.append(.key(trimmed))
            return true
        }
        var expectingKey = true
        while let character = characters.first {
            characters = characters.dropFirst()
            switch character {
            case ".":
                if expectingKey { guard flushKey() else { return nil } }
                expectingKey = true
            case "[":
                if expectingKey { guard flushKey() else { return nil } }
                expectingKey = false
                guard let close = characters.firstIndex(of: "]") else { return nil }
                let content = String(characters[..<close]).trimmingCharacters(in: .whitespaces)
                characters = characters[characters.index(after: close)...]
                guard !content.isEmpty else { return nil }
                if let position = Int(content), position >= 0 {
                    segments.append(.index(position))
                } else if content.count >= 2,
                          let first = content.first, first == "'" || first == "\"", content.last == first {
                    segments.append(.name(String(content.dropFirst().dropLast())))
                } else {
                    segments.append(.name(content))
                }
            case "]":
                return nil
            default:
                guard expectingKey else { return nil }
                key.append(character)
            }
        }
        if expectingKey { guard flushKey() else { return nil } }
        return segments.isEmpty ? nil : segments
    }

    /// A copy of `node` with every position removed, so problems in it are not placed in the
    /// scenario file.
    static func withoutMarks(_ node: Node) -> Node {
        switch node {
        case .scalar(var scalar):
            scalar.mark = nil
            return .scalar(scalar)
        case .sequence(let sequence):
            return .sequence(Node.Sequence(sequence.map(withoutMarks), sequence.tag, sequence.style, nil))
        case .mapping(let mapping):
            return .mapping(Node.Mapping(mapping.map { (withoutMarks($0.key), withoutMarks($0.value)) },
                                         mapping.tag, mapping.style, nil))
        case .alias(var alias):
            alias.mark = nil
            return .alias(alias)
        }
    }

    // MARK: - Applying

    /// Sets the value in `root`. Returns the canonical key path it set (list positions as
    /// numbers, e.g. `zones[0].labour_pool_per_week`), or reports why it could not and
    /// returns nil.
    func apply(to root: inout Node, log: IssueLog) -> String? {
        do {
            return try set(in: &root, from: 0, at: "")
        } catch {
            log.add(ScenarioIssue(location: pathLocation, origin: origin, keyPath: path, value: valueText,
                                  message: error.message))
            return nil
        }
    }

    private struct Failure: Error {
        let message: String
    }

    private func set(in node: inout Node, from position: Int, at canonical: String) throws(Failure) -> String {
        let segment = segments[position]
        let isLast = position == segments.count - 1
        let here = canonical.isEmpty ? "the scenario" : Excerpt.quoted(canonical)
        switch segment {
        case .key(let key):
            guard case .mapping(var mapping) = node else {
                throw Failure(message: "\(here) is \(KeyPathOverride.kind(of: node)), not a mapping, so it has no key \(Excerpt.quoted(key)).")
            }
            let childPath = canonical.isEmpty ? key : "\(canonical).\(key)"
            if let index = mapping.firstIndex(where: { $0.key.scalar?.string == key }) {
                var child = mapping[index].value
                let result = isLast ? childPath : try set(in: &child, from: position + 1, at: childPath)
                mapping[index] = (key: mapping[index].key, value: isLast ? value : child)
                node = .mapping(mapping)
                return result
            }
            guard isLast else {
                let names = mapping.compactMap { $0.key.scalar?.string }
                throw Failure(message: "\(here) has no key \(Excerpt.quoted(key))"
                              + DidYouMean.clause(for: key, among: names, fallback: ", so nothing under it can be set."))
            }
            mapping[Node(key)] = value
            node = .mapping(mapping)
            return childPath
        case .index(let index):
            guard case .sequence(var sequence) = node else {
                throw Failure(message: "\(here) is \(KeyPathOverride.kind(of: node)), not a list, so it has no element [\(index)].")
            }
            guard index < sequence.count else {
                throw Failure(message: "\(here) has \(sequence.count) \(sequence.count == 1 ? "element" : "elements") "
                              + "(positions count from 0), so it has no element [\(index)].")
            }
            return try replace(in: &sequence, at: index, of: &node, from: position, at: canonical)
        case .name(let name):
            guard case .sequence(var sequence) = node else {
                throw Failure(message: "\(here) is \(KeyPathOverride.kind(of: node)), not a list, so it has no element named \(Excerpt.quoted(name)).")
            }
            let names = sequence.map { $0.mapping?.first(where: { $0.key.scalar?.string == "name" })?.value.scalar?.string }
            guard let index = names.firstIndex(where: { $0 == name }) else {
                let known = names.compactMap { $0 }
                let fallback = known.isEmpty ? "." : "; its names are: \(known.joined(separator: ", "))."
                throw Failure(message: "\(here) has no element named \(Excerpt.quoted(name))"
                              + DidYouMean.clause(for: name, among: known, fallback: fallback))
            }
            return try replace(in: &sequence, at: index, of: &node, from: position, at: canonical)
        }
    }

    private func replace(in sequence: inout Node.Sequence, at index: Int, of node: inout Node,
                         from position: Int, at canonical: String) throws(Failure) -> String {
        let childPath = "\(canonical)[\(index)]"
        if position == segments.count - 1 {
            sequence[index] = value
            node = .sequence(sequence)
            return childPath
        }
        var child = sequence[index]
        let result = try set(in: &child, from: position + 1, at: childPath)
        sequence[index] = child
        node = .sequence(sequence)
        return result
    }

    private static func kind(of node: Node) -> String {
        switch node {
        case .scalar: return "a single value"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }
}
