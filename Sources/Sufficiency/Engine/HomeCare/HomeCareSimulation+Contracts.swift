import Foundation

/// Contracts over time: the term and its extension, re-tenders and handovers, and who may
/// sell the council spot packages.
///
/// An option's contracts start on the run's first day. At the end of the initial term (less
/// the mobilisation period) the extension is decided by the term's rule; at the end of the
/// last extension every lot is tendered: bids are priced from each bidder's cost build-up, the
/// winners' contracts start at the handover at their bids, and the losers' contracts end, their
/// packages staying on legacy terms or moving to a winner with part of their staff. A term at
/// least as long as the run changes nothing: no event falls inside it and no number is drawn.
extension HomeCareSimulation {
    /// What the next handover does to a contract slot.
    enum SlotChange: UInt8 {
        case none = 0
        /// A winner that did not hold the contract: it starts at the bid.
        case starts = 1
        /// A holder that did not win: the contract ends.
        case ends = 2
        /// A holder that won again: the contract goes on at the bid.
        case reprices = 3
    }

    /// Puts the running option's starting contracts in force at their rates (front-loaded)
    /// and schedules the end of the first term.
    func startContracts(_ option: ProcurementOption) {
        for k in 0..<tables.slotCount {
            contracts.rates[k] = OptionPlan.startRate(Int32(k), option) * option.frontLoading
            contracts.slotActive[k] = k < tables.startingContracts
            contracts.slotChange[k] = SlotChange.none.rawValue
        }
        if tables.tenders {
            // The last run's tenders reordered the rows: back to the order at the start.
            tables.contracted.items.base.update(from: tables.startOrder.base, count: tables.startOrder.count)
        }
        refreshHoldings()
        spotAccess = option.spotAccess
        termEndsAt = .infinity
        if let term = option.term, tables.tenders {
            scheduleTermEnd(at: calendar.day(term.initialYears, yearsAfter: 0), extensionAvailable: term.extensionYears > 0)
        }
        admitsEveryWeek = false
        switch option.vehicle {
        case .closed: break
        case .open(let days): for day in days { post(.reopening, at: day, subject: 0) }
        case .dynamic: admitsEveryWeek = true
        }
    }

    /// An open framework's reopening, or a dynamic market's week: every provider in the market
    /// that is not a member of a framework or DPS lot it could join bids, and joins at its bid
    /// when the bid is within the price ceiling and its quality at least the minimum.
    func admitNewMembers() {
        let ceiling = admissionCeiling
        let slots = plan.slots
        var joined = false
        for lot in plan.lots where !lot.competitive {
            for k in lot.slots where !contracts.slotActive[Int(k)] && contracts.slotChange[Int(k)] == SlotChange.none.rawValue {
                guard providers[Int(slots[Int(k)].provider)].active, let bid = bid(slot: Int(k)), bid <= ceiling
                else { continue }
                contracts.slotActive[Int(k)] = true
                contracts.rates[Int(k)] = bid
                ledger.counters[Int(slots[Int(k)].zones.first ?? 0) * fieldCount + PeriodField.contractChanges.rawValue] += 1
                joined = true
            }
        }
        guard joined else { return }
        refreshHoldings()
        reorderCandidates()
        for p in 0..<providerCount where providers.hasSpare(p) {
            offerCapacity(of: p)
        }
    }

    /// Whether provider `p` may take new spot packages in zone `z` under the running option.
    @inline(__always)
    func maySellSpot(_ p: Int, zone z: Int) -> Bool {
        switch spotAccess {
        case .all: return true
        case .contractHolders: return contracts.held[p] > 0
        case .zoneContractHolders: return contracts.contractAt[p &* zoneCount &+ z] >= 0
        case .none: return false
        }
    }

    /// Whether provider `p` can be given new packages in zone `z`: under a contract in force
    /// there, or spot.
    @inline(__always)
    func mayTakeNewWork(_ p: Int, zone z: Int) -> Bool {
        spotAccess == .all || contracts.contractAt[p &* zoneCount &+ z] >= 0 || maySellSpot(p, zone: z)
    }

    /// Sets what each provider holds (`ContractBook.refreshHoldings`) and the hours a week
    /// the council guarantees it from the slots in force.
    func refreshHoldings() {
        let slots = plan.slots
        contracts.refreshHoldings(slots: slots, slotCount: tables.slotCount)
        for p in 0..<providerCount { providers[p].guaranteed = 0 }
        for k in 0..<tables.slotCount where contracts.slotActive[k] {
            providers[Int(slots[k].provider)].guaranteed += slots[k].guaranteedHours
        }
    }

