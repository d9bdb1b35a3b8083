import Foundation

/// One small file written whole or not at all: into a hidden file beside it, then renamed.
enum AtomicFile {
    static func write(_ data: Data, to url: URL) throws {
        let staging = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).partial-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try data.write(to: staging)
            guard rename(staging.path, url.path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: staging)
                throw WorkbenchError.cannotWrite(path: url.path, reason: reason)
            }
        } catch let error as WorkbenchError {
            throw error
        } catch {
            throw WorkbenchError.cannotWrite(path: url.path, reason: error.localizedDescription)
        }
    }
}
