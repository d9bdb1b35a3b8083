/// Results recorded from a fixed seed; they change only when the model does.
enum FixedSeedRecord {
    /// `TestScenarios.market(seed: 2024)`: referrals under option 0 for
    /// replications 0–2, then placements under option 1.
    static let market: [Double] = [659, 658, 625, 593, 776, 701]
}
