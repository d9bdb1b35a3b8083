import Yams

/// The names of a list's elements (zones, providers, client groups, the tiers of a group) and
/// their positions, so references by name can be checked and turned into indices.
struct NameTable {
    /// How messages name one element, with its article: `a zone`, `a tier of client group
    /// 'older people'`.
    let kind: String
    /// The distinct names, in list order.
    private(set) var names: [String] = []
    private var positions: [String: Int] = [:]
    /// The positions of the names by how they read (`NameReading.key`), first use first.
    private var readings: [String: Int] = [:]
    /// The `--set`s that renamed elements of the list, so a reference the file still makes to
    /// an old name is reported naming them as well as the line of the reference.
    private(set) var renamedBy: [String] = []
    /// How many list positions the table spans: one past the highest position named. An
    /// element with no name (or a repeated one) leaves its position out of `names`, so arrays
    /// indexed by position are this long, not `names.count`.
    private(set) var count = 0
    /// Whether the list itself could be read. When it could not (its problem is already
    /// reported), references to it are not checked, so one mistake is not reported many times.
    let isComplete: Bool

    init(kind: String, isComplete: Bool = true) {
        self.kind = kind
        self.isComplete = isComplete
    }

    /// A table of the `name`s of `elements` (mappings), at their list positions. Names that
    /// are missing or not text are skipped silently (the element's decoder reports them); a
    /// name used twice, or one that reads the same as an earlier name (`NameReading`), is
    /// reported at its second use.
    static func build(from elements: [NodeReader]?, kind: String, plural: String) -> NameTable {
        guard let elements else { return NameTable(kind: kind, isComplete: false) }
        var table = NameTable(kind: kind)
        for (position, element) in elements.enumerated() {
            guard let reader = element.peekChild("name"),
                  let name = reader.text?.trimmingWhitespace, !name.isEmpty else { continue }
            if reader.node.mark == nil, let origin = reader.log.origin(of: reader.keyPath) {
                table.renamedBy.append(origin)
            }
            if let first = table.positions[name] {
                reader.report("\(Excerpt.quoted(name)) is already the name of \(elements[first].keyPath); each of the \(plural) needs its own name.")
            } else if let first = table.lookalike(of: name) {
                reader.report(lookalikeMessage(name, first: table.name(at: first), at: elements[first].keyPath,
                                               plural: plural))
            } else {
                table.add(name, at: position)
            }
        }
        return table
    }

    /// Adds `name` at list position `position` (the first use of a name wins).
    mutating func add(_ name: String, at position: Int) {
        guard positions[name] == nil else { return }
        positions[name] = position
        let reading = NameReading.key(name)
        if readings[reading] == nil { readings[reading] = position }
        names.append(name)
        count = max(count, position + 1)
    }

    /// The list position of an element whose name is not `name` but reads the same (see
    /// `NameReading`), if there is one.
    func lookalike(of name: String) -> Int? {
        guard let position = readings[NameReading.key(name)], positions[name] != position else { return nil }
        return position
    }

    /// The name at list position `position` (empty when there is none).
    func name(at position: Int) -> String {
        names.first { positions[$0] == position } ?? ""
    }

    /// `'Salisbury ' reads the same as 'Salisbury', the name of zones[0] (…); each of the
    /// zones needs a name a reader can tell apart.`, naming what differs.
    static func lookalikeMessage(_ name: String, first: String, at place: String, plural: String) -> String {
        "'\(name.visibleEscapes)' reads the same as '\(first.visibleEscapes)', the name of \(place) "
            + "(\(NameReading.difference(name, first))), so results and --set could not tell them apart; "
            + "each of the \(plural) needs a name a reader can tell apart."
    }

    /// The list position of the element called `name`.
    func index(of name: String) -> Int? {
        positions[name]
    }

    /// `'x' is not a zone; did you mean 'y'?` (or the list of names when none is close).
    func unknownMessage(_ name: String) -> String {
        let shown = names.count <= 25 ? names : Array(names.prefix(25)) + ["…"]
        let fallback = names.isEmpty ? "." : "; expected one of: \(shown.joined(separator: ", "))."
        let renamed = renamedBy.isEmpty ? "" : " (\(renamedBy.joined(separator: ", ")) changed the names.)"
        return "\(Excerpt.quoted(name)) is not \(kind)" + DidYouMean.clause(for: name, among: names, fallback: fallback)
            + renamed
    }

    /// The index of the element `reader` names, or nil after reporting that it is not text
    /// or names nothing in this table.
    func resolve(_ reader: NodeReader) -> Int? {
        guard let name = reader.name(expected: "the name of \(kind)") else { return nil }
        guard isComplete else { return nil }
        guard let index = positions[name] else {
            reader.report(unknownMessage(name))
            return nil
        }
        return index
    }
}
