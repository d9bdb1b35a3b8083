/// Everything one run needs: the market, the demand and the options to compare.
///
/// A `Scenario` is validated when it is built from a file (see `ScenarioLoader`):
/// indices are in range, shares are normalised, and values are within their ranges.
public struct Scenario: Sendable, Equatable {
    public var name: String
    public var description: String
    public var calendar: CalendarSettings
    public var zones: [Zone]
    public var demand: Demand
    public var caseload: InitialCaseload
    public var workforce: WorkforceSettings
    public var providers: [Provider]
    public var handBacks: HandBackSettings
    public var exits: ExitSettings
    public var prices: PriceSettings
    public var options: [ProcurementOption]
    public var run: RunSettings
    /// A day opportunities service (`service: day_opportunities`); nil for home care. When
    /// set, `options` carry only each option's name, description and uplift rule, and the
    /// home care sections (demand, providers, caseload) are empty.
    public var dayOpportunities: DayOpportunities?
    /// The planners' coverage analysis (`coverage` section); nil when not asked for.
    public var coverage: CoverageSettings?
    /// New providers entering the market; nil: none enter. Its would-be entrants are at the end
    /// of `providers`.
    public var entry: EntrySettings?
    /// Buyers other than the council; nil: providers sell only to the council.
    public var privateMarket: PrivateMarket?
    /// Dated changes to the market during the run (`events` section), in the order written;
    /// empty for none (home care only).
    public var events: [ScenarioEvent] = []

    public init(name: String, description: String = "", calendar: CalendarSettings, zones: [Zone],
                demand: Demand, caseload: InitialCaseload = InitialCaseload(),
                workforce: WorkforceSettings = WorkforceSettings(), providers: [Provider],
                handBacks: HandBackSettings = HandBackSettings(), exits: ExitSettings = ExitSettings(),
                prices: PriceSettings = .published, options: [ProcurementOption],
                run: RunSettings = RunSettings(), dayOpportunities: DayOpportunities? = nil) {
        self.dayOpportunities = dayOpportunities
        self.name = name
        self.description = description
        self.calendar = calendar
        self.zones = zones
        self.demand = demand
        self.caseload = caseload
        self.workforce = workforce
        self.providers = providers
        self.handBacks = handBacks
        self.exits = exits
        self.prices = prices
        self.options = options
        self.run = run
    }
}
