/// A problem reading a saved run or sweep (a checkpoint left by an interrupted one).
public enum CheckpointError: Error, CustomStringConvertible, Equatable {
    /// The checkpoint's bytes are not what this build writes.
    case damaged(String)
    /// The checkpoint belongs to a different scenario, seed, replications, points or build.
    case mismatch(path: String, field: String, found: String, expected: String)

    public var description: String {
        switch self {
        case let .damaged(reason):
            return "What was saved cannot be read: \(reason)."
        case let .mismatch(path, field, found, expected):
            return "\(path) was saved by a different run (\(field) \(found), this one has \(expected)); "
                + "run without --resume to start again."
        }
    }
}
