/// A family of measures, one for each route, client group, support level, lot or budget line:
/// its name with a placeholder in angle brackets for each part (`spend_route_<route>_<group>`).
public struct MeasureFamily: Sendable, Hashable {
    /// The name with its placeholders, as docs/OUTPUTS.md lists it.
    public let pattern: String

    public init(_ pattern: String) {
        self.pattern = pattern
    }

    /// The name up to the first placeholder (`spend_route_`): every member starts with it.
    public var prefix: String {
        String(pattern.prefix { $0 != "<" })
    }

    /// The member with these parts in place of the placeholders, in order
    /// (`spendRouteGroup("framework", "older_people")` is `spend_route_framework_older_people`).
    public func callAsFunction(_ parts: String...) -> String {
        callAsFunction(parts)
    }

    /// The member with these parts (`callAsFunction` with an array).
    func callAsFunction(_ parts: [String]) -> String {
        var name = "", rest = Substring(pattern), next = parts.makeIterator()
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            guard let part = next.next() else { preconditionFailure("\(pattern) needs a part for each placeholder") }
            name += rest[..<open] + part
            rest = rest[rest.index(after: close)...]
        }
        precondition(next.next() == nil, "\(pattern) has fewer placeholders than parts")
        return name + rest
    }
}

extension MeasureName {
    /// A measure's name in words, for prose (`unmet_hours` → "unmet hours").
    public static func inWords(_ name: String) -> String {
        name.replacingOccurrences(of: "_", with: " ")
    }
}
