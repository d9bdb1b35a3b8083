import Foundation

/// A target a sweep counts replications against, given on the command line as
/// `MEASURE OP NUMBER[@WINDOWS]`, e.g. `provider_exits<=2@horizon` or `unmet_hours<150`.
///
/// `OP` is `<`, `<=`, `>` or `>=`; `WINDOWS` is what `solve` takes (`SolveSettings.Windows`):
/// `every_financial_year` (the default, as for solve), `horizon` (the whole run) or a window
/// label as the CSV files write it (`2026/27`). A replication meets the target when the
/// measure, county-wide, meets the comparison in every chosen window; a window without a
/// value (a mean wait with nobody placed) does not meet it, as in solve.
public struct SweepTarget: Sendable, Equatable, CustomStringConvertible {
    /// How the measure is compared with the bound.
    public enum Comparison: String, Sendable, CaseIterable {
        case below = "<"
        case atMost = "<="
        case above = ">"
        case atLeast = ">="

        /// Whether `value` meets the comparison with `bound`; NaN never does.
        func holds(_ value: Double, _ bound: Double) -> Bool {
            switch self {
            case .below: return value < bound
            case .atMost: return value <= bound
            case .above: return value > bound
            case .atLeast: return value >= bound
            }
        }
    }

    /// A measure name from the catalog, e.g. `provider_exits`.
    public var measure: String
    public var comparison: Comparison
    /// In the measure's unit (shares as fractions: `undelivered_share<0.05`).
    public var bound: Double
    public var windows: SolveSettings.Windows

    public init(measure: String, comparison: Comparison, bound: Double,
                windows: SolveSettings.Windows = .everyFinancialYear) {
        self.measure = measure
        self.comparison = comparison
        self.bound = bound
        self.windows = windows
    }

    /// Whether one window's `value` meets the target.
    public func isMet(by value: Double) -> Bool { comparison.holds(value, bound) }

    /// The target in one canonical form, the window always written:
    /// `provider_exits<=2@every_financial_year`. The target column of targets.csv.
    public var description: String {
        "\(measure)\(comparison.rawValue)\(NumberRule.format(bound))@\(windows)"
    }

    /// The measure, comparison and bound as typed, split from the windows; nil with the reason
    /// when `text` is not of the form `MEASURE OP NUMBER[@WINDOWS]`.
    static func parse(_ text: String) -> (target: SweepTarget?, problem: String?) {
        let expected = "expected MEASURE OP NUMBER[@WINDOWS], OP one of <, <=, >, >=, e.g. 'provider_exits<=2@horizon'."
        guard let op = text.firstIndex(where: { $0 == "<" || $0 == ">" }) else {
            return (nil, "no comparison; " + expected)
        }
        let measure = text[..<op].trimmingCharacters(in: .whitespaces)
        var rest = text[text.index(after: op)...]
        var comparison: Comparison = text[op] == "<" ? .below : .above
        if rest.first == "=" {
            comparison = comparison == .below ? .atMost : .atLeast
            rest = rest.dropFirst()
        }
        let parts = rest.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
        let numberText = parts[0].trimmingCharacters(in: .whitespaces)
        let windowsText = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : nil
        guard !measure.isEmpty else { return (nil, "no measure before \(comparison.rawValue); " + expected) }
        guard let bound = NodeReader.parseNumber(numberText) else {
            return (nil, "\(Excerpt.quoted(numberText)) is not a number; " + expected)
        }
        guard bound.isFinite && abs(bound) <= ScenarioLimits.largestNumber else {
            let largest = NumberRule.format(ScenarioLimits.largestNumber)
            return (nil, "\(Excerpt.quoted(numberText)) is not allowed; expected a number between -\(largest) and \(largest).")
        }
        if let windowsText, windowsText.isEmpty {
            return (nil, "nothing after @; expected every_financial_year, horizon or a window label such as 2025/26.")
        }
        return (SweepTarget(measure: measure, comparison: comparison, bound: bound,
                            windows: windowsText.map(SolveSettings.Windows.init) ?? .everyFinancialYear), nil)
    }

    /// Reads `texts` (each `--target` as typed) against the measures and windows of `layout`,
    /// run by `runner`: every problem at once, each naming the flag.
    ///
    /// - Throws: `ScenarioError` listing every target that cannot be read or names a measure or
    ///   window the run does not have.
    public static func read(_ texts: [String], runner: Runner, file: String) throws(ScenarioError) -> [SweepTarget] {
        let layout = runner.layout
        let names = layout.measures.all.map(\.name)
        let labels = layout.windows.map {
            WindowLabel.label($0, calendar: runner.calendar, period: runner.scenario.calendar.period)
        }
        var issues: [ScenarioIssue] = []
        var targets: [SweepTarget] = []
        for text in texts {
            let origin = "--target \(Excerpt.of(text))"
            let (parsed, problem) = parse(text)
            guard let target = parsed else {
                issues.append(ScenarioIssue(origin: origin, keyPath: "", value: Excerpt.of(text), message: problem ?? ""))
                continue
            }
            var valid = true
            if !names.contains(target.measure) {
                issues.append(ScenarioIssue(origin: origin, keyPath: "", value: target.measure,
                                            message: "\(Excerpt.quoted(target.measure)) is not a measure"
                                            + DidYouMean.clause(for: target.measure, among: names,
                                                                fallback: "; see docs/OUTPUTS.md for the list.")))
                valid = false
            }
            if case .label(let label) = target.windows, !labels.contains(label) {
                let choices = ["every_financial_year", "horizon"] + labels
                issues.append(ScenarioIssue(origin: origin, keyPath: "", value: label,
                                            message: "\(Excerpt.quoted(label)) is not a window of this run"
                                            + DidYouMean.clause(for: label, among: choices,
                                                                fallback: "; expected every_financial_year, horizon or a "
                                                                + "window label as in the CSV files.")))
                valid = false
            }
            if valid && !targets.contains(target) { targets.append(target) }
        }
        guard issues.isEmpty else { throw ScenarioError(issues: issues, file: file) }
        return targets
    }

    /// The county-level cells of the measure for `option` in each chosen window.
    func cells(option: Int, runner: Runner) -> [Int] {
        let layout = runner.layout
        guard let measure = layout.measures.all.firstIndex(where: { $0.name == self.measure }) else {
            preconditionFailure("SweepTarget: \(self.measure) is not a measure (targets are checked when read)")
        }
        return windows.indices(runner).map { layout.cell(option: option, window: $0, zoneSlot: 0, measure: measure) }
    }
}

extension SolveSettings.Windows {
    /// The indices into `runner.layout.windows` these windows choose: every financial year,
    /// the whole run, or those labelled as the CSV files label them.
    func indices(_ runner: Runner) -> [Int] {
        let layout = runner.layout
        switch self {
        case .everyFinancialYear:
            return layout.windows.indices.filter { layout.windows[$0].kind == .financialYear }
        case .horizon:
            return [layout.horizonWindow]
        case .label(let label):
            return layout.windows.indices.filter {
                WindowLabel.label(layout.windows[$0], calendar: runner.calendar,
                                  period: runner.scenario.calendar.period) == label
            }
        }
    }
}
