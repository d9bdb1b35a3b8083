extension HomeCareSimulation: ReplicationEngine {
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
