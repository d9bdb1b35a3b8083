import Foundation

/// The folder the workbench keeps everything in, so a user who comes back tomorrow finds the
/// same scenarios and runs:
///
///     WORKSPACE/scenarios/NAME.yaml     uploaded scenarios, each checked before it was stored
///     WORKSPACE/runs/ID/request.json    what was asked: scenario, overrides, kind (RunRequest)
///     WORKSPACE/runs/ID/status.json     how it ended: finished, failed (why) or cancelled
///     WORKSPACE/runs/ID/results/        the results folder, put in place whole when complete
///
/// Nothing the workbench serves or writes is outside it, apart from the bundled scenarios it
/// reads.
public struct Workspace: Sendable {
    /// The workspace folder, absolute, symbolic links resolved.
    public let root: URL

    /// Opens (creating if needed) the workspace at `folder`.
    public init(folder: URL) throws {
        let made = folder.standardizedFileURL
        try FileManager.default.createDirectory(at: made, withIntermediateDirectories: true)
        root = made.resolvingSymlinksInPath()
        try FileManager.default.createDirectory(at: scenarios, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: runs, withIntermediateDirectories: true)
    }

    /// Where uploaded scenarios are kept.
    public var scenarios: URL { root.appendingPathComponent("scenarios", isDirectory: true) }
    /// Where each run has its folder.
    public var runs: URL { root.appendingPathComponent("runs", isDirectory: true) }

    /// The folder of run `id` (which must be a `RunID`).
    func runFolder(_ id: RunID) -> URL { runs.appendingPathComponent(id.text, isDirectory: true) }

    /// The results folder of run `id`.
    func resultsFolder(_ id: RunID) -> URL { runFolder(id).appendingPathComponent("results", isDirectory: true) }

    /// The regular file at `parts` inside `folder` (a folder of this workspace), or nil when
    /// the parts are refused (`SafeName`), the file is missing or not a regular file, or it
    /// resolves outside `folder` through a symbolic link.
    func file(in folder: URL, parts: [String]) -> URL? {
        var url = folder
        for part in parts {
            guard SafeName.isPart(part) else { return nil }
            url.appendPathComponent(part)
        }
        let base = folder.resolvingSymlinksInPath().path
        let resolved = url.resolvingSymlinksInPath().path
        guard resolved.hasPrefix(base + "/"), resolved.hasPrefix(root.path + "/") else { return nil }
        guard let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey]),
              values.isRegularFile == true, values.isSymbolicLink != true else { return nil }
        return url
    }
}
