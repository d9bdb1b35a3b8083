/// The service a scenario's market provides, which decides its engine, its measures and its
/// results' layout (`service:` in the scenario file).
public enum Service: Sendable, Equatable {
    /// Home care: hours of care a week bought from providers by zone (the default).
    case homeCare
    /// Day opportunities: places by day of the week, bought on a framework, on legacy terms,
    /// spot or as direct payments.
    case dayOpportunities(DayOpportunities)

    /// The name the scenario file and the manifest give it.
    public var name: String {
        switch self {
        case .homeCare: return "home_care"
        case .dayOpportunities: return "day_opportunities"
        }
    }
}

extension Scenario {
    /// The service the scenario's market provides: day opportunities when it has a
    /// `dayOpportunities` section, else home care.
    public var service: Service {
        if let day = dayOpportunities { return .dayOpportunities(day) }
        return .homeCare
    }
}