    /// Schedules the decision at the end of the term ending on day `end` (extend, or tender),
    /// `mobilisationDays` before it.
    /// A term ending after the run needs no decision inside it: nothing it decides would take
    /// effect, so a term at least as long as the run leaves every result as without a term.
    func scheduleTermEnd(at end: Double, extensionAvailable: Bool) {
        termEndsAt = end
        if end >= horizon { return }
        let decision = max(t, end - plan.option.tender.mobilisationDays)
        post(.termEnd, at: decision, subject: extensionAvailable ? 1 : 0)
    }

    /// The term is ending: take the extension if it is available and the rule allows it,
    /// otherwise tender every lot for a handover at the term's end.
    func endOfTerm(extensionAvailable: Bool) {
        guard let term = plan.option.term else { return }
        if extensionAvailable && shouldExtend(term.extensionRule) {
            ledger.counters[PeriodField.extensions.rawValue] += 1
            scheduleTermEnd(at: calendar.day(term.extensionYears, yearsAfter: termEndsAt), extensionAvailable: false)
            return
        }
        tender()
        post(.handover, at: termEndsAt, subject: 0)
    }

    /// Whether the rule extends the term now.
    func shouldExtend(_ rule: ExtensionRule) -> Bool {
        switch rule {
        case .always: return true
        case .never: return false
        case let .onPerformance(maximumUnmetShare, maximumHandBackRate):
            let (unmet, handBackRate) = recentPerformance()
            // No completed period yet is no evidence against the provider: the term is extended.
            return !(unmet > maximumUnmetShare) && !(handBackRate > maximumHandBackRate)
        }
    }

    /// The county's unmet share (unmet over eligible hours a week) and hand-back rate (packages
    /// handed back a year per package in care) over the completed periods of the last year;
    /// NaN when no period has completed.
    func recentPerformance() -> (unmetShare: Double, handBackRate: Double) {
        var waitingHours = 0.0, committed = 0.0, delivered = 0.0, handBacks = 0.0, inCare = 0.0
        let periods = calendar.periods
        for period in 0..<max(0, min(ledger.currentPeriod, periods.count)) where Double(periods[period].toDay) > t - 365.25 {
            for z in 0..<zoneCount {
                let row = period * binStride + z * fieldCount
                func f(_ field: PeriodField) -> Double { ledger.bins[row + field.rawValue] }
                waitingHours += f(.waitingHoursArea)
                committed += f(.committedArea)
                delivered += f(.deliveredArea)
                handBacks += f(.handBacksCapacity) + f(.handBacksFinancial) + f(.handBacksBackground)
                inCare += f(.inCareArea)
            }
        }
        let need = waitingHours + committed
        return (need > 0 ? (need - delivered) / need : .nan, inCare > 0 ? handBacks * 365.25 / inCare : .nan)
    }

    /// Cost of a contact hour (£) provider `p` prices a bid from: its pay and running costs
    /// now, with the travel of the `zones` it would serve at their reference caseloads (a
    /// bidder prices the work as the council describes it, not its present rounds).
    func bidCost(_ p: Int, zones: [Int32]) -> Double {
        var minutes = 0.0
        for z in zones { minutes += zoneTraits[Int(z)].travelMinutesPerVisit }
        let travelRatio = minutes / Double(max(1, zones.count)) / scenario.workforce.visitMinutes
        return scenario.prices.cost.costPerContactHour(hourlyPay: pay(p), travelRatio: travelRatio,
                                                       runningIndex: runningIndex(at: t))
    }

    /// The option's reference rate (£ an hour) uplifted to now: its spot rate less the spot premium.
    var referenceRateNow: Double {
        spotRateNow / (1 + plan.option.spotPremium)
    }

    /// Highest bid (£ an hour) a framework or DPS lot admits now: the reference rate with the
    /// tender's price ceiling (the spot premium when it gives none).
    var admissionCeiling: Double {
        referenceRateNow * (1 + (plan.option.tender.priceCeiling ?? plan.option.spotPremium))
    }

    /// The bid (£ an hour) of the provider holding slot `k` for it: its cost build-up at the
    /// slot's travel × (1 + target margin) × front-loading × a lognormal spread; nil when its
    /// quality is below the minimum. The spread is drawn for every bidder, acceptable or not, so
    /// one bidder's quality does not shift the others' draws.
    func bid(slot k: Int) -> Double? {
        let option = plan.option
        let settings = option.tender
        let p = Int(plan.slots[k].provider)
        let spread = settings.bidSpread > 0 ? exp(streams.contracts.gaussian(mean: 0, sd: settings.bidSpread)) : 1
        guard scenario.providers[p].quality >= settings.minimumQuality else { return nil }
        return bidCost(p, zones: plan.slots[k].zones) * (1 + settings.targetMargin) * option.frontLoading * spread
    }

