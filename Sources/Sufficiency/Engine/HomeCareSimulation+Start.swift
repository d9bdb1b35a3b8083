/// The market on the first day, worked out from the starting caseload once it is placed.
extension HomeCareSimulation {
    /// Sets every provider's travel, pay, cost, capacity and vacancies from the caseload just
    /// placed, as the weekly clock would, and offers the providers' spare hours to the people
    /// waiting at the start.
    ///
    /// A run starts from the market as it stands, not from empty, so the first day must look
    /// like the days after it. Worked out before the caseload is placed, every provider would
    /// look as if it had one customer (travel at four times the reference, capacity about a
    /// third short, a negative margin and pay held at the National Living Wage), and nobody
    /// waiting would be offered a place until the first weekly tick.
    func startMarket() {
        let workforce = scenario.workforce
        let index = runningIndex(at: t)
        for p in 0..<providerCount {
            updateProductivity(p, runningIndex: index)
            setPay(p)
            providers[p].capacity = capacityOf(p, workforce: workforce)
            refreshSpare(p)
        }
        if workforce.dynamic {
            withUnsafeTemporaryAllocation(of: Double.self, capacity: zoneCount) { waitingShare in
                shareWaitingHours(into: waitingShare)
                for p in 0..<providerCount where providerTraits[p].fixedCapacityHours.isNaN {
                    setVacancies(p, waitingShare: waitingShare)
                }
            }
        }
        for p in 0..<providerCount where spare(p) > HomeCareSimulation.epsilon {
            offerCapacity(of: p)
        }
    }
}
