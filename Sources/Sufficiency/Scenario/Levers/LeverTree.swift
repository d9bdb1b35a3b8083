import Foundation
import Yams

/// A node of a scenario's YAML tree with the `--set` key path that reaches it, for building
/// levers: `options[option 2].uplift` is the `uplift` of the option named `option 2`.
struct LeverTree {
    let node: Node
    /// The key path `--set` takes to reach it; empty for the root.
    let prefix: String

    init(_ node: Node, prefix: String = "") {
        self.node = node
        self.prefix = prefix
    }

    var isMapping: Bool { node.mapping != nil }

    /// The scalar's text as written, or nil for a mapping or list.
    var scalarText: String? { node.scalar?.string }

    /// The key path of `key` under this node.
    func path(_ key: String) -> String {
        prefix.isEmpty ? key : "\(prefix).\(key)"
    }

    /// The value of `key`, when this is a mapping that has it.
    func child(_ key: String) -> LeverTree? {
        guard let value = node.mapping?.first(where: { $0.key.scalar?.string == key })?.value else { return nil }
        return LeverTree(value, prefix: path(key))
    }

    /// The entries of a mapping, in file order, each with its key's text; empty otherwise.
    var entries: [(key: String, value: LeverTree)] {
        guard let mapping = node.mapping else { return [] }
        return mapping.compactMap { entry in
            entry.key.scalar.map { ($0.string, LeverTree(entry.value, prefix: path($0.string))) }
        }
    }

    /// The elements of a list, each reached by its `name` where it has one `--set` can select
    /// (`options[option 2]`), else by its position (`events[0]`); empty for anything else.
    var elements: [(name: String?, value: LeverTree)] {
        guard let sequence = node.sequence else { return [] }
        return sequence.enumerated().map { position, element in
            let name = element.mapping?.first(where: { $0.key.scalar?.string == "name" })?.value.scalar?.string
            return (name, LeverTree(element, prefix: "\(prefix)[\(LeverTree.selector(name: name, position: position))]"))
        }
    }

    /// What goes in the brackets to select a list's element: its name where `--set` reads it
    /// back as that name (`option 2`, or `'2'` for a name made of digits), else its position.
    static func selector(name: String?, position: Int) -> String {
        guard let name, !name.isEmpty, name == name.trimmingCharacters(in: .whitespaces),
              !name.contains("]"), !name.contains("["), !(name.first == "'" || name.first == "\"") else {
            return String(position)
        }
        if Int(name) != nil { return name.contains("'") ? String(position) : "'\(name)'" }
        return name
    }
}
