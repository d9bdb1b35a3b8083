import CYaml
import Yams

/// Composes YAML text into the same node tree as `Yams.compose`, quickly, for the usual case
/// of a well-formed file.
///
/// `Yams.compose` checks every mapping for repeated keys by hashing its keys, which resolves
/// each key's tag with regular expressions; for a scenario that was most of the loading time.
/// Keys with different text can never be equal, so this composer only needs the full check
/// when two keys of one mapping share their text (or a key is not a scalar). Whenever anything
/// is out of the ordinary — a syntax error, repeated or complex keys, an undefined alias, a
/// second document, text libyaml hands back that is not plain UTF-8 — it gives up and returns
/// nil, and the caller composes with Yams, which then reports (or accepts) it exactly as before.
///
/// The tree is the one Yams builds, with differences nothing in the loader can observe:
/// tags resolve with `Resolver.basic` (the loader decides what a plain scalar means itself,
/// and compiling the default resolver's expressions costs as much as a small file); keys'
/// tags stay implicit (Yams resolves them in place while looking for repeats, to the same
/// meaning); and nodes carry no anchor objects (Yams's go when its parser does, before the
/// tree is used).
enum YAMLComposer {
    /// The tree of `text`: `.some(nil)` for an empty stream, nil when Yams must decide.
    static func compose(_ text: String) -> Node?? {
        // Yams reads this variable to change how it feeds libyaml (and says so on standard output).
        guard getenv("YAMS_DEFAULT_ENCODING") == nil else { return nil }
        return LibYAMLParser.withParser(text) { parser -> Node?? in
            var composition = Composition(parser: parser)
            return composition.document()
        }
    }

    /// One pass over libyaml's events.
    private struct Composition {
        let parser: UnsafeMutablePointer<yaml_parser_t>
        /// The latest node under each anchor name (later anchors shadow earlier ones).
        var anchors: [String: Node] = [:]
        let tagResolver = Resolver.basic
        let tagConstructor = Constructor.default

        init(parser: UnsafeMutablePointer<yaml_parser_t>) {
            self.parser = parser
        }

        /// Runs `body` on the next event, or returns nil when libyaml reports an error.
        func next<T>(_ body: (inout yaml_event_t) -> T?) -> T? {
            var event = yaml_event_t()
            guard yaml_parser_parse(parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            return body(&event)
        }

        func nextType() -> yaml_event_type_t? {
            next { $0.type }
        }

        /// The single document of the stream, as `Parser.singleRoot` reads it.
        mutating func document() -> Node?? {
            guard nextType() == YAML_STREAM_START_EVENT, let start = nextType() else { return nil }
            if start == YAML_STREAM_END_EVENT { return .some(nil) }
            guard start == YAML_DOCUMENT_START_EVENT,
                  let root = next({ event in Optional(Event(event)) }).flatMap({ node(from: $0) }),
                  nextType() == YAML_DOCUMENT_END_EVENT,
                  nextType() == YAML_STREAM_END_EVENT else { return nil }
            return .some(root)
        }

        /// What this composer needs of an event, copied out before libyaml frees it.
        struct Event {
            var type: yaml_event_type_t
            var mark: Mark
            var anchor: String?
            var tag: String?
            /// For scalars: the value, or nil when it is not valid UTF-8 (or starts with a BOM).
            var value: String?
            var scalarStyle: Node.Scalar.Style = .any
            /// The style member of the collection events' data, read for every event as Yams
            /// does (it takes a collection's style from its end event, where libyaml leaves zero).
            var collectionStyle: UInt32

            init(_ event: yaml_event_t) {
                type = event.type
                mark = Mark.at(line: event.start_mark.line + 1, column: event.start_mark.column + 1)
                collectionStyle = numericCast(event.data.sequence_start.style.rawValue)
                switch event.type {
                case YAML_SCALAR_EVENT:
                    let scalar = event.data.scalar
                    anchor = cString(scalar.anchor)
                    tag = scalar.quoted_implicit == 1 ? Tag.Name.str.rawValue : cString(scalar.tag)
                    value = utf8(UnsafeBufferPointer(start: scalar.value, count: scalar.length))
                    scalarStyle = Node.Scalar.Style(rawValue: numericCast(scalar.style.rawValue)) ?? .any
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    // Yams reads a mapping's tag through the sequence member too; they coincide.
                    let start = event.data.sequence_start
                    anchor = cString(start.anchor)
                    tag = start.implicit != 0 ? nil : cString(start.tag)
                case YAML_ALIAS_EVENT:
                    anchor = cString(event.data.alias.anchor)
                default:
                    break
                }
            }
        }

        func tag(_ name: String?) -> Tag {
            Tag(name.map(Tag.Name.init(rawValue:)) ?? .implicit, tagResolver, tagConstructor)
        }

        mutating func node(from event: Event) -> Node? {
            let node: Node
            switch event.type {
            case YAML_ALIAS_EVENT:
                return event.anchor.flatMap { anchors[$0] }
            case YAML_SCALAR_EVENT:
                guard let value = event.value else { return nil }
                node = .scalar(Node.Scalar(value, tag(event.tag), event.scalarStyle, event.mark))
            case YAML_SEQUENCE_START_EVENT:
                var elements: [Node] = []
                var endStyle = Node.Sequence.Style.any
                while true {
                    guard let element = next({ Optional(Event($0)) }) else { return nil }
                    if element.type == YAML_SEQUENCE_END_EVENT {
                        guard let style = Node.Sequence.Style(rawValue: element.collectionStyle) else { return nil }
                        endStyle = style
                        break
                    }
                    guard let child = self.node(from: element) else { return nil }
                    elements.append(child)
                }
                node = .sequence(Node.Sequence(elements, tag(event.tag), endStyle, event.mark))
            case YAML_MAPPING_START_EVENT:
                var pairs: [(Node, Node)] = []
                var keys = Set<String>()
                var endStyle = Node.Mapping.Style.any
                while true {
                    guard let keyEvent = next({ Optional(Event($0)) }) else { return nil }
                    if keyEvent.type == YAML_MAPPING_END_EVENT {
                        guard let style = Node.Mapping.Style(rawValue: keyEvent.collectionStyle) else { return nil }
                        endStyle = style
                        break
                    }
                    // A key that is not a scalar, or repeats another's text, needs Yams's check.
                    guard let key = self.node(from: keyEvent), case .scalar(let scalar) = key,
                          keys.insert(scalar.string).inserted,
                          let valueEvent = next({ Optional(Event($0)) }),
                          let value = self.node(from: valueEvent) else { return nil }
                    pairs.append((key, value))
                }
                node = .mapping(Node.Mapping(pairs, tag(event.tag), endStyle, event.mark))
            default:
                return nil
            }
            if let anchor = event.anchor { anchors[anchor] = node }
            return node
        }
    }
}

/// A C string as Yams decodes it (invalid UTF-8 repaired), nil for a null pointer.
private func cString(_ pointer: UnsafePointer<UInt8>!) -> String? {
    String.decodeCString(pointer, as: UTF8.self, repairingInvalidCodeUnits: true)?.result
}

/// The bytes as a string when they are valid UTF-8 and do not start with a byte-order mark,
/// the case in which Yams's Foundation decoding gives the same string.
private func utf8(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return nil }
    return String(validating: bytes, as: UTF8.self)
}
