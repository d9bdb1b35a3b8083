import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The checks made on a results folder (`--out`) before a run, sweep, solve, coverage analysis
/// or merge starts, so that a folder the results could never be put in is refused at once,
/// not after hours of simulation. See docs/OUTPUTS.md, "The results folder".
public enum OutputDestination {
    /// Throws `OutputError` unless results can be put in `directory`: it is not a dangling
    /// symbolic link; the nearest folder of it or its parents that exists is a folder this
    /// process can write to; and when `directory` exists, it is a folder of earlier results
    /// (or empty) that can be moved aside and removed, whatever is inside it.
    public static func check(_ directory: URL) throws {
        let destination = directory.standardizedFileURL
        let path = destination.path
        if let target = danglingLinkTarget(path) {
            throw OutputError.danglingLink(path: path, target: target)
        }
        try checkParent(of: destination)
        try ResultsWriter.checkContents(destination)
        try checkMovable(destination)
    }

    /// Checks `directory` (`check`) and then removes the hidden folders that killed writers
    /// left beside it (`AtomicDirectory.removeStaleLeftovers`), for it and for its checkpoint
    /// folder; returns a sentence for each leftover that is kept, with the command that removes
    /// it, to show the user.
    public static func prepare(_ directory: URL) throws -> [String] {
        try check(directory)
        let destination = directory.standardizedFileURL
        return AtomicDirectory.removeStaleLeftovers(of: destination)
            + AtomicDirectory.removeStaleLeftovers(of: CheckpointFolder.location(for: destination))
    }

    /// Where the symbolic link at `path` points, when it is one whose target does not exist.
    static func danglingLinkTarget(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return nil }
        guard stat(path, &info) != 0 else { return nil }
        return (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "a missing file"
    }

    /// Throws unless the nearest existing folder among `destination`'s parents is a folder that
    /// can be written to, where the results' hidden staging folder and any missing parents go.
    private static func checkParent(of destination: URL) throws {
        var parent = destination.deletingLastPathComponent()
        while true {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: parent.path, isDirectory: &isFolder) {
                guard isFolder.boolValue else {
                    throw OutputError.parentNotWritable(path: destination.path, parent: parent.path,
                                                        reason: "is a file, not a folder")
                }
                guard access(parent.path, W_OK | X_OK) == 0 else {
                    throw OutputError.parentNotWritable(path: destination.path, parent: parent.path,
                                                        reason: "cannot be written to (\(String(cString: strerror(errno))))")
                }
                return
            }
            let up = parent.deletingLastPathComponent()
            if up.path == parent.path { return }
            parent = up
        }
    }

    /// Throws when `destination` exists but could not be moved aside and deleted: a folder in
    /// it (or it) that cannot be written to, or a parent with the sticky bit that neither this
    /// user nor the folder's owner is.
    private static func checkMovable(_ destination: URL) throws {
        let path = destination.path
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return }
        var parentInfo = stat()
        let parent = destination.deletingLastPathComponent().path
        if stat(parent, &parentInfo) == 0, (parentInfo.st_mode & S_ISVTX) != 0,
           geteuid() != 0, info.st_uid != geteuid(), parentInfo.st_uid != geteuid() {
            throw OutputError.earlierResultsNotMovable(
                path: path, blocker: path, reason: "it belongs to another user in a folder where only owners may move files")
        }
        var folders = [path]
        while let folder = folders.popLast() {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            // Deleting a folder's entries needs it writable; an empty folder goes with its parent.
            guard access(folder, R_OK | X_OK | (entries.isEmpty ? 0 : W_OK)) == 0 else {
                throw OutputError.earlierResultsNotMovable(
                    path: path, blocker: folder, reason: "it cannot be written to (\(String(cString: strerror(errno))))")
            }
            for entry in entries {
                let inner = folder + "/" + entry
                var entryInfo = stat()
                if lstat(inner, &entryInfo) == 0, (entryInfo.st_mode & S_IFMT) == S_IFDIR { folders.append(inner) }
            }
        }
    }
}
