import Foundation

/// Writes a calibration's folder — calibrated.yaml, fit.csv, fit.html and manifest.json, and
/// replay.csv with a replay — all at once or not at all (`AtomicDirectory`).
public enum CalibrationWriter {
    public static let files = ["calibrated.yaml", "fit.csv", "fit.html", "manifest.json"]

    /// Writes `calibration` of the package file `source` into `directory`, replacing earlier output
    /// there; with `replay`, also replay.csv and the replay's section of fit.html.
    public static func write(_ calibration: Calibration, source: String, to directory: URL,
                             replay: CalibrationReplay? = nil) throws {
        let staged = try AtomicDirectory(destination: directory)
        do {
            try staged.write(Data(calibration.fragment(source: source).utf8), to: "calibrated.yaml")
            try staged.write(Data(calibration.fitTable().utf8), to: "fit.csv")
            try staged.write(Data(calibration.fitReport(source: source, replay: replay).utf8), to: "fit.html")
            if let replay { try staged.write(Data(replay.table().utf8), to: "replay.csv") }
            var manifest: [String: Any] = ["tool": "sufficiency", "command": "calibrate", "source": source,
                                           "as_of": CSVFormat.day(calibration.asOf), "packages": calibration.packages]
            if let replay { manifest["replay"] = ["replications": replay.replications, "seed": replay.seed] }
            try staged.write(JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys, .prettyPrinted]),
                             to: "manifest.json")
            try staged.commit()
        } catch {
            staged.discard()
            throw error
        }
    }
}
