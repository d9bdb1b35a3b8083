import Sufficiency

/// How commands show a scenario's warnings: each on its own line as
/// `warning: FILE:LINE:COLUMN: key.path: message`.
enum ScenarioWarnings {
    /// The lines for `warnings`, in order.
    static func lines(_ warnings: [ScenarioWarning]) -> [String] {
        warnings.map { "warning: \($0.description)" }
    }

    /// Prints `warnings` on standard error, before a run starts (nothing when there are none).
    static func print(_ warnings: [ScenarioWarning]) {
        for line in lines(warnings) { Terminal.standardError(line) }
    }

    /// What the manifest records: each warning as printed, without `warning: `; nil (no key)
    /// when there are none.
    static func recorded(_ warnings: [ScenarioWarning]) -> [String]? {
        warnings.isEmpty ? nil : warnings.map(\.description)
    }
}
