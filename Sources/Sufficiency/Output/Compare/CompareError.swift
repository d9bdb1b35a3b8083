import Foundation

/// Why two results folders could not be compared (`sufficiency compare`, exit status 2).
public enum CompareError: Error, CustomStringConvertible, Equatable {
    /// The path is not a folder, or has no manifest.json written by Sufficiency.
    case notAResultsFolder(path: String, reason: String)
    /// A results folder without the file a comparison reads (a sweep or solve folder, say).
    case missingSummary(path: String, kind: String)
    /// The manifest is there but cannot be read; `reason` says where and why.
    case unreadableManifest(path: String, reason: String)
    /// A results file that is not the size the run recorded, or has not the columns it should.
    case damagedFile(path: String, reason: String)
    /// The two folders have nothing to compare: no option, window, zone or measure in common.
    case nothingInCommon(a: String, b: String, reason: String)
    /// `--out` would replace one of the folders compared.
    case outputIsAnInput(path: String)

    public var description: String {
        switch self {
        case let .notAResultsFolder(path, reason):
            return "'\(path)' is not a results folder: \(reason). Give two folders written by `sufficiency run`."
        case let .missingSummary(path, kind):
            return "'\(path)' is \(kind), not the results of a run: it has no summary.csv to compare. "
                + "Give two folders written by `sufficiency run`."
        case let .unreadableManifest(path, reason):
            return "'\(path)' is not a manifest Sufficiency can read: \(reason). Run the scenario again to write it."
        case let .damagedFile(path, reason):
            return "'\(path)' cannot be compared: \(reason). Copy the folder again, or run the scenario again."
        case let .nothingInCommon(a, b, reason):
            return "'\(a)' and '\(b)' cannot be compared: \(reason). Compare runs of the same scenario, "
                + "for example a run and the same run with --set."
        case let .outputIsAnInput(path):
            return "Will not write the comparison to '\(path)': it would replace a folder being compared. "
                + "Give another --out."
        }
    }
}
