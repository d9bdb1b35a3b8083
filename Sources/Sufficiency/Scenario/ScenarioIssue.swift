/// One problem found in a scenario: where it is, which key, the value as written and what
/// was expected.
///
/// Its description reads like a compiler's message, location (or command-line origin) first:
/// `scenarios/x.yaml:14:5: zones[2].labour_pool_per_week: -3 is not allowed; expected a
/// non-negative number of people a week.`
public struct ScenarioIssue: Sendable, Equatable, CustomStringConvertible {
    /// Where the offending text is; nil when it came from a command-line override (see
    /// `origin`) or when there is no file to point into (an unreadable scenario file).
    public var location: SourceLocation?
    /// The command-line argument the offending value came from, e.g.
    /// `--set demand.growth=-2`; nil for values written in a file.
    public var origin: String?
    /// The key path of the offending value, e.g. `zones[2].labour_pool_per_week` (list
    /// positions count from 0); for a field of a caseload CSV, its column name. Empty when the
    /// problem is not about one value (a YAML syntax error, a CSV row with too few fields).
    public var keyPath: String
    /// The offending value as written, when there is one.
    public var value: String?
    /// What is wrong, as full sentence(s), e.g. `-3 is not allowed; expected a non-negative
    /// number of people a week.`
    public var message: String

    public init(location: SourceLocation? = nil, origin: String? = nil, keyPath: String,
                value: String? = nil, message: String) {
        self.location = location
        // Every message passes here: whatever a message quotes has been cut where it was
        // written (`Excerpt`); these bound what is left, so no problem report can carry a
        // whole file's worth of one value.
        self.origin = origin.map { Excerpt.counted($0, limit: 400) }
        self.keyPath = keyPath.utf8.count > 200 ? Excerpt.counted(keyPath, limit: 200) : keyPath
        self.value = value.map { Excerpt.counted($0) }
        self.message = message.utf8.count > ScenarioIssue.longestMessage
            ? String(message.prefix(ScenarioIssue.longestMessage)) + "… (message cut)" : message
    }

    /// Characters of a message kept: far more than any message the loader writes around its
    /// quoted excerpts, a net for text quoted whole by mistake.
    static let longestMessage = 2_000

    public var description: String {
        var parts: [String] = []
        // A value a sweep point put in the file has both: where it is written, and which
        // point it came from.
        if let location { parts.append(location.description) }
        if let origin { parts.append(origin) }
        if !keyPath.isEmpty { parts.append(keyPath) }
        parts.append(message)
        return parts.joined(separator: ": ")
    }
}
