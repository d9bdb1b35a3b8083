import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A problem writing output files; the message names the path involved.
public enum OutputError: Error, CustomStringConvertible, Equatable {
    /// A directory could not be created.
    case cannotCreateDirectory(path: String, reason: String)
    /// A file could not be written.
    case cannotWrite(path: String, reason: String)
    /// The finished output could not be moved into place.
    case cannotReplace(path: String, reason: String)
    /// The destination exists and holds something other than earlier results, so
    /// replacing it could destroy the user's own files.
    case notAResultsFolder(path: String, reason: String)
    /// The destination is a symbolic link to something that does not exist.
    case danglingLink(path: String, target: String)
    /// The nearest existing parent of the destination is a file, or cannot be written to.
    case parentNotWritable(path: String, parent: String, reason: String)
    /// The destination holds earlier results that could not be moved aside and removed.
    case earlierResultsNotMovable(path: String, blocker: String, reason: String)
    /// The new output is in place and complete, but the earlier output, set aside in
    /// `leftover`, could not be deleted.
    case earlierResultsLeft(path: String, leftover: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotCreateDirectory(path, reason):
            return "Could not create the directory \(path): \(reason)."
        case let .cannotWrite(path, reason):
            return "Could not write the file \(path): \(reason)."
        case let .cannotReplace(path, reason):
            return "Could not move the finished output into \(path): \(reason)."
        case let .notAResultsFolder(path, reason):
            return "Will not replace \(path): \(reason). Choose a new folder with --out, or empty this one; nothing was written."
        case let .danglingLink(path, target):
            return "Will not write results to \(path): it is a symbolic link to \(target), which does not exist. "
                + "Create \(target), remove the link, or choose another folder with --out; nothing was written."
        case let .parentNotWritable(path, parent, reason):
            return "Cannot write results to \(path): \(parent) \(reason). Choose a folder you can write to with --out, "
                + "or fix \(parent); nothing was written."
        case let .earlierResultsNotMovable(path, blocker, reason):
            return "Will not replace \(path): the earlier results there could not be moved aside and removed, because "
                + "\(blocker == path ? "the folder" : blocker) \(reason.hasPrefix("it ") ? String(reason.dropFirst(3)) : reason). "
                + "Make it writable (chmod -R u+w '\(path)'), remove it, or choose another folder with --out; nothing was written."
        case let .earlierResultsLeft(path, leftover, reason):
            return "The results in \(path) are complete, but the earlier results were left in \(leftover) "
                + "(\(reason)); remove them with: rm -rf '\(leftover)'"
        }
    }
}

/// Writes a directory of output files so that readers see either the previous complete output
/// or the new complete output, never a half-written mixture.
///
/// Files are staged in a hidden sibling of the destination, `.NAME.partial-<pid>-<random>`, in
/// the same parent directory (so the final rename stays on one file system). `commit()` moves
/// the staged directory into place with `rename(2)`; `discard()` deletes it. A run that fails
/// or is interrupted leaves at most a hidden `.partial` directory, never a damaged destination;
/// one left by a process that was killed is removed by the next writer into the same place
/// (`removeStaleLeftovers`, in AtomicDirectory+Leftovers.swift).
public struct AtomicDirectory: Sendable {
    /// Where the output will live after `commit()`.
    public let destination: URL
    /// The hidden directory files are written to until `commit()`.
    public let staging: URL

    /// Creates the staging directory next to `destination`, creating `destination`'s parent
    /// directories if needed. The destination itself is not touched until `commit()`.
    public init(destination: URL) throws {
        let destination = destination.standardizedFileURL
        let parent = destination.deletingLastPathComponent()
        let name = destination.lastPathComponent
        precondition(!name.isEmpty && name != "/" && name != "." && name != "..",
                     "AtomicDirectory: destination \(destination.path) has no directory name")
        let staging = parent.appendingPathComponent(
            ".\(name).partial-\(ProcessInfo.processInfo.processIdentifier)-\(AtomicDirectory.randomTag())",
            isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw OutputError.cannotCreateDirectory(path: staging.path, reason: AtomicDirectory.reason(error))
        }
        self.destination = destination
        self.staging = staging
    }

