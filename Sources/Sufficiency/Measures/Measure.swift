/// One reported quantity: its name in the CSV files, its unit, and which way is better, made
/// from its `MeasureDefinition` (for a family, with the member's name).
public struct Measure: Sendable, Equatable {
    public var name: String
    public var unit: String
    /// Which direction is better when options are compared (nil: neither, e.g. referrals).
    public var better: Preference?
    /// Whether the measure has a value per zone (false: county only).
    public var perZone: Bool
    /// What it means (the definition's meaning).
    public var summary: String

    public init(_ name: String, unit: String, better: Preference?, perZone: Bool = true, _ summary: String) {
        self.name = name
        self.unit = unit
        self.better = better
        self.perZone = perZone
        self.summary = summary
    }
}
