/// A problem reading a saved run or sweep (a checkpoint left by an interrupted one).
public enum CheckpointError: Error, CustomStringConvertible, Equatable {
    /// The checkpoint's bytes are not what this build writes.
    case damaged(String)
    /// The checkpoint belongs to a different scenario, seed, replications, points or build.
    case mismatch(path: String, field: String, found: String, expected: String)
    /// `state.bin` is not the file that was saved: its SHA-256 differs from the record's.
    case changed(path: String, expected: String, found: String)
    /// The record has no checksum of `state.bin` (saved by an earlier version).
    case unverifiable(path: String)

    public var description: String {
        switch self {
        case let .damaged(reason):
            return "What was saved cannot be read: \(reason)."
        case let .mismatch(path, field, found, expected):
            let (saved, now) = Excerpt.ofDifference(found, expected)
            return "\(path) was saved by a different run (\(field) \(saved), this one has \(now)); "
                + "run without --resume to start again."
        case let .changed(path, expected, found):
            return "\(path) has changed since it was saved (SHA-256 \(Excerpt.of(found)), its record has "
                + "\(Excerpt.of(expected))), so resuming from it would give wrong results; run without --resume to start again."
        case let .unverifiable(path):
            return "\(path) has no stateSHA256 (it was saved by an earlier version), so the saved state cannot be "
                + "checked; run without --resume to start again."
        }
    }
}
