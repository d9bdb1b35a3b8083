/// A tier of support: time-limited enablement or long-term care.
public struct Tier: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Time-limited and goal-oriented: at the end the person leaves if the goal
        /// is met, otherwise steps into the `next` tier.
        case enablement
        /// Ongoing care until the need ends.
        case longTerm = "long_term"
    }

    public var name: String
    public var kind: Kind
    /// Share of the client group's referrals that start in this tier.
    public var share: Double
    /// Days the tier lasts (enablement) or the need lasts (long-term).
    public var duration: Distribution
    /// Probability that an enablement goal is met (the person then leaves).
    public var goalProbability: Double
    /// Index of the tier a person steps into when an enablement goal is not met.
    public var next: Int?
    /// Package hours a week in this tier as a multiple of the person's assessed hours.
    public var hoursFactor: Double

    public init(name: String, kind: Kind, share: Double, duration: Distribution,
                goalProbability: Double = 0, next: Int? = nil, hoursFactor: Double = 1) {
        self.name = name
        self.kind = kind
        self.share = share
        self.duration = duration
        self.goalProbability = goalProbability
        self.next = next
        self.hoursFactor = hoursFactor
    }
}
