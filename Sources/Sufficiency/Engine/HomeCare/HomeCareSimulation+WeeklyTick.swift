import Foundation

/// The supply side's week, phase by phase: the workforce turns over and recruits, capacity
/// follows it, private buyers take their share, providers over capacity or losing money hand
/// packages back, some leave and others enter, and spare capacity is offered to the people
/// waiting. The phases run in this order every week; each reads what the earlier ones left.
extension HomeCareSimulation {
    func supplyTick() {
        for p in 0..<providerCount { providers.integrate(p, to: t) }
        // No April falls within a tick: one look-up of the running-cost index serves every provider.
        let index = runningIndex(at: t)
        if scenario.workforce.dynamic { moveWorkforce(runningIndex: index) }
        setCapacities(runningIndex: index)
        if let market = scenario.privateMarket { sellPrivately(market) }
        chargeUnusedGuarantees()
        handBackOverCapacity()
        if scenario.handBacks.lossAnnualHazard > 0 { handBackLossMaking() }
        checkExits()
        if let entry = scenario.entry { considerEntry(entry) }
        if admitsEveryWeek { admitNewMembers() }
        countActiveProviders()
        offerSpareCapacity()
        if tables.hasMiniCompetition { sendLongWaitsToMiniCompetition() }
    }

    /// A dynamic workforce's week: leavers, productivity, vacancies, surplus released, room to
    /// recruit, then recruitment from each zone's job seekers.
    private func moveWorkforce(runningIndex index: Double) {
        let workforce = scenario.workforce
        let stream = streams.workforce
        let competing = nlw(at: t) * workforce.competingWagePremium
        // Pay and the competing wage change only in April, and with them a provider's
        // weekly chance of losing a worker and its pull on applicants.
        let year = calendar.financialYear(at: t)
        if year != pricedYear {
            pricedYear = year
            priceWorkforce(competing: competing)
        }
        let release = workforce.surplusReleasePerWeek
        withUnsafeTemporaryAllocation(of: Double.self, capacity: zoneCount) { waitingShare in
            shareWaitingHours(into: waitingShare)
            for p in 0..<providerCount where providers[p].active && providers.traits[p].fixedCapacityHours.isNaN {
                let workers = Int(providers[p].workers)
                if workers > 0 {
                    let leavers = stream.binomial(probability: providers.weeklyLeaving[p], trials: workers)
                    if leavers > 0 { loseWorkers(p, leavers: leavers) }
                }
                updateProductivity(p, runningIndex: index)
                setVacancies(p, waitingShare: waitingShare)
                if release > 0 && providers[p].surplus >= 1 { releaseSurplus(p, share: release, stream: stream) }
                providers.buildRecruitRoom(p)
            }
        }
        recruit(competing: competing)
    }

    /// Each provider's weekly chance of losing a worker and its pull on applicants, at this
    /// financial year's pay against the competing wage (£ an hour).
    private func priceWorkforce(competing: Double) {
        let workforce = scenario.workforce
        let elasticity = workforce.recruitmentPayElasticity
        for p in 0..<providerCount {
            // Leavers: turnover rises as pay falls behind the competing wage.
            let shortfall = max(0, (competing - pay(p)) / competing)
            let hazard = workforce.annualTurnover * (1 + workforce.turnoverPayElasticity * shortfall)
            providers.weeklyLeaving[p] = 1 - exp(-hazard * 7 / 365.25)
            providers.payAttraction[p] = pow(pay(p) / competing, elasticity)
        }
    }

    /// Each provider in the market: its capacity (contact hours a week) from its workforce and
    /// productivity, or its fixed hours; a fixed workforce has no vacancies.
    private func setCapacities(runningIndex index: Double) {
        let workforce = scenario.workforce
        for p in 0..<providerCount where providers[p].active {
            if !workforce.dynamic { updateProductivity(p, runningIndex: index) }
            providers.refreshCapacity(p, workforce: workforce)
            if !workforce.dynamic { providers[p].vacancies = 0 }
        }
    }

    /// Packages that leavers left uncovered go back first, then those of providers over the
    /// tolerance for longer than the grace period.
    private func handBackOverCapacity() {
        for p in 0..<providerCount where providers[p].uncovered > 0 {
            let hours = providers.takeUncovered(p)
            if providers[p].active { handBack(hours: hours, of: p, cause: .capacity) }
        }
        // Within tolerance, the usual case, checkCapacityHandBacks only clears the clock.
        let overLimit = 1 + scenario.handBacks.tolerance
        for p in 0..<providerCount where providers[p].active {
            if providers[p].committed > providers[p].capacity * overLimit + HomeCareSimulation.epsilon {
                checkCapacityHandBacks(p)
            } else {
                providers[p].overSince = .nan
            }
        }
    }

    /// Providers whose margin is below the scenario's loss margin hand packages back, by chance,
    /// the lowest-paid first.
    private func handBackLossMaking() {
        for p in 0..<providerCount where providers[p].active {
            checkLossHandBacks(p)
        }
    }

    /// Providers that cannot carry on leave the market.
    private func checkExits() {
        // One reference to the exits stream for the whole loop, not one per provider.
        let exitStream = streams.exits
        for p in 0..<providerCount where providers[p].active {
            checkExit(p, stream: exitStream)
        }
    }

    /// Every provider in the market with spare hours offers them to the people waiting.
    private func offerSpareCapacity() {
        for p in 0..<providerCount where providers.hasSpare(p) {
            offerCapacity(of: p)
        }
    }

    /// People who have waited the option's days go to county-wide mini-competition, queue by
    /// queue in order.
    private func sendLongWaitsToMiniCompetition() {
        let afterDays = tables.miniCompetitionAfterDays
        // Brokering here only takes spare hours away, and whether it places a long waiter depends
        // only on their zone and hours: once it fails for someone, it fails for everyone in their
        // zone needing as many hours or more, so they are not offered round again (the smallest
        // such hours a week, by zone). Offering them round again cost 2.1 million instructions a
        // Wiltshire replication.
        withUnsafeTemporaryAllocation(of: Double.self, capacity: zoneCount) { unplaceable in
            unplaceable.initialize(repeating: .infinity)
            for q in 0..<queues.count {
                // Only brokering changes a queue: read it afresh after each placement attempt.
                var queue = queues[q].elements
                var i = 0
                while i < queue.count {
                    let entry = queue[i]
                    let c = Int(entry.person)
                    if isLive(entry) && t - people.customers[c].queuedAt >= afterDays {
                        let z = Int(people.customers[c].zone), hours = people.customers[c].hours
                        if hours < unplaceable[z] {
                            if !broker(c) { unplaceable[z] = hours }
                            queue = queues[q].elements
                        }
                    }
                    i += 1
                }
            }
        }
    }
}
