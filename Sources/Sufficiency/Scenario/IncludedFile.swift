import Foundation

/// A file a scenario includes (`include:`), as it was read: its path, its text (for the
/// report's list of assumptions) and its bytes (for the scenario's fingerprint).
public struct IncludedFile: Sendable, Equatable {
    /// The file as messages name it: relative to the current directory when the scenario
    /// file's path was, e.g. `scenarios/markets/wiltshire.yaml`.
    public var path: String
    /// The file's text (it is UTF-8).
    public var text: String
    /// The file's bytes exactly as read.
    var bytes: Data

    init(path: String, text: String, bytes: Data) {
        self.path = path
        self.text = text
        self.bytes = bytes
    }
}
