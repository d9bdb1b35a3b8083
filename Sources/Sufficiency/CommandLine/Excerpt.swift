/// A short excerpt of a value for a message: a message quotes at most `Excerpt.limit`
/// characters of anything a user or a file supplied, so a 50 MB field of a caseload CSV, a
/// pasted paragraph in a name or an enormous flag value is recognisable without filling the
/// terminal. Every message that quotes such a value quotes it through here.
public enum Excerpt {
    /// Characters of a value a message quotes (`ScenarioLimits.quotedCharacters`).
    public static let limit = ScenarioLimits.quotedCharacters

    /// `text` itself when it is at most `limit` characters, else its first `limit` and "…";
    /// control characters (a line break, say) are shown as "?" so the message stays one line.
    public static func of(_ text: String, limit: Int = Excerpt.limit) -> String {
        var shown = ""
        var count = 0
        for character in text {
            if count == limit { return shown + "…" }
            shown.append(character.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7f } ? character : "?")
            count += 1
        }
        return shown
    }

    /// `text` itself, or `first 60 characters… (N characters)`: the excerpt with the value's
    /// length, as scenario messages quote values (the first `limit` characters, for text that
    /// names more than a value, such as a whole `--set` argument).
    public static func counted(_ text: String, limit: Int = Excerpt.limit) -> String {
        guard let (head, count) = cut(text, limit: limit) else { return text }
        return "\(head)… (\(NumberRule.format(Double(count))) characters)"
    }

    /// `text` in single quotes, as messages quote names and text: `'text'`, or
    /// `'first 60 characters…' (N characters)`.
    public static func quoted(_ text: String) -> String {
        guard let (head, count) = cut(text, limit: limit) else { return "'" + text + "'" }
        return "'\(head)…' (\(NumberRule.format(Double(count))) characters)"
    }

    /// Excerpts of two values that differ, each starting a few characters before the first
    /// character where they differ, so the part that tells them apart is what is quoted (two
    /// long JSON texts differing in one setting, say). Short values are returned whole.
    public static func ofDifference(_ a: String, _ b: String, limit: Int = Excerpt.limit) -> (String, String) {
        let first = zip(a, b).prefix { $0 == $1 }.count
        let context = 20
        guard max(a.count, b.count) > limit, first > context else { return (of(a, limit: limit), of(b, limit: limit)) }
        let skip = first - context
        return ("…" + of(String(a.dropFirst(skip)), limit: limit), "…" + of(String(b.dropFirst(skip)), limit: limit))
    }

    /// The first `limit` characters of `text` and its length in characters, or nil when it is
    /// no longer than that.
    private static func cut(_ text: String, limit: Int) -> (Substring, Int)? {
        // Bytes bound characters from above, and most values are short.
        if text.utf8.count <= limit { return nil }
        guard let end = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex),
              end < text.endIndex else { return nil }
        return (text[..<end], text.count)
    }
}
