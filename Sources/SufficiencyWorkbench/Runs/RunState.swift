import Foundation

/// Where a run is: waiting for a worker, running, or ended one of three ways.
public enum RunState: String, Codable, Sendable {
    case queued, running, finished, failed, cancelled

    /// Whether the run has ended (its folder will not change again).
    public var ended: Bool { self == .finished || self == .failed || self == .cancelled }
}

/// How a run ended, kept as status.json beside request.json once it has.
struct RunStatus: Codable, Sendable, Equatable {
    var state: RunState
    /// Why it failed, or how a solve came out; nil when there is nothing to say.
    var message: String?
    /// When it ended (ISO 8601, UTC).
    var endedAt: String
    /// Seconds from starting to ending, or nil for a run cancelled before it started.
    var seconds: Double?

    static let file = "status.json"

    func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

/// What a page or the status address shows of a run at one moment.
public struct RunSnapshot: Sendable {
    public let id: RunID
    public let request: RunRequest
    public let state: RunState
    /// Replications done (of every point, for a sweep or a solve) and expected in all.
    public let done: Int
    public let total: Int
    /// Estimated seconds until it ends, from the pace so far; nil before the first replication.
    public let secondsLeft: Double?
    public let message: String?
}
