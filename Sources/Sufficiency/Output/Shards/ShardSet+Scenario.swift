import Foundation

extension ShardSet {
    /// The scenario file the shards recorded, for `merge` to reload, but only when it lies inside
    /// the current folder's tree or one of the shard folders given (symbolic links resolved):
    /// a shard.json naming a file elsewhere (/etc/passwd, say) is refused and that file never
    /// read. Run from the file system's root, no recorded path is read. Elsewhere, the user
    /// names the scenario with `--scenario`, and its SHA-256 must be the shards'.
    public func recordedScenarioFile(currentFolder: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        throws(ShardError) -> String {
        let recorded = run.scenarioFile
        let file = URL(fileURLWithPath: recorded, relativeTo: currentFolder).standardizedFileURL.resolvingSymlinksInPath()
        // The file system's root is no boundary: merge run from / reads no recorded path.
        let roots = ([currentFolder] + folders).map { $0.standardizedFileURL.resolvingSymlinksInPath().path }.filter { $0 != "/" }
        let inside = roots.contains { root in
            let prefix = root.hasSuffix("/") ? root : root + "/"
            return file.path.hasPrefix(prefix)
        }
        guard inside else { throw .scenarioOutside(path: recorded) }
        return recorded
    }
}
