/// What a person needs, fixed when they are referred (or, for the current
/// caseload, when the run starts), so every option faces the same people.
struct Person {
    /// Time of referral, in days from the start (negative for the current caseload).
    var referredAt: Double
    var zone: Int32
    var group: Int16
    /// Tier the person starts in.
    var tier: Int16
    /// Hours a week in the first tier.
    var hours: Double
    /// Days the first tier (or need) lasts from `referredAt`.
    var duration: Double
    /// Whether an enablement goal will be met (then the person leaves at its end).
    var goalMet: Bool
    /// Days the next tier lasts, if the goal is not met.
    var nextDuration: Double
    var priority: Bool
    /// Provider the person is with at the start (current caseload only; −1: none).
    var initialProvider: Int32
    /// Days from the start to the first review (current caseload only).
    var firstReview: Double
}
