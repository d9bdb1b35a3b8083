/// Buyers other than the council (self-funders, neighbouring councils, the NHS) competing for
/// the same providers and workforce.
///
/// Each week a zone's private demand is `needShare / (1 − needShare)` × the council's eligible
/// hours there (placed plus waiting), shared among the providers working in the zone by their
/// capacity; a provider sells at most `providerShare` of its capacity privately, at the spot
/// rate × (1 + `ratePremium`). Hours sold privately are not available to the council, count
/// towards the provider's staffing, utilisation and margin, and keep a provider that loses its
/// council work in business up to that share.
public struct PrivateMarket: Sendable, Equatable {
    /// Private buyers' share of each zone's need (0 ≤ share < 1).
    public var needShare: Double
    /// Private rate's premium over the council's spot rate (0.1 = 10%).
    public var ratePremium: Double
    /// Most of its capacity a provider sells privately (share).
    public var providerShare: Double

    public init(needShare: Double = 0.3, ratePremium: Double = 0.1, providerShare: Double = 0.5) {
        self.needShare = needShare
        self.ratePremium = ratePremium
        self.providerShare = providerShare
    }
}
