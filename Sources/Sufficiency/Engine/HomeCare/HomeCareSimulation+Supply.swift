import Foundation

/// The supply side on its weekly clock: workforce, capacity, capacity hand-backs,
/// financial exits; and April's price uplift.
extension HomeCareSimulation {
    /// Hourly pay (£) of provider `p`'s care workers in the current financial year.
    @inline(__always)
    func pay(_ p: Int) -> Double {
        providers[p].pay
    }

    /// Sets provider `p`'s pay for the year (at the start and each April, after the
    /// uplift): its usual pay (NLW × premium) moved towards the pay its rate covers
    /// by the workforce's pass-through share, and never below the NLW. A rule that
    /// lets rates fall behind costs squeezes pay, and with it recruitment and turnover.
    func setPay(_ p: Int) {
        let nlw = nlw(at: t)
        let usual = nlw * providers.traits[p].payPremium
        let passThrough = scenario.workforce.payPassThrough
        if passThrough > 0 {
            let covered = scenario.prices.cost.payCovered(byRate: averageRate(p), travelRatio: providers[p].travelRatio,
                                                          runningIndex: runningIndex(at: t))
            providers[p].pay = max(nlw, usual + passThrough * (covered - usual))
        } else {
            providers[p].pay = usual
        }
        refreshCost(p)
    }

    /// Running-cost index in force at time `t`.
    @inline(__always)
    func runningIndex(at t: Double) -> Double {
        prices.runningIndex[calendar.financialYear(at: t) - prices.firstYear]
    }

    /// Recomputes provider `p`'s cost of a contact hour after its pay or travel changed.
    @inline(__always)
    func refreshCost(_ p: Int) {
        refreshCost(p, runningIndex: runningIndex(at: t))
    }

    /// `refreshCost(p)` with the running-cost index in force now already looked up.
    @inline(__always)
    func refreshCost(_ p: Int, runningIndex index: Double) {
        let cost = scenario.prices.cost
        providers[p].costPerHour = cost.costPerContactHour(
            hourlyPay: providers[p].pay, travelRatio: providers[p].travelRatio, runningIndex: index)
        providers[p].travelCostPerHour = cost.travelCostPerContactHour(hourlyPay: providers[p].pay,
                                                                        travelRatio: providers[p].travelRatio)
    }

    /// National Living Wage (£ an hour) in force at time `t`.
    @inline(__always)
    func nlw(at t: Double) -> Double {
        prices.nlw[calendar.financialYear(at: t) - prices.firstYear]
    }

    /// Sets provider `p`'s travel ratio and productive share from where its
    /// customers live: fewer customers in a zone means longer runs between visits.
    func updateProductivity(_ p: Int) {
        updateProductivity(p, runningIndex: runningIndex(at: t))
    }

    /// `updateProductivity(p)` with the running-cost index in force now already looked up.
    func updateProductivity(_ p: Int, runningIndex index: Double) {
        let workforce = scenario.workforce
        var travel = 0.0, count = 0.0
        // Zones with packages, ascending: the same sum as over every zone, skipping empty ones.
        let inUse = providers.zonesInUse[p].elements
        let counts = ledger.cells.pointer(p &* zoneCount, count: zoneCount)
        let traits = zoneTraits.elements
        for i in 0..<inUse.count {
            let z = Int(inUse[i])
            let n = counts[z].count
            if n > 0 {
                let zone = traits[z]
                travel += n * zone.travelMinutesPerVisit * travelFactor(n, zone.referenceCaseload)
                count += n
            }
        }
        if count == 0 {
            let zone = zoneTraits[providers.traits[p].baseZone]
            travel = zone.travelMinutesPerVisit * travelFactor(1, zone.referenceCaseload)
            count = 1
        }
        let minutes = travel / count
        providers[p].travelRatio = minutes / workforce.visitMinutes
        providers[p].productive = (1 - workforce.nonContactShare) * workforce.visitMinutes / (workforce.visitMinutes + minutes)
        refreshCost(p, runningIndex: index)
    }

    /// Travel per visit relative to the reference caseload: the distance between
    /// neighbouring customers scales as 1/√density; bounded to half and four times.
    @inline(__always)
    func travelFactor(_ customers: Double, _ reference: Double) -> Double {
        min(4, max(0.5, (reference / max(customers, 1)).squareRoot()))
    }

    /// Cost of a contact hour (£) for provider `p` now.
    @inline(__always)
    func costPerHour(_ p: Int) -> Double {
        providers[p].costPerHour
    }

