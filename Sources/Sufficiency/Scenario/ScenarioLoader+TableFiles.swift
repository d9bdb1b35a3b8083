import Yams

extension ScenarioLoader {
    /// The columns a providers CSV may have: the keys of a provider, with `base` written as
    /// two columns (`base_easting` and `base_northing`, or `base_latitude` and `base_longitude`).
    static let providerColumns = providerKeys.filter { $0 != "base" } + providerBaseColumns

    /// The columns of a providers CSV that make its `base` mapping.
    static let providerBaseColumns = ["base_easting", "base_northing", "base_latitude", "base_longitude"]

    /// The columns an option's contracts CSV may have: the keys of a contract.
    static let contractColumns = contractKeys

    /// Replaces each list that a scenario gives as a CSV file — `providers: {file: providers.csv}`
    /// and an option's `contracts: {file: contracts.csv}` — by the list the file's rows stand for,
    /// before overrides apply, so `--set providers[3].care_workers=40` reaches a provider read from
    /// a file as it would one written in YAML, and every value is checked by the same rules.
    ///
    /// Each row becomes one element whose values are marked at their line and column in the CSV
    /// (the file joins the log's sources as an included file does), so a problem with a value is
    /// reported at `providers.csv:LINE:COLUMN`. Columns not in `providerColumns` or
    /// `contractColumns`, repeated columns and rows with the wrong number of fields are reported
    /// at their place and left out, and the other rows are still read, so every problem is found
    /// at once.
    static func expandTableFiles(_ root: inout Node, _ context: Context) {
        guard case .mapping(var sections) = root else { return }
        var changed = false
        if let index = sections.firstIndex(where: { $0.key.scalar?.string == "providers" }),
           let rows = tableFile(sections[index].value, keyPath: "providers", what: "providers file",
                                columns: providerColumns, context) {
            sections[index] = (key: sections[index].key, value: rows)
            changed = true
        }
        if let index = sections.firstIndex(where: { $0.key.scalar?.string == "options" }),
           case .sequence(var options) = sections[index].value {
            var optionsChanged = false
            for position in options.indices {
                guard case .mapping(var option) = options[position],
                      let slot = option.firstIndex(where: { $0.key.scalar?.string == "contracts" }),
                      let rows = tableFile(option[slot].value, keyPath: "options[\(position)].contracts",
                                           what: "contracts file", columns: contractColumns, context) else { continue }
                option[slot] = (key: option[slot].key, value: rows)
                options[position] = .mapping(option)
                optionsChanged = true
            }
            if optionsChanged {
                sections[index] = (key: sections[index].key, value: .sequence(options))
                changed = true
            }
        }
        if changed { root = .mapping(sections) }
    }

    /// The list of mappings the CSV named by `node` stands for, when `node` is a mapping whose one
    /// key is `file`; an empty list after reporting the file's problems, with `keyPath` noted in
    /// `context.unreadTableFiles` so the list's decoder says nothing more; nil when `node` is
    /// anything else, which the section's own decoder reads as written.
    private static func tableFile(_ node: Node, keyPath: String, what: String, columns: [String],
                                  _ context: Context) -> Node? {
        guard case .mapping(let mapping) = node, mapping.count == 1, let pair = mapping.first,
              pair.key.scalar?.string == "file" else { return nil }
        let reader = NodeReader(node: pair.value, keyPath: "\(keyPath).file", log: context.log)
        guard let (text, shown) = readDataFile(reader, what: what, context) else {
            context.unreadTableFiles.insert(keyPath)
            return .sequence(Node.Sequence([]))
        }
        let fileIndex = context.log.sources.add(SourceMap.File(shown: shown, folder: ""))
        guard let rows = TableFileRows(file: shown, fileIndex: fileIndex, keyPath: keyPath, columns: columns,
                                       table: CSVTable(text: text), log: context.log).nodes() else {
            context.unreadTableFiles.insert(keyPath)
            return .sequence(Node.Sequence([]))
        }
        return .sequence(Node.Sequence(rows))
    }
}

/// Turns the rows of a CSV that stands for a list in the scenario (providers, an option's
/// contracts) into YAML mappings, one per row, whose values carry their place in the CSV.
///
/// A column's values are plain scalars, read as if written in YAML (`12.5` a number, `all` a
/// word); an empty field leaves its key out, so the key's default applies. `zones` holds zone
/// (or area) names separated by `;`, or the word `all`; the `base_` columns make the `base`
/// mapping.
private struct TableFileRows {
    let file: String
    let fileIndex: Int
    let keyPath: String
    let columns: [String]
    let table: CSVTable
    let log: IssueLog

