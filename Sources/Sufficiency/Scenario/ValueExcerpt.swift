/// How a message quotes a value the user wrote: whole when short, otherwise its first
/// `ScenarioLimits.quotedCharacters` characters, "…" and its length, so a 50 MB field of a
/// caseload CSV or a pasted paragraph in a name is recognisable without filling the terminal.
///
/// Every message that quotes a value (YAML scalars and keys, CSV fields, `--set` overrides)
/// quotes it through here.
enum ValueExcerpt {
    /// `text` as a message shows it: `text` itself, or `first 60 characters… (N characters)`
    /// (the first `limit` characters, for text that names more than a value, such as a whole
    /// `--set` argument).
    static func of(_ text: String, limit: Int = ScenarioLimits.quotedCharacters) -> String {
        guard let (head, count) = cut(text, limit: limit) else { return text }
        return "\(head)… (\(NumberRule.format(Double(count))) characters)"
    }

    /// `text` in single quotes, as messages quote names and text: `'text'`, or
    /// `'first 60 characters…' (N characters)`.
    static func quoted(_ text: String) -> String {
        guard let (head, count) = cut(text) else { return "'" + text + "'" }
        return "'\(head)…' (\(NumberRule.format(Double(count))) characters)"
    }

    /// The first `limit` characters of `text` and its length in characters, or nil when it is
    /// no longer than that.
    private static func cut(_ text: String, limit: Int = ScenarioLimits.quotedCharacters) -> (Substring, Int)? {
        // Bytes bound characters from above, and most values are short.
        if text.utf8.count <= limit { return nil }
        guard let end = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex),
              end < text.endIndex else { return nil }
        return (text[..<end], text.count)
    }
}
