import Foundation
import Yams

/// A scenario file read once for an experiment: the validated base scenario, its `sweep:`,
/// `solve:` and `ranking_sensitivity:` sections, and the means to load the scenario again under
/// a point's values.
///
/// Every variant is loaded exactly as `--set` would load it — the values applied to the YAML
/// tree, then the whole scenario checked — so a sweep point's value is checked like a written one.
public struct ExperimentFile: @unchecked Sendable {
    /// Which of the experiment sections a command reads: `run` reads only the ranking analysis
    /// (it ignores sweeps and solves), the experiment commands and `validate` read them all.
    public struct Sections: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        public static let sweep = Sections(rawValue: 1)
        public static let solve = Sections(rawValue: 2)
        public static let ranking = Sections(rawValue: 4)
        public static let all: Sections = [.sweep, .solve, .ranking]
    }

    /// The scenario with the command line's `--set` overrides and nothing else.
    public let base: LoadedScenario
    /// The `sweep:` section, if the file has one.
    public let sweep: SweepSettings?
    /// Whether the file has a `solve:` section.
    public var hasSolve: Bool { solveDraft != nil }
    /// The `ranking_sensitivity:` section, if the file has one (and it was read).
    public let ranking: RankingSettings?

    let solveDraft: SolveDraft?
    /// The scenario file's tree with its included files merged in, read once: every point's
    /// scenario is decoded from it.
    let document: ScenarioDocument
    private let bytes: Data
    /// The scenario file as the user named it.
    let fileName: String
    private let overrides: [String]

    /// Reads the scenario at `path` with `overrides` (`--set` texts) applied, and its
    /// experiment sections among `sections` (the others are left unread, as `run` leaves a sweep).
    ///
    /// - Throws: `ScenarioError` listing every problem in the scenario and in the sections read.
    /// With `startingPosition`, the scenario's starting position is warned about too (`validate`).
    public static func load(path: String, overrides: [String] = [], sections: Sections = .all,
                            startingPosition: Bool = false) throws(ScenarioError) -> ExperimentFile {
        let bytes = try ScenarioLoader.read(path: path)
        return try load(text: ScenarioLoader.text(of: bytes, fileName: path), bytes: bytes, fileName: path,
                        overrides: overrides, sections: sections, startingPosition: startingPosition)
    }

    /// As `load(path:overrides:sections:)`, from YAML text (tests).
    public static func load(yaml: String, fileName: String, overrides: [String] = [],
                            sections: Sections = .all) throws(ScenarioError) -> ExperimentFile {
        try load(text: yaml, bytes: Data(yaml.utf8), fileName: fileName, overrides: overrides, sections: sections)
    }

    private static func load(text: String, bytes: Data, fileName: String, overrides: [String],
                             sections: Sections, startingPosition: Bool = false) throws(ScenarioError) -> ExperimentFile {
        let scenarioLog = IssueLog(file: fileName)
        scenarioLog.checksStartingPosition = startingPosition
        let document = ScenarioLoader.composeDocument(
            text, ScenarioLoader.Context(log: scenarioLog, fileName: fileName, baseDirectory: nil))
        var issues: [ScenarioIssue] = []
        var base: LoadedScenario?
        var unlisted = 0
        do {
            base = try ScenarioLoader.decode(document, bytes: bytes, log: scenarioLog, baseDirectory: nil,
                                             overrides: overrides)
        } catch {
            issues = error.issues
            unlisted = error.unlisted
        }
        guard let document else { throw ScenarioError(issues: issues, file: fileName, unlisted: unlisted) }
        // The sections, read from the same tree the scenario was (so `--set sweep.points=32`
        // works, and a section from an included file is placed in that file).
        let log = IssueLog(file: fileName, sources: document.sources)
        var sweep: SweepSettings?
        var solve: SolveDraft?
        var ranking: RankingSettings?
        var root = document.root
        let quiet = IssueLog(file: fileName, sources: document.sources)
        for override in overrides.compactMap({ KeyPathOverride.parse($0, log: quiet) }) {
            if let path = override.apply(to: &root, log: quiet) {
                log.recordOverride(path: path, origin: override.origin)
            }
        }
        let top = NodeReader(node: root, keyPath: "", log: log)
        if sections.contains(.sweep), let node = top.peekChild("sweep"), !node.isNull { sweep = SweepSettings.decode(node) }
        if sections.contains(.solve), let node = top.peekChild("solve"), !node.isNull { solve = SolveDraft.decode(node) }
        if sections.contains(.ranking), let node = top.peekChild(RankingSettings.sectionKey), !node.isNull {
            ranking = RankingSettings.decode(node)
        }
        // Compared as IssueLog tells repeats apart, through a set: a file of many problems must
        // not cost their square.
        func key(_ issue: ScenarioIssue) -> String { "\(issue.description)\u{0}\(issue.value ?? "\u{0}")" }
        let known = Set(issues.map(key))
        for issue in log.issues where !known.contains(key(issue)) { issues.append(issue) }
        unlisted += log.unlisted
        let file = base.map {
            ExperimentFile(base: $0, sweep: sweep, ranking: ranking?.isComplete == true ? ranking : nil, solveDraft: solve,
                           document: document, bytes: bytes, fileName: fileName, overrides: overrides)
        }
        // A ranking section with problems of its own is checked as far as it can be (its measure,
        // window and the inputs that could be read, at both ends), so that every problem is
        // reported at once; a complete one is checked when its plan is made.
        if let file, let ranking, !ranking.isComplete {
            let more = file.checkRanking(ranking, run: file.base.scenario.run).issues
            let seen = Set(issues.map(key))
            issues += more.filter { !seen.contains(key($0)) }
        }
        guard issues.isEmpty, let file else {
            throw ScenarioError(issues: ExperimentFile.ordered(issues, sources: document.sources, file: fileName),
                                file: fileName, unlisted: unlisted)
        }
        return file
    }

    /// The scenario with `extra` applied after the command line's overrides.
    func load(extra: [KeyPathOverride]) throws(ScenarioError) -> LoadedScenario {
        try ScenarioLoader.decode(document, bytes: bytes, log: IssueLog(file: fileName, sources: document.sources),
                                  baseDirectory: nil, overrides: overrides, extra: extra)
    }

    // MARK: - Sweep

    /// Every point of `settings`'s design with its scenario, all checked before any runs.
    ///
    /// Each point's scenario runs with `run` (the base's settings after command-line flags),
    /// so every point has the same seed and replications: common random numbers.
    ///
    /// - Throws: `ScenarioError` listing every problem of every point, each under the origin
    ///   `sweep point N, PATH = VALUE` at the place the value is written.
    public func sweepPlan(_ settings: SweepSettings, run: RunSettings) throws(ScenarioError) -> SweepPlan {
        let points = settings.designPoints(seed: run.seed)
        var issues: [ScenarioIssue] = []
        var scenarios: [Scenario] = []
        var warnings: [ScenarioWarning] = []
        var reference: ResultLayout?
        // Which parameter each override origin belongs to, to tell a path's problems from a value's.
        var parameterOf: [String: Int] = [:]
        for point in points {
            let extra = zip(settings.parameters, point.values).enumerated().map { j, pair in
                let (parameter, value) = pair
                let origin = "sweep point \(point.number), \(parameter.path) = \(value.text)"
                parameterOf[origin] = j
                return KeyPathOverride(path: parameter.path, value: value.node, valueText: value.text, origin: origin,
                                       location: value.location, pathLocation: parameter.pathLocation)!
            }
            let pointOrigin = "sweep point \(point.number)"
            do {
                let loaded = try load(extra: extra)
                // A point's own warnings (a swept premium of 150%); the base's are said once.
                for warning in loaded.warnings where !base.warnings.contains(warning) && !warnings.contains(warning) {
                    warnings.append(warning)
                }
                var scenario = loaded.scenario
                scenario.run = run
                let layout = ResultLayout(scenario: scenario, calendar: SimulationCalendar(scenario.calendar))
                if let reference, !ExperimentFile.sameCells(reference, layout) {
                    issues.append(ScenarioIssue(location: settings.location, origin: pointOrigin, keyPath: "sweep",
                                                message: "this point changes the options, calendar or client groups; "
                                                + "every point must report the same options, windows and measures."))
                }
                reference = reference ?? layout
                scenarios.append(scenario)
            } catch {
                for var issue in error.issues {
                    if issue.origin == nil { issue.origin = pointOrigin }
                    // The same problem at several points is the path's, not a value's (a misspelt
                    // key): reported once, at the path.
                    if let k = issues.firstIndex(where: { $0.keyPath == issue.keyPath && $0.message == issue.message }) {
                        // "sweep point N, PATH = VALUE": the same value at another point is no news.
                        let value = { (origin: String?) in origin?.split(separator: ",", maxSplits: 1).last }
                        if value(issues[k].origin) != value(issue.origin),
                           let j = issues[k].origin.flatMap({ parameterOf[$0] }) {
                            let parameter = settings.parameters[j]
                            issues[k].location = parameter.pathLocation
                            issues[k].origin = "sweep parameter \(parameter.path)"
                            issues[k].value = parameter.path
                        }
                        continue
                    }
                    issues.append(issue)
                }
            }
        }
        guard issues.isEmpty else {
            throw ScenarioError(issues: ExperimentFile.ordered(issues, sources: document.sources, file: fileName),
                                file: fileName)
        }
        return SweepPlan(settings: settings, points: points, scenarios: scenarios, warnings: warnings)
    }

    /// Whether two layouts report the same options, windows and measures (zones may differ:
    /// sweeps report the whole county).
    static func sameCells(_ a: ResultLayout, _ b: ResultLayout) -> Bool {
        a.options == b.options && a.measures.all.map(\.name) == b.measures.all.map(\.name)
            && a.windows.map { [$0.fromDay, $0.toDay] } == b.windows.map { [$0.fromDay, $0.toDay] }
    }

    // MARK: - Solve

    /// The solve settings: the `solve:` section with `flags` replacing its values, checked
    /// against the base scenario, and the scenario loaded at both ends of the range.
    ///
    /// - Throws: `ScenarioError` listing every problem, e.g. a missing target, an unknown
    ///   measure, or an input path that does not take the range's numbers.
    public func solveSettings(flags: SolveOverrides) throws(ScenarioError) -> SolveSettings {
        let log = IssueLog(file: fileName, sources: document.sources)
        var draft = solveDraft ?? SolveDraft()
        draft.apply(flags, log: log)
        let runner = Runner(scenario: base.scenario)
        let labels = runner.layout.windows.map {
            WindowLabel.label($0, calendar: runner.calendar, period: base.scenario.calendar.period)
        }
        let settings = draft.settings(layout: runner.layout, windowLabels: labels, log: log)
        var issues = log.issues
        if let settings {
            if settings.input.split(separator: ".").first.map(String.init).map(SweepSettings.fixedSections.contains) == true {
                issues.append(ScenarioIssue(location: draft.input?.location, origin: draft.input?.origin,
                                            keyPath: "solve.input", value: settings.input,
                                            message: "solve cannot vary run, sweep or solve settings."))
            }
            for end in [settings.low, settings.high] {
                do {
                    _ = try scenario(input: settings.input, value: end, source: draft.input)
                } catch {
                    for issue in error.issues where !issues.contains(issue) { issues.append(issue) }
                }
            }
        }
        guard issues.isEmpty, let settings else { throw ScenarioError(issues: issues, file: fileName) }
        return settings
    }

    /// The scenario with the solve input set to `value`.
    func scenario(input: String, value: Double, source: SolveDraft.Sourced<String>? = nil) throws(ScenarioError) -> Scenario {
        let text = ExperimentFile.inputText(value)
        let origin = "solve input \(input) = \(text)"
        guard let override = KeyPathOverride(path: input, value: Node(text), valueText: text, origin: origin,
                                             location: source?.location, pathLocation: source?.location) else {
            throw ScenarioError(issues: [ScenarioIssue(origin: origin, keyPath: input,
                                                       message: "\(Excerpt.quoted(input)) is not a key path.")], file: fileName)
        }
        return try load(extra: [override]).scenario
    }

    /// A number as the scenario will read it, with every digit that matters (Swift's shortest
    /// text that reads back as the same double).
    static func inputText(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }

    /// The problems of several of this file's sections (a sweep's points, a ranking analysis's
    /// ends, a solve's settings) as one error, in reading order, so a command reports them all.
    public func combined(_ errors: [ScenarioError]) -> ScenarioError {
        ScenarioError(issues: ExperimentFile.ordered(errors.flatMap(\.issues), sources: document.sources, file: fileName),
                      file: fileName, unlisted: errors.reduce(0) { $0 + $1.unlisted })
    }

    /// Issues in reading order: the file's by line and column, then its included files', then
    /// those from the command line.
    static func ordered(_ issues: [ScenarioIssue], sources: SourceMap, file: String) -> [ScenarioIssue] {
        let log = IssueLog(file: file, sources: sources)
        issues.forEach(log.add)
        return log.issues
    }
}

/// A sweep ready to run: its points and each point's validated scenario.
public struct SweepPlan: Sendable {
    public let settings: SweepSettings
    public let points: [SweepPoint]
    /// One scenario per point, in point order, all with the same run settings.
    public let scenarios: [Scenario]
    /// The points' warnings that the base scenario does not have (a swept value that is
    /// unusual), each under the origin `sweep point N, PATH = VALUE`, in point order.
    public let warnings: [ScenarioWarning]
}
