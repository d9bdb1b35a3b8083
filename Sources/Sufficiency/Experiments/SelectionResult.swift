/// What `sufficiency select` found: the option KN selected, or those it could not tell apart
/// by the maximum, and when each other option was eliminated.
public struct SelectionResult: Sendable, Equatable {
    /// Why the procedure ended.
    public enum Ending: String, Sendable, Codable, Equatable {
        /// One option was left: it is the selection, with the stated probability.
        case selected
        /// The maximum replications were reached with more than one option left.
        case maximum
        /// The options left had exactly equal means where KN's region had closed for every
        /// pair of them, so no number of replications would separate them under its rule.
        case tied
    }

    public let settings: SelectionSettings
    /// The scenario's options, in order.
    public let options: [String]
    /// The measure's unit (e.g. "hours a week").
    public let unit: String
    /// η and h² of KN for these settings and options.
    public let eta: Double
    public let hSquared: Double
    /// Replications run and read, r at the end (n0 at least).
    public let replications: Int
    /// The most replications KN could take for the first stage's variances
    /// (`KNSelection.mostObservations`).
    public let mostReplications: Int
    public let ending: Ending
    /// For each option, the replication after which it was eliminated; nil for those left.
    public let eliminatedAfter: [Int?]
    /// For each eliminated option, its mean over the replications up to its elimination.
    public let meanAtElimination: [Double?]
    /// For each option, its mean over every replication run (all options run in each).
    public let means: [Double]
    /// S²_il for each pair of options (k × k, row-major).
    public let pairVariances: [Double]

    /// The options left, in order.
    public var survivors: [Int] { options.indices.filter { eliminatedAfter[$0] == nil } }

    /// The selected option when one was left; otherwise the best by mean among those left
    /// (the lowest index on an exact tie), which is not a guaranteed selection.
    public var best: Int {
        let sign: Double = settings.preference == .higher ? 1 : -1
        return survivors.max { a, b in sign * means[a] < sign * means[b] || (sign * means[a] == sign * means[b] && a > b) }!
    }
}
