extension DayOpportunitiesSimulation: ReplicationEngine {
    /// Day opportunities' measures, county-wide (`MeasureDefinition.dayOpportunities`, as
    /// `DayLayout.measures` chooses them for the scenario).
    static func measures(for scenario: Scenario) -> MeasureCatalog {
        MeasureCatalog(measures: DayLayout.measures(day(of: scenario), options: scenario.options.count))
    }

    /// None: a day opportunities run has no providers.csv.
    static func providerNames(for scenario: Scenario) -> [String]? { nil }

    static let highlights = MeasureHighlights(
        headline: HeadlineTable.dayOpportunities,
        paired: [MeasureName.spend],
        fan: [MeasureName.weeklySpend, MeasureName.placements, MeasureName.frameworkShare, MeasureName.spotShare,
              MeasureName.frameworkProviders, MeasureName.waiting],
        sweep: [MeasureName.spend, MeasureName.unmetDays, MeasureName.waiting, MeasureName.membersLost])

    /// The scenario's day opportunities section; a scenario of another service is a programming error.
    private static func day(of scenario: Scenario) -> DayOpportunities {
        guard case .dayOpportunities(let day) = scenario.service else {
            preconditionFailure("DayOpportunitiesSimulation: \(scenario.name) is not a day opportunities service")
        }
        return day
    }

    static func worker(for runner: Runner) -> (engine: DayOpportunitiesSimulation, people: DayDemand,
                                                measures: DayMeasureComputer) {
        let scenario = runner.scenario
        let day = day(of: scenario)
        let dayLayout = DayLayout(day)
        let sim = DayOpportunitiesSimulation(scenario: scenario, calendar: runner.calendar, layout: dayLayout)
        let demand = DayDemand(scenario: scenario, calendar: runner.calendar)
        let computer = DayMeasureComputer(layout: runner.layout, day: dayLayout, options: scenario.options.count,
                                          savingsTarget: day.savingsTargetPerYear, lines: day.budgetLines,
                                          targetLine: day.savingsTargetLine)
        return (sim, demand, computer)
    }

    /// Draws the people and, from their own stream, the pathways they would follow.
    static func draw(_ people: DayDemand, replication: Int, seed: UInt64, streams: RandomStreams) {
        streams.seedDemand(master: seed, replication: replication)
        streams.seedPathways(master: seed, replication: replication)
        people.generate(streams.demand, pathways: streams.pathways)
    }

    @inline(__always)
    func run(option: Int, people: DayDemand, streams: RandomStreams, replication: Int) {
        run(option: option, demand: people, streams: streams, replication: replication)
    }

    @inline(__always)
    func measure(option: Int, with measures: inout DayMeasureComputer, into cells: UnsafeMutableBufferPointer<Double>) {
        measures.compute(option: option, from: self, into: cells)
    }
}
