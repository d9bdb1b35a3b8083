import Foundation

/// The folder the fuzzed scenario "lives in": a fresh temporary folder holding small, valid
/// CSV files under the names a scenario may give, so the loader's CSV readers run too, and
/// relative paths never resolve into the repository or the current directory.
enum FuzzSandbox {
    /// The CSV files written into the sandbox, by name. Their zones, providers and client
    /// groups are those of `scenarios/quickstart.yaml`, which seeds the corpus.
    static let files: [String: String] = [
        "caseload.csv": """
            zone,provider,client_group,hours_per_week,people
            Riverside,Riverside Care,older people,12.5,3
            Hilltop,,learning disability,,1
            Marshes,Marsh Carers,,20,
            """,
        "sites.csv": """
            name,zone,latitude,longitude
            Mill,Riverside,51.1,-1.8
            Ridge,Hilltop,51.2,-1.9
            """,
        "travel.csv": """
            from,Riverside,Hilltop,Marshes
            Riverside,0,20,35
            Hilltop,20,0,25
            Marshes,35,25,0
            """,
    ]

    /// Created on first use; removed by the system's temporary-file clean-up, not by the
    /// harness (libFuzzer ends the process without running exit handlers on a crash).
    static let folder: URL = {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("sufficiency-fuzz-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, text) in files {
                try Data((text + "\n").utf8).write(to: folder.appendingPathComponent(name))
            }
        } catch {
            preconditionFailure("FuzzSandbox: cannot create \(folder.path): \(error)")
        }
        return folder
    }()
}
