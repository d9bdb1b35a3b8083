import Foundation

extension ScenarioLoader {
    static let budgetLineKeys = ["name", "groups", "with_transport"]
    static let savingsTargetKeys = ["per_year", "line"]

    /// A day opportunities scenario's budget lines and savings target, as read.
    struct DayBudget {
        var lines: [BudgetLine] = []
        /// £ a year each option should save against the first; nil: no target.
        var targetPerYear: Double?
        /// The line the target is measured on (index into `lines`); nil: total spend.
        var targetLine: Int?
    }

    /// `budget_lines` (each a name, the client groups on it and whether it carries their
    /// transport), and the savings target: `savings_target: {per_year, line}` or the older
    /// `savings_target_per_year` (on total spend), not both.
    static func decodeBudget(_ sections: MappingReader, _ names: DayNames) -> DayBudget? {
        var budget = DayBudget()
        var valid = true
        var lineNames = NameTable(kind: "a budget line", isComplete: false)
        if let reader = sections.optional("budget_lines") {
            let elements = reader.list(expected: "a list of budget lines, e.g. [{name: 26+, groups: [26+]}]")
            lineNames = NameTable.build(from: elements, kind: "a budget line", plural: "budget lines")
            let lines = (elements ?? []).map { decodeBudgetLine($0, names) }
            valid = checkBudgetLineSlugs(elements ?? [], lines) && valid
            if elements == nil || lines.contains(where: { $0 == nil }) {
                valid = false
            } else {
                budget.lines = lines.map { $0! }
            }
        }
        let oldReader = sections.optional("savings_target_per_year")
        let newReader = sections.optional("savings_target")
        if let oldReader, let newReader {
            oldReader.report("\(oldReader.shownValue) is given as well as savings_target; expected one of them: "
                             + "savings_target: {per_year, line} (on a budget line), or savings_target_per_year "
                             + "(on total spend), not both.")
            _ = newReader
            return nil
        }
        if let oldReader {
            budget.targetPerYear = oldReader.number(.nonNegative("amount in £ a year"))
            valid = budget.targetPerYear != nil && valid
        } else if let newReader {
            guard let target = newReader.mapping(keys: savingsTargetKeys,
                                                 expected: "a mapping such as {per_year: 1000000, line: 26+}")
            else { return nil }
            budget.targetPerYear = target.required("per_year")?.number(.nonNegative("amount in £ a year"))
            valid = budget.targetPerYear != nil && valid
            if let lineReader = target.optional("line") {
                if sections.optional("budget_lines") == nil {
                    lineReader.report("\(lineReader.shownValue) names a budget line, but the scenario has no "
                                      + "budget_lines; expected budget_lines naming it, or no line (total spend).")
                    valid = false
                } else if lineNames.isComplete {
                    budget.targetLine = lineNames.resolve(lineReader)
                    valid = budget.targetLine != nil && valid
                } else {
                    valid = false
                }
            }
        }
        return valid ? budget : nil
    }

    /// One budget line: a name and at least one client group, each once.
    static func decodeBudgetLine(_ reader: NodeReader, _ names: DayNames) -> BudgetLine? {
        guard let line = reader.mapping(keys: budgetLineKeys) else { return nil }
        let name = line.required("name")?.name(expected: "a name for the budget line")
        let groupsReader = line.required("groups")
        var groups: [Int]?
        if let items = groupsReader?.nonEmptyList(of: "client group") {
            var seen: [Int] = []
            var valid = true
            for item in items {
                guard let index = names.groups.resolve(item) else {
                    valid = false
                    continue
                }
                if seen.contains(index) {
                    item.report("\(item.shownValue) is already on this budget line; expected each client group once.")
                    valid = false
                }
                seen.append(index)
            }
            groups = valid ? seen.sorted() : nil
        }
        let transport = line.optional("with_transport")?.bool()
        guard let name, let groups, line.optional("with_transport") == nil || transport != nil else { return nil }
        return BudgetLine(name: name, groups: groups, includesTransport: transport ?? false)
    }

    /// Measures are named by a line's slug (`budget_spend_26_disability`): two lines whose
    /// names give the same slug, or a name with no letter or digit, are refused at the name
    /// (lines that could not be read, nil, are reported already and skipped).
    static func checkBudgetLineSlugs(_ elements: [NodeReader], _ lines: [BudgetLine?]) -> Bool {
        var seen: [String: Int] = [:]
        var valid = true
        for (i, line) in lines.enumerated() {
            guard let line else { continue }
            let slug = MeasureCatalog.slug(line.name)
            guard let reader = elements[i].peekChild("name") else { continue }
            if slug.isEmpty {
                reader.report("\(reader.shownValue) has no letter or digit to name its measures by; expected a name "
                              + "such as '26+ disability'.")
                valid = false
            } else if let first = seen[slug] {
                reader.report("\(reader.shownValue) gives the same measure names (budget_spend_\(slug)) as "
                              + "\(Excerpt.quoted(lines[first]!.name)) at \(elements[first].keyPath); expected names "
                              + "that differ in their letters or digits.")
                valid = false
            } else {
                seen[slug] = i
            }
        }
        return valid
    }
}
