import Foundation

/// Why a report could not be made.
public enum ReportError: Error, CustomStringConvertible {
    case notAResultsFolder(path: String)
    case missingFile(path: String)
    /// The manifest is there but cannot be read as one; `reason` says where and why.
    case unreadableManifest(path: String, reason: String)
    /// Results files the manifest sized that are missing or have another size, one sentence
    /// fragment each ("summary.csv has 100 bytes where the run wrote 2000").
    case changedFiles(folder: String, problems: [String])
    /// The folder holds an experiment with no report (`kind`, e.g. "a solve"), whose answer is in `file`.
    case experimentFolder(path: String, kind: String, file: String)

    public var description: String {
        switch self {
        case .notAResultsFolder(let path):
            return "'\(path)' is not a results folder: it has no manifest.json. Give the folder a run wrote."
        case .missingFile(let path):
            return "the results folder has no '\(path)'; run the scenario again to write it."
        case .unreadableManifest(let path, let reason):
            return "'\(path)' is not a manifest Sufficiency can read: \(reason). Run the scenario again to write it."
        case .changedFiles(let folder, let problems):
            return "the results in '\(folder)' are not as the run wrote them: \(problems.joined(separator: "; ")). "
                + "A report of them would be wrong; copy the folder again, or run the scenario again."
        case .experimentFolder(let path, let kind, let file):
            let page = kind == "a selection" ? "its report.html is written with it, and its answer is in \(file)"
                : "it has no report, and its answer is in \(file)"
            return "'\(path)' holds \(kind): \(page) and its manifest.json. "
                + "`sufficiency report` takes the folder of a run, coverage or sweep."
        }
    }

    /// What is wrong with a manifest, from the JSON decoder's error: where, and what was expected.
    static func reason(_ error: any Error) -> String {
        func place(_ path: [any CodingKey]) -> String {
            path.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
                .trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "it is not valid JSON"
                : "'\(place(context.codingPath))' has a value that cannot be read"
        case .keyNotFound(let key, let context):
            let parent = place(context.codingPath)
            return "it has no '\(parent.isEmpty ? key.stringValue : parent + "." + key.stringValue)'"
        case .typeMismatch(let type, let context):
            return "'\(place(context.codingPath))' is not \(Self.describe(type))"
        case .valueNotFound(let type, let context):
            return "'\(place(context.codingPath))' is null where \(Self.describe(type)) was expected"
        @unknown default:
            return "\(error)"
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        if type == String.self { return "text" }
        if type == Int.self || type == UInt64.self { return "a whole number" }
        if type == Double.self { return "a number" }
        if type == Bool.self { return "true or false" }
        let name = String(describing: type)
        if name.hasPrefix("Array") { return "a list" }
        if name.hasPrefix("Dictionary") { return "an object" }
        return "a \(name)"
    }
}
