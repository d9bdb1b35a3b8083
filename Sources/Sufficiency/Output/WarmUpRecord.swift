/// The warm-up a run used and what MSER-5 made of it, as `manifest.json` records it.
public struct WarmUpRecord: Codable, Sendable, Equatable {
    /// The warm-up the run used, in days (`calendar.warm_up_days`).
    public var days: Int
    /// How it was chosen: `scenario` (as written in the file or set with `--set`) or `MSER-5`
    /// (`--warm-up auto`: a pilot run from no warm-up, its truncation point taken).
    public var chosenBy: String
    /// The measures MSER-5 judged, county-wide, under every option.
    public var measures: [String]
    /// Replications of the pilot run, for a warm-up chosen by MSER-5.
    public var pilotReplications: Int?
    /// The warm-up MSER-5 suggests from the run's own results, in days; absent when no series
    /// could be judged (fewer than 20 periods, or none settled within the run).
    public var suggestedDays: Int?

    public init(days: Int, chosenBy: String, measures: [String], pilotReplications: Int? = nil,
                suggestedDays: Int? = nil) {
        self.days = days
        self.chosenBy = chosenBy
        self.measures = measures
        self.pilotReplications = pilotReplications
        self.suggestedDays = suggestedDays
    }
}
