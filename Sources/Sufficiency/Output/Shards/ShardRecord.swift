import Foundation

/// What a shard folder holds, written as its `shard.json`: enough to check that shards belong
/// to one run and to reload the scenario they ran when merging.
public struct ShardRecord: Codable, Sendable, Equatable {
    /// Always "sufficiency".
    public var tool: String
    /// Always "shard", so a shard folder is never mistaken for a results folder.
    public var kind: String
    /// The tool's version, `BuildInfo.sufficiencyVersion`.
    public var sufficiencyVersion: String
    /// The GSL library linked at run time; shards from different GSL builds are not merged.
    public var gslVersion: String
    /// The scenario file, as an absolute path on the machine that ran the shard.
    public var scenarioFile: String
    /// The `--set` overrides the shard ran with, in order.
    public var overrides: [String]
    /// SHA-256 of the scenario as loaded (file, overrides, caseload), as in manifest.json.
    public var scenarioSHA256: String
    /// The master seed.
    public var seed: UInt64
    /// Replications of the whole run (all shards together).
    public var replications: Int
    /// This shard's position, 1-based.
    public var shard: Int
    /// Number of shards the run is split into.
    public var shards: Int
    /// The first replication this shard ran (0-based) and how many it ran.
    public var firstReplication: Int
    public var replicationCount: Int
    /// Values per replication in cells.f64.
    public var cellCount: Int
    /// SHA-256 of the result layout (options, windows, zones, measures), `ResultLayout.fingerprint`.
    public var layoutSHA256: String
    /// SHA-256 of cells.f64 as written; `merge` refuses a shard whose cells.f64 differs, and
    /// a shard without it (written by an earlier version).
    public var cellsSHA256: String?
    /// The command line that ran the shard.
    public var commandLine: [String]
    /// When the shard started (ISO 8601, UTC) and its wall time in seconds.
    public var startedAt: String
    public var wallSeconds: Double

    public init(tool: String = "sufficiency", kind: String = "shard",
                sufficiencyVersion: String = BuildInfo.sufficiencyVersion, gslVersion: String = GSL.version,
                scenarioFile: String, overrides: [String], scenarioSHA256: String, seed: UInt64, replications: Int,
                shard: Int, shards: Int, firstReplication: Int, replicationCount: Int, cellCount: Int,
                layoutSHA256: String, commandLine: [String], startedAt: String, wallSeconds: Double,
                cellsSHA256: String? = nil) {
        self.tool = tool
        self.kind = kind
        self.sufficiencyVersion = sufficiencyVersion
        self.gslVersion = gslVersion
        self.scenarioFile = scenarioFile
        self.overrides = overrides
        self.scenarioSHA256 = scenarioSHA256
        self.seed = seed
        self.replications = replications
        self.shard = shard
        self.shards = shards
        self.firstReplication = firstReplication
        self.replicationCount = replicationCount
        self.cellCount = cellCount
        self.layoutSHA256 = layoutSHA256
        self.cellsSHA256 = cellsSHA256
        self.commandLine = commandLine
        self.startedAt = startedAt
        self.wallSeconds = wallSeconds
    }

    /// The file of cells beside shard.json: `replicationCount` × `cellCount` IEEE 754 binary64
    /// values, little-endian, replication by replication in `ResultLayout.cell` order.
    public static let cellsFile = "cells.f64"
    public static let recordFile = "shard.json"

    /// The record as UTF-8 JSON with sorted keys, pretty printed.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
