/// What `run --precision` asks of a run: replications until every named measure, county-wide
/// in every window judged, under every option, has a 95% interval as narrow as `target`
/// (`ReplicationsAlgorithm`, Hoad, Robinson & Davies 2010), at most the run's `replications`.
public struct PrecisionSettings: Sendable, Equatable {
    /// The windows a measure must be precise in.
    public enum Windows: String, Sendable, Equatable, CaseIterable {
        /// The whole run.
        case wholeRun = "whole_run"
        /// Each financial year and the whole run.
        case everyFinancialYear = "every_financial_year"

        /// As a sentence says it.
        public var text: String {
            switch self {
            case .wholeRun: return "whole run"
            case .everyFinancialYear: return "every financial year and the whole run"
            }
        }
    }

    public var target: ReplicationsAlgorithm.Target
    /// The measures judged, by name as in the results files.
    public var measures: [String]
    public var windows: Windows
    /// The look-ahead f of the algorithm (replications up to 100, percent of them beyond).
    public var lookAhead: Int

    public init(target: ReplicationsAlgorithm.Target, measures: [String], windows: Windows = .wholeRun,
                lookAhead: Int = 5) {
        self.target = target
        self.windows = windows
        self.measures = measures
        self.lookAhead = lookAhead
    }

    /// The measures judged when none are named: unmet need and spend, those of a day
    /// opportunities service (`unmet_days`) or of home care (`unmet_hours`), whichever the
    /// results have.
    public static func defaultMeasures(layout: ResultLayout) -> [String] {
        let names = Set(layout.measures.all.map(\.name))
        return [MeasureName.unmetHours, MeasureName.unmetDays, MeasureName.spend].filter(names.contains)
    }

    /// Indices into `layout.measures` of the measures judged; throws naming every measure the
    /// results do not have.
    public func measureIndices(layout: ResultLayout) throws(PrecisionError) -> [Int] {
        let known = layout.measures.all.map(\.name)
        let unknown = measures.filter { !known.contains($0) }
        guard unknown.isEmpty else { throw .unknownMeasures(unknown, known: known) }
        guard !measures.isEmpty else { throw .noMeasures }
        return measures.map { name in known.firstIndex(of: name)! }
    }

    /// The cells of `layout` judged, county-wide: each option, each window judged (financial
    /// years in order, then the whole run), each measure, in that order.
    public func cells(layout: ResultLayout) throws(PrecisionError) -> [Int] {
        let measures = try measureIndices(layout: layout)
        let windows = layout.windows.indices.filter { w in
            w == layout.horizonWindow || (self.windows == .everyFinancialYear && layout.windows[w].kind == .financialYear)
        }
        return layout.options.indices.flatMap { o in
            windows.flatMap { w in measures.map { m in layout.cell(option: o, window: w, zoneSlot: 0, measure: m) } }
        }
    }
}

/// Why a run to a precision cannot start.
public enum PrecisionError: Error, Equatable, CustomStringConvertible {
    /// Measures the results do not have.
    case unknownMeasures([String], known: [String])
    /// No measure named.
    case noMeasures

    public var description: String {
        switch self {
        case .unknownMeasures(let names, let known):
            let list = names.map { "'\($0)'" }.joined(separator: ", ")
            let suggestions = names.compactMap { DidYouMean.suggestion(for: $0, among: known) }
            let hint = suggestions.isEmpty ? "; the measures are the columns of replications.csv"
                : "; did you mean \(suggestions.map { "'\($0)'" }.joined(separator: ", "))?"
            return "\(list) \(names.count == 1 ? "is not a measure" : "are not measures") of this scenario's results\(hint)"
                + (suggestions.isEmpty ? "." : "")
        case .noMeasures:
            return "no measure named; give at least one, e.g. unmet_hours,spend."
        }
    }
}
