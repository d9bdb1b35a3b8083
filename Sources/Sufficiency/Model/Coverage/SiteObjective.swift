/// What the added sites are chosen to cover (scenario key `coverage.site_objective`): each
/// zone's need a site can serve, as a whole-run mean over replications of the chosen option.
public enum SiteObjective: String, CaseIterable, Sendable {
    /// The zone's unmet hours a week: waiting plus undelivered hours (`unmet_hours`).
    case unmetHours = "unmet_hours"
    /// The zone's need beyond the capacity within the travel-time standard, hours a week
    /// (`coverage_gap_hours`): sites that close the coverage gap, even where providers based
    /// beyond the standard deliver the care.
    case coverageGap = "coverage_gap"

    /// The measure whose whole-run zone means are the need the sites cover.
    public var measure: String {
        switch self {
        case .unmetHours: return MeasureName.unmetHours
        case .coverageGap: return MeasureName.coverageGapHours
        }
    }

    /// How the need is named in text: "unmet hours" or "the coverage gap".
    public var noun: String {
        switch self {
        case .unmetHours: return "unmet hours"
        case .coverageGap: return "coverage gap"
        }
    }
}
