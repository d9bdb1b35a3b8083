/// Why a warm-up could not be suggested.
public enum WarmUpError: Error, Equatable, CustomStringConvertible {
    /// Measures the results do not have.
    case unknownMeasures([String], known: [String])

    public var description: String {
        switch self {
        case .unknownMeasures(let names, let known):
            let list = names.map { "'\($0)'" }.joined(separator: ", ")
            let suggestions = names.compactMap { DidYouMean.suggestion(for: $0, among: known) }
            let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.map { "'\($0)'" }.joined(separator: ", "))?"
            return "\(list) \(names.count == 1 ? "is not a measure" : "are not measures") of this scenario's results\(hint)"
                + (suggestions.isEmpty ? "." : "")
        }
    }
}
