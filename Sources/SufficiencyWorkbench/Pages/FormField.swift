/// One input of the run form: a scenario value people argue about, as `--set` names it.
struct FormField: Sendable {
    enum Kind: Sendable, Equatable {
        case number, integer, date, text
        /// One of a few words (an uplift rule).
        case choice([String])
    }

    /// The `--set` path, e.g. `options[option 2].uplift.rate`.
    var path: String
    var label: String
    /// The unit the value is in, e.g. `share a year`, `GBP/hour`.
    var unit: String
    /// The value as the scenario has it, as it would be typed.
    var value: String
    var minimum: String?
    var maximum: String?
    var kind: Kind
    /// The heading it is shown under (an option's name, "Workforce").
    var group: String
    /// What it does and what is accepted, shown when the pointer rests on its label.
    var help: String = ""

    /// The input (or select) for this field, with its label, unit, default and limits.
    var html: String {
        let path = HTML.escape(self.path)
        let common = "id=\"set-\(path)\" name=\"set:\(path)\" data-set-path=\"\(path)\" data-default=\"\(HTML.escape(value))\""
        var input: String
        switch kind {
        case .choice(let words):
            input = "<select \(common)>" + words.map { word in
                "<option value=\"\(HTML.escape(word))\"\(word == value ? " selected" : "")>\(HTML.escape(word))</option>"
            }.joined() + "</select>"
        case .date:
            input = "<input type=\"date\" \(common) value=\"\(HTML.escape(value))\""
                + (minimum.map { " min=\"\(HTML.escape($0))\"" } ?? "") + (maximum.map { " max=\"\(HTML.escape($0))\"" } ?? "") + ">"
        case .number, .integer:
            input = "<input type=\"number\" \(common) value=\"\(HTML.escape(value))\" step=\"\(kind == .integer ? "1" : "any")\""
                + (minimum.map { " min=\"\(HTML.escape($0))\"" } ?? "") + (maximum.map { " max=\"\(HTML.escape($0))\"" } ?? "") + ">"
        case .text:
            input = "<input type=\"text\" \(common) value=\"\(HTML.escape(value))\">"
        }
        var limits: [String] = []
        if let minimum { limits.append("from \(minimum)") }
        if let maximum { limits.append("to \(maximum)") }
        let hint = [unit.isEmpty ? nil : unit, "default \(value)", limits.isEmpty ? nil : limits.joined(separator: " ")]
            .compactMap { $0 }.joined(separator: "; ")
        return "<div class=\"field\"><label for=\"set-\(path)\" title=\"\(HTML.escape(help))\">\(HTML.escape(label))</label> \(input)"
            + "<span class=\"hint\">\(HTML.escape(hint))</span></div>"
    }
}