    /// Average rate (£ an hour) provider `p` is paid: over its packages, or what
    /// it would be paid for a new one.
    func averageRate(_ p: Int) -> Double {
        if providers[p].committed > HomeCareSimulation.epsilon {
            var cost = 0.0
            // Zones without packages hold exactly zero, so they can be left out of the sum.
            let inUse = providers.zonesInUse[p].elements
            let row = ledger.cells.pointer(p &* zoneCount, count: zoneCount)
            for i in 0..<inUse.count { cost += row[Int(inUse[i])].cost }
            return cost / providers[p].committed
        }
        for z in tables.serves.row(p) {
            let k = contracts.contractAt[p * zoneCount + Int(z)]
            if k >= 0 { return contracts.rates[Int(k)] }
        }
        return spotRateNow
    }

    /// Fills `waitingShare` (one entry a zone) with the waiting hours (hours a week) each
    /// provider taking spot packages in the zone may count on when it sets its vacancies:
    /// the zone's waiting hours over its active providers. Sets `spotCompetitors` on the way.
    func shareWaitingHours(into waitingShare: UnsafeMutableBufferPointer<Double>) {
        // Nothing joins or leaves a queue until recruitment is over, so every provider
        // serving the zone sees the same share.
        for z in 0..<zoneCount {
            var competitors = 0.0
            for q in tables.spot.row(z) where providers[Int(q)].active && mayTakeNewWork(Int(q), zone: z) {
                competitors += 1
            }
            spotCompetitors[z] = competitors
            waitingShare[z] = ledger.zoneStocks[z].waitingHours / max(1, competitors)
        }
    }

    /// Sets provider `p`'s vacancies (care workers): enough staff for its packages and its
    /// share of the waiting hours in the zones it serves, with the staffing buffer, less the
    /// workers it has (`ProviderBooks.setVacancies`).
    func setVacancies(_ p: Int, waitingShare: UnsafeMutableBufferPointer<Double>) {
        let workforce = scenario.workforce
        var wanted = 0.0
        for z in tables.serves.row(p) where mayTakeNewWork(p, zone: Int(z)) {
            wanted += waitingShare[Int(z)]
        }
        providers.setVacancies(p, wanted: wanted, workforce: workforce)
    }

    /// Each zone's applicants this week go to the providers recruiting there,
    /// in proportion to pay^elasticity; each hires up to its vacancies and its
    /// weekly recruitment capacity.
    func recruit(competing: Double) {
        let workforce = scenario.workforce
        let stream = streams.workforce
        let elasticity = workforce.recruitmentPayElasticity
        // The labour pool grows (or shrinks) by its yearly rate from the start.
        let growth = workforce.labourPoolGrowth
        let poolGrowth = growth == 0 ? 1 : pow(1 + growth, t / 365.25)
        let states = providers.elements, attraction = providers.payAttraction.elements
        let chosen = recruiting.elements, reach = providers.reach.elements
        // Raw pointers: GSL's multinomial reads and writes them as arrays.
        let weights = recruitWeights.base, counts = recruitCounts.base
        for z in 0..<zoneCount {
            var n = 0
            var payTotal = 0.0, reachTotal = 0.0
            for q in tables.spot.row(z) {
                let p = Int(q)
                if providers.isRecruiting(p) {
                    chosen[n] = p
                    weights[n] = attraction[p] * reach[p]
                    reachTotal += reach[p]
                    n &+= 1
                    payTotal += states[p].pay / competing
                }
            }
            // Workers released by shrinking providers look for work here this week only.
            let released = releasedToPool[z]
            releasedToPool[z] = 0
            if n == 0 { continue }
            // The same mean relative pay as the zone's last gives the same power (the set of
            // recruiters and their pay change far less often than every week).
            let meanPay = payTotal / Double(n)
            let attractiveness: Double
            if meanPay.bitPattern == zoneAttraction[2 * z].bitPattern {
                attractiveness = zoneAttraction[2 * z + 1]
            } else {
                attractiveness = pow(meanPay, elasticity)
                zoneAttraction[2 * z] = meanPay
                zoneAttraction[2 * z + 1] = attractiveness
            }
            // A huge pay premium raised to a large elasticity can overflow (or, times an empty
            // pool, be NaN); GSL's sampler takes at most 1e9, more than could ever be hired.
            // Recruiters that reach only part of the zone's job seekers draw only on that part.
            let reached = reachTotal < 1 ? reachTotal : 1
            let mean = zoneTraits[z].labourPoolPerWeek * poolGrowth * attractiveness * reached
            let applicants = stream.poisson(mean: mean.isNaN ? 0 : min(mean, 1e9))
                &+ (released > 0 ? stream.binomial(probability: reached, trials: Int(released)) : 0)
            if applicants == 0 { continue }
            for i in 0..<n { counts[i] = 0 }
            stream.multinomial(trials: applicants, weights: UnsafeBufferPointer(start: weights, count: n),
                               into: UnsafeMutableBufferPointer(start: counts, count: n))
            for i in 0..<n {
                let p = chosen[i]
                providers.hire(p, applicants: counts[i])
            }
        }
    }

