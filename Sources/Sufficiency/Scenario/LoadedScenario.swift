/// A validated scenario, with what is needed to say exactly what was run.
public struct LoadedScenario: Sendable {
    public var scenario: Scenario
    /// The scenario file as the user named it (or the name given to `load(yaml:fileName:)`).
    public var path: String
    /// SHA-256, in lower-case hex, of everything the scenario was built from: the scenario
    /// file's bytes, then for each command-line override a zero byte and its text
    /// (`key.path=value`), then for each file it includes (in the order read) a zero byte and
    /// its bytes, then for each data file it names (a caseload CSV, a travel matrix, sites) a
    /// zero byte and its bytes. Two runs with the same fingerprint had the same inputs.
    public var sha256: String
    /// The files the scenario includes (`include:`), in the order they were read.
    public var includedFiles: [IncludedFile]
    /// Values accepted although unusual enough to be a mistake (an uplift of 150%, a calendar
    /// whose quarters do not start on a quarter day), in file order; empty for most scenarios.
    public var warnings: [ScenarioWarning]

    public init(scenario: Scenario, path: String, sha256: String, includedFiles: [IncludedFile] = [],
                warnings: [ScenarioWarning] = []) {
        self.scenario = scenario
        self.path = path
        self.sha256 = sha256
        self.includedFiles = includedFiles
        self.warnings = warnings
    }
}
