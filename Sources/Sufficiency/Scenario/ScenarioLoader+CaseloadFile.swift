import Foundation

extension ScenarioLoader {
    /// The columns a caseload CSV may have; only `zone` is required.
    static let caseloadColumns = ["zone", "provider", "client_group", "hours_per_week", "people", "days_in_care"]

    /// Reads the caseload CSV named by `caseload.file`: a header line naming its columns
    /// (`zone,provider,client_group,hours_per_week,people`, in any order), then one row per
    /// block of people. An empty provider means waiting; an empty client group or hours a week
    /// means drawn; empty people means 1; an optional `days_in_care` column gives how long placed
    /// people have been in care (empty: not known). Problems name the CSV file, line and column.
    static func readCaseloadFile(_ reader: NodeReader, _ context: Context) -> [InitialCaseload.Entry]? {
        guard let (text, shown) = readDataFile(reader, what: "caseload file", context) else { return nil }
        return CaseloadFileReader(file: shown, table: CSVTable(text: text), context: context).entries()
    }
}

/// Turns the rows of a caseload CSV into caseload entries, reporting each unreadable field
/// at its line and column in the CSV.
private struct CaseloadFileReader {
    let file: String
    let table: CSVTable
    let context: ScenarioLoader.Context

    private func issue(_ field: CSVTable.Field, column: String, _ message: String) {
        context.log.add(ScenarioIssue(location: SourceLocation(file: file, line: field.line, column: field.column),
                                      keyPath: column, value: field.text, message: message))
    }

    private func issue(line: Int, column: Int, keyPath: String, value: String? = nil, _ message: String) {
        context.log.add(ScenarioIssue(location: SourceLocation(file: file, line: line, column: column),
                                      keyPath: keyPath, value: value, message: message))
    }

    /// `-3` as written for numbers, `'abc'` for other text, `an empty value` for nothing.
    private func shown(_ text: String) -> String {
        if text.isEmpty { return "an empty value" }
        return NodeReader.parseNumber(text) != nil ? Excerpt.counted(text) : Excerpt.quoted(text)
    }

    private func reject(_ field: CSVTable.Field, column: String, expected: String) {
        issue(field, column: column, "\(shown(field.text)) is not allowed; expected \(expected).")
    }

    func entries() -> [InitialCaseload.Entry]? {
        if let quote = table.unclosedQuote {
            issue(line: quote.line, column: quote.column, keyPath: "",
                  "a quoted field starts here but its closing quote (\") is missing.")
            return nil
        }
        guard let header = table.records.first else {
            issue(line: 1, column: 1, keyPath: "",
                  "the file is empty; expected a header line: \(ScenarioLoader.caseloadColumns.joined(separator: ",")).")
            return nil
        }
        var columns: [String: Int] = [:]
        var headerValid = true
        for (position, field) in header.fields.enumerated() {
            let name = field.text.lowercased()
            if !ScenarioLoader.caseloadColumns.contains(name) {
                let known = "; expected one of: \(ScenarioLoader.caseloadColumns.joined(separator: ", "))."
                issue(field, column: field.text, "unknown column \(Excerpt.quoted(field.text))"
                      + DidYouMean.clause(for: name, among: ScenarioLoader.caseloadColumns, fallback: known))
                headerValid = false
            } else if columns[name] != nil {
                issue(field, column: name, "the column \(Excerpt.quoted(name)) appears more than once in the header.")
                headerValid = false
            } else {
                columns[name] = position
            }
        }
        if columns["zone"] == nil {
            issue(line: header.line, column: 1, keyPath: "zone", "missing required column 'zone'.")
            headerValid = false
        }
        guard headerValid else { return nil }

        var entries: [InitialCaseload.Entry] = []
        var seenRows: [String: Int] = [:]
        var valid = true
        for record in table.records.dropFirst() {
            if record.fields.count != header.fields.count {
                issue(line: record.line, column: 1, keyPath: "",
                      "this row has \(record.fields.count) \(record.fields.count == 1 ? "field" : "fields") "
                      + "but the header has \(header.fields.count) "
                      + "(\(header.fields.map(\.text).joined(separator: ","))).")
                valid = false
                continue
            }
            if let entry = entry(record, columns) {
                entries.append(entry)
                warnIfRepeated(record, entry, seen: &seenRows)
            } else {
                valid = false
            }
        }
        return valid ? entries : nil
    }