    /// A provider over capacity by more than the tolerance for longer than the
    /// grace period hands packages back until it is within capacity.
    func checkCapacityHandBacks(_ p: Int) {
        let settings = scenario.handBacks
        guard providers.graceEnded(p, tolerance: settings.tolerance, graceDays: settings.graceDays, now: t) else { return }
        while providers.isOverCapacity(p), !providers.packages[p].isEmpty {
            handBack(nextHandBack(of: p), cause: .capacity)
        }
    }

    /// The person whose package provider `p` hands back next under the scenario's policy:
    /// the newest placement, the largest package, or one at random (ties to the later referral).
    private func nextHandBack(of p: Int) -> Int {
        let list = providers.packages[p].elements
        switch scenario.handBacks.policy {
        case .newest:
            return Int(list[latest(list) { $0.pointee.placedAt }])
        case .largest:
            return Int(list[latest(list) { $0.pointee.hours }])
        case .random:
            return Int(list[streams.handBacks.uniformInt(list.count)])
        }
    }

    /// Place in `list` (people, not empty) of the person with the largest `key`, the later
    /// referral on a tie. The best so far is held in locals rather than read again from its
    /// record at every comparison: reading it again cost 5.1 million instructions a Wiltshire
    /// replication (the scans of capacity and loss hand-backs).
    @inline(__always)
    private func latest(_ list: UnsafeMutableBufferPointer<Int32>, by key: (UnsafeMutablePointer<Customer>) -> Double) -> Int {
        let customers = people.customers.base
        var pick = 0
        var bestKey = key(customers + Int(list[0])), bestID = customers[Int(list[0])].id
        for i in 1..<list.count {
            let person = customers + Int(list[i])
            let k = key(person)
            if k > bestKey || (k == bestKey && person.pointee.id > bestID) {
                pick = i
                bestKey = k
                bestID = person.pointee.id
            }
        }
        return pick
    }

    /// Provider `p` lets go a binomial `share` of its surplus care workers this week; they join
    /// its base zone's job seekers next week (some are hired by other providers there, the rest
    /// leave the sector).
    func releaseSurplus(_ p: Int, share: Double, stream: RandomStream) {
        let leavers = stream.binomial(probability: share, trials: Int(providers[p].surplus))
        guard leavers > 0 else { return }
        loseWorkers(p, leavers: leavers)
        providers[p].surplus -= Double(leavers)
        releasedToPool[providers.traits[p].baseZone] += Double(leavers)
    }

    /// Provider `p` loses `leavers` care workers this week. The hours their rounds held that
    /// the rest of the workforce has no room for (beyond its capacity with the usual
    /// overcommitment) are uncovered, and `HandBackSettings.uncoveredShare` of them are set
    /// aside to be handed back at this week's capacity check; the rest the provider stretches
    /// its remaining staff over (undelivered hours, until the tolerance and grace rule acts).
    func loseWorkers(_ p: Int, leavers: Int) {
        providers.loseWorkers(p, leavers: leavers, workforce: scenario.workforce,
                              uncoveredShare: scenario.handBacks.uncoveredShare)
    }

    /// Provider `p` hands back packages worth `hours` hours a week, in the policy's order: each
    /// whole package while the hours last, and the next one with the chance that the hours
    /// left are of its size, so that the hours handed back are `hours` on average.
    func handBack(hours: Double, of p: Int, cause: HandBackCause) {
        var left = hours
        while left > HomeCareSimulation.epsilon, !providers.packages[p].isEmpty {
            let c = nextHandBack(of: p)
            let size = people.customers[c].hours
            if size > left && streams.handBacks.uniform() * size >= left { return }
            left -= size
            handBack(c, cause: cause)
        }
    }

    /// Margin of provider `p` now: (average rate − cost) / rate, or −1 with no rate.
    @inline(__always)
    func margin(_ p: Int) -> Double {
        var rate = averageRate(p)
        let sold = providers[p].privateHours
        if sold > 0 {
            // Private work at the private rate, blended with the council's by hours.
            let council = providers[p].committed
            rate = (rate * council + privateRateNow * sold) / (council + sold)
        }
        return rate > 0 ? (rate - costPerHour(p)) / rate : -1
    }

