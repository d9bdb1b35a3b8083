/// A scenario's `ranking_sensitivity:` section: which inputs to vary, one at a time, to see
/// what decides which option is best, and the measure and window that judge it. (The ranking
/// here is of the options; `Ranking` is the order in which providers are offered packages.)
///
/// ```yaml
/// ranking_sensitivity:
///   replications: 20          # at each end (default: a tenth of the run's, at least 20; at most the run's)
///   measure: unmet_hours      # judged in the direction the catalog says is better
///   window: horizon           # or a window label such as 2025/26
///   inputs:
///     - key: workforce.recruitment_pay_elasticity
///       low: 0.5
///       high: 1.5
///       source: "assumption: …"
/// ```
public struct RankingSettings: Sendable {
    /// Replications at each end (and at the scenario's values); nil for the default, which
    /// depends on the run's replications (`defaultReplications`). Never more than the run's.
    public var replications: Int?
    /// A measure name from the catalog, e.g. `unmet_hours`.
    public var measure: String
    /// `horizon` (the whole run) or a window label as the CSV files write it, e.g. `2025/26`.
    public var window: String
    /// The inputs, in the order written.
    public var inputs: [RankingInput]
    /// Where the section, its measure and its window are written (nil where left out).
    var location: SourceLocation?
    var measureLocation: SourceLocation?
    var windowLocation: SourceLocation?
    /// False for a section read with problems: it then holds the inputs that could be read,
    /// and says whether its measure and window could be, so that they are checked too.
    var isComplete = true
    var hasMeasure = true
    var hasWindow = true

    /// The section's key at the top of a scenario.
    static let sectionKey = "ranking_sensitivity"
    static let keys = ["replications", "measure", "window", "inputs"]
    static let inputKeys = ["key", "low", "high", "source"]
    /// The measure judged when the section names none: home care's headline.
    public static let defaultMeasure = MeasureName.unmetHours
    /// The window judged when the section names none: the whole run.
    public static let horizon = "horizon"
    /// Sections an input may not vary: they say how the scenario is run and analysed, and every
    /// end runs with the same seed and replications (common random numbers).
    static let fixedSections = ["run", "sweep", "solve", sectionKey]
    /// The most inputs a section may list. Each is loaded and checked at both ends before
    /// anything runs, and each end runs every option; more would not finish, and a few lines of
    /// aliases could otherwise ask for millions.
    static let maximumInputs = 200

    public init(replications: Int? = nil, measure: String = RankingSettings.defaultMeasure,
                window: String = RankingSettings.horizon, inputs: [RankingInput]) {
        self.replications = replications
        self.measure = measure
        self.window = window
        self.inputs = inputs
    }

    /// Replications at each end when the section does not say: a tenth of the run's, but at
    /// least 20, and never more than the run's (400 give 40, 100 give 20, 5 give 5).
    public static func defaultReplications(run: Int) -> Int {
        min(run, max(20, (run + 9) / 10))
    }

    /// The replications at each end for a run of `run` replications: the section's, or the
    /// default, but never more than the run's own (so `--replications 1` checks quickly).
    public func replications(run: Int) -> Int {
        min(replications ?? Self.defaultReplications(run: run), run)
    }

