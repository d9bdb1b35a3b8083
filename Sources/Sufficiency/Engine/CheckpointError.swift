/// A problem reading a saved run (a checkpoint left by an interrupted run).
public enum CheckpointError: Error, CustomStringConvertible, Equatable {
    /// The checkpoint's bytes are not what this build writes.
    case damaged(String)
    /// The checkpoint belongs to a different scenario, seed, replications or build.
    case mismatch(path: String, field: String, found: String, expected: String)

    public var description: String {
        switch self {
        case let .damaged(reason):
            return "The saved run cannot be read: \(reason)."
        case let .mismatch(path, field, found, expected):
            return "\(path) was saved by a different run (\(field) \(found), this run has \(expected)); "
                + "run without --resume to start again."
        }
    }
}