    /// Tenders every lot: every provider in the market with a slot in the lot bids; competitive
    /// lots go to the best scores, admission lots admit every bid within the ceiling. What each
    /// slot does at the handover is left in `contracts.slotChange` and `contracts.slotBid`. A
    /// lot nobody can win stays with its holders at their rates.
    func tender() {
        let option = plan.option
        let settings = option.tender
        let ceiling = admissionCeiling
        let slots = plan.slots
        for lot in plan.lots {
            let firstZone = Int(lot.zones.first ?? 0)
            ledger.counters[firstZone * fieldCount + PeriodField.tenders.rawValue] += 1
            var previous = 0.0, held = 0.0
            for k in lot.slots where contracts.slotActive[Int(k)] {
                previous += contracts.rates[Int(k)]
                held += 1
            }
            previous = held > 0 ? previous / held : referenceRateNow * option.frontLoading
            // What a competitive lot's bidder must be able to take on by the handover.
            let needed = lot.competitive && settings.minimumMobilisationShare > 0
                ? settings.minimumMobilisationShare * lotNeed(lot.zones) / Double(lot.places) : 0
            var bids: [(slot: Int, bid: Double, quality: Double)] = []
            for k in lot.slots {
                let p = Int(slots[Int(k)].provider)
                guard providers[p].active else { continue }
                if needed > 0 && mobilisable(p, days: settings.mobilisationDays) < needed { continue }
                guard let bid = bid(slot: Int(k)) else { continue }
                bids.append((Int(k), bid, scenario.providers[p].quality))
            }
            var winners: [(slot: Int, bid: Double, quality: Double)]
            if lot.competitive {
                let lowest = bids.map(\.bid).min() ?? 0
                func score(_ b: (slot: Int, bid: Double, quality: Double)) -> Double {
                    (1 - settings.qualityWeight) * lowest / b.bid + settings.qualityWeight * b.quality
                }
                winners = Array(bids.sorted { score($0) != score($1) ? score($0) > score($1) : $0.slot < $1.slot }
                    .prefix(lot.places))
            } else {
                winners = bids.filter { $0.bid <= ceiling }
            }
            if winners.isEmpty { continue }
            let winning = Set(winners.map(\.slot))
            for winner in winners {
                contracts.slotBid[winner.slot] = winner.bid
                contracts.slotChange[winner.slot] = (contracts.slotActive[winner.slot] ? SlotChange.reprices : SlotChange.starts).rawValue
                ledger.counters[firstZone * fieldCount + PeriodField.rateStepSum.rawValue] += winner.bid / previous - 1
                ledger.counters[firstZone * fieldCount + PeriodField.rateStepCount.rawValue] += 1
            }
            for k in lot.slots where contracts.slotActive[Int(k)] && !winning.contains(Int(k)) {
                contracts.slotChange[Int(k)] = SlotChange.ends.rawValue
            }
        }
    }

    /// Placed and waiting hours a week in `zones` now.
    func lotNeed(_ zones: [Int32]) -> Double {
        var hours = 0.0
        for z in zones {
            hours += ledger.zoneStocks[Int(z)].waitingHours
            for p in 0..<providerCount { hours += ledger.cells[p * zoneCount + Int(z)].committed }
        }
        return hours
    }

    /// Hours a week provider `p` could take on within `days`: its spare hours now, plus what the
    /// workers it can recruit in that time would deliver.
    func mobilisable(_ p: Int, days: Double) -> Double {
        let perWorker = scenario.workforce.contractedHoursPerWeek * providers[p].productive
        return max(0, providers.spare(p)) + providers.traits[p].recruitmentPerWeek * days / 7 * perWorker
    }

    /// The handover: awarded contracts start (and re-won ones go on) at their bids; lost ones
    /// end, their packages staying on legacy terms or moving to a winner in the same zone with
    /// the TUPE share of the staff who delivered them. Brokerage order follows the new rates.
    func handOver() {
        let slots = plan.slots
        var ending: [Int] = []
        for k in 0..<tables.slotCount {
            switch SlotChange(rawValue: contracts.slotChange[k]) ?? .none {
            case .starts:
                contracts.slotActive[k] = true
                contracts.rates[k] = contracts.slotBid[k]
                ledger.counters[Int(slots[k].zones.first ?? 0) * fieldCount + PeriodField.contractChanges.rawValue] += 1
            case .reprices:
                contracts.rates[k] = contracts.slotBid[k]
            case .ends:
                contracts.slotActive[k] = false
                ending.append(k)
                ledger.counters[Int(slots[k].zones.first ?? 0) * fieldCount + PeriodField.contractChanges.rawValue] += 1
            case .none:
                break
            }
            contracts.slotChange[k] = SlotChange.none.rawValue
        }
        refreshHoldings()
        reorderCandidates()
        for k in ending { release(contract: k) }
        repriceAll()
        for p in 0..<providerCount where providers[p].active {
            providers.integrate(p, to: t)
            setPay(p)
        }
        for p in 0..<providerCount where providers.hasSpare(p) {
            offerCapacity(of: p)
        }
        if let term = plan.option.term {
            scheduleTermEnd(at: calendar.day(term.initialYears, yearsAfter: termEndsAt), extensionAvailable: term.extensionYears > 0)
        }
    }

