/// The market on the first day, worked out from the starting caseload once it is placed, and
/// the dated events a run starts with.
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
            providers.refreshCapacity(p, workforce: workforce)
        }
        if workforce.dynamic {
            withUnsafeTemporaryAllocation(of: Double.self, capacity: zoneCount) { waitingShare in
                shareWaitingHours(into: waitingShare)
                // Would-be entrants are not in the market yet: they have no vacancies.
                for p in 0..<providerCount where providers.traits[p].fixedCapacityHours.isNaN && providers[p].active {
                    setVacancies(p, waitingShare: waitingShare)
                }
            }
        }
        for p in 0..<providerCount where providers.spare(p) > HomeCareSimulation.epsilon {
            offerCapacity(of: p)
        }
    }

    /// Puts the running option's contracts in force, except those a dated `contract_gained`
    /// event starts, and posts its dated events (provider exits, capacity changes, contracts
    /// lost and gained) on the event calendar, each at the start of its day. Called when a run
    /// starts, before the caseload is placed (a caseload held under a contract not yet in force
    /// is on legacy terms). Posts nothing for a scenario without events.
    func startDatedEvents() {
        contracts.startEvents(eventPlan)
        for event in eventPlan.dated {
            post(event.kind, at: Double(event.day), subject: event.index)
        }
    }
}
