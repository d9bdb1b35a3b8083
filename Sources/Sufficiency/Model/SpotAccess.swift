/// Which providers the council buys spot packages from under an option.
public enum SpotAccess: String, Sendable, CaseIterable {
    /// Any provider serving the zone.
    case all
    /// Only providers holding a contract under the option (anywhere in the county).
    case contractHolders = "contract_holders"
    /// Only providers holding a contract covering the person's zone (a zone's strategic and
    /// approved providers, say).
    case zoneContractHolders = "zone_contract_holders"
    /// No spot purchases: packages wait for contracted capacity.
    case none
}
