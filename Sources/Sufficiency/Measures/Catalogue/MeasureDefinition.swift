/// What one measure is, declared once for its service: its name (or its family's pattern), unit,
/// which way is better, how its value over a window is formed and what it means. The layouts,
/// the files' `unit` and `better` columns and docs/OUTPUTS.md's tables of measures all read
/// these tables (`homeCare`, `coverage`, `providers`, `dayOpportunities`).
public struct MeasureDefinition: Sendable, Equatable {
    /// How a measure's value over a window is formed from the run.
    public enum Aggregation: String, Sendable, CaseIterable {
        /// A stock's integral over the window over its days.
        case timeAverage = "time-average"
        /// A flow added up over the window.
        case total
        /// A quotient of the window's totals or time-averages (a share, a rate, a mean).
        case ratio
        /// A percentile of the values in the window.
        case percentile
        /// A standing at the window's end, or decided over the whole window (1 or 0, days).
        case windowEnd = "at the window's end"
    }

    /// The service, and the table of docs/OUTPUTS.md, a measure belongs to.
    public enum Table: String, Sendable, CaseIterable {
        case homeCare = "home-care", coverage, providers, dayOpportunities = "day-opportunities"

        public var definitions: [MeasureDefinition] {
            switch self {
            case .homeCare: return MeasureDefinition.homeCare
            case .coverage: return MeasureDefinition.coverage
            case .providers: return MeasureDefinition.providers
            case .dayOpportunities: return MeasureDefinition.dayOpportunities
            }
        }
    }

    /// The name as the files give it, or a family's pattern (`spend_<group>`).
    public var name: String
    /// The short name the report's charts and glossary and the headline table show
    /// ("Unmet need"); nil for a measure no display names. A measure in several services'
    /// tables has the same label in each.
    public var label: String?
    public var unit: String
    /// Which direction is better when options are compared (nil: neither).
    public var better: Preference?
    public var aggregation: Aggregation
    /// Whether the measure has a value per zone (false: county only).
    public var perZone: Bool
    /// For a coverage measure, how the county's value is formed from the zones'.
    public var county: String?
    /// What it means, as docs/OUTPUTS.md says it (Markdown).
    public var meaning: String

    public init(_ name: String, label: String? = nil, unit: String, better: Preference?, _ aggregation: Aggregation,
                perZone: Bool = true, county: String? = nil, _ meaning: String) {
        self.name = name
        self.label = label
        self.unit = unit
        self.better = better
        self.aggregation = aggregation
        self.perZone = perZone
        self.county = county
        self.meaning = meaning
    }

    /// Whether this is a family of measures rather than one.
    /// (Read byte by byte: `String.contains(_: String)` goes through Foundation's locale-aware
    /// search, which made building the report's glossary cost 15 million instructions a run.)
    public var isFamily: Bool { name.utf8.contains(UInt8(ascii: "<")) }

    /// The measure a run reports: this one, or the family's member with these parts.
    public func measure(_ parts: String...) -> Measure {
        let name = parts.isEmpty ? self.name : MeasureFamily(self.name).callAsFunction(parts)
        precondition(!name.utf8.contains(UInt8(ascii: "<")), "\(self.name) is a family: name the member's parts")
        return Measure(name, unit: unit, better: better, perZone: perZone, meaning)
    }
}

extension Array where Element == MeasureDefinition {
    /// The definition named `name` (a measure, or a family's pattern); a missing one is a
    /// programming error.
    subscript(name name: String) -> MeasureDefinition {
        guard let found = first(where: { $0.name == name }) else { preconditionFailure("no measure \(name) in this table") }
        return found
    }

    /// The family's definition.
    subscript(family: MeasureFamily) -> MeasureDefinition { self[name: family.pattern] }

    /// The definition a reported measure comes from: its own, or its family's (the longest
    /// family prefix it starts with).
    func definition(of measure: String) -> MeasureDefinition? {
        if let own = first(where: { !$0.isFamily && $0.name == measure }) { return own }
        return filter { $0.isFamily && measure.hasPrefix(MeasureFamily($0.name).prefix) }
            .max { MeasureFamily($0.name).prefix.count < MeasureFamily($1.name).prefix.count }
    }
}

extension MeasureDefinition {
    /// The display name (`label`) of `measure`, a measure's name or a family's prefix
    /// (`spend_route_`), from whichever service's table has it; nil when none labels it.
    public static func label(of measure: String) -> String? {
        for table in Table.allCases {
            for d in table.definitions where d.name == measure || (d.isFamily && MeasureFamily(d.name).prefix == measure) {
                if let label = d.label { return label }
            }
        }
        return nil
    }
}
