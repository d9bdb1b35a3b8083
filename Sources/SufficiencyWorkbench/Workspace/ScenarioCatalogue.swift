import Foundation

/// A scenario the workbench offers: its name (the file's stem) and its file.
public struct ScenarioEntry: Sendable, Equatable {
    public let name: String
    /// The file as the workbench reads it and the equivalent command line names it: relative
    /// to the working folder when the scenarios or workspace folder was given that way.
    public let path: String
    /// Whether a user uploaded it (it is in the workspace) rather than it being bundled.
    public let uploaded: Bool
}

/// The scenarios the workbench offers: those bundled with the tool (the `*.yaml` files of its
/// scenarios folder, not those of folders below it, which scenarios include) and those
/// uploaded to the workspace. A name is looked up among the bundled first; uploads never take
/// a bundled name (`ScenarioUpload`).
struct ScenarioCatalogue: Sendable {
    /// The bundled scenarios' folder as given (e.g. `scenarios`), or nil when there is none.
    let bundledFolder: String?
    /// The workspace's scenarios folder as the command line would name it.
    let uploadedFolder: String

    func all() -> (bundled: [ScenarioEntry], uploaded: [ScenarioEntry]) {
        (bundledFolder.map { list($0, uploaded: false) } ?? [], list(uploadedFolder, uploaded: true))
    }

    /// The scenario called `name`, or nil when there is none (or `name` is not a plain name).
    func entry(named name: String) -> ScenarioEntry? {
        guard SafeName.isPart(name) else { return nil }
        for (folder, uploaded) in [(bundledFolder, false), (uploadedFolder, true)] {
            guard let folder else { continue }
            let path = folder + "/" + name + ".yaml"
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
               (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) == nil {
                return ScenarioEntry(name: name, path: path, uploaded: uploaded)
            }
        }
        return nil
    }

    private func list(_ folder: String, uploaded: Bool) -> [ScenarioEntry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.sorted().compactMap { file in
            guard file.hasSuffix(".yaml") else { return nil }
            let name = String(file.dropLast(5))
            guard SafeName.isPart(name) else { return nil }
            return entry(named: name).flatMap { $0.uploaded == uploaded ? $0 : nil }
        }
    }
}
