import Yams

/// The keys of one YAML mapping, read by name; made by `NodeReader.mapping(keys:)`, which has
/// already reported any key not among `keys`.
struct MappingReader {
    /// The mapping itself (for its key path, and to report problems of the whole mapping).
    let reader: NodeReader
    let mapping: Node.Mapping
    /// The keys this mapping may have.
    let keys: [String]
    /// The text of each written key (nil for keys that are not scalars), in order, so reads
    /// by name compare strings instead of copying nodes.
    private let writtenKeys: [String?]

    init(reader: NodeReader, mapping: Node.Mapping, keys: [String]) {
        self.reader = reader
        self.mapping = mapping
        self.keys = keys
        writtenKeys = mapping.map { pair in
            if case .scalar(let scalar) = pair.key { return scalar.string }
            return nil
        }
    }

    var keyPath: String { reader.keyPath }

    /// The key and value written under `key`, if any.
    private func pair(_ key: String) -> (key: Node, value: Node)? {
        precondition(keys.contains(key), "MappingReader: \(Excerpt.quoted(key)) is read but not declared among \(keys)")
        guard let index = writtenKeys.firstIndex(where: { $0 == key }) else { return nil }
        let pair = mapping[mapping.startIndex + index]
        return (pair.key, pair.value)
    }

    /// Whether `key` is present with a value that is not empty.
    func has(_ key: String) -> Bool {
        optional(key) != nil
    }

    /// The value under `key`; nil when the key is absent or its value is empty (`~`, `null` or
    /// nothing), which means "use the default".
    func optional(_ key: String) -> NodeReader? {
        guard let pair = pair(key) else { return nil }
        let value = NodeReader(node: pair.value, keyPath: reader.childPath(key), log: reader.log)
        return value.isNull ? nil : value
    }

    /// The value under `key`; when the key is absent, reports `missing required key 'key'.` at
    /// this mapping and returns nil. An empty value is returned, for the typed read to reject.
    func required(_ key: String) -> NodeReader? {
        guard let pair = pair(key) else {
            reportMissing(key)
            return nil
        }
        return NodeReader(node: pair.value, keyPath: reader.childPath(key), log: reader.log)
    }

    /// Reports that `key` is required here but absent.
    func reportMissing(_ key: String) {
        reader.report("missing required key \(Excerpt.quoted(key)).")
    }

    /// Reports `message` about the whole mapping.
    func report(_ message: String) {
        reader.report(message)
    }
}