    /// Reads `ranking_sensitivity:`, reporting every problem to the reader's log; after a
    /// problem, what could be read (`isComplete` false), or nil when nothing could.
    static func decode(_ reader: NodeReader) -> RankingSettings? {
        guard let section = reader.mapping(keys: keys, expected: "a mapping with the keys " + keys.joined(separator: ", "))
        else { return nil }
        var valid = true
        var replications: Int?
        if let r = section.optional("replications") {
            replications = r.wholeNumber(.between(1, ScenarioLimits.replications, "whole number of replications"))
            if replications == nil { valid = false }
        }
        let measureReader = section.optional("measure")
        let measure = measureReader.map { $0.name(expected: "a measure name such as unmet_hours") }
        if measure == .some(nil) { valid = false }
        let windowReader = section.optional("window")
        let window = windowReader.map { $0.name(expected: "horizon or a window label such as 2025/26") }
        if window == .some(nil) { valid = false }
        guard let inputsReader = section.required("inputs"), let list = inputsReader.nonEmptyList(of: "input to vary")
        else { return nil }
        guard list.count <= maximumInputs else {
            inputsReader.report("a ranking analysis varies at most \(maximumInputs) inputs; this one lists \(list.count).")
            return nil
        }
        var inputs: [RankingInput] = []
        // Where each input read is in the list.
        var positions: [Int] = []
        for (position, element) in list.enumerated() {
            guard let input = decodeInput(element) else { valid = false; continue }
            if let earlier = inputs.firstIndex(where: { $0.key == input.key }) {
                element.report("\(Excerpt.quoted(input.key)) is already varied by \(reader.keyPath).inputs[\(positions[earlier])]; "
                               + "give each key once.", value: input.key)
                valid = false
                continue
            }
            inputs.append(input)
            positions.append(position)
        }
        var settings = RankingSettings(replications: replications, measure: measure.flatMap { $0 } ?? defaultMeasure,
                                       window: window.flatMap { $0 } ?? horizon, inputs: inputs)
        settings.location = reader.location
        settings.measureLocation = measureReader?.location
        settings.windowLocation = windowReader?.location
        settings.isComplete = valid
        settings.hasMeasure = measure != .some(nil)
        settings.hasWindow = window != .some(nil)
        return settings
    }

    /// One input: `key`, `low`, `high` (numbers, low below high) and `source` (text).
    private static func decodeInput(_ reader: NodeReader) -> RankingInput? {
        guard let input = reader.mapping(keys: inputKeys, expected: "a mapping such as {key: demand.growth, low: 0.01, "
                                         + "high: 0.05, source: \"assumption: …\"}")
        else { return nil }
        var valid = true
        let keyReader = input.required("key")
        let key = keyReader?.name(expected: "a key path such as workforce.recruitment_pay_elasticity")
        if let key, let keyReader {
            if let segments = KeyPathOverride.segments(of: key) {
                if case .key(let first) = segments[0], fixedSections.contains(first) {
                    keyReader.report("the ranking analysis varies the scenario's inputs, and \(Excerpt.quoted(first)) is "
                                     + "not one: every end runs with the same seed and replications (common random "
                                     + "numbers), and the analyses do not nest.")
                    valid = false
                }
            } else {
                keyReader.reject(expected: "a key path: keys separated by dots, each optionally followed by "
                                 + "[position] or [name], e.g. providers[Alpha].care_workers")
                valid = false
            }
        }
        let lowReader = input.required("low")
        let low = lowReader?.number(NumberRule("a number") { _ in true })
        let highReader = input.required("high")
        var high: Double?
        if let highReader {
            let bound = low.map { " (\(NumberRule.format($0)))" } ?? ""
            high = highReader.number(NumberRule("a number greater than the low end\(bound)") { value in
                low.map { value > $0 } ?? true
            })
        }
        var source: String?
        if input.mapping.contains(where: { $0.key.scalar?.string == "source" }) {
            source = input.required("source")?.name(expected: "text saying where the range comes from: a publication, "
                                                    + "or \"assumption: …\"")
        } else {
            input.report("missing required key 'source': say where the range comes from (a publication, or "
                         + "\"assumption: …\"), so a reader can judge it.")
        }
        guard valid, let key, let low, let high, let source else { return nil }
        return RankingInput(key: key, low: low, high: high, source: source,
                            lowText: lowReader?.text?.trimmingWhitespace, highText: highReader?.text?.trimmingWhitespace,
                            keyLocation: keyReader?.location,
                            lowLocation: lowReader?.location, highLocation: highReader?.location)
    }
}
