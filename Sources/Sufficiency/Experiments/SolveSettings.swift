import Foundation

/// What `sufficiency solve` looks for: the smallest value of one input at which a measure meets
/// a target in enough replications.
public struct SolveSettings: Sendable, Codable, Equatable {
    /// Which windows the target must hold in, in every one of them, for a replication to meet it.
    public enum Windows: Sendable, Codable, Equatable, CustomStringConvertible {
        /// Every financial year of the run.
        case everyFinancialYear
        /// The whole run.
        case horizon
        /// One window, by its label in the CSV files (e.g. `2025/26`, `2025-06`, `whole run`).
        case label(String)

        public var description: String {
            switch self {
            case .everyFinancialYear: return "every_financial_year"
            case .horizon: return "horizon"
            case .label(let text): return text
            }
        }

        init(_ text: String) {
            switch text {
            case "every_financial_year": self = .everyFinancialYear
            case "horizon": self = .horizon
            default: self = .label(text)
            }
        }

        /// Written as in the scenario: `every_financial_year`, `horizon` or the label.
        public init(from decoder: Decoder) throws {
            self.init(try decoder.singleValueContainer().decode(String.self))
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(description)
        }
    }

    /// A bound the measure must be strictly below or strictly above, in the measure's unit.
    public enum Target: Sendable, Codable, Equatable, CustomStringConvertible {
        case below(Double)
        case above(Double)

        /// Whether `value` meets the target; a missing value (NaN) does not.
        public func isMet(by value: Double) -> Bool {
            switch self {
            case .below(let bound): return value < bound
            case .above(let bound): return value > bound
            }
        }

        private enum CodingKeys: String, CodingKey { case below, above }

        /// Written as in the scenario: `{"below": 250}` or `{"above": 0.9}`.
        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if let below = try container.decodeIfPresent(Double.self, forKey: .below) {
                self = .below(below)
            } else {
                self = .above(try container.decode(Double.self, forKey: .above))
            }
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            switch self {
            case .below(let bound): try container.encode(bound, forKey: .below)
            case .above(let bound): try container.encode(bound, forKey: .above)
            }
        }

        public var description: String {
            switch self {
            case .below(let bound): return "below \(NumberRule.format(bound))"
            case .above(let bound): return "above \(NumberRule.format(bound))"
            }
        }
    }

    /// Key path of the input searched over (as `--set` takes it); it must take a number.
    public var input: String
    /// The bracket searched, in the input's unit; the search assumes the measure gets better
    /// (towards the target) as the input rises.
    public var low: Double
    public var high: Double
    /// A measure name from the catalog, e.g. `unmet_hours`.
    public var measure: String
    /// The option whose results are judged.
    public var option: String
    public var windows: Windows
    public var target: Target
    /// Share of replications (0–1) that must meet the target in every chosen window.
    public var probability: Double
    /// The search stops once the bracket is narrower than this, in the input's unit.
    public var tolerance: Double

    public init(input: String, low: Double, high: Double, measure: String, option: String,
                windows: Windows = .everyFinancialYear, target: Target, probability: Double, tolerance: Double) {
        self.input = input
        self.low = low
        self.high = high
        self.measure = measure
        self.option = option
        self.windows = windows
        self.target = target
        self.probability = probability
        self.tolerance = tolerance
    }
}

/// Values for `solve` given on the command line, each replacing the scenario's.
public struct SolveOverrides: Sendable {
    public var input: String?
    /// `lo,hi` as typed.
    public var range: String?
    public var measure: String?
    public var option: String?
    public var windows: String?
    public var targetBelow: Double?
    public var targetAbove: Double?
    public var probability: Double?
    public var tolerance: Double?

    public init(input: String? = nil, range: String? = nil, measure: String? = nil, option: String? = nil,
                windows: String? = nil, targetBelow: Double? = nil, targetAbove: Double? = nil,
                probability: Double? = nil, tolerance: Double? = nil) {
        self.input = input
        self.range = range
        self.measure = measure
        self.option = option
        self.windows = windows
        self.targetBelow = targetBelow
        self.targetAbove = targetAbove
        self.probability = probability
        self.tolerance = tolerance
    }
}

/// The `solve:` section as written, each value with where it came from, before command-line
/// values replace some and the whole is checked against the scenario.
struct SolveDraft {
    /// A value and where it is written (file position) or given (a command-line flag).
    struct Sourced<Value> {
        var value: Value
        var location: SourceLocation?
        var origin: String?
    }

    var input: Sourced<String>?
    var range: Sourced<(Double, Double)>?
    var measure: Sourced<String>?
    var option: Sourced<String>?
    var windows: Sourced<String>?
    var target: Sourced<SolveSettings.Target>?
    var probability: Sourced<Double>?
    var tolerance: Sourced<Double>?
    /// Where the section is, for "missing" problems.
    var location: SourceLocation?

