/// One provider's contract under a procurement option.
public struct Contract: Sendable, Equatable {
    /// Index into the scenario's providers.
    public var provider: Int
    public var route: Route
    /// Zones the contract covers (indices), expanded from the option's areas.
    public var zones: [Int]
    /// Hourly rate at the start of the run (£ an hour), before front-loading.
    public var rate: Double
    /// Hours a week paid at the contract rate whether used or not (block payment): the provider
    /// staffs for them ahead of demand. 0: paid per delivered hour.
    public var guaranteedHours: Double

    public init(provider: Int, route: Route, zones: [Int], rate: Double, guaranteedHours: Double = 0) {
        self.guaranteedHours = guaranteedHours
        self.provider = provider
        self.route = route
        self.zones = zones
        self.rate = rate
    }
}
