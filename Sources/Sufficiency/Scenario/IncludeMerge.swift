import Yams

/// How a scenario file's own values combine with those of the files it includes.
///
/// The included files are the base and the including file's values win: where both give a
/// mapping (a section such as `workforce`, or a mapping inside one such as `prices.nlw`),
/// they are merged key by key, all the way down; anything else — a number, a name, a list
/// (`zones`, `providers`), an empty value — replaces the base's value whole. YAML merge keys
/// (`<<: *defaults`) are expanded first, within each file, so a key one file brings in by a
/// merge key is overridden like one written out.
enum IncludeMerge {
    /// `top` over `base`.
    static func merge(_ top: Node, over base: Node) -> Node {
        guard case .mapping(let topMapping) = top, case .mapping(let baseMapping) = base else { return top }
        // A merge key that cannot be expanded is kept as written, for the reader to report.
        let over = NodeReader.expandingMergeKeys(topMapping) ?? topMapping
        var pairs = (NodeReader.expandingMergeKeys(baseMapping) ?? baseMapping).map { ($0.key, $0.value) }
        var positions: [String: Int] = [:]
        for (index, pair) in pairs.enumerated() {
            if let key = pair.0.scalar?.string { positions[key] = index }
        }
        for pair in over {
            if let key = pair.key.scalar?.string, let index = positions[key] {
                // The including file's key, so a problem with the value is placed at its own key.
                pairs[index] = (pair.key, merge(pair.value, over: pairs[index].1))
            } else {
                pairs.append((pair.key, pair.value))
            }
        }
        return .mapping(Node.Mapping(pairs, over.tag, over.style, over.mark))
    }
}
