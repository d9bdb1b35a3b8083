import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The hidden folders a writer killed with `kill -9` (or by a power cut) leaves beside its
/// destination: `.NAME.partial-<pid>-<tag>` (a staging folder) and `.NAME.old-<pid>-<tag>`
/// (earlier output set aside during `commit()`). Each name records the id of the process that
/// made it.
extension AtomicDirectory {
    /// One hidden folder left beside a destination.
    struct Leftover {
        let url: URL
        /// The id of the process that made it.
        let pid: Int32
    }

    /// The `.NAME.partial-*` and `.NAME.old-*` folders beside `destination`, oldest name first.
    static func leftovers(of destination: URL) -> [Leftover] {
        let destination = destination.standardizedFileURL
        let parent = destination.deletingLastPathComponent()
        let name = destination.lastPathComponent
        let prefixes = [".\(name).partial-", ".\(name).old-"]
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        return entries.sorted().compactMap { entry in
            guard let prefix = prefixes.first(where: entry.hasPrefix) else { return nil }
            let rest = entry.dropFirst(prefix.count).split(separator: "-", omittingEmptySubsequences: false)
            guard rest.count == 2, let pid = Int32(rest[0]), pid > 0,
                  !rest[1].isEmpty, rest[1].allSatisfy(\.isHexDigit) else { return nil }
            return Leftover(url: parent.appendingPathComponent(entry, isDirectory: true), pid: pid)
        }
    }

    /// Whether a process with id `pid` is running on this machine (or may be: one that belongs
    /// to another user counts as running).
    static func processIsRunning(_ pid: Int32) -> Bool {
        if pid == ProcessInfo.processInfo.processIdentifier { return true }
        return kill(pid, 0) == 0 || errno != ESRCH
    }

    /// Removes the leftovers beside `destination` whose process is no longer running: they can
    /// only be the remains of a killed writer, since a writer removes its own folders when it
    /// ends in any other way. Leftovers of a running process (another run writing to the same
    /// place, or an unrelated process that was given the same id) are kept, as are any that
    /// could not be removed; returns one sentence for each kept, naming it and the command
    /// that removes it.
    ///
    /// A writer killed between its two renames leaves no destination and the earlier output in
    /// `.NAME.old-*`: that folder is put back in place rather than removed, so the promise that
    /// an interrupted writer leaves the earlier output holds.
    static func removeStaleLeftovers(of destination: URL) -> [String] {
        let destination = destination.standardizedFileURL
        var kept: [String] = []
        for leftover in leftovers(of: destination) {
            let path = leftover.url.path
            if processIsRunning(leftover.pid) {
                kept.append("\(path) belongs to process \(leftover.pid), which is still running, so it was left alone; "
                            + "if that process is not a Sufficiency run, remove the folder with: rm -rf '\(path)'")
                continue
            }
            var info = stat()
            if leftover.url.lastPathComponent.hasPrefix(".\(destination.lastPathComponent).old-"),
               lstat(destination.path, &info) != 0, errno == ENOENT,
               rename(path, destination.path) == 0 {
                kept.append("\(destination.path) was put back from \(path), where a stopped run had set it aside")
                continue
            }
            do {
                try FileManager.default.removeItem(at: leftover.url)
            } catch {
                kept.append("\(path) was left by a stopped run (process \(leftover.pid)) and could not be removed "
                            + "(\(reason(error))); remove it with: rm -rf '\(path)'")
            }
        }
        return kept
    }
}
