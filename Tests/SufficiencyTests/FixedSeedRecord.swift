/// Results recorded from a fixed seed; they change only when the model does.
enum FixedSeedRecord {
    /// `TestScenarios.market(seed: 2024)`: referrals under option 0 for
    /// replications 0–2, then placements under option 1. The placements were 593, 776 and
    /// 701 until the first day was worked out from the placed caseload (people waiting at the
    /// start are now offered a place at once).
    static let market: [Double] = [659, 658, 625, 745, 785, 708]
}
