/// Work done with a service's engine type, generic over it, so that inside it every call to the
/// engine is direct (specialised), not through an existential.
protocol EngineTask {
    associatedtype Result
    func callAsFunction<Engine: ReplicationEngine>(_ engine: Engine.Type) -> Result
}

extension Service {
    /// `task` done with the engine that simulates this service: the one place a service is
    /// mapped to its engine, and so to its measures and results' layout.
    func withEngine<Task: EngineTask>(_ task: Task) -> Task.Result {
        switch self {
        case .homeCare: return task(HomeCareSimulation.self)
        case .dayOpportunities: return task(DayOpportunitiesSimulation.self)
        }
    }
}

extension MeasureHighlights {
    /// The highlights of the service whose results have the measures for which `has` is true,
    /// for readers of results files with no scenario at hand (report, compare): day
    /// opportunities' results, alone, have `placements_started`.
    static func of(resultsWith has: (String) -> Bool) -> MeasureHighlights {
        has(MeasureName.placementsStarted) ? DayOpportunitiesSimulation.highlights : HomeCareSimulation.highlights
    }
}
