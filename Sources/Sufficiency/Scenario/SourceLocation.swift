/// A place in a scenario file, or in a file the scenario names (a caseload CSV).
///
/// Lines and columns count from 1; columns count Unicode scalars, as libyaml does.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it (e.g. `scenarios/wiltshire.yaml`).
    public var file: String
    /// Line number, from 1.
    public var line: Int
    /// Column number, from 1.
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the form editors and terminals turn into a link.
    public var description: String { "\(file):\(line):\(column)" }
}
