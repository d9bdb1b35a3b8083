import Foundation

/// What a user asked the workbench to run, kept as request.json in the run's folder so the run
/// can be listed after a restart and run again from the command line: the kind, the scenario,
/// the `--set` overrides, and the seed and replications they give.
public struct RunRequest: Codable, Sendable, Equatable {
    /// What is run: the scenario's options (`sufficiency run`), its sweep or its solve.
    public enum Kind: String, Codable, Sendable {
        case run, sweep, solve
    }

    public var kind: Kind
    /// The scenario's name on the workbench (its file's stem).
    public var scenario: String
    /// The scenario file, as the workbench read it (relative to its working folder for a bundled
    /// scenario, inside the workspace for an uploaded one).
    public var scenarioFile: String
    /// The scenario file's SHA-256 with the overrides applied, as the manifest records it.
    public var scenarioSHA256: String
    /// The `--set` texts, `key.path=value`, in the order given.
    public var overrides: [String]
    /// The master seed the run uses (the scenario's, or an override's).
    public var seed: UInt64
    /// Replications of each option (at each point, for a sweep or a solve).
    public var replications: Int
    /// When it was asked for (ISO 8601, UTC).
    public var requestedAt: String
    /// The command that gives the same results folder (CSV files byte for byte).
    public var commandLine: [String]

    /// The JSON kept as request.json: sorted keys, pretty printed.
    func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    static let file = "request.json"
}
