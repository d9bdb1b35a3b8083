import Foundation

/// Whether a file that merge or --resume is about to read is an ordinary file of the folder it
/// was written to: not a symbolic link leading out of that folder (to /etc/passwd, say), nor a
/// device or pipe that never ends (/dev/zero).
enum RegularFile {
    /// True when `name` in `folder`, symbolic links resolved, is a regular file inside `folder`
    /// (itself resolved, so a folder given as a link is fine).
    static func isInside(_ folder: URL, named name: String) -> Bool {
        let root = folder.standardizedFileURL.resolvingSymlinksInPath().path
        let file = folder.appendingPathComponent(name).standardizedFileURL.resolvingSymlinksInPath().path
        guard file.hasPrefix(root.hasSuffix("/") ? root : root + "/") else { return false }
        let type = (try? FileManager.default.attributesOfItem(atPath: file))?[.type] as? FileAttributeType
        return type == .typeRegular
    }
}
