/// What a chart's values measure: decides the axis label and how tick labels are written.
public enum ValueUnit: Sendable, Equatable {
    /// Pounds sterling; large amounts are written compactly ("£350k", "£1.2m").
    case pounds
    /// Pounds an hour (prices and pay rates), written with pence when the ticks need them.
    case poundsPerHour
    /// Hours of care a week.
    case hoursPerWeek
    /// A number of people.
    case people
    /// A share between 0 and 1, written as a percentage (0.25 → "25%").
    case share
    /// A number of days.
    case days
    /// A number of things other than people (providers, placements, hand-backs).
    case count
    /// A number of minutes (travel times).
    case minutes
    /// Any other unit; the string is the axis label, and values are written as plain numbers.
    case custom(String)

    /// The axis label: the unit in words a reader says aloud.
    var axisLabel: String {
        switch self {
        case .pounds: return "£"
        case .poundsPerHour: return "£ an hour"
        case .hoursPerWeek: return "hours a week"
        case .people: return "people"
        case .share: return "%"
        case .days: return "days"
        case .count: return "number"
        case .minutes: return "minutes"
        case .custom(let label): return label
        }
    }

    /// An axis label naming what is measured and its unit: "Spend (£)", "Unmet need (hours a
    /// week)". A share reads "Provider margin (%)".
    public func axisLabel(for quantity: String) -> String {
        quantity.isEmpty ? axisLabel : "\(quantity) (\(axisLabel))"
    }
}
