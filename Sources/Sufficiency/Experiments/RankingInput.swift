/// One input of the ranking analysis: a key path (as `--set` takes it), the low and high ends
/// of its plausible range, in the key's own unit, and where that range comes from.
public struct RankingInput: Sendable, Equatable {
    /// The key path, e.g. `workforce.recruitment_pay_elasticity` or `providers[Alpha].care_workers`.
    public var key: String
    /// The low end of the range, in the key's unit.
    public var low: Double
    /// The high end of the range, above `low`.
    public var high: Double
    /// Where the range comes from: a publication, or `assumption: …`.
    public var source: String
    /// The ends as written in the file (`0.5`, `1_000`), applied to the scenario as they are.
    var lowText: String
    var highText: String
    /// Where its key and its ends are written, for the problems of each.
    var keyLocation: SourceLocation?
    var lowLocation: SourceLocation?
    var highLocation: SourceLocation?

    init(key: String, low: Double, high: Double, source: String, lowText: String? = nil, highText: String? = nil,
         keyLocation: SourceLocation? = nil, lowLocation: SourceLocation? = nil, highLocation: SourceLocation? = nil) {
        self.key = key
        self.low = low
        self.high = high
        self.source = source
        self.lowText = lowText ?? NumberRule.format(low)
        self.highText = highText ?? NumberRule.format(high)
        self.keyLocation = keyLocation
        self.lowLocation = lowLocation
        self.highLocation = highLocation
    }

    /// One end of the range.
    public enum End: String, Sendable, CaseIterable {
        case low, high
    }

    /// The value at `end` as written.
    func text(_ end: End) -> String {
        end == .low ? lowText : highText
    }

    /// Where the value at `end` is written.
    func location(_ end: End) -> SourceLocation? {
        end == .low ? lowLocation : highLocation
    }
}
