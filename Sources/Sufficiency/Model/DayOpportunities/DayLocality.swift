/// A locality of a day opportunities or placements service: where people live and providers
/// are, for travel times and transport by distance (Wiltshire's community areas, Kent's
/// districts).
public struct DayLocality: Sendable, Equatable {
    public var name: String
    /// Its centroid; nil only when the service has a single locality and no travel.
    public var place: Place?
    /// Share of new referrals who live here (normalised to add up to 1).
    public var share: Double

    public init(name: String, place: Place?, share: Double) {
        self.name = name
        self.place = place
        self.share = share
    }
}
