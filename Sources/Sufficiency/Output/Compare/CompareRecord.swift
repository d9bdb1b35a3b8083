import Foundation

/// What a comparison folder holds and how it was made, written as its `manifest.json`: the
/// two runs compared (enough of each manifest to find and reproduce it), how their
/// replications were paired, and what one has that the other has not.
public struct CompareRecord: Codable, Sendable, Equatable {
    /// One of the two runs.
    public struct Run: Codable, Sendable, Equatable {
        /// The results folder as given on the command line.
        public var folder: String
        public var scenarioFile: String
        public var scenarioSHA256: String
        public var seed: UInt64
        public var replications: Int
        /// The command line that made the run.
        public var commandLine: [String]

        init(_ folder: ComparedFolder) {
            self.folder = folder.path
            scenarioFile = folder.manifest.scenarioFile
            scenarioSHA256 = folder.manifest.scenarioSHA256
            seed = folder.manifest.seed
            replications = folder.manifest.replications
            commandLine = folder.manifest.commandLine
        }
    }

    /// Always "sufficiency", so a later `compare --out` into the folder may replace it.
    public var tool = "sufficiency"
    /// Always "compare".
    public var kind = "compare"
    public var sufficiencyVersion = BuildInfo.sufficiencyVersion
    public var gslVersion = GSL.version
    public var a: Run
    public var b: Run
    /// `identical`, `paired`, or `unpaired: ` and the reason.
    public var pairing: String
    /// What one run has and the other has not, one sentence each.
    public var differences: [String]
    /// The command line that made the comparison.
    public var commandLine: [String]
    /// Names of the files written.
    public var files: [String]

    public init(_ comparison: RunComparison, commandLine: [String], files: [String]) {
        a = Run(comparison.a)
        b = Run(comparison.b)
        switch comparison.pairing {
        case .identical: pairing = "identical"
        case .paired: pairing = "paired"
        case .unpaired(let reason): pairing = "unpaired: " + reason
        }
        differences = comparison.layout.sentences
        self.commandLine = commandLine
        self.files = files
    }

    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
