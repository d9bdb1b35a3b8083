/// How a package is offered to providers under an option (MODEL.md's framework rules).
public enum BrokerageRule: String, Sendable, CaseIterable {
    /// The zone's strategic provider has first refusal, then approved providers,
    /// then spot.
    case strategic
    /// Every contracted provider serving the zone, ranked, then spot.
    case framework
    /// Any provider with capacity, at the spot rate.
    case spot
}
