extension ScenarioLoader {
    /// Checks that the results of one replication fit in memory: the results layout (options ×
    /// windows × zones and the county × measures) at most `ScenarioLimits.resultCells`, reported
    /// at `zonesReader` (the `zones` section, or for a day opportunities service `options`), and
    /// the engine's providers × zones figures over the reporting periods at most
    /// `ScenarioLimits.providerZoneCells`, reported at `providersReader`.
    /// - Returns: whether the scenario is within both limits.
    static func checkLayout(_ scenario: Scenario, zonesReader: NodeReader?, providersReader: NodeReader?) -> Bool {
        let calendar = SimulationCalendar(scenario.calendar)
        let layout = ResultLayout(scenario: scenario, calendar: calendar)
        var fits = true
        let cells = Double(layout.options.count) * Double(layout.windows.count) * Double(layout.zoneSlots)
            * Double(layout.measures.count)
        if cells > ScenarioLimits.resultCells {
            zonesReader?.report("one replication's results would be \(shownCount(cells)) numbers (\(layout.options.count) "
                                + "options × \(layout.windows.count) reporting periods, years and the whole run × "
                                + "\(layout.zoneSlots) zones and the county × \(layout.measures.count) measures); at most "
                                + "\(NumberRule.format(ScenarioLimits.resultCells)) fit in memory, so use fewer zones or "
                                + "options, or a longer calendar.period.", value: nil)
            fits = false
        }
        let zones = Double(scenario.zones.count), providers = Double(scenario.providers.count)
        let periods = Double(calendar.periods.count)
        let engine = providers * zones * (periods + 8)
        if engine > ScenarioLimits.providerZoneCells {
            providersReader?.report("the engine would keep \(shownCount(engine)) numbers a worker for "
                                    + "\(scenario.providers.count) providers × \(scenario.zones.count) zones over "
                                    + "\(calendar.periods.count) reporting periods; at most "
                                    + "\(NumberRule.format(ScenarioLimits.providerZoneCells)) fit in memory, so use "
                                    + "fewer zones or providers, or a longer calendar.period.", value: nil)
            fits = false
        }
        return fits
    }
}
