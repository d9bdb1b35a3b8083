import Foundation

/// The sizes of files on disk, for checking that what was written is what is read back.
enum FileSize {
    /// The size in bytes of the file at `url`, or nil if there is none (or it cannot be read).
    static func bytes(at url: URL) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue
    }
}
