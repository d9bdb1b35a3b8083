import CYaml

/// Bounds how many values a YAML text's aliases bring in, before anything builds a tree.
///
/// An alias (`*name`) stands for the whole node its anchor names, so a few short lines of
/// nested aliases can stand for billions of values (the "billion laughs" document). The node
/// tree shares them, but anything that walks it — merge keys, `Yams.compose`'s check for
/// repeated keys, copying an override's value — visits every one, and never finishes. A
/// scenario has no need for more than a few thousand values from aliases, so a text whose
/// aliases bring in more than `limit` values in all is refused.
///
/// The count is taken from libyaml's events alone: each node's size (itself and everything
/// under it, aliases expanded) is known when it ends, and an alias adds the size of its
/// anchor's node. Text libyaml cannot parse is counted up to its error, which the composer
/// then reports.
enum YAMLAliasBudget {
    /// Values aliases may bring in, in all; the bundled scenarios use none.
    static let limit = 100_000

    /// Where `text`'s aliases first bring in more than `limit` values: the alias's line and
    /// column (from 1), its name and the key path it sits at (`b.c[2]`, list positions from 0);
    /// nil when they stay within it.
    static func exceeded(in text: String, limit: Int = YAMLAliasBudget.limit) -> Excess? {
        // No alias can be written without an asterisk; most scenarios have none.
        guard text.utf8.contains(UInt8(ascii: "*")) else { return nil }
        return LibYAMLParser.withParser(text) { scan($0, limit: limit) }
    }

    /// The alias that takes the count over the budget, and where it is.
    struct Excess: Equatable {
        var line: Int
        var column: Int
        var alias: String
        var keyPath: String
    }

    /// A collection whose end has not been read yet.
    private struct OpenNode {
        var anchor: String?
        /// Itself and everything under it so far, aliases expanded.
        var size = 1
        var isMapping: Bool
        /// In a mapping, the key whose value is being read (nil while a key is read; "?" for
        /// a key that is not plain text); in a list, the position of the item being read.
        var key: String?
        var index = 0
    }

    private static func scan(_ parser: UnsafeMutablePointer<yaml_parser_t>, limit: Int) -> Excess? {
        /// The size of each anchored node, by anchor name (a later anchor shadows an earlier one).
        var sizes: [String: Int] = [:]
        var open: [OpenNode] = []
        var aliased = 0

        /// Adds a finished node of `size` to the collection it is in, and moves that
        /// collection on to its next key, value or item (`text`: the node's text, when a scalar).
        func finish(_ size: Int, text: String? = nil) {
            guard !open.isEmpty else { return }
            let last = open.count - 1
            open[last].size += size
            if !open[last].isMapping {
                open[last].index += 1
            } else if open[last].key == nil {
                open[last].key = text ?? "?"
            } else {
                open[last].key = nil
            }
        }

        /// The key path of the node being read, from the collections it is in.
        func keyPath() -> String {
            var path = ""
            for node in open {
                if !node.isMapping {
                    path += "[\(node.index)]"
                } else if let key = node.key {
                    path += path.isEmpty ? key : ".\(key)"
                }
            }
            return path
        }

        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_DOCUMENT_START_EVENT:
                sizes = [:]
            case YAML_SCALAR_EVENT:
                if let anchor = name(event.data.scalar.anchor) { sizes[anchor] = 1 }
                // Only a key's text is needed (for the key path).
                let isKey = open.last.map { $0.isMapping && $0.key == nil } ?? false
                finish(1, text: isKey ? scalarText(event) : nil)
            case YAML_SEQUENCE_START_EVENT:
                open.append(OpenNode(anchor: name(event.data.sequence_start.anchor), isMapping: false))
            case YAML_MAPPING_START_EVENT:
                open.append(OpenNode(anchor: name(event.data.mapping_start.anchor), isMapping: true))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let node = open.popLast() else { return nil }
                if let anchor = node.anchor { sizes[anchor] = node.size }
                finish(node.size)
            case YAML_ALIAS_EVENT:
                let anchor = name(event.data.alias.anchor) ?? ""
                let size = sizes[anchor] ?? 0
                aliased += size
                if aliased > limit {
                    return Excess(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1,
                                  alias: anchor, keyPath: keyPath())
                }
                finish(size)
            default:
                break
            }
        }
    }

    /// A scalar event's text (repaired as `name` repairs).
    private static func scalarText(_ event: yaml_event_t) -> String {
        let scalar = event.data.scalar
        guard let bytes = scalar.value else { return "" }
        let buffer = UnsafeBufferPointer(start: bytes, count: Int(scalar.length))
        return String(decoding: buffer, as: UTF8.self)
    }

    /// An anchor's name (libyaml hands back UTF-8; invalid bytes are repaired, as Yams does).
    private static func name(_ pointer: UnsafePointer<UInt8>!) -> String? {
        String.decodeCString(pointer, as: UTF8.self, repairingInvalidCodeUnits: true)?.result
    }

    /// The message for a text whose aliases exceed the budget at `*alias`.
    static func message(alias: String, limit: Int = YAMLAliasBudget.limit) -> String {
        "the aliases up to *\(alias) bring in more than \(limit) values; a scenario needs far fewer, "
            + "so write the values out or nest fewer aliases."
    }
}