    private func issue(line: Int, column: Int, keyPath: String, value: String? = nil, _ message: String) {
        log.add(ScenarioIssue(location: SourceLocation(file: file, line: line, column: column),
                              keyPath: keyPath, value: value, message: message))
    }

    /// A mark at `line` and `column` of this file, in its block of the log's sources.
    private func mark(_ line: Int, _ column: Int) -> Mark {
        SourceMap.mark(line: line, column: column, inFile: fileIndex)
    }

    private func scalar(_ text: String, _ line: Int, _ column: Int) -> Node {
        .scalar(Node.Scalar(text, Tag(.implicit), .plain, mark(line, column)))
    }

    func nodes() -> [Node]? {
        if let quote = table.unclosedQuote {
            issue(line: quote.line, column: quote.column, keyPath: keyPath,
                  "a quoted field starts here but its closing quote (\") is missing.")
            return nil
        }
        guard let header = table.records.first else {
            issue(line: 1, column: 1, keyPath: keyPath,
                  "the file is empty; expected a header line naming its columns, from: \(columns.joined(separator: ",")).")
            return nil
        }
        // nil for a column left out: unknown, or named before.
        var names: [String?] = []
        for field in header.fields {
            let name = field.text.lowercased()
            if !columns.contains(name) {
                let known = "; expected one of: \(columns.joined(separator: ", "))."
                issue(line: field.line, column: field.column, keyPath: keyPath, value: field.text,
                      "unknown column \(Excerpt.quoted(field.text))"
                      + DidYouMean.clause(for: name, among: columns, fallback: known))
                names.append(nil)
            } else if names.contains(name) {
                issue(line: field.line, column: field.column, keyPath: keyPath, value: field.text,
                      "the column \(Excerpt.quoted(name)) appears more than once in the header.")
                names.append(nil)
            } else {
                names.append(name)
            }
        }
        var rows: [Node] = []
        for record in table.records.dropFirst() {
            guard record.fields.count == header.fields.count else {
                issue(line: record.line, column: 1, keyPath: "\(keyPath)[\(rows.count)]",
                      "this row has \(record.fields.count) \(record.fields.count == 1 ? "field" : "fields") "
                      + "but the header has \(header.fields.count) (\(header.fields.map(\.text).joined(separator: ","))).")
                continue
            }
            rows.append(row(record, names: names))
        }
        if table.records.count == 1 {
            issue(line: header.line, column: 1, keyPath: keyPath,
                  "the file has a header but no rows; expected one row for each element of the list.")
            return nil
        }
        return rows
    }

    /// One row as a mapping, its keys in the header's order (`base` where its first column is).
    private func row(_ record: CSVTable.Record, names: [String?]) -> Node {
        let filled = zip(names, record.fields).compactMap { name, field in name.map { ($0, field) } }
            .filter { !$0.1.text.isEmpty }
        let isBase = { (name: String) in ScenarioLoader.providerBaseColumns.contains(name) }
        let base = filled.filter { isBase($0.0) }.map { name, field in
            (scalar(String(name.dropFirst(5)), field.line, field.column), scalar(field.text, field.line, field.column))
        }
        var pairs: [(Node, Node)] = []
        for (name, field) in filled {
            if !isBase(name) {
                pairs.append((scalar(name, field.line, field.column), value(name, field)))
            } else if name == filled.first(where: { isBase($0.0) })?.0 {
                pairs.append((scalar("base", field.line, field.column),
                              .mapping(Node.Mapping(base, Tag(.implicit), .block, mark(field.line, field.column)))))
            }
        }
        return .mapping(Node.Mapping(pairs, Tag(.implicit), .block, mark(record.line, 1)))
    }

    /// A field's value: `zones` as a list of the names between `;` (each marked where it starts),
    /// or the word `all`; anything else as a plain scalar.
    private func value(_ name: String, _ field: CSVTable.Field) -> Node {
        guard name == "zones", field.text.trimmingWhitespace != "all" else {
            return scalar(field.text, field.line, field.column)
        }
        var names: [Node] = []
        var column = field.column
        for part in field.text.split(separator: ";", omittingEmptySubsequences: false) {
            let leading = part.prefix { $0 == " " || $0 == "\t" }.unicodeScalars.count
            names.append(scalar(String(part).trimmingWhitespace, field.line, column + leading))
            column += part.unicodeScalars.count + 1
        }
        return .sequence(Node.Sequence(names, Tag(.implicit), .flow, mark(field.line, field.column)))
    }
}
