/// People who pay for their own place: privately funded residents who occupy beds (or places)
/// at the same providers the council buys from, but are not council spend.
///
/// They arrive as a Poisson process at each level's rate, take a free place at their level with
/// any provider (on the framework or not) in proportion to its free places, stay for a drawn
/// length of stay and leave; a self-funder who finds no free place goes elsewhere (out of the
/// county, or to a home the scenario does not list) and is counted as turned away. A bed a
/// self-funder holds is a bed no council placement can have until they leave: with places
/// short, faster self-funder arrivals mean more people waiting for the council.
public struct SelfFunders: Sendable, Equatable {
    /// Arrivals a week at each level (in `levels` order; 0 where no self-funders come).
    public var perWeek: [Double]
    /// Days a self-funder stays, by level; nil where the level has no self-funders.
    public var stayDays: [Distribution?]
    /// Self-funders in place when the run starts, by level. The loader fills in Little's law's
    /// steady state (arrivals a day × mean stay) for levels the scenario leaves out.
    public var atStart: [Int]

    public init(perWeek: [Double], stayDays: [Distribution?], atStart: [Int]) {
        precondition(perWeek.count == stayDays.count && perWeek.count == atStart.count,
                     "SelfFunders: \(perWeek.count) rates, \(stayDays.count) stays, \(atStart.count) starting counts")
        self.perWeek = perWeek
        self.stayDays = stayDays
        self.atStart = atStart
    }

    /// Arrivals a week at every level together.
    public var totalPerWeek: Double { perWeek.reduce(0, +) }
}
