import Foundation

/// What produced a set of output files: the tool, its build, the scenario, the seed and the run's
/// settings, written as `manifest.json` beside the results so anyone can reproduce them.
public struct Manifest: Codable, Sendable, Equatable {
    /// Always "sufficiency".
    public var tool: String
    /// The tool's version, `BuildInfo.sufficiencyVersion`.
    public var sufficiencyVersion: String
    /// The Swift compiler that built the tool, `BuildInfo.swiftVersion`.
    public var swiftVersion: String
    /// The GSL library linked at run time, `GSL.version`.
    public var gslVersion: String
    /// The scenario file as given on the command line.
    public var scenarioFile: String
    /// SHA-256 of the scenario file's bytes, lowercase hexadecimal.
    public var scenarioSHA256: String
    /// The master seed every random stream derives from.
    public var seed: UInt64
    /// Number of replications per option.
    public var replications: Int
    /// Worker threads used (results do not depend on it).
    public var threads: Int
    /// Names of the procurement options run, in output order.
    public var options: [String]
    /// The command line that produced the output, one element per argument.
    public var commandLine: [String]
    /// When the run started, ISO 8601 date and time in UTC, e.g. "2025-01-31T09:15:00Z".
    public var startedAt: String
    /// Elapsed wall-clock time of the run, in seconds: from start-up to the results being
    /// ready to write (loading, simulating and summarising; not writing the files).
    public var wallSeconds: Double
    /// Of `wallSeconds`, the seconds spent simulating the replications and folding them into
    /// the statistics, for comparing the engine's speed with other simulators'; for a resumed
    /// run, this invocation's share. Absent for sweeps, solves and merged shards.
    public var simulationSeconds: Double?
    /// Names of the files written, relative to the output directory.
    public var files: [String]
    /// For a run, the size in bytes of each results file (the CSV files) as written, so a folder
    /// read back later (by `sufficiency report`) can tell a file cut short or changed since;
    /// absent for sweeps and solves, and in folders written before it was recorded.
    public var fileBytes: [String: Int]?
    /// For a sweep or a solve, what was varied and how; absent (not written) for a run.
    public var experiment: ExperimentRecord?
    /// For a run, what it studied (for its report); absent for a sweep or a solve.
    public var study: StudyRecord?
    /// For a run of a scenario with a `ranking_sensitivity` section, what the ranking analysis
    /// varied and found; absent otherwise (and with `--no-ranking`).
    public var ranking: RankingRecord?
    /// For results merged from shards, each shard folder as "K/N path"; absent otherwise.
    public var mergedShards: [String]?
    /// Every `--set` override the scenario was run with, as given (`key.path=value`), in order:
    /// an empty list when there were none. For a resumed run they are the resumed command's (the
    /// checkpoint holds only a run with the same ones); for merged shards, those the shards
    /// recorded. Nil only for folders written before overrides were recorded.
    public var overrides: [String]?
    /// The scenario's warnings (values accepted although unusual enough to be a mistake), each
    /// as `FILE:LINE:COLUMN: key.path: message`, as printed before the run; absent when there
    /// were none, and in folders written before warnings were recorded.
    public var warnings: [String]?
    /// For a run with a warm-up (or `--warm-up auto`), the warm-up used and the one MSER-5
    /// suggests from the results; absent for a run that starts at its first day.
    public var warmUp: WarmUpRecord?
    /// For a run to a precision (`--precision`), the target, the measures judged, the
    /// replications needed and why the run stopped; absent for a run of a fixed count.
    public var precision: PrecisionRecord?

    public init(tool: String = "sufficiency",
                sufficiencyVersion: String = BuildInfo.sufficiencyVersion,
                swiftVersion: String = BuildInfo.swiftVersion,
                gslVersion: String = GSL.version,
                scenarioFile: String, scenarioSHA256: String, seed: UInt64, replications: Int,
                threads: Int, options: [String], commandLine: [String], startedAt: String,
                wallSeconds: Double, files: [String], experiment: ExperimentRecord? = nil,
                study: StudyRecord? = nil, overrides: [String] = []) {
        self.study = study
        self.overrides = overrides
        self.tool = tool
        self.sufficiencyVersion = sufficiencyVersion
        self.swiftVersion = swiftVersion
        self.gslVersion = gslVersion
        self.scenarioFile = scenarioFile
        self.scenarioSHA256 = scenarioSHA256
        self.seed = seed
        self.replications = replications
        self.threads = threads
        self.options = options
        self.commandLine = commandLine
        self.startedAt = startedAt
        self.wallSeconds = wallSeconds
        self.files = files
        self.experiment = experiment
    }

    /// The manifest as UTF-8 JSON with sorted keys and pretty printing, so the same manifest
    /// always gives the same bytes.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

/// Facts about this build of the tool, for manifests and `--version`.
public enum BuildInfo {
    /// The tool's version (semantic versioning).
    public static let sufficiencyVersion = "0.1.0"

    /// The major.minor version of the Swift compiler that built the tool, decided at compile time,
    /// e.g. "6.3". Compilers newer than the newest version listed here report that version with
    /// "or later" rather than guess.
    public static var swiftVersion: String {
        #if compiler(>=6.4)
        return "6.4 or later"
        #elseif compiler(>=6.3)
        return "6.3"
        #elseif compiler(>=6.2)
        return "6.2"
        #elseif compiler(>=6.1)
        return "6.1"
        #else
        return "6.0"
        #endif
    }
}
