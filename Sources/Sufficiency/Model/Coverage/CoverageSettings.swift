/// What a planner's coverage analysis needs: the travel-time standard, how travel time is
/// estimated, and where extra capacity could go (scenario section `coverage`).
public struct CoverageSettings: Sendable, Equatable {
    /// The travel-time standard (minutes from a provider's base to a customer's zone).
    public var standardMinutes: Double
    /// Road distance over straight-line distance.
    public var roadFactor: Double
    /// Average speed (km an hour) into a zone of each rurality.
    public var speedKmPerHour: [Zone.Rurality: Double]
    /// Zone-to-zone travel minutes given by the user (row: from, column: to), replacing the
    /// distance estimate when set.
    public var matrix: [[Double]]?
    /// Candidate sites for new capacity; nil: every zone's centroid and every provider's base.
    public var sites: [CandidateSite]?
    /// Contact hours a week each added site offers.
    public var siteCapacityHours: Double
    /// How many additions to choose.
    public var additions: Int
    /// The option whose need the additions are chosen to cover (index).
    public var option: Int
    /// What the additions cover: unmet hours (the default) or the coverage gap.
    public var siteObjective: SiteObjective

    public init(standardMinutes: Double = 20, roadFactor: Double = 1.3,
                speedKmPerHour: [Zone.Rurality: Double] = [.urban: 25, .town: 35, .rural: 45],
                matrix: [[Double]]? = nil, sites: [CandidateSite]? = nil, siteCapacityHours: Double = 300,
                additions: Int = 5, option: Int = 0, siteObjective: SiteObjective = .unmetHours) {
        self.standardMinutes = standardMinutes
        self.roadFactor = roadFactor
        self.speedKmPerHour = speedKmPerHour
        self.matrix = matrix
        self.sites = sites
        self.siteCapacityHours = siteCapacityHours
        self.additions = additions
        self.option = option
        self.siteObjective = siteObjective
    }
}

/// A place where capacity could be added: a new provider base, or more workers at an existing one.
public struct CandidateSite: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case newBase = "new_base"
        case expandProvider = "expand_provider"
    }

    public var name: String
    public var kind: Kind
    /// The zone the site is in.
    public var zone: Int
    /// Where it is; nil: the zone's centroid.
    public var place: Place?

    public init(name: String, kind: Kind = .newBase, zone: Int, place: Place? = nil) {
        self.name = name
        self.kind = kind
        self.zone = zone
        self.place = place
    }
}
