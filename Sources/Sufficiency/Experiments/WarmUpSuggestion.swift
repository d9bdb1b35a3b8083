/// How long a run's start is biased, judged by MSER-5 (`MSERTruncation`) on the series of chosen
/// measures' means in each reporting period, county-wide, under every option: the warm-up the
/// results suggest, for scenarios that study a steady state (and the verification queues).
///
/// The series begins after the run's own warm-up, so a truncation point of 0 periods says the
/// warm-up was long enough, and `k` periods that it should be `k` periods' days longer. The
/// suggestion is the longest truncation among the series the rule could judge: a warm-up must
/// serve every measure and option. A series that has not settled within the run (the rule's
/// minimum in the second half of the series) or is too short to judge (fewer than 20 periods)
/// is listed, and gives no suggestion.
public struct WarmUpSuggestion: Sendable, Equatable {
    /// One measure under one option.
    public struct Series: Sendable, Equatable {
        public let option: String
        public let measure: String
        /// Reporting periods in the series.
        public let periods: Int
        /// Periods the rule drops; nil when it could not judge the series.
        public let truncatedPeriods: Int?
        /// Days those periods cover, from the end of the run's warm-up.
        public let truncatedDays: Int?
        /// Whether the rule found the series settled within the run.
        public let isSettled: Bool
    }

    /// The run's own warm-up, in days.
    public let warmUpDays: Int
    /// Every series judged, option by option, measure by measure.
    public let series: [Series]

    /// Days to add to the warm-up: the longest truncation of a settled series; nil when no series
    /// could be judged.
    public var additionalDays: Int? {
        let settled = series.filter(\.isSettled).compactMap(\.truncatedDays)
        return settled.max()
    }

    /// The warm-up the results suggest, in days: the run's own plus `additionalDays`.
    public var suggestedWarmUpDays: Int? { additionalDays.map { warmUpDays + $0 } }

    /// The series that had not settled within the run.
    public var unsettled: [Series] { series.filter { $0.truncatedPeriods != nil && !$0.isSettled } }

    /// MSER-5 on each of `measures` under each option of `results`; `warmUpDays` is the warm-up
    /// the results were run with.
    public init(results: RunResults, warmUpDays: Int, measures: [String]) throws(WarmUpError) {
        let layout = results.layout
        let unknown = measures.filter { name in !layout.measures.all.contains { $0.name == name } }
        guard unknown.isEmpty else {
            throw .unknownMeasures(unknown, known: layout.measures.all.map(\.name))
        }
        let periods = layout.windows.indices.filter { layout.windows[$0].kind == .period }
        var series: [Series] = []
        for (option, name) in layout.options.enumerated() {
            for measure in measures {
                let values = periods.map { results.summary(option: option, window: $0, measure: measure)?.mean ?? .nan }
                guard values.count >= 20, !values.contains(where: \.isNaN),
                      let rule = MSERTruncation(values) else {
                    series.append(Series(option: name, measure: measure, periods: values.count,
                                         truncatedPeriods: nil, truncatedDays: nil, isSettled: false))
                    continue
                }
                let cut = rule.truncatedValues
                let days = cut == 0 ? 0 : layout.windows[periods[cut - 1]].toDay - layout.windows[periods[0]].fromDay
                series.append(Series(option: name, measure: measure, periods: values.count, truncatedPeriods: cut,
                                     truncatedDays: days, isSettled: rule.isSettled))
            }
        }
        self.warmUpDays = warmUpDays
        self.series = series
    }
}
