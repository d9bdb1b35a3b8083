/// A short excerpt of a value for an error message: a message quotes at most
/// `Excerpt.limit` characters of anything a user or a file supplied, plus "…".
public enum Excerpt {
    /// Characters of a value a message quotes.
    public static let limit = 60

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
}