    /// Contract `k` has ended: its holder's packages under it stay on legacy terms or move to
    /// a winner of its lot in the person's zone, as the tender's settings say.
    func release(contract k: Int) {
        let slot = plan.slots[k]
        let p = Int(slot.provider)
        let settings = plan.option.tender
        let held = (0..<providers.packages[p].count).map { Int(providers.packages[p][$0]) }.filter { people.customers[$0].rateRef == Int32(k) }
        var movedHours: [Int: Double] = [:]
        for c in held {
            let z = Int(people.customers[c].zone)
            if settings.outgoingPackages == .transfer, let (q, winner) = winnerOf(lot: slot.lot, zone: z, besides: p) {
                unplace(c)
                people.customers[c].state = .inCare
                place(c, provider: q, route: tables.contractRoute[winner], rateRef: Int32(winner),
                      factor: tables.zoneFactor[z], countPlacement: false)
                ledger.counters[z * fieldCount + PeriodField.packagesTransferred.rawValue] += 1
                noteTransfer(provider: p, packages: 1)
                movedHours[q, default: 0] += people.customers[c].hours
            } else {
                commit(c, sign: -1)
                people.customers[c].route = .legacy
                people.customers[c].rateRef = HomeCareSimulation.legacyRate
                people.customers[c].rateFactor = 1
                people.customers[c].rate = legacyRateNow
                commit(c, sign: 1)
            }
        }
        if !movedHours.isEmpty { transferStaff(from: p, hours: movedHours, share: settings.tupeShare) }
        offerCapacity(of: p)
    }

    /// The first winner in force of lot `lot` covering zone `z` other than `p`, in brokerage
    /// order: its provider and slot.
    func winnerOf(lot: Int32, zone z: Int, besides p: Int) -> (Int, Int)? {
        let slots = plan.slots
        for candidate in tables.contracted.row(z) {
            let k = Int(candidate.contract)
            let q = Int(candidate.provider)
            if contracts.slotActive[k] && slots[k].lot == lot && q != p && providers[q].active { return (q, k) }
        }
        return nil
    }

    /// Moves the TUPE share of the care workers who delivered `hours` (hours a week, by
    /// receiving provider) from provider `p` to the receivers: a whole worker per contracted
    /// week of productive hours, the fraction by chance.
    func transferStaff(from p: Int, hours: [Int: Double], share: Double) {
        let stream = streams.contracts
        let perWorker = scenario.workforce.contractedHoursPerWeek * providers[p].productive
        providers.integrate(p, to: t)
        for q in hours.keys.sorted() {
            let expected = share * hours[q, default: 0] / max(perWorker, HomeCareSimulation.epsilon)
            var n = expected.rounded(.down)
            if stream.uniform() < expected - n { n += 1 }
            n = min(n, providers[p].workers)
            guard n > 0 else { continue }
            providers.integrate(q, to: t)
            providers.moveWorkers(n, from: p, to: q)
            providers.refreshCapacity(q, workforce: scenario.workforce)
            ledger.counters[providers.traits[p].baseZone * fieldCount + PeriodField.staffTransferred.rawValue] += n
        }
        providers.refreshCapacity(p, workforce: scenario.workforce)
    }

    /// Reorders every zone's contracted candidates after a tender, as the option's ranking
    /// orders them at the start but at the rates now in force.
    func reorderCandidates() {
        let option = plan.option
        let distance = plan.distance
        let baseZones = scenario.providers.map(\.baseZone)
        let rates = contracts.rates.elements
        for z in 0..<zoneCount {
            let from = Int(tables.contracted.starts[z]), to = Int(tables.contracted.starts[z + 1])
            if to - from < 2 { continue }
            let sorted = (from..<to).map { tables.contracted.items[$0] }.sorted {
                OptionPlan.offeredFirst($0, $1, zone: z, option: option, byTier: true, distance: distance,
                                        baseZones: baseZones, zoneCount: zoneCount) { rates[Int($0)] }
            }
            for (i, candidate) in sorted.enumerated() { tables.contracted.items[from + i] = candidate }
        }
    }
}
