/// Suggests the known name a misspelt one was probably meant to be.
///
/// A candidate qualifies when its edit distance from the word (insertions, deletions,
/// substitutions and swaps of neighbouring characters, ignoring case) is at most 2 (at most 1
/// for words of three characters or fewer), or when one is a prefix of the other and the
/// shorter has at least three characters. The closest qualifying candidate wins; ties go to
/// the one listed first.
enum DidYouMean {
    /// The best suggestion for `word` among `candidates`, or nil when none is close.
    static func suggestion(for word: String, among candidates: [String]) -> String? {
        let lowered = Array(word.lowercased())
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let other = Array(candidate.lowercased())
            let distance = editDistance(lowered, other)
            let limit = lowered.count <= 3 ? 1 : 2
            let shorter = min(lowered.count, other.count)
            let isPrefix = shorter >= 3
                && (other.starts(with: lowered) || lowered.starts(with: other))
            guard distance <= limit || isPrefix else { continue }
            if best == nil || distance < best!.distance {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// `; did you mean 'X'?` when there is a suggestion, otherwise `fallback` (which should
    /// start with its own punctuation, e.g. `; expected one of: a, b.`), otherwise `.`.
    static func clause(for word: String, among candidates: [String], fallback: String? = nil) -> String {
        if let suggestion = suggestion(for: word, among: candidates) {
            return "; did you mean '\(suggestion)'?"
        }
        return fallback ?? "."
    }

    /// Optimal string alignment distance: the fewest insertions, deletions, substitutions
    /// and transpositions of adjacent characters that turn `a` into `b`.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        guard !a.isEmpty, !b.isEmpty else { return d[a.count][b.count] }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }

    /// Convenience for strings.
    static func editDistance(_ a: String, _ b: String) -> Int {
        editDistance(Array(a), Array(b))
    }
}
