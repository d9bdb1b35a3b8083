/// Which of an option's contracts a dated contract event ends or starts (`kind: contract_lost`
/// or `contract_gained`), and where.
///
/// The contracts concerned are the provider's contracts in the option (of `route`, when given).
/// In each of `zones` the provider stops (or starts) taking new packages under them — as first
/// choice in its zone's contracted order, in mini-competition and when a review moves a spot
/// or legacy package to a contracted provider. Packages it already holds keep their route and
/// rate. When `zones` include every zone a contract covers, the whole contract ends (or starts):
/// its mini-competitions for packages elsewhere in the county too.
///
/// A contract that a `contract_gained` event starts is not in force before the event's day, so
/// its provider takes no packages under it until then, and a starting caseload it holds in those
/// zones is on legacy terms.
public struct ContractChange: Sendable, Equatable {
    /// Index into the scenario's providers.
    public var provider: Int
    /// Only contracts of this (contracted) route; nil for any route.
    public var route: Route?
    /// Indices of the zones, ascending; nil for every zone (`contract_lost`) or every zone of the
    /// provider's contracts (`contract_gained`).
    public var zones: [Int]?
    /// For `contract_gained`, the rate (£ an hour, before front-loading) the contract states,
    /// checked against it when the scenario is loaded; nil when not stated.
    public var rate: Double?

    public init(provider: Int, route: Route? = nil, zones: [Int]? = nil, rate: Double? = nil) {
        self.provider = provider
        self.route = route
        self.zones = zones
        self.rate = rate
    }

    /// Indices into `option.contracts` of the contracts this change concerns: the provider's,
    /// of the route when one is given, that cover at least one of the zones.
    public func contracts(in option: ProcurementOption) -> [Int] {
        let stated = zones.map(Set.init)
        return option.contracts.indices.filter { k in
            let contract = option.contracts[k]
            guard contract.provider == provider, route.map({ $0 == contract.route }) ?? true else { return false }
            guard let stated else { return true }
            return contract.zones.contains { stated.contains($0) }
        }
    }

    /// The contracts this change switches in `option` (indices into `option.contracts`), each
    /// with the zones it is switched in: the stated zones, or every zone of the county (its
    /// mini-competitions included) when they include all the contract covers or are not stated.
    public func switched(in option: ProcurementOption, zoneCount: Int) -> [(contract: Int, zones: [Int])] {
        let stated = zones.map(Set.init)
        return contracts(in: option).map { k in
            let whole = stated.map { stated in option.contracts[k].zones.allSatisfy { stated.contains($0) } } ?? true
            return (k, whole ? Array(0..<zoneCount) : (zones ?? []))
        }
    }
}
