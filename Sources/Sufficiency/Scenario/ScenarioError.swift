/// Every problem found in a scenario and its overrides; thrown instead of running anything.
///
/// The loader checks the whole scenario in one pass, so `issues` lists all the problems at
/// once, in file order, then those that came from command-line overrides.
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
    public var issues: [ScenarioIssue]
    /// The scenario file the issues were found in, as the user named it.
    public var file: String

    public init(issues: [ScenarioIssue], file: String) {
        self.issues = issues
        self.file = file
    }

    /// One issue a line, then `N problems found in FILE; nothing was run.`
    public var description: String {
        let count = issues.count == 1 ? "1 problem" : "\(issues.count) problems"
        let summary = "\(count) found in \(file); nothing was run."
        return (issues.map(\.description) + [summary]).joined(separator: "\n")
    }
}
