import Foundation
import Yams

/// Reads a scenario file into a validated `Scenario`, checking everything in one pass.
///
/// Loading composes the YAML into a node tree (keeping each node's line and column), merges in
/// the files it includes (`include:`, see `IncludeMerge`; their nodes keep their own file's
/// lines through the log's `SourceMap`), applies the command-line overrides to that tree, then
/// decodes every section. Every problem found — YAML syntax, includes that cannot be followed,
/// unknown keys (with "did you mean"), wrong types, values out of range, shares that do not add
/// up to 1, references to zones, providers, areas, client groups or tiers that do not exist,
/// duplicate names, unreadable caseload CSV rows — is collected, and if there are any the
/// loader throws one `ScenarioError` that lists them all, each with its file, line and column
/// (or the override it came from). Nothing partial is ever returned. Values accepted although
/// unusual enough to be a mistake (a premium of 150%, a partial first quarter) are returned as
/// the loaded scenario's `warnings` instead.
///
/// Keys are snake_case; see the project's scenario format for the full list. Values a scenario
/// leaves out take the defaults of the model types' initialisers. Shares (zones' referral
/// shares, client groups' shares, tiers' shares within a group) must add up to 1 within 0.001
/// and are then normalised to add up to exactly 1.
public enum ScenarioLoader {
    /// The sections a scenario file may have. `sweep`, `solve` and `ranking_sensitivity`
    /// describe experiments over the scenario; `ExperimentFile` reads them (`run` only the last).
    static let topLevelKeys = ["service", "name", "description", "calendar", "run", "prices", "workforce", "zones",
                               "demand", "providers", "caseload", "hand_backs", "exits", "entry", "private_market", "options",
                               "events", "sweep", "solve", "ranking_sensitivity", "coverage"]

    /// What a scenario file describes: `service: home_care` (the default) or `day_opportunities`.
    enum Service: String, CaseIterable {
        case homeCare = "home_care"
        case dayOpportunities = "day_opportunities"
    }

    /// Loads the scenario file at `path` (relative to the current directory or absolute).
    ///
    /// - Parameters:
    ///   - path: the YAML file; the files it includes and a caseload CSV it names are found
    ///     relative to its folder (or, when named in an included file, to that file's).
    ///   - overrides: `key.path=value` strings from `--set`, applied in order before validation.
    /// - Throws: `ScenarioError` listing every problem, when there is at least one.
    public static func load(path: String, overrides: [String] = []) throws(ScenarioError) -> LoadedScenario {
        try load(data: read(path: path), fileName: path, overrides: overrides)
    }

    /// Loads a scenario from the bytes of a file, which must be UTF-8 text.
    ///
    /// - Parameters:
    ///   - data: the file's bytes, exactly as read (they are what the fingerprint covers).
    ///   - fileName: how messages name the file; see `load(yaml:fileName:baseDirectory:overrides:)`.
    ///   - baseDirectory: the scenario's folder, where the files it includes and a caseload CSV
    ///     it names are found; nil means the folder of `fileName`.
    ///   - overrides: `key.path=value` strings from `--set`, applied in order before validation.
    /// - Throws: `ScenarioError` listing every problem, or saying the bytes are not UTF-8 text.
    public static func load(data: Data, fileName: String, baseDirectory: URL? = nil,
                            overrides: [String] = []) throws(ScenarioError) -> LoadedScenario {
        try decode(text: text(of: data, fileName: fileName), bytes: data, fileName: fileName,
                   baseDirectory: baseDirectory, overrides: overrides)
    }

