/// What coverage lost is measured against: each provider's capacity on the first reported day.
extension HomeCareSimulation {
    /// Records every provider's capacity (contact hours a week) as the reported run begins: at
    /// the end of the warm-up, or once the market is set up when there is none. Providers not in
    /// the market then count 0. Nothing without a `coverage` section.
    func recordStartingCapacity() {
        guard coverage != nil else { return }
        providers.recordStartingCapacity()
    }
}