    private func entry(_ record: CSVTable.Record, _ columns: [String: Int]) -> InitialCaseload.Entry? {
        func field(_ column: String) -> CSVTable.Field? {
            columns[column].map { record.fields[$0] }
        }
        var valid = true

        let zoneField = field("zone")!
        let zone = reference(zoneField, column: "zone", in: context.zones)
        if zone == nil { valid = false }

        var provider: Int?
        if let providerField = field("provider"), !providerField.text.isEmpty {
            provider = reference(providerField, column: "provider", in: context.providers)
            if provider == nil {
                valid = false
            } else if let zone, let problem = ScenarioLoader.servingProblem(provider!, zone, context) {
                issue(providerField, column: "provider", problem)
                valid = false
            }
        }

        var group: Int?
        if let groupField = field("client_group"), !groupField.text.isEmpty {
            group = reference(groupField, column: "client_group", in: context.clientGroups)
            if group == nil { valid = false }
        }

        var hours: Double?
        if let hoursField = field("hours_per_week"), !hoursField.text.isEmpty {
            let rule = NumberRule.positive("number of hours a week", atMost: ScenarioLimits.hoursPerWeek)
            let value = NodeReader.parseNumber(hoursField.text)
            if let value, rule.accepts(value) {
                hours = value
            } else {
                reject(hoursField, column: "hours_per_week", expected: rule.expected(for: value))
                valid = false
            }
        }

        var people = 1
        if let peopleField = field("people"), !peopleField.text.isEmpty {
            let rule = NumberRule.nonNegative("whole number of people", atMost: ScenarioLimits.peoplePerEntry)
            let value = NodeReader.parseNumber(peopleField.text)
            if let value, value == value.rounded(), rule.accepts(value) {
                people = Int(value)
            } else {
                reject(peopleField, column: "people", expected: rule.expected(for: value))
                valid = false
            }
        }

        var daysInCare: Double?
        if let daysField = field("days_in_care"), !daysField.text.isEmpty {
            let rule = NumberRule.nonNegative("number of days", atMost: ScenarioLimits.days)
            let value = NodeReader.parseNumber(daysField.text)
            if let value, rule.accepts(value) {
                daysInCare = value
                if provider == nil && valid {
                    issue(daysField, column: "days_in_care",
                          "people waiting are not in care yet; give days_in_care only with a provider.")
                    valid = false
                }
            } else {
                reject(daysField, column: "days_in_care", expected: rule.expected(for: value))
                valid = false
            }
        }

        guard valid, let zone else { return nil }
        return InitialCaseload.Entry(zone: zone, provider: provider, people: people, clientGroup: group,
                                     hoursPerWeek: hours, daysInCare: daysInCare)
    }

    /// Warns about a row of several people that repeats an earlier row field for field: a file
    /// of totals (one row per zone, provider, group and hours) has no such rows, so the second
    /// is most likely the same people counted twice (a file of one package a row, with
    /// `people` 1 or empty, repeats rows legitimately and is not warned about).
    private func warnIfRepeated(_ record: CSVTable.Record, _ entry: InitialCaseload.Entry, seen: inout [String: Int]) {
        guard entry.people > 1 else { return }
        let key = record.fields.map { $0.text.trimmingWhitespace }.joined(separator: "\u{0}")
        guard let earlier = seen[key] else {
            seen[key] = record.line
            return
        }
        context.log.warn(ScenarioIssue(location: SourceLocation(file: file, line: record.line, column: 1), keyPath: "",
                                       message: "this row repeats line \(earlier) field for field, so its "
                                           + "\(entry.people) people are counted twice; remove it if the rows are "
                                           + "the same packages, or add its people to line \(earlier)'s."))
    }

    /// The index of the element `field` names in `table`, or nil after reporting.
    private func reference(_ field: CSVTable.Field, column: String, in table: NameTable) -> Int? {
        guard !field.text.isEmpty else {
            reject(field, column: column, expected: "the name of \(table.kind)")
            return nil
        }
        guard table.isComplete else { return nil }
        guard let index = table.index(of: field.text) else {
            issue(field, column: column, table.unknownMessage(field.text))
            return nil
        }
        return index
    }
}