    /// The bytes of the scenario file at `path`, or why they cannot be read.
    static func read(path: String) throws(ScenarioError) -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let reason = !exists ? "no such file" : isDirectory.boolValue ? "it is a folder" : "it could not be read"
            throw ScenarioError(issues: [ScenarioIssue(keyPath: "", value: path,
                                                       message: "cannot read the scenario file '\(path)': \(reason).")],
                                file: path)
        }
        return data
    }

    /// The scenario file's bytes as text, or an error naming the line and column of the first
    /// byte that is not UTF-8.
    static func text(of data: Data, fileName: String) throws(ScenarioError) -> String {
        switch UTF8Text.decode(data) {
        case .success(let text):
            return text
        case .failure(let problem):
            throw ScenarioError(issues: [ScenarioIssue(location: SourceLocation(file: fileName, line: problem.line,
                                                                                column: problem.column),
                                                       keyPath: "", message: problem.message)],
                                file: fileName)
        }
    }

    /// Loads a scenario from YAML text.
    ///
    /// - Parameters:
    ///   - yaml: the scenario, as a file would hold it.
    ///   - fileName: how messages name the file (e.g. `scenarios/quick-start.yaml`).
    ///   - baseDirectory: the scenario's folder, where the files it includes and a caseload CSV
    ///     it names are found; nil means the folder of `fileName` (relative to the current
    ///     directory).
    ///   - overrides: `key.path=value` strings from `--set`, applied in order before validation.
    /// - Throws: `ScenarioError` listing every problem, when there is at least one.
    ///   - startingPosition: whether to warn about the starting position too (as `validate` does).
    public static func load(yaml: String, fileName: String, baseDirectory: URL? = nil,
                            overrides: [String] = [], startingPosition: Bool = false) throws(ScenarioError) -> LoadedScenario {
        try decode(text: yaml, bytes: Data(yaml.utf8), fileName: fileName, baseDirectory: baseDirectory,
                   overrides: overrides, startingPosition: startingPosition)
    }

    /// Decodes a scenario from its text after applying `overrides` (`--set` texts) and then
    /// `extra` (already-parsed overrides, such as a sweep point's values, which are not part of
    /// the fingerprint: an experiment records them itself).
    static func decode(text: String, bytes: Data, fileName: String, baseDirectory: URL?,
                       overrides: [String], extra: [KeyPathOverride] = [],
                       startingPosition: Bool = false) throws(ScenarioError) -> LoadedScenario {
        let log = IssueLog(file: fileName)
        log.checksStartingPosition = startingPosition
        let document = composeDocument(text, Context(log: log, fileName: fileName, baseDirectory: baseDirectory))
        return try decode(document, bytes: bytes, log: log, baseDirectory: baseDirectory, overrides: overrides,
                          extra: extra)
    }

    /// Decodes a scenario from its composed tree (nil when it could not be composed, which
    /// `log` has been told) after applying `overrides` and then `extra`.
    ///
    /// - Parameters:
    ///   - bytes: the scenario file's bytes, for the fingerprint.
    ///   - log: the log the problems go to; the scenario file is its `file`, and its sources
    ///     are the document's.
    static func decode(_ document: ScenarioDocument?, bytes: Data, log: IssueLog, baseDirectory: URL?,
                       overrides: [String], extra: [KeyPathOverride] = []) throws(ScenarioError) -> LoadedScenario {
        let fileName = log.file
        let parsedOverrides = overrides.compactMap { KeyPathOverride.parse($0, log: log) } + extra
        let context = Context(log: log, fileName: fileName, baseDirectory: baseDirectory)

        var scenario: Scenario?
        if var root = document?.root {
            expandTableFiles(&root, context)
            for override in parsedOverrides {
                if override.segments.first == .key(includeKey) {
                    log.add(ScenarioIssue(location: override.pathLocation, origin: override.origin, keyPath: override.path,
                                          value: override.valueText,
                                          message: "the files a scenario includes cannot be changed by an override "
                                              + "(they are read before overrides apply); write include in the "
                                              + "scenario file."))
                } else if let path = override.apply(to: &root, log: log) {
                    log.recordOverride(path: path, origin: override.origin, location: override.location)
                }
            }
            scenario = decodeScenario(NodeReader(node: root, keyPath: "", log: log), context)
        }
        guard log.isEmpty, let scenario, let document else {
            precondition(!log.isEmpty, "ScenarioLoader: a section failed to decode without reporting why")
            throw ScenarioError(issues: log.issues, file: fileName, unlisted: log.unlisted)
        }

        var fingerprint = bytes
        for override in overrides {
            fingerprint.append(0)
            fingerprint.append(Data(override.utf8))
        }
        for input in document.included.map(\.bytes) + context.extraInputs {
            fingerprint.append(0)
            fingerprint.append(input)
        }
        return LoadedScenario(scenario: scenario, path: fileName, sha256: SHA256Digest.hex(of: fingerprint),
                              includedFiles: document.included, warnings: log.warnings)
    }

    /// The YAML node tree of `text`, the scenario file's text, or nil after reporting a syntax
    /// error, an empty file or aliases that bring in too many values.
    static func compose(_ text: String, log: IssueLog) -> Node? {
        guard let composed = composeTree(text, file: log.file, log: log) else { return nil }
        guard let root = composed else {
            log.add(ScenarioIssue(location: SourceLocation(file: log.file, line: 1, column: 1), keyPath: "",
                                  message: "the file is empty; expected a scenario with the keys name, calendar, "
                                      + "zones, demand, providers and options."))
            return nil
        }
        return root
    }

    /// The YAML node tree of `text`, the text of `file` (the scenario file or one it
    /// includes): `.some(nil)` for a file with nothing in it but comments, nil after reporting
    /// a syntax error or aliases that bring in too many values, at their line in `file`.
    static func composeTree(_ text: String, file: String, log: IssueLog) -> Node?? {
        // Before any tree is walked: nested aliases can stand for more values than there is time to visit.
        if let excess = YAMLAliasBudget.exceeded(in: text) {
            log.add(ScenarioIssue(location: SourceLocation(file: file, line: excess.line, column: excess.column),
                                  keyPath: excess.keyPath, message: YAMLAliasBudget.message(alias: excess.alias)))
            return nil
        }
        do {
            // The quick composer handles well-formed files; Yams decides everything else.
            if let composed = YAMLComposer.compose(text) { return .some(composed) }
            return .some(try Yams.compose(yaml: text))
        } catch {
            let problem = YAMLProblem(error)
            let location = problem.line.map { SourceLocation(file: file, line: $0, column: problem.column ?? 1) }
            log.add(ScenarioIssue(location: location, keyPath: "", message: "this is not valid YAML: \(problem.summary)."))
        }
        return nil
    }

    /// The whole scenario. Sections are read in dependency order: zones before the demand,
    /// providers, caseload and options that refer to them.
    static func decodeScenario(_ root: NodeReader, _ context: Context) -> Scenario? {
        if let service = root.peekChild("service") {
            guard let kind = service.choice(Service.self) else { return nil }
            if kind == .dayOpportunities { return decodeDayScenario(root, context) }
        }
        guard let sections = root.mapping(keys: topLevelKeys,
                                          expected: "a mapping with the keys name, calendar, zones, demand, providers and options")
        else { return nil }
        let name = sections.required("name")?.name(expected: "a name for the scenario")
        let description = sections.optional("description")?.string() ?? ""
        let calendar = decodeCalendar(sections.required("calendar"), context)
        let run = sections.optional("run").map(decodeRun) ?? RunSettings()
        let prices = sections.optional("prices").map(decodePrices) ?? .published
        let workforce = sections.optional("workforce").map(decodeWorkforce) ?? WorkforceSettings()
        context.defaultReach = workforce.reach
        let zonesReader = sections.required("zones")
        let zones = decodeZones(zonesReader, context)
        let demandReader = sections.required("demand")
        let demand = decodeDemand(demandReader, context)
        let providersReader = sections.required("providers")
        let providers = decodeProviders(providersReader, context)
        let caseload = sections.optional("caseload").map { decodeCaseload($0, context) } ?? InitialCaseload()
        let handBacks = sections.optional("hand_backs").map(decodeHandBacks) ?? HandBackSettings()
        let exits = sections.optional("exits").map(decodeExits) ?? ExitSettings()
        let options = decodeOptions(sections.required("options"), context)
        let eventsReader = sections.optional("events")
        let events = eventsReader.flatMap {
            decodeEvents($0, EventScope(calendar: calendar, providers: providers, options: options), context)
        }
        let coverageReader = sections.optional("coverage")
        let coverage = coverageReader.flatMap {
            decodeCoverage($0, zones: zones, providers: providers, options: options, context)
        }
        let privateReader = sections.optional("private_market")
        let privateMarket = privateReader.flatMap(decodePrivateMarket)
        let entryReader = sections.optional("entry")
        let entry = entryReader.flatMap(decodeEntry)
        guard let name, let calendar, let zones, let demand, var providers, let options,
              coverageReader == nil || coverage != nil, eventsReader == nil || events != nil,
              entryReader == nil || entry != nil, privateReader == nil || privateMarket != nil else { return nil }
        // Would-be entrants join the provider list after everything that names providers.
        if let entry { providers += entry.entrants(zones: zones) }
        let multiplier = largestMultiplier(of: demand, events: events ?? [])
        guard let demandReader, checkVolume(demandReader, calendar: calendar, referralsPerWeek: demand.referralsPerWeek,
                                            growth: demand.annualGrowth, multiplier: multiplier,
                                            caseload: caseload.people,
                                            shocks: largestShock(events ?? []) > 1) else { return nil }
        let rates = EventRates(reviewIntervalDays: demand.review.intervalDays,
                               handBacksPerYear: handBacks.backgroundAnnualHazard + handBacks.lossAnnualHazard)
        guard checkWorkload(demandReader, calendar: calendar, referralsPerWeek: demand.referralsPerWeek,
                            growth: demand.annualGrowth, multiplier: multiplier,
                            caseload: caseload.people, rates: rates) else { return nil }
        var scenario = Scenario(name: name, description: description, calendar: calendar, zones: zones, demand: demand,
                                caseload: caseload, workforce: workforce, providers: providers, handBacks: handBacks,
                                exits: exits, prices: prices, options: options, run: run)
        scenario.coverage = coverage
        scenario.entry = entry
        scenario.privateMarket = privateMarket
        scenario.events = events ?? []
        guard checkLayout(scenario, zonesReader: zonesReader, providersReader: providersReader) else { return nil }
        if context.log.checksStartingPosition {
            warnStartingPosition(scenario, zonesReader: zonesReader, providersReader: providersReader,
                                 demandReader: demandReader)
        }
        return scenario
    }
}
