import Yams

extension ExperimentFile {
    /// The ranking analysis of `settings`, checked in full before anything runs: the measure
    /// and window against the scenario's results, and the scenario loaded at each end of every
    /// input, its value applied exactly as `--set` would apply it.
    ///
    /// Every scenario runs with `run` (the scenario's run settings after command-line flags)
    /// with the section's replications, so all share the seed: common random numbers.
    ///
    /// - Throws: `ScenarioError` listing every problem: an unknown measure or window, a key path
    ///   the scenario cannot take, an end its key does not allow (at the line of that end, under
    ///   the origin `ranking_sensitivity.inputs[I] low end, KEY = VALUE`), and an end that
    ///   changes the options or windows.
    public func rankingPlan(_ settings: RankingSettings, run: RunSettings) throws(ScenarioError) -> RankingPlan {
        let (plan, issues) = checkRanking(settings, run: run)
        guard issues.isEmpty, let plan else {
            throw ScenarioError(issues: ExperimentFile.ordered(issues, sources: document.sources, file: fileName),
                                file: fileName)
        }
        return plan
    }

    /// The plan of `settings` and every problem with it; the plan is nil when there is any
    /// problem, or when `settings` is a section read with problems (`isComplete` false).
    func checkRanking(_ settings: RankingSettings, run: RunSettings) -> (plan: RankingPlan?, issues: [ScenarioIssue]) {
        var analysisRun = run
        analysisRun.replications = settings.replications(run: run.replications)
        var base = self.base.scenario
        base.run = analysisRun
        let calendar = SimulationCalendar(base.calendar)
        let layout = ResultLayout(scenario: base, calendar: calendar)
        var issues: [ScenarioIssue] = []
        func problem(_ location: SourceLocation?, _ key: String, _ value: String?, _ message: String) {
            issues.append(ScenarioIssue(location: location ?? settings.location, keyPath: "\(RankingSettings.sectionKey).\(key)",
                                        value: value, message: message))
        }
        if layout.options.count < 2 {
            problem(settings.location, "inputs", nil, "there is nothing to rank with one option; the analysis compares "
                    + "the options, so the scenario needs at least two.")
        }
        let names = layout.measures.all.map(\.name)
        let measure = names.firstIndex(of: settings.measure)
        if measure == nil && settings.hasMeasure {
            let fallback = settings.measureLocation == nil
                ? "; it is the default measure, which this scenario does not have, so give the measure to judge (see docs/OUTPUTS.md)."
                : "; see docs/OUTPUTS.md for the list."
            problem(settings.measureLocation, "measure", settings.measure, "\(Excerpt.quoted(settings.measure)) is not a "
                    + "measure" + DidYouMean.clause(for: settings.measure, among: names, fallback: fallback))
        }
        let labels = layout.windows.map { WindowLabel.label($0, calendar: calendar, period: base.calendar.period) }
        let window = settings.window == RankingSettings.horizon ? layout.horizonWindow : labels.firstIndex(of: settings.window)
        if window == nil && settings.hasWindow {
            problem(settings.windowLocation, "window", settings.window, "\(Excerpt.quoted(settings.window)) is not a "
                    + "window of this run" + DidYouMean.clause(for: settings.window, among: [RankingSettings.horizon] + labels,
                                                              fallback: "; expected horizon or a window label as in the CSV files."))
        }

        var ends: [RankingPlan.Ends] = []
        var warnings: [ScenarioWarning] = []
        for (i, input) in settings.inputs.enumerated() {
            var scenarios: [Scenario] = []
            var found: [[ScenarioIssue]] = []
            for end in RankingInput.End.allCases {
                let text = input.text(end)
                let origin = "\(RankingSettings.sectionKey).inputs[\(i)] \(end.rawValue) end, \(input.key) = \(text)"
                guard let override = KeyPathOverride(path: input.key, value: Node(text), valueText: text, origin: origin,
                                                     location: input.location(end), pathLocation: input.keyLocation)
                else { continue }
                do {
                    let loaded = try load(extra: [override])
                    for warning in loaded.warnings where !self.base.warnings.contains(warning) && !warnings.contains(warning) {
                        warnings.append(warning)
                    }
                    var scenario = loaded.scenario
                    scenario.run = analysisRun
                    let endLayout = ResultLayout(scenario: scenario, calendar: SimulationCalendar(scenario.calendar))
                    if !ExperimentFile.sameCells(layout, endLayout) {
                        found.append([ScenarioIssue(location: input.location(end), origin: origin, keyPath: input.key,
                                                    value: text, message: "this end changes the options, calendar or "
                                                        + "client groups; each end must report the same options, windows and "
                                                        + "measures as the scenario, so that they can be ranked alike.")])
                    } else {
                        found.append([])
                    }
                    scenarios.append(scenario)
                } catch {
                    // Wherever the problem shows (a list whose shares no longer add up), the end
                    // caused it: it is reported at the end's value, naming it.
                    found.append(error.issues.map { issue in
                        var issue = issue
                        issue.location = input.location(end) ?? issue.location
                        issue.origin = origin
                        return issue
                    })
                }
            }
            // A problem both ends share is the key's (a misspelt path), not a value's: said once,
            // at the key.
            let shared = found.count == 2 ? found[0].filter { a in
                found[1].contains { $0.keyPath == a.keyPath && $0.message == a.message }
            } : []
            for issue in shared {
                issues.append(ScenarioIssue(location: input.keyLocation ?? issue.location,
                                            origin: "\(RankingSettings.sectionKey).inputs[\(i)].key \(input.key)",
                                            keyPath: issue.keyPath, value: input.key, message: issue.message))
            }
            for endIssues in found {
                for issue in endIssues where !shared.contains(where: { $0.keyPath == issue.keyPath && $0.message == issue.message }) {
                    issues.append(issue)
                }
            }
            if scenarios.count == 2 { ends.append(RankingPlan.Ends(low: scenarios[0], high: scenarios[1])) }
        }
        guard issues.isEmpty, settings.isComplete, let measure, let window else { return (nil, issues) }
        let chosen = layout.measures.all[measure]
        return (RankingPlan(settings: settings, base: base, ends: ends, replications: analysisRun.replications,
                           measure: measure, measureName: chosen.name, unit: chosen.unit, better: chosen.better ?? .lower,
                           window: window, windowLabel: labels[window], options: layout.options, warnings: warnings), [])
    }
}
