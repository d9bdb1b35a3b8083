import Yams

/// The keys of one YAML mapping, read by name; made by `NodeReader.mapping(keys:)`, which has
/// already reported any key not among `keys`.
struct MappingReader {
    /// The mapping itself (for its key path, and to report problems of the whole mapping).
    let reader: NodeReader
    let mapping: Node.Mapping
    /// The keys this mapping may have.
    let keys: [String]

    var keyPath: String { reader.keyPath }

    /// The key and value written under `key`, if any.
    private func pair(_ key: String) -> (key: Node, value: Node)? {
        precondition(keys.contains(key), "MappingReader: '\(key)' is read but not declared among \(keys)")
        return mapping.first { $0.key.scalar?.string == key }
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
        reader.report("missing required key '\(key)'.")
    }

    /// Reports `message` about the whole mapping.
    func report(_ message: String) {
        reader.report(message)
    }
}
