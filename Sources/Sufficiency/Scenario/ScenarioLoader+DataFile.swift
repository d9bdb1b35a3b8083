import Foundation

extension ScenarioLoader {
    /// Reads the data file (a CSV) that `reader` names, relative to the folder of the file it
    /// is written in (the scenario file, or a file the scenario includes): its text and how
    /// messages show it, or nil after reporting why it cannot be used.
    ///
    /// The file must be in the scenario's folder or a folder below it. An absolute path, a
    /// path that climbs out with `..`, or a symbolic link that leads out is refused before
    /// anything is read, so a scenario (perhaps one received from someone else) cannot make
    /// the tool read files elsewhere and echo their lines back in messages. The file must be
    /// UTF-8 text; when it is not, the problem is placed at the first unreadable byte.
    ///
    /// - Parameter what: how messages name the file, e.g. `caseload file`.
    static func readDataFile(_ reader: NodeReader, what: String, _ context: Context) -> (text: String, shown: String)? {
        guard let path = reader.name(expected: "the path of a CSV file, relative to the scenario's folder") else {
            return nil
        }
        // A value from an override (no mark) belongs to the scenario file.
        let index = reader.node.mark.map(context.log.sources.fileIndex(of:)) ?? 0
        let source = context.log.sources.files[index]
        if let problem = outsideProblem(path, in: source.folder, relativeTo: index == 0 ? "the scenario" : "this file") {
            reader.report("cannot read the \(what) '\(path)': \(problem)")
            return nil
        }
        let (url, shown) = context.locate(source.path(of: path))
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        if exists, isDirectory.boolValue {
            reader.report("cannot read the \(what) '\(shown)': it is a folder; name a CSV file.")
            return nil
        }
        if exists, !context.contains(url) {
            reader.report("cannot read the \(what) '\(shown)': it is a symbolic link to a file outside the scenario's "
                          + "folder; copy the file into the scenario's folder (or a folder below it).")
            return nil
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            reader.report("cannot read the \(what) '\(shown)': \(exists ? "it could not be read" : "no such file").")
            return nil
        }
        switch UTF8Text.decode(data) {
        case .success(let text):
            context.extraInputs.append(data)
            return (text, shown)
        case .failure(let problem):
            context.log.add(ScenarioIssue(location: SourceLocation(file: shown, line: problem.line, column: problem.column),
                                          keyPath: "", message: problem.message))
            return nil
        }
    }

    /// Why `path`, written in a file whose folder is `folder` (relative to the scenario's
    /// folder; "" for the scenario's own), is not a path inside the scenario's folder, or nil
    /// when it is: it is absolute (or starts from the home folder), or its `..` parts climb
    /// above the scenario's folder.
    ///
    /// - Parameter relativeTo: what the advice says paths are relative to: `the scenario`, or
    ///   `this file` for a path written in a file the scenario includes.
    static func outsideProblem(_ path: String, in folder: String = "", relativeTo: String = "the scenario") -> String? {
        let advice = "name a file in the scenario's folder (or a folder below it) by its path relative to \(relativeTo)."
        if path.hasPrefix("/") || path.hasPrefix("~") || path.hasPrefix("\\") {
            return "it is outside the scenario's folder (an absolute path); \(advice)"
        }
        var depth = 0
        let whole = folder.isEmpty ? path : "\(folder)/\(path)"
        for part in whole.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": depth -= 1
            default: depth += 1
            }
            if depth < 0 { return "it is outside the scenario's folder ('..' climbs above it); \(advice)" }
        }
        return nil
    }
}

extension ScenarioLoader.Context {
    /// The folder the scenario's data files are found in, as an absolute URL.
    var scenarioFolder: URL {
        if let baseDirectory { return baseDirectory.standardizedFileURL }
        let folder = (fileName as NSString).deletingLastPathComponent
        return URL(fileURLWithPath: folder.isEmpty ? "." : folder, isDirectory: true).standardizedFileURL
    }

    /// Whether the existing file at `url`, once symbolic links are followed, is inside the
    /// scenario's folder (itself with links followed).
    func contains(_ url: URL) -> Bool {
        let folder = scenarioFolder.resolvingSymlinksInPath().path
        let file = url.standardizedFileURL.resolvingSymlinksInPath().path
        return file.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }
}
