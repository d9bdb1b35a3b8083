import Foundation
import Sufficiency

/// The run form's fields: the scenario's levers (`LeverCatalogue`), one input each.
enum RunFormFields {
    /// The fields of `loaded` (loaded without overrides from the file at `loaded.path`).
    static func fields(for loaded: LoadedScenario) -> [FormField] {
        guard let data = FileManager.default.contents(atPath: loaded.path) else { return [] }
        return LeverCatalogue.levers(for: loaded, yaml: String(decoding: data, as: UTF8.self)).map(FormField.init)
    }

    /// The `--set` texts a posted form asks for: each lever whose value differs from its default
    /// (as the page's script shows them), in the form's order, then any other `set:PATH` field
    /// posted, in its order (the loader checks its path and value like any `--set`).
    static func overrides(posted: [(String, String)], fields: [FormField]) -> [String] {
        var values: [String: String] = [:]
        var others: [String] = []
        let levers = Set(fields.map(\.path))
        for (name, value) in posted where name.hasPrefix("set:") {
            let path = String(name.dropFirst(4))
            if levers.contains(path) { values[path] = value } else if !path.isEmpty { others.append(path + "=" + value) }
        }
        return fields.compactMap { field in
            guard let value = values[field.path], value != field.value else { return nil }
            return field.path + "=" + value
        } + others
    }
}

extension FormField {
    init(_ lever: Lever) {
        let kind: Kind
        switch lever.kind {
        case .number: kind = .number
        case .integer: kind = .integer
        case .date: kind = .date
        case .text: kind = .text
        case .choice(let words): kind = .choice(words)
        }
        self.init(path: lever.setPath, label: lever.label, unit: lever.unit, value: lever.value, minimum: lever.minimum,
                  maximum: lever.maximum, kind: kind, group: lever.group, help: lever.help)
    }
}
