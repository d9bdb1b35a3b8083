import Foundation
import Sufficiency

/// A scenario file a user uploads: checked by the loader before anything is stored, then put
/// in the workspace's scenarios folder whole (a hidden file renamed into place) under a name no
/// other scenario has.
enum ScenarioUpload {
    /// Why an upload was refused.
    enum Refusal: Error {
        /// The file is not a scenario the loader accepts: every problem, with lines.
        case invalid(ScenarioError)
        /// Not a .yaml file, or no file at all.
        case notYAML(String)
    }

    /// The name a file called `fileName` is offered under: its stem with anything but letters,
    /// digits, `.`, `-` and `_` made `-`, at most 60 characters.
    static func name(for fileName: String) -> String {
        let stem = (fileName as NSString).lastPathComponent
        let base = stem.hasSuffix(".yaml") ? String(stem.dropLast(5)) : stem.hasSuffix(".yml") ? String(stem.dropLast(4)) : stem
        var cleaned = String(base.unicodeScalars.map { s -> Character in
            s.isASCII && (CharacterSet.alphanumerics.contains(s) || s == "-" || s == "_" || s == ".") ? Character(s) : "-"
        })
        while let first = cleaned.first, first == "." || first == "-" { cleaned.removeFirst() }
        cleaned = String(cleaned.prefix(60))
        return cleaned.isEmpty ? "scenario" : cleaned
    }

    /// Checks `data`, uploaded as `fileName`, and stores it; returns the name it is offered under.
    static func store(_ data: Data, fileName: String, workspace: Workspace, catalogue: ScenarioCatalogue) throws -> String {
        let lower = fileName.lowercased()
        guard lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") else {
            throw Refusal.notYAML("'\(fileName)' is not a scenario file; upload a .yaml file.")
        }
        let wanted = name(for: fileName)
        // Checked where it will live, so the files it includes are looked for there, and never
        // outside the workspace's scenarios folder (the loader refuses a climb or a link out).
        do {
            _ = try ScenarioLoader.load(data: data, fileName: wanted + ".yaml", baseDirectory: workspace.scenarios)
        } catch {
            throw Refusal.invalid(error)
        }
        let staging = workspace.scenarios.appendingPathComponent(".upload-\(UInt64.random(in: 0...UInt64.max)).partial")
        do {
            try data.write(to: staging)
        } catch {
            throw WorkbenchError.cannotWrite(path: staging.path, reason: error.localizedDescription)
        }
        defer { try? FileManager.default.removeItem(at: staging) }
        for n in 1...1000 {
            let candidate = n == 1 ? wanted : "\(wanted.prefix(55))-\(n)"
            guard catalogue.entry(named: candidate) == nil else { continue }
            // link(2) fails when the name is taken, so two uploads never share a file.
            let destination = workspace.scenarios.appendingPathComponent(candidate + ".yaml")
            if link(staging.path, destination.path) == 0 { return candidate }
            guard errno == EEXIST else {
                throw WorkbenchError.cannotWrite(path: destination.path, reason: String(cString: strerror(errno)))
            }
        }
        throw WorkbenchError.cannotWrite(path: workspace.scenarios.path, reason: "no free name for \(wanted)")
    }
}
