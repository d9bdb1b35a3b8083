/// A client group (older people, learning disability, mental health, physical
/// disability) with its own package sizes and tiers.
public struct ClientGroup: Sendable, Equatable {
    public var name: String
    /// Share of referrals in this group (shares are normalised to sum to 1).
    public var share: Double
    /// Assessed package, in hours a week.
    public var packageHours: Distribution
    /// Tiers a referral can start in; shares within the group sum to 1.
    public var tiers: [Tier]
    /// Share of this group's referrals that are priority (e.g. hospital discharge).
    public var priorityShare: Double

    public init(name: String, share: Double, packageHours: Distribution, tiers: [Tier],
                priorityShare: Double = 0) {
        self.name = name
        self.share = share
        self.packageHours = packageHours
        self.tiers = tiers
        self.priorityShare = priorityShare
    }
}
