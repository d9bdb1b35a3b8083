/// A command-line value outside what its flag accepts: the flag, a short excerpt of the value
/// and what was expected, including the limit the matching scenario key has.
public struct FlagProblem: Sendable, Equatable, CustomStringConvertible {
    /// The flag as typed, e.g. `--replications`.
    public let flag: String
    /// The value given, as typed.
    public let value: String
    /// What the flag accepts, completing "expected …".
    public let expected: String

    public init(flag: String, value: String, expected: String) {
        self.flag = flag
        self.value = value
        self.expected = expected
    }

    public var description: String {
        "\(flag) \"\(Excerpt.of(value))\" is not allowed; expected \(expected)."
    }
}

/// Every problem with a command's flags, found before anything runs or is written.
public struct FlagError: Error, Sendable, Equatable, CustomStringConvertible {
    public let problems: [FlagProblem]

    public init(_ problems: [FlagProblem]) {
        self.problems = problems
    }

    public var description: String {
        problems.map { "sufficiency: " + $0.description }.joined(separator: "\n")
    }
}
