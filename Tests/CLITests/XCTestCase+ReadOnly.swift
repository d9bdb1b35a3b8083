import Foundation
import XCTest

extension XCTestCase {
    /// Makes the file or folder at `url` impossible for this process to change, until the test
    /// ends or the returned closure undoes it. As root, where permissions are not checked, the
    /// immutable attribute is set with `chattr +i` (e2fsprogs; `.ci/run` installs it); otherwise
    /// write permission is taken away.
    ///
    /// Only where neither can work — root without `chattr`, or a file system without the
    /// immutable attribute (tmpfs) — is the test skipped, or failed where tools are required
    /// (`MissingTestTool`); the message says which.
    @discardableResult
    func makeReadOnly(_ url: URL) throws -> () -> Void {
        if geteuid() == 0 {
            let chattr = ["/usr/bin/chattr", "/bin/chattr", "/sbin/chattr"].first {
                FileManager.default.isExecutableFile(atPath: $0)
            }
            guard let chattr else {
                throw MissingTestTool.error("running as root without chattr (Debian's e2fsprogs), so nothing can be made read-only")
            }
            func attribute(_ flag: String) -> Int32 {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: chattr)
                process.arguments = [flag, url.path]
                process.standardError = FileHandle.nullDevice
                guard (try? process.run()) != nil else { return -1 }
                process.waitUntilExit()
                return process.terminationStatus
            }
            guard attribute("+i") == 0 else {
                throw MissingTestTool.error("the file system of \(url.path) has no immutable attribute (chattr +i)")
            }
            var undone = false
            let undo = { if !undone { undone = true; _ = attribute("-i") } }
            addTeardownBlock(undo)
            return undo
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: url.path)
        let undo: () -> Void = {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        }
        addTeardownBlock(undo)
        return undo
    }
}