    /// A provider whose margin is below the hand-back margin gives back loss-making
    /// packages, lowest rate first: how many this week is binomial in its packages at
    /// the weekly equivalent of the annual hazard.
    func checkLossHandBacks(_ p: Int) {
        let settings = scenario.handBacks
        let count = providers.packages[p].count
        guard count > 0, margin(p) < settings.lossMargin else { return }
        let chance = 1 - exp(-settings.lossAnnualHazard * 7 / 365.25)
        var n = streams.handBacks.binomial(probability: chance, trials: count)
        while n > 0, !providers.packages[p].isEmpty {
            let list = providers.packages[p].elements
            // The lowest rate is the largest negated rate (negation is exact).
            handBack(Int(list[latest(list) { -$0.pointee.rate }]), cause: .financial)
            n -= 1
        }
    }

    /// Financial exit: the weekly chance rises as the margin falls. On exit every
    /// package is handed back and part of the workforce moves to providers in
    /// the same base zone.
    func checkExit(_ p: Int, stream: RandomStream) {
        let settings = scenario.exits
        let margin = margin(p)
        // The exponent is capped so that a zero hazard stays zero however far costs
        // have run ahead of the rate (0 × ∞ would be NaN).
        var exponent = settings.sensitivity * (settings.referenceMargin - margin)
        if settings.utilisationSensitivity > 0 {
            // Short of work: committed hours well below what the workforce could deliver.
            let capacity = providers[p].capacity
            let utilisation = capacity > 0 ? (providers[p].committed + providers[p].privateHours) / capacity : 0
            exponent += settings.utilisationSensitivity * max(0, settings.referenceUtilisation - utilisation)
        }
        exponent = min(60, exponent)
        let annual = min(settings.maximumAnnualHazard,
                         settings.annualHazard * exp(exponent) * providers.traits[p].exitHazardFactor)
        guard stream.uniform() < 1 - exp(-annual * 7 / 365.25) else { return }
        exitMarket(p, stream: stream)
    }

    /// Provider `p` leaves the market (the rare end of `checkExit`, kept out of its weekly path;
    /// also a dated `provider_exit` event). `p`'s integrals must be up to now.
    @inline(never)
    func exitMarket(_ p: Int, stream: RandomStream) {
        let settings = scenario.exits

        let base = providers.traits[p].baseZone
        ledger.counters[base * fieldCount + PeriodField.exits.rawValue] += 1
        let transfer = stream.binomial(probability: settings.transferShare, trials: Int(providers[p].workers))
        providers.close(p, at: t)
        let receivers = tables.spot.row(base).map(Int.init).filter { providers[$0].active }
        if !receivers.isEmpty && transfer > 0 {
            // TUPE: staff follow the work, in proportion to the receivers' size.
            var w = receivers.map { providers[$0].workers + 1 }
            var n = [UInt32](repeating: 0, count: receivers.count)
            w.withUnsafeMutableBufferPointer { wb in
                n.withUnsafeMutableBufferPointer { nb in
                    stream.multinomial(trials: transfer, weights: UnsafeBufferPointer(wb), into: nb)
                }
            }
            for (i, q) in receivers.enumerated() {
                providers.integrate(q, to: t)
                providers[q].workers += Double(n[i])
                providers.refreshCapacity(q, workforce: scenario.workforce)
            }
        }
        while let c = providers.packages[p].last {
            handBack(Int(c), cause: .financial)
        }
    }

    /// April: every rate rises by the option's uplift rule for its route, and
    /// packages in care are repriced.
    func applyUplift(year: Int) {
        let rule = plan.option.uplift
        let y = year - prices.firstYear
        let nlwChange = prices.nlwChange[y]
        let cpiChange = prices.cpiBefore[y]
        let settlement = prices.settlement[y]
        func uplift(_ route: Route) -> Double {
            rule.uplift(route: route, year: year, nlwChange: nlwChange, cpiChange: cpiChange, settlement: settlement)
        }
        for k in 0..<tables.contractRoute.count {
            contracts.rates[k] *= 1 + uplift(tables.contractRoute[k])
        }
        spotRateNow *= 1 + uplift(.spot)
        legacyRateNow *= 1 + uplift(.legacy)
        repriceAll()
        // Pay and costs for the new year follow the new NLW and rates.
        for p in 0..<providerCount {
            providers.integrate(p, to: t)
            setPay(p)
        }
    }
}
