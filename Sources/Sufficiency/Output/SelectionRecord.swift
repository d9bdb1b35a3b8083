/// What a selection asked and found, recorded in its manifest (`experiment.selection`).
public struct SelectionRecord: Codable, Sendable, Equatable {
    /// The measure, direction, δ, α, n0 and maximum replications.
    public var settings: SelectionSettings
    /// "selected", "maximum" or "tied" (`SelectionResult.Ending`).
    public var ending: String
    /// The option selected; absent when more than one was left.
    public var selected: String?
    /// The options left at the end (the selected one alone when one was selected).
    public var survivors: [String]
    /// KN's η and h² for these settings and options.
    public var eta: Double
    public var hSquared: Double
    /// The most replications KN could have needed, from the first stage's variances.
    public var mostReplications: Int

    public init(_ result: SelectionResult) {
        settings = result.settings
        ending = result.ending.rawValue
        selected = result.ending == .selected ? result.options[result.best] : nil
        survivors = result.survivors.map { result.options[$0] }
        eta = result.eta
        hSquared = result.hSquared
        mostReplications = result.mostReplications
    }
}
