extension SiteSelection {
    /// The sites a run's coverage settings choose: `settings.additions` sites of
    /// `settings.siteCapacityHours` hours a week, covering each zone's need by
    /// `settings.siteObjective` — its whole-run mean unmet hours a week, or its mean coverage
    /// gap — under the option `settings.option` (negative means count as 0).
    public init(results: RunResults, plan: CoveragePlan, settings: CoverageSettings) {
        let need = (0..<plan.zoneCount).map { z in
            results.summary(option: settings.option, window: results.layout.horizonWindow, zoneSlot: z + 1,
                            measure: settings.siteObjective.measure).map { max(0, $0.mean) } ?? 0
        }
        self.init(need: need, reach: plan.sites.indices.map { plan.reach(site: $0) },
                  capacity: settings.siteCapacityHours, count: settings.additions)
    }

    /// The need the candidates could cover: every zone's, added up (hours a week).
    public var totalNeed: Double { need.reduce(0, +) }
}
