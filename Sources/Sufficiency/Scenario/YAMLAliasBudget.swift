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

    /// The alias at which `text`'s aliases bring in more than `limit` values, or nil when they
    /// stay within it.
    static func exceeded(in text: String, limit: Int = YAMLAliasBudget.limit) -> (line: Int, column: Int, alias: String)? {
        // No alias can be written without an asterisk; most scenarios have none.
        guard text.utf8.contains(UInt8(ascii: "*")) else { return nil }
        return LibYAMLParser.withParser(text) { scan($0, limit: limit) }
    }

    private static func scan(_ parser: UnsafeMutablePointer<yaml_parser_t>,
                             limit: Int) -> (line: Int, column: Int, alias: String)? {
        /// The size of each anchored node, by anchor name (a later anchor shadows an earlier one).
        var sizes: [String: Int] = [:]
        /// For each collection not yet ended: its anchor and its size so far.
        var open: [(anchor: String?, size: Int)] = []
        var aliased = 0

        /// Adds a finished node of `size` to the collection it is in.
        func add(_ size: Int) {
            if !open.isEmpty { open[open.count - 1].size += size }
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
                add(1)
            case YAML_SEQUENCE_START_EVENT:
                open.append((name(event.data.sequence_start.anchor), 1))
            case YAML_MAPPING_START_EVENT:
                open.append((name(event.data.mapping_start.anchor), 1))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let node = open.popLast() else { return nil }
                if let anchor = node.anchor { sizes[anchor] = node.size }
                add(node.size)
            case YAML_ALIAS_EVENT:
                let anchor = name(event.data.alias.anchor) ?? ""
                let size = sizes[anchor] ?? 0
                aliased += size
                if aliased > limit {
                    return (Int(event.start_mark.line) + 1, Int(event.start_mark.column) + 1, anchor)
                }
                add(size)
            default:
                break
            }
        }
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
