/// A value a scenario accepts but that is unusual enough to be a mistake: a run goes ahead,
/// and the warning is printed before it and kept in the results folder's `manifest.json`.
///
/// It reads like a `ScenarioIssue`, location (or command-line origin) first:
/// `scenarios/x.yaml:30:16: options[0].spot_premium: 1.5 is a premium of 150%, which is
/// unusual; if you meant 1.5%, write 0.015.` Commands print it after `warning: `.
public struct ScenarioWarning: Sendable, Equatable, CustomStringConvertible {
    /// Where the value is, what it is and why it is unusual, in the same fields as a problem.
    public var issue: ScenarioIssue

    public init(_ issue: ScenarioIssue) {
        self.issue = issue
    }

    /// Where the value is written; nil for a value from a command-line override.
    public var location: SourceLocation? { issue.location }
    /// The key path of the value, e.g. `options[0].spot_premium`.
    public var keyPath: String { issue.keyPath }
    /// What is unusual, as full sentence(s).
    public var message: String { issue.message }

    /// `FILE:LINE:COLUMN: key.path: message`, without the `warning: ` a command prints first.
    public var description: String { issue.description }
}
