/// Every problem found in a scenario and its overrides; thrown instead of running anything.
///
/// The loader checks the whole scenario in one pass, so `issues` lists all the problems at
/// once, in file order, then those that came from command-line overrides.
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
    public var issues: [ScenarioIssue]
    /// The scenario file the issues were found in, as the user named it.
    public var file: String
    /// Problems found beyond those in `issues` (after `ScenarioLimits.keptProblems`): counted
    /// but not kept.
    public var unlisted: Int

    public init(issues: [ScenarioIssue], file: String, unlisted: Int = 0) {
        self.issues = issues
        self.file = file
        self.unlisted = unlisted
    }

    /// Every problem found, listed or not.
    public var count: Int { issues.count + unlisted }

    /// The first `ScenarioLimits.shownProblems` issues, one a line; then, when there were more,
    /// `and N more problems (fix these and validate again to see them).`; then `N problems
    /// found in FILE; nothing was run.`
    public var description: String {
        let shown = issues.prefix(ScenarioLimits.shownProblems)
        var lines = shown.map(\.description)
        let more = count - shown.count
        if more > 0 {
            lines.append("and \(NumberRule.format(Double(more))) more problem\(more == 1 ? "" : "s") "
                         + "(fix these and validate again to see the rest).")
        }
        let total = count == 1 ? "1 problem" : "\(NumberRule.format(Double(count))) problems"
        lines.append("\(total) found in \(file); nothing was run.")
        return lines.joined(separator: "\n")
    }
}
