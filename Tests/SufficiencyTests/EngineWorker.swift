@testable import Sufficiency

/// One worker thread's engine for a scenario, built as the runner builds it, for tests that
/// run a replication by hand and then look inside the engine.
struct EngineWorker {
    let scenario: Scenario
    let sim: HomeCareSimulation
    let schedule: DemandSchedule
    let streams = RandomStreams()

    init(_ scenario: Scenario) {
        GSL.configure()
        self.scenario = scenario
        let calendar = SimulationCalendar(scenario.calendar)
        let plans = scenario.options.map { OptionPlan(option: $0, scenario: scenario) }
        sim = HomeCareSimulation(scenario: scenario, calendar: calendar, plans: plans)
        schedule = DemandSchedule(scenario: scenario, calendar: calendar)
    }

    /// Draws replication `replication`'s people from the scenario's seed, as the runner does.
    func drawPeople(replication: Int) {
        streams.seedDemand(master: scenario.run.seed, replication: replication)
        schedule.generate(streams.demand)
    }

    /// Runs `option` on the people last drawn for `replication`, with that replication's supply streams.
    func run(option: Int, replication: Int) {
        streams.seedSupply(master: scenario.run.seed, replication: replication)
        sim.run(option: option, schedule: schedule, streams: streams)
    }
}
