import Foundation

/// Reading and writing the files that say what a run was and how it ended (request.json,
/// status.json), so runs outlive the server.
enum RunRecords {
    /// The runs in `workspace`'s runs folder: each folder whose name is a `RunID` and whose
    /// request.json reads. One without status.json was stopped with the server: it is listed,
    /// and recorded, as failed.
    static func read(_ workspace: Workspace) -> [RunEntry] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: workspace.runs.path) else { return [] }
        var found: [RunEntry] = []
        for name in names.sorted() {
            guard let id = RunID(name) else { continue }
            let folder = workspace.runFolder(id)
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(RunRequest.file)),
                  let request = try? JSONDecoder().decode(RunRequest.self, from: data) else { continue }
            if let data = try? Data(contentsOf: folder.appendingPathComponent(RunStatus.file)),
               let status = try? JSONDecoder().decode(RunStatus.self, from: data), status.state.ended {
                found.append(RunEntry(id: id, request: request, state: status.state, total: request.replications,
                                      message: status.message))
            } else {
                // A results folder being written when the server stopped is left staged beside
                // where it would have gone; it is of no further use.
                for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
                where name.hasPrefix(".results.partial-") {
                    try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
                }
                let entry = RunEntry(id: id, request: request, state: .queued, total: request.replications)
                end(entry, .failed, message: "The workbench stopped before this run ended; run it again.", in: workspace)
                found.append(entry)
            }
        }
        return found
    }

    /// Records `entry`'s end in status.json, then ends it as `state`: once a page or the status
    /// address shows a run ended, its folder is as it will stay.
    static func end(_ entry: RunEntry, _ state: RunState, message: String?, in workspace: Workspace) {
        let status = RunStatus(state: state, message: message, endedAt: ISO8601DateFormatter().string(from: Date()),
                               seconds: entry.secondsRunning)
        if let data = try? status.jsonData() {
            try? AtomicFile.write(data, to: workspace.runFolder(entry.id).appendingPathComponent(RunStatus.file))
        }
        entry.end(state, message: message)
    }
}
