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
        let limit = lowered.count <= 3 ? 1 : 2
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let other = Array(candidate.lowercased())
            let shorter = min(lowered.count, other.count)
            let distance: Int
            if other.starts(with: lowered) || lowered.starts(with: other) {
                // One is the other with characters added at the end: exactly that many edits.
                distance = abs(lowered.count - other.count)
                guard distance <= limit || shorter >= 3 else { continue }
            } else {
                // Only close candidates can qualify, so the distance is worked out only up to
                // the limit: names thousands of characters long must not cost their product.
                guard let bounded = editDistance(lowered, other, atMost: limit) else { continue }
                distance = bounded
            }
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
            return "; did you mean \(Excerpt.quoted(suggestion))?"
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

    /// The optimal string alignment distance of `a` and `b` when it is at most `limit`, else
    /// nil; in time proportional to the longer length times `limit`, and memory to the
    /// shorter, by working out only the cells within `limit` of the diagonal (no alignment
    /// that strays further can end within the limit).
    static func editDistance(_ a: [Character], _ b: [Character], atMost limit: Int) -> Int? {
        if a.count < b.count { return editDistance(b, a, atMost: limit) }
        guard a.count - b.count <= limit else { return nil }
        let far = limit + 1
        // Rows i-2, i-1 and i of the full table; cells outside the band hold `far`.
        var before = [Int](repeating: far, count: b.count + 1)
        var previous = (0...b.count).map { min($0, far) }
        var current = [Int](repeating: far, count: b.count + 1)
        guard !a.isEmpty else { return previous[b.count] <= limit ? previous[b.count] : nil }
        for i in 1...a.count {
            let low = max(1, i - limit), high = min(b.count, i + limit)
            current[0] = min(i, far)
            if low > 1 { current[low - 1] = far }
            var smallest = current[0]
            if low <= high {
                for j in low...high {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                        value = min(value, before[j - 2] + 1)
                    }
                    current[j] = min(value, far)
                    smallest = min(smallest, current[j])
                }
            }
            if high < b.count { current[high + 1] = far }
            guard smallest <= limit else { return nil }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }

    /// Convenience for strings.
    static func editDistance(_ a: String, _ b: String) -> Int {
        editDistance(Array(a), Array(b))
    }
}