    /// The staged location of the file `name`, for writers that stream into a file themselves.
    ///
    /// - Parameter name: a relative path inside the output directory, e.g. "summary.csv" or
    ///   "charts/waits.svg"; not absolute and without ".." components. Create any subdirectory
    ///   before streaming into it (`write(_:to:)` does this itself).
    public func url(for name: String) -> URL {
        let components = name.split(separator: "/", omittingEmptySubsequences: false)
        precondition(!name.isEmpty && !name.hasPrefix("/")
                        && !components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }),
                     "AtomicDirectory: \"\(name)\" is not a plain relative file name")
        return staging.appendingPathComponent(name, isDirectory: false)
    }

    /// Writes `data` to the staged file `name` (see `url(for:)`), replacing any earlier content
    /// and creating subdirectories as needed.
    public func write(_ data: Data, to name: String) throws {
        let file = url(for: name)
        let folder = file.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw OutputError.cannotCreateDirectory(path: folder.path, reason: AtomicDirectory.reason(error))
        }
        do {
            try data.write(to: file)
        } catch {
            throw OutputError.cannotWrite(path: file.path, reason: AtomicDirectory.reason(error))
        }
    }

    /// Moves the staged directory to `destination`, replacing whatever was there.
    ///
    /// An existing destination is first renamed aside to a hidden `.NAME.old-…` sibling, the
    /// staged directory is renamed into place, and only then is the old one deleted. If the
    /// second rename fails the old output is put back. Between the two renames the destination
    /// is briefly absent, but it is never partly written. After a successful commit the staging
    /// directory no longer exists. When the new output is in place but the old one cannot be
    /// deleted, throws `OutputError.earlierResultsLeft`, naming where it was left: the output is
    /// complete, so callers report it as a warning (`OutputDestination.check` makes it rare by
    /// refusing beforehand earlier output that could not be deleted).
    public func commit() throws {
        let fileManager = FileManager.default
        var asideURL: URL?
        if fileManager.fileExists(atPath: destination.path) {
            let aside = destination.deletingLastPathComponent().appendingPathComponent(
                ".\(destination.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)-\(AtomicDirectory.randomTag())",
                isDirectory: true)
            try AtomicDirectory.move(destination, to: aside, reporting: destination)
            asideURL = aside
        }
        do {
            try AtomicDirectory.move(staging, to: destination, reporting: destination)
        } catch {
            if let aside = asideURL {
                _ = try? AtomicDirectory.move(aside, to: destination, reporting: destination)
            }
            throw error
        }
        if let aside = asideURL {
            do {
                try fileManager.removeItem(at: aside)
            } catch {
                throw OutputError.earlierResultsLeft(path: destination.path, leftover: aside.path,
                                                     reason: "they could not be deleted: \(AtomicDirectory.reason(error))")
            }
        }
    }

    /// Deletes the staged directory and everything in it, leaving the destination untouched.
    /// Does nothing if it is already gone (for example after `commit()`).
    public func discard() {
        // Nothing useful can be done if deletion fails: the directory is hidden and harmless.
        try? FileManager.default.removeItem(at: staging)
    }

    private static func move(_ from: URL, to: URL, reporting path: URL) throws {
        // rename(2) directly: it is atomic on one file system, whereas FileManager.moveItem may
        // fall back to copying.
        guard rename(from.path, to.path) == 0 else {
            let message = String(cString: strerror(errno))
            throw OutputError.cannotReplace(path: path.path,
                                            reason: "renaming \(from.path) to \(to.path) failed (\(message))")
        }
    }

    static func randomTag() -> String {
        String(UInt32.random(in: .min ... .max), radix: 16)
    }

    /// The most specific description Foundation gives for `error`, without a final full stop
    /// (the message adds its own).
    static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError
        var text = (underlying ?? nsError).localizedDescription
        while text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
