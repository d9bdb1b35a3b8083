/// Who needs care: referrals over time and what each referral needs.
public struct Demand: Sendable, Equatable {
    /// County referrals a week at the scenario start, before seasonality.
    public var referralsPerWeek: Double
    /// Annual growth of the referral rate (0.03 = 3% a year, compounding).
    public var annualGrowth: Double
    /// Twelve multipliers on the referral rate, January to December (mean about 1).
    public var seasonality: [Double]
    /// Step changes in the referral rate.
    public var steps: [DemandStep]
    public var clientGroups: [ClientGroup]
    public var review: ReviewSettings
    /// When the clock on a tier's duration starts.
    public var durationStartsAt: DurationStart

    public init(referralsPerWeek: Double, annualGrowth: Double = 0,
                seasonality: [Double] = Array(repeating: 1, count: 12),
                steps: [DemandStep] = [], clientGroups: [ClientGroup],
                review: ReviewSettings = ReviewSettings(), durationStartsAt: DurationStart = .referral) {
        self.referralsPerWeek = referralsPerWeek
        self.annualGrowth = annualGrowth
        self.seasonality = seasonality
        self.steps = steps
        self.clientGroups = clientGroups
        self.review = review
        self.durationStartsAt = durationStartsAt
    }
}
