/// A geographic zone: the unit in which demand arises and supply is organised.
///
/// Demand is always generated on the scenario's zones; an option groups zones
/// into contract areas of its own, so every option faces the same demand.
public struct Zone: Sendable, Equatable {
    /// How rural the zone is; sets defaults for travel.
    public enum Rurality: String, Sendable, CaseIterable {
        case urban, town, rural
    }

    /// A point on the map in decimal degrees (WGS84).
    public struct Coordinate: Sendable, Equatable {
        public var latitude: Double
        public var longitude: Double
        public init(latitude: Double, longitude: Double) {
            self.latitude = latitude
            self.longitude = longitude
        }
    }

    public var name: String
    /// This zone's share of county referrals (shares are normalised to sum to 1).
    public var referralShare: Double
    public var rurality: Rurality
    /// Travel minutes between visits for a provider with `referenceCaseload`
    /// customers in the zone; fewer customers means longer runs (√ of density).
    public var travelMinutesPerVisit: Double
    /// Customers of one provider in the zone at which `travelMinutesPerVisit` applies.
    public var referenceCaseload: Double
    /// People a week who would take a care job in this zone at the competing wage
    /// (the labour pool shared by every provider recruiting here).
    public var labourPoolPerWeek: Double
    /// Optional centroid, used to rank providers by distance and to estimate travel times:
    /// latitude and longitude, or British National Grid eastings and northings.
    public var location: Place?

    /// The centroid as latitude and longitude, when given that way.
    public var centroid: Coordinate? {
        if case let .geographic(latitude, longitude) = location {
            return Coordinate(latitude: latitude, longitude: longitude)
        }
        return nil
    }

    public init(name: String, referralShare: Double, rurality: Rurality = .town,
                travelMinutesPerVisit: Double, referenceCaseload: Double = 100,
                labourPoolPerWeek: Double, centroid: Coordinate? = nil, location: Place? = nil) {
        self.name = name
        self.referralShare = referralShare
        self.rurality = rurality
        self.travelMinutesPerVisit = travelMinutesPerVisit
        self.referenceCaseload = referenceCaseload
        self.labourPoolPerWeek = labourPoolPerWeek
        self.location = location ?? centroid.map { .geographic(latitude: $0.latitude, longitude: $0.longitude) }
    }

    /// Default travel minutes per visit for a zone of this rurality (assumption).
    public static func defaultTravelMinutes(_ rurality: Rurality) -> Double {
        switch rurality {
        case .urban: return 8
        case .town: return 12
        case .rural: return 18
        }
    }
}
