/// What happens at a person's periodic review.
public struct ReviewSettings: Sendable, Equatable {
    /// Days between reviews (0: no reviews).
    public var intervalDays: Double
    /// Probability that a review reduces the package.
    public var stepDownProbability: Double
    /// Multiplier on hours a week when a package is stepped down (0–1).
    public var stepDownFactor: Double
    /// Probability that a review increases the package.
    public var stepUpProbability: Double
    /// Multiplier on hours a week when a package is stepped up (≥ 1).
    public var stepUpFactor: Double
    /// Probability that a person on a spot or legacy package is moved to a
    /// contracted provider with capacity at review (if the option has one).
    public var moveToContractedProbability: Double

    public init(intervalDays: Double = 365, stepDownProbability: Double = 0,
                stepDownFactor: Double = 1, stepUpProbability: Double = 0,
                stepUpFactor: Double = 1, moveToContractedProbability: Double = 0) {
        self.intervalDays = intervalDays
        self.stepDownProbability = stepDownProbability
        self.stepDownFactor = stepDownFactor
        self.stepUpProbability = stepUpProbability
        self.stepUpFactor = stepUpFactor
        self.moveToContractedProbability = moveToContractedProbability
    }
}
