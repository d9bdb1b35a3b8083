extension HomeCareSimulation: ReplicationEngine {
    /// Home care's measures (`MeasureDefinition.homeCare`): the fixed ones, spend by client group
    /// and route, the minimum price gap when the scenario gives minimum prices, and the
    /// planners' coverage measures when it has a `coverage` section.
    static func measures(for scenario: Scenario) -> MeasureCatalog {
        MeasureCatalog(clientGroups: scenario.demand.clientGroups.map(\.name), routes: scenario.spendRoutes,
                       minimumPrice: !scenario.prices.minimumPrice.isEmpty, coverage: scenario.coverage != nil)
    }

    /// Every provider of the scenario, would-be entrants included.
    static func providerNames(for scenario: Scenario) -> [String]? {
        scenario.providers.map(\.name)
    }

    static let highlights = MeasureHighlights(
        headline: HeadlineTable.homeCare,
        paired: [MeasureName.unmetHours, MeasureName.spend],
        fan: [MeasureName.unmetHours, MeasureName.waiting, MeasureName.spend, MeasureName.careWorkers,
              MeasureName.handBacks, MeasureName.careWorkerPay],
        sweep: [MeasureName.spend, MeasureName.unmetHours, MeasureName.providerExits, MeasureName.handBacks])

    static func worker(for runner: Runner) -> (engine: HomeCareSimulation, people: DemandSchedule,
                                                measures: MeasureComputer) {
        let scenario = runner.scenario
        let sim = HomeCareSimulation(scenario: scenario, calendar: runner.calendar, plans: runner.plans)
        // One option reads the people once, so they are drawn a block at a time.
        let schedule = DemandSchedule(scenario: scenario, calendar: runner.calendar,
                                      blockSize: scenario.options.count == 1 ? Runner.demandBlock : nil)
        let computer = MeasureComputer(layout: runner.layout, zoneCount: scenario.zones.count,
                                       providerCount: scenario.providers.count,
                                       groupCount: scenario.demand.clientGroups.count, coverage: sim.coverage)
        return (sim, schedule, computer)
    }

    static func draw(_ people: DemandSchedule, replication: Int, seed: UInt64, streams: RandomStreams) {
        streams.seedDemand(master: seed, replication: replication)
        people.generate(streams.demand)
    }

    @inline(__always)
    func run(option: Int, people: DemandSchedule, streams: RandomStreams, replication: Int) {
        run(option: option, schedule: people, streams: streams, replication: replication)
    }

    @inline(__always)
    func measure(option: Int, with measures: inout MeasureComputer, into cells: UnsafeMutableBufferPointer<Double>) {
        measures.compute(option: option, from: self, into: cells)
    }
}
