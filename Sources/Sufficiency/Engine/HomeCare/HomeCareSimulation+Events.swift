/// The scenario's dated events (`Scenario.events`) as they happen in a run: providers leaving,
/// workforces changing and contracts ending or starting on given days. `startDatedEvents`
/// posts them when a run starts; demand shocks are drawn with the referrals (`DemandSchedule`).
extension HomeCareSimulation {
    /// Whether the provider of contract `contract` (an index into the running option's
    /// contracts) may take a package of zone `z` under it now: always, unless a dated contract
    /// event names the contract and has it out of force there.
    @inline(__always)
    func contractInForce(_ contract: Int32, zone z: Int) -> Bool {
        contracts.inForce(contract, zone: z)
    }

    /// A dated provider exit or capacity change, event `index` of `Scenario.events`. An event
    /// about a provider that has already left the market changes nothing.
    func applyMarketEvent(_ index: Int) {
        switch scenario.events[index].kind {
        case .providerExit(let p):
            guard providers[p].active else { return }
            providers.integrate(p, to: t)
            // As a financial exit: the same transfers, drawn from the same stream.
            exitMarket(p, stream: streams.exits)
        case .capacityChange(let change):
            changeWorkforce(change)
        case .demandShock, .contractLost, .contractGained:
            preconditionFailure("HomeCareSimulation: event \(index) is not a market event")
        }
    }

    /// Scales or sets a provider's care workers now: workers who go leave as the week's leavers
    /// do (`loseWorkers`, so their uncovered rounds go back at the next capacity check), workers
    /// who come are added; capacity follows at once, and any spare hours are offered to the
    /// people waiting where it works.
    private func changeWorkforce(_ change: CapacityChange) {
        let p = change.provider
        guard providers[p].active else { return }
        providers.integrate(p, to: t)
        let workers = providers[p].workers
        let target = change.workers(from: workers)
        if target < workers {
            loseWorkers(p, leavers: Int(workers - target))
        } else {
            providers[p].workers = target
        }
        providers.refreshCapacity(p, workforce: scenario.workforce)
        if providers.hasSpare(p) { offerCapacity(of: p) }
    }

    /// A dated contract lost or gained, event `index` of `Scenario.events`: the slots it names
    /// (`EventPlan.slots`) go out of force (lost) or into force (gained) from now. A provider
    /// that has lost a contract in a zone is no longer offered that zone's packages under it;
    /// the packages it holds keep their route and rate. A provider that gains one is offered
    /// the waiting people of the zones it serves at once, if it has spare hours.
    ///
    /// This is the one place a run changes which contracts are in force.
    func applyContractEvent(_ index: Int) {
        let inForce: Bool
        let provider: Int
        switch scenario.events[index].kind {
        case .contractLost(let change):
            inForce = false
            provider = change.provider
        case .contractGained(let change):
            inForce = true
            provider = change.provider
        case .providerExit, .capacityChange, .demandShock:
            preconditionFailure("HomeCareSimulation: event \(index) is not a contract event")
        }
        contracts.switchEventSlots(eventPlan.slots[index] ?? [], inForce: inForce)
        if inForce && providers.spare(provider) > HomeCareSimulation.epsilon { offerCapacity(of: provider) }
    }
}