    static let keys = ["input", "range", "measure", "option", "windows", "target", "probability", "tolerance"]
    static let targetKeys = ["below", "above"]

    static let probabilityRule = NumberRule("a share of replications greater than 0 and at most 1") { $0 > 0 && $0 <= 1 }
    static let toleranceRule = NumberRule.positive("tolerance in the input's unit")

    /// Reads `solve:`, reporting every problem to the reader's log.
    static func decode(_ reader: NodeReader) -> SolveDraft {
        var draft = SolveDraft(location: reader.location)
        guard let solve = reader.mapping(keys: keys, expected: "a mapping with the keys " + keys.joined(separator: ", "))
        else { return draft }
        func sourced<T>(_ key: String, _ read: (NodeReader) -> T?) -> Sourced<T>? {
            guard let r = solve.optional(key), let value = read(r) else { return nil }
            return Sourced(value: value, location: r.location)
        }
        draft.input = sourced("input") { r in
            guard let text = r.name(expected: "a key path taking a number, e.g. options[framework].uplift.rate") else { return nil }
            guard KeyPathOverride.segments(of: text) != nil else {
                r.reject(expected: "a key path: keys separated by dots, each optionally followed by [position] or [name]")
                return nil
            }
            return text
        }
        draft.range = sourced("range") { r in
            guard let ends = r.list(expected: "a list of two numbers [low, high]") else { return nil }
            guard ends.count == 2 else { r.reject(expected: "a list of two numbers [low, high]"); return nil }
            guard let low = ends[0].number(NumberRule("a number") { _ in true }),
                  let high = ends[1].number(NumberRule("a number greater than the low end") { $0 > low })
            else { return nil }
            return (low, high)
        }
        draft.measure = sourced("measure") { $0.name(expected: "a measure name such as unmet_hours") }
        draft.option = sourced("option") { $0.name(expected: "an option's name") }
        draft.windows = sourced("windows") {
            $0.name(expected: "every_financial_year, horizon or a window label such as 2025/26")
        }
        draft.target = sourced("target") { r in
            guard let target = r.mapping(keys: targetKeys, expected: "a mapping such as {below: 250} or {above: 0.9}")
            else { return nil }
            let below = target.optional("below")?.number(NumberRule("a number") { _ in true })
            let above = target.optional("above")?.number(NumberRule("a number") { _ in true })
            switch (target.has("below"), target.has("above")) {
            case (true, true):
                r.report("give the target as below or above, not both.")
                return nil
            case (false, false):
                r.report("give the target as {below: x} or {above: x}.")
                return nil
            default:
                if let below { return .below(below) }
                if let above { return .above(above) }
                return nil
            }
        }
        draft.probability = sourced("probability") { $0.number(probabilityRule) }
        draft.tolerance = sourced("tolerance") { $0.number(toleranceRule) }
        return draft
    }

    /// Replaces values with those given on the command line, reporting flags that cannot be read.
    mutating func apply(_ flags: SolveOverrides, log: IssueLog) {
        func flag<T>(_ name: String, _ text: String, _ value: T) -> Sourced<T> {
            Sourced(value: value, location: nil, origin: "\(name) \(text)")
        }
        if let input = flags.input {
            if KeyPathOverride.segments(of: input) != nil {
                self.input = flag("--input", input, input)
            } else {
                log.add(ScenarioIssue(origin: "--input \(Excerpt.of(input))", keyPath: "solve.input", value: input,
                                      message: "\(Excerpt.quoted(input)) is not a key path; expected keys separated by dots, "
                                      + "each optionally followed by [position] or [name]."))
            }
        }
        // A number from a flag obeys the limit of any number in a scenario: finite and no larger
        // than ScenarioLimits.largestNumber either way.
        func allowed(_ value: Double) -> Bool { value.isFinite && abs(value) <= ScenarioLimits.largestNumber }
        let largest = NumberRule.format(ScenarioLimits.largestNumber)
        if let text = flags.range {
            let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { NodeReader.parseNumber(String($0)) }
            if parts.count == 2, let low = parts[0], let high = parts[1], high > low, allowed(low), allowed(high) {
                range = flag("--range", text, (low, high))
            } else {
                log.add(ScenarioIssue(origin: "--range \(Excerpt.of(text))", keyPath: "solve.range", value: Excerpt.of(text),
                                      message: "expected two numbers low,high with low below high, each between -\(largest) "
                                      + "and \(largest), e.g. --range 0,0.1."))
            }
        }
        if let measure = flags.measure { self.measure = flag("--measure", measure, measure) }
        if let option = flags.option { self.option = flag("--option", option, option) }
        if let windows = flags.windows { self.windows = flag("--windows", windows, windows) }
        if flags.targetBelow != nil && flags.targetAbove != nil {
            log.add(ScenarioIssue(origin: "--target-below and --target-above", keyPath: "solve.target",
                                  message: "give one target, below or above, not both."))
        } else if let (name, value) = flags.targetBelow.map({ ("--target-below", $0) }) ?? flags.targetAbove.map({ ("--target-above", $0) }),
                  !allowed(value) {
            let shown = Excerpt.of(NumberRule.format(value))
            log.add(ScenarioIssue(origin: "\(name) \(shown)", keyPath: "solve.target",
                                  message: "\(shown) is not allowed; expected a number between -\(largest) and \(largest)."))
        } else if let below = flags.targetBelow {
            target = flag("--target-below", NumberRule.format(below), .below(below))
        } else if let above = flags.targetAbove {
            target = flag("--target-above", NumberRule.format(above), .above(above))
        }
        if let p = flags.probability {
            if SolveDraft.probabilityRule.accepts(p) {
                probability = flag("--probability", NumberRule.format(p), p)
            } else {
                log.add(ScenarioIssue(origin: "--probability \(Excerpt.of(NumberRule.format(p)))", keyPath: "solve.probability",
                                      message: "\(Excerpt.of(NumberRule.format(p))) is not allowed; expected \(SolveDraft.probabilityRule.expected)."))
            }
        }
        if let t = flags.tolerance {
            if SolveDraft.toleranceRule.accepts(t) && allowed(t) {
                tolerance = flag("--tolerance", NumberRule.format(t), t)
            } else {
                log.add(ScenarioIssue(origin: "--tolerance \(Excerpt.of(NumberRule.format(t)))", keyPath: "solve.tolerance",
                                      message: "\(Excerpt.of(NumberRule.format(t))) is not allowed; expected \(SolveDraft.toleranceRule.expected), at most \(largest)."))
            }
        }
    }

