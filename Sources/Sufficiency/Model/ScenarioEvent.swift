/// A dated change to the market during the run (the scenario's `events` section): a provider
/// leaving, its workforce changing, referrals rising or falling, or a contract ending or
/// starting.
///
/// Every event happens at the start of its day, after whatever else the engine does at that
/// moment (closing the reporting period, April's uplift, a weekly supply tick due then);
/// events of one day happen in the order written, provider exits and capacity changes before
/// contract events. An event that applies to some options only (`options`) leaves the others as
/// they were, so a paired comparison shows its effect; a demand shock always applies to every
/// option, since every option in a replication faces the same people.
public struct ScenarioEvent: Sendable, Equatable {
    /// What happens on the day.
    public enum Kind: Sendable, Equatable {
        /// The provider (an index into the scenario's providers) leaves the market, as a
        /// financial exit does: every package goes back and part of its workforce transfers.
        case providerExit(provider: Int)
        /// The provider's care workforce is scaled or set.
        case capacityChange(CapacityChange)
        /// Referral rates in some zones are multiplied, from the day on.
        case demandShock(DemandShock)
        /// The provider stops taking new packages under its contracts in some zones.
        case contractLost(ContractChange)
        /// A contract the option lists starts: the provider takes new packages under it in
        /// some zones from the day on (and not before).
        case contractGained(ContractChange)
    }

    /// Day of the run it happens on, from 0 (`calendar.start`) to the run's last day.
    public var day: Int
    /// Indices of the options it applies to; nil for every option.
    public var options: [Int]?
    public var kind: Kind

    public init(day: Int, options: [Int]? = nil, kind: Kind) {
        self.day = day
        self.options = options
        self.kind = kind
    }

    /// Whether the event happens when option `option` (an index into the scenario's options) runs.
    public func applies(toOption option: Int) -> Bool {
        options?.contains(option) ?? true
    }
}
