/// One package of care from a council's case management system: who, where, which client
/// group, when it started and ended, its hours and its provider.
public struct PackageRecord: Sendable, Equatable {
    public var id: String
    public var person: String
    public var zone: String
    public var clientGroup: String
    /// The day the package started, in days since 1 January 1970.
    public var start: Int
    /// The day it ended, in days since 1 January 1970; nil while it is still open.
    public var end: Int?
    /// Hours of care a week.
    public var hoursPerWeek: Double
    public var provider: String
    /// Why it ended, as the system records it; nil when the file has no such column or it is empty.
    public var endReason: String?

    public init(id: String, person: String, zone: String, clientGroup: String, start: Int, end: Int?,
                hoursPerWeek: Double, provider: String, endReason: String? = nil) {
        (self.id, self.person, self.zone, self.clientGroup) = (id, person, zone, clientGroup)
        (self.start, self.end, self.hoursPerWeek, self.provider, self.endReason) = (start, end, hoursPerWeek, provider, endReason)
    }
}

/// Every problem found in a package history, or in calibrating it; thrown instead of writing anything.
public struct CalibrationError: Error, Sendable, CustomStringConvertible {
    public var issues: [ScenarioIssue]
    /// The package file, as the user named it.
    public var file: String

    public init(issues: [ScenarioIssue], file: String) {
        self.issues = issues
        self.file = file
    }

    /// Every issue, one a line, then `N problems found in FILE; nothing was written.`
    public var description: String {
        var lines = issues.prefix(ScenarioLimits.shownProblems).map(\.description)
        let more = issues.count - lines.count
        if more > 0 { lines.append("and \(more) more problem\(more == 1 ? "" : "s").") }
        lines.append("\(issues.count == 1 ? "1 problem" : "\(issues.count) problems") found in \(file); nothing was written.")
        return lines.joined(separator: "\n")
    }
}
