import Sufficiency

/// The run form's fields for a loaded scenario.
enum RunFormFields {
    static func fields(for loaded: LoadedScenario, path: String) -> [FormField] {
        let run = loaded.scenario.run
        return [
            FormField(path: "run.replications", label: "Replications", unit: "replications of each option",
                      value: String(run.replications), minimum: "1", maximum: "1000000", kind: .integer, group: "Run"),
            FormField(path: "run.seed", label: "Seed", unit: "master seed", value: String(run.seed), minimum: "0",
                      maximum: "18446744073709551615", kind: .integer, group: "Run"),
        ]
    }

    /// The `--set` texts a posted form asks for: each field whose value differs from its default
    /// (as the page's script shows them), in the form's order.
    static func overrides(posted: [(String, String)], fields: [FormField]) -> [String] {
        var values: [String: String] = [:]
        for (name, value) in posted where name.hasPrefix("set:") { values[String(name.dropFirst(4))] = value }
        return fields.compactMap { field in
            guard let value = values[field.path], value != field.value else { return nil }
            return field.path + "=" + value
        }
    }
}