    /// The settings, checked against the scenario's options, measures and windows; nil after
    /// reporting what is missing or unknown. An option may be left out when there is only one;
    /// windows default to every financial year, the probability to 0.9 and the tolerance to a
    /// hundredth of the range.
    func settings(layout: ResultLayout, windowLabels: [String], log: IssueLog) -> SolveSettings? {
        func missing(_ key: String, _ flag: String) {
            log.add(ScenarioIssue(location: location, keyPath: "solve",
                                  message: "missing required key \(Excerpt.quoted(key)); give it in the scenario's solve section or with \(flag)."))
        }
        func problem<T>(_ sourced: Sourced<T>, _ key: String, _ value: String, _ message: String) {
            log.add(ScenarioIssue(location: sourced.location, origin: sourced.origin, keyPath: "solve.\(key)",
                                  value: value, message: message))
        }
        var valid = true
        if input == nil { missing("input", "--input"); valid = false }
        if range == nil { missing("range", "--range lo,hi"); valid = false }
        if target == nil { missing("target", "--target-below or --target-above"); valid = false }
        var measureName: String?
        if let measure {
            let names = layout.measures.all.map(\.name)
            if names.contains(measure.value) {
                measureName = measure.value
            } else {
                problem(measure, "measure", measure.value, "\(Excerpt.quoted(measure.value)) is not a measure"
                        + DidYouMean.clause(for: measure.value, among: names, fallback: "; see docs/OUTPUTS.md for the list."))
            }
        } else {
            missing("measure", "--measure")
        }
        var optionName: String?
        if let option {
            if layout.options.contains(option.value) {
                optionName = option.value
            } else {
                problem(option, "option", option.value, "\(Excerpt.quoted(option.value)) is not an option"
                        + DidYouMean.clause(for: option.value, among: layout.options,
                                            fallback: "; the options are: \(layout.options.joined(separator: ", "))."))
            }
        } else if layout.options.count == 1 {
            optionName = layout.options[0]
        } else {
            missing("option", "--option")
        }
        var chosenWindows = SolveSettings.Windows.everyFinancialYear
        if let windows {
            chosenWindows = SolveSettings.Windows(windows.value)
            if case .label(let label) = chosenWindows, !windowLabels.contains(label) {
                let choices = ["every_financial_year", "horizon"] + windowLabels
                problem(windows, "windows", label, "\(Excerpt.quoted(label)) is not a window of this run"
                        + DidYouMean.clause(for: label, among: choices,
                                            fallback: "; expected every_financial_year, horizon or a window label as in the CSV files."))
                valid = false
            }
        }
        guard valid, let input, let range, let target, let measureName, let optionName else { return nil }
        return SolveSettings(input: input.value, low: range.value.0, high: range.value.1, measure: measureName,
                             option: optionName, windows: chosenWindows, target: target.value,
                             probability: probability?.value ?? 0.9,
                             tolerance: tolerance?.value ?? (range.value.1 - range.value.0) / 100)
    }
}
