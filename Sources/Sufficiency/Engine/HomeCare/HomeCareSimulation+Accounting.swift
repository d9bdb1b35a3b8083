/// Stocks, their time integrals, and closing a reporting period.
extension HomeCareSimulation {
    /// Brings zone `z`'s stock integrals up to now.
    @inline(__always)
    func integrateZone(_ z: Int) {
        ledger.zoneStocks[z].integrate(to: t)
    }

    /// Adds (sign +1) or removes (−1) customer `c`'s package from its provider's stocks.
    ///
    /// The provider, cell, spend cell and zone are reached through pointers taken once (stores
    /// through the slabs would otherwise make the compiler reload them from `self` after
    /// every write), and brought up to now before their stocks change.
    @inline(__always)
    func commit(_ c: Int, sign: Double) {
        let customer = people.customers[c]
        let now = t
        let p = Int(customer.provider)
        let z = Int(customer.zone)
        let cell = ledger.cells.pointer(p &* zoneCount &+ z)
        let g = p &* spendCells &+ customer.route.index &* groupCount &+ Int(customer.group)
        providers.integrate(p, to: now)
        cell.pointee.integrate(to: now)
        let group = ledger.spend.pointer(g)
        group.pointee.integrate(to: now)
        let zone = ledger.zoneStocks.pointer(z)
        zone.pointee.integrate(to: now)
        let hours = customer.hours * sign
        providers.commit(hours, route: customer.route, of: p)
        cell.pointee.committed += hours
        cell.pointee.cost += hours * customer.rate
        if !customer.route.isContracted { cell.pointee.spot += hours }
        cell.pointee.count += sign
        ledger.hasHeldPackages[p] = true
        if cell.pointee.count == 0 {
            cell.pointee.committed = 0; cell.pointee.cost = 0; cell.pointee.spot = 0
            providers.noteZone(z, of: p, present: false)
        } else if sign > 0 && cell.pointee.count == 1 {
            providers.noteZone(z, of: p, present: true)
        }
        group.pointee.cost += hours * customer.rate
        zone.pointee.inCare += sign
    }

    /// Sets every placed customer's rate to its base rate now × its rate factor (April's
    /// uplift). For each package this is `commit(c, sign: -1)`, setting the rate and
    /// `commit(c, sign: 1)`, operation for operation on every stock that changes, without
    /// the round trip's no-ops: the second set of integrals (already at `t`), the count and
    /// people in care (back where they were, exactly: whole numbers), and taking the zone out
    /// of `providers.zonesInUse[p]` and putting it back in the same place. A provider is integrated
    /// once, before its first package, as its first commit did, and its committed hours are
    /// carried from one package to the next.
    func repriceAll() {
        let now = t
        let slots = people.customers.elements
        let cellBase = ledger.cells.base
        let spendBase = ledger.spend.base, zoneBase = ledger.zoneStocks.base
        let zones = zoneCount, cellsPerProvider = spendCells, groups = groupCount
        for p in 0..<providerCount {
            let list = providers.packages[p].elements
            if list.isEmpty { continue }
            providers.integrate(p, to: t)
            var committed = providers[p].committed
            for j in 0..<list.count {
                let c = Int(list[j])
                let customer = slots[c]
                let rate = baseRate(customer.rateRef) * customer.rateFactor
                let z = Int(customer.zone)
                let cell = cellBase + (p &* zones &+ z)
                let group = spendBase + (p &* cellsPerProvider &+ customer.route.index &* groups &+ Int(customer.group))
                let zone = zoneBase + z
                cell.pointee.integrate(to: now)
                group.pointee.integrate(to: now)
                zone.pointee.integrate(to: now)
                let spot = !customer.route.isContracted
                // Out, at the old rate.
                let out = customer.hours * -1
                committed += out
                if abs(committed) < HomeCareSimulation.epsilon { committed = 0 }
                cell.pointee.committed += out
                cell.pointee.cost += out * customer.rate
                if spot { cell.pointee.spot += out }
                if cell.pointee.count == 1 {
                    cell.pointee.committed = 0; cell.pointee.cost = 0; cell.pointee.spot = 0
                }
                group.pointee.cost += out * customer.rate
                // Back in, at the new one.
                slots[c].rate = rate
                let hours = customer.hours * 1
                committed += hours
                if abs(committed) < HomeCareSimulation.epsilon { committed = 0 }
                cell.pointee.committed += hours
                cell.pointee.cost += hours * rate
                if spot { cell.pointee.spot += hours }
                group.pointee.cost += hours * rate
            }
            providers.setCommitted(committed, of: p)
        }
    }

    /// Adds (+1) or removes (−1) a waiting person from their zone's stocks.
    @inline(__always)
    func waitingStock(_ c: Int, sign: Double) {
        let hours = people.customers[c].hours
        let z = Int(people.customers[c].zone)
        integrateZone(z)
        let zone = ledger.zoneStocks.pointer(z)
        zone.pointee.waiting += sign
        zone.pointee.waitingHours += sign * hours
        if zone.pointee.waiting == 0 { zone.pointee.waitingHours = 0 }
    }

    /// Closes the current period at time `t`: folds every integral and counter
    /// into its bin and starts the next period from zero.
    func closePeriod() {
        providers.integrateAll(to: t)
        integrateCellsAndGroups()
        for z in 0..<zoneCount { integrateZone(z) }

        if ledger.currentPeriod >= 0 {
            fold(into: ledger.currentPeriod)
        }
        providers.startPeriod()
        if ledger.currentPeriod < 0 {
            // Folding zeroes the cells and counters it reads; without a fold, zero them here.
            for i in 0..<ledger.cells.count {
                ledger.cells[i].committedArea = 0; ledger.cells[i].costArea = 0; ledger.cells[i].spotArea = 0
            }
            for i in 0..<ledger.spend.count { ledger.spend[i].area = 0 }
            for i in 0..<ledger.counters.count { ledger.counters[i] = 0 }
            providerLedger.discard()
        }
        for z in 0..<ledger.zoneStocks.count {
            ledger.zoneStocks[z].inCareArea = 0; ledger.zoneStocks[z].waitingArea = 0; ledger.zoneStocks[z].waitingHoursArea = 0
        }
        ledger.currentPeriod += 1
        if ledger.currentPeriod == 0 { recordStartingCapacity() }
    }

    /// Brings every provider × zone cell and every spend cell up to now, except those holding nothing (+0 or −0 in every stock: stock × dt adds ±0 to an
    /// area, which starts at +0 and so is never −0, and changes no bit). Their clocks stay
    /// where they were; only `commit` and `repriceAll` change a stock, and both integrate
    /// first, adding the same ±0 over the longer interval. A cell outside its provider's
    /// `zonesInUse` holds nothing (`commit` zeroes all three stocks when its count reaches 0).
    private func integrateCellsAndGroups() {
        let now = t
        let cellBase = ledger.cells.base
        for p in 0..<providerCount {
            let zones = providers.zonesInUse[p].elements
            let row = p &* zoneCount
            for j in 0..<zones.count {
                let cell = cellBase + (row &+ Int(zones[j]))
                let c = cell.pointee.committed, k = cell.pointee.cost, s = cell.pointee.spot
                if (c.bitPattern | k.bitPattern | s.bitPattern) << 1 == 0 { continue }
                cell.pointee.integrate(to: now)
            }
        }
        // Spend cells of a provider that has held no package this run are +0 throughout.
        let held = ledger.hasHeldPackages.base
        for p in 0..<providerCount where held[p] {
            let groups = ledger.spend.pointer(p &* spendCells, count: spendCells)
            for k in 0..<spendCells {
                let group = groups + k
                if group.pointee.cost.bitPattern << 1 == 0 { continue }
                group.pointee.integrate(to: now)
            }
        }
    }

    private func fold(into period: Int) {
        // Borrow the bins (no copy) so the fold can read the rest of the ledger meanwhile.
        var bins: [Double] = []
        swap(&bins, &ledger.bins)
        bins.withUnsafeMutableBufferPointer { fold(into: period, bins: $0) }
        swap(&bins, &ledger.bins)
    }

    private func fold(into period: Int, bins buffer: UnsafeMutableBufferPointer<Double>) {
        let bins = buffer.baseAddress!
        let base = period * binStride
        let f = fieldCount
        let zones = zoneCount
        let deliveredBase = base + binLayout.deliveredOffset
        let groupBase = base + binLayout.spendOffset
        let minimumPrice = minimumPrice(ofPeriod: period)
        let out = bins + base
        // Counters (referrals, placements, waits, hand-backs, exits), zeroed for the next period.
        let counts = ledger.counters.elements
        for i in 0..<ledger.counters.count {
            out[i] = counts[i]
            counts[i] = 0
        }
        for z in 0..<zoneCount {
            out[z &* f &+ PeriodField.inCareArea.rawValue] = ledger.zoneStocks[z].inCareArea
            out[z &* f &+ PeriodField.waitingArea.rawValue] = ledger.zoneStocks[z].waitingArea
            out[z &* f &+ PeriodField.waitingHoursArea.rawValue] = ledger.zoneStocks[z].waitingHoursArea
        }
        let committedField = PeriodField.committedArea.rawValue, deliveredField = PeriodField.deliveredArea.rawValue
        let spendField = PeriodField.spendArea.rawValue, spotField = PeriodField.spotDeliveredArea.rawValue
        let capacityField = PeriodField.capacityArea.rawValue, workersField = PeriodField.workersArea.rawValue
        let vacancyField = PeriodField.vacancyArea.rawValue, payField = PeriodField.payArea.rawValue
        let costField = PeriodField.providerCostArea.rawValue, travelField = PeriodField.travelCostArea.rawValue
        let held = ledger.hasHeldPackages.base
        for p in 0..<providerCount {
            let s = providers[p]
            if !held[p] {
                foldWithoutPackages(p, into: out)
                continue
            }
            // Providers short of staff deliver the same share of every package.
            let fraction = s.committedArea > 0 ? min(1, s.deliveredArea / s.committedArea) : 1
            let row = ledger.cells.pointer(p &* zones, count: zones)
            var apportion = 0.0
            for z in 0..<zones { apportion += row[z].committedArea }
            let serves = tables.serves.row(p)
            let delivered = bins + deliveredBase + p &* zones
            // What the council paid the provider (£ a week × days), for its own row.
            var paid = 0.0
            for z in 0..<zones {
                let committed = row[z].committedArea
                let spend = row[z].costArea
                let spot = row[z].spotArea
                // A cell with no package all period holds +0 in each area: adding +0 (times the
                // fraction, at most 1) to a bin, which starts at +0 and so is never −0, changes
                // no bit, and the cell is already zero for the next period. With hours to
                // apportion its share is +0 too, so only its delivered hours are written.
                let empty = committed.bitPattern | spend.bitPattern | spot.bitPattern == 0
                if empty && apportion > 0 {
                    delivered[z] = committed * fraction
                    continue
                }
                let share: Double
                if apportion > 0 {
                    share = committed / apportion
                } else {
                    share = serves.contains(Int32(z)) ? 1 / Double(serves.count) : 0
                }
                let b = out + z &* f
                if !empty {
                    b[committedField] += committed
                    b[deliveredField] += committed * fraction
                    b[spendField] += spend * fraction
                    b[spotField] += spot * fraction
                    paid += spend * fraction
                    row[z].committedArea = 0; row[z].costArea = 0; row[z].spotArea = 0
                }
                if share > 0 {
                    b[capacityField] += s.capacityArea * share
                    b[workersField] += s.workersArea * share
                    b[vacancyField] += s.vacancyArea * share
                    b[payField] += s.payArea * share
                    b[costField] += s.costArea * share
                    b[travelField] += s.travelCostArea * share
                }
                delivered[z] = committed * fraction
            }
            let spending = ledger.spend.pointer(p &* spendCells, count: spendCells)
            for k in 0..<spendCells {
                // +0 (no spend all period) would add +0: skipped, and already zero.
                let area = spending[k].area
                if area.bitPattern != 0 {
                    bins[groupBase &+ k] += area * fraction
                    spending[k].area = 0
                }
            }
            recordProvider(p, fraction: fraction, paid: paid)
        }
        providerLedger.close(into: period)
        for z in 0..<zoneCount {
            let b = out + z &* f
            b[PeriodField.minimumPriceArea.rawValue] = b[deliveredField] * minimumPrice
        }
        if let coverage { foldCoverage(coverage, base: base, bins: buffer, period: period) }
    }

    /// `fold(into:bins:)` for provider `p`, none of whose cells has held a package
    /// this run: each holds +0 in every area, as do its spend cells, so of the general fold only
    /// its capacity, workforce and costs, apportioned equally among the zones it serves, can
    /// change a bin (its delivered hours, +0, are already +0 in the bins, which start the run
    /// at +0). A provider with +0 in all of those too (a would-be entrant not yet in, a
    /// provider gone) changes nothing. With the spend cells passed by in
    /// `integrateCellsAndGroups`, saves 9.4 million instructions a Wiltshire replication (82
    /// provider slots, most of them would-be entrants, × 15 zones × 61 periods × 3 options;
    /// callgrind).
    @inline(__always)
    private func foldWithoutPackages(_ p: Int, into out: UnsafeMutablePointer<Double>) {
        let s = providers[p]
        let shared = s.capacityArea.bitPattern | s.workersArea.bitPattern | s.vacancyArea.bitPattern
            | s.payArea.bitPattern | s.costArea.bitPattern | s.travelCostArea.bitPattern
        if shared != 0 {
            let serves = tables.serves.row(p)
            // The zones it serves are distinct; each gets the same share.
            let share = 1 / Double(serves.count)
            let f = fieldCount
            for z in serves {
                let b = out + Int(z) &* f
                b[PeriodField.capacityArea.rawValue] += s.capacityArea * share
                b[PeriodField.workersArea.rawValue] += s.workersArea * share
                b[PeriodField.vacancyArea.rawValue] += s.vacancyArea * share
                b[PeriodField.payArea.rawValue] += s.payArea * share
                b[PeriodField.providerCostArea.rawValue] += s.costArea * share
                b[PeriodField.travelCostArea.rawValue] += s.travelCostArea * share
            }
        }
        recordProvider(p, fraction: 1, paid: 0)
    }

    /// Each zone's capacity within the standard, its demand while at most one provider with
    /// capacity reaches it (a provider that had any capacity in the period counts), and the
    /// coverage it has lost to providers leaving (`CoverageLoss`).
    private func foldCoverage(_ coverage: CoveragePlan, base: Int, bins: UnsafeMutableBufferPointer<Double>, period: Int) {
        let f = fieldCount
        let window = calendar.periods[period]
        let end = Double(window.toDay), days = Double(window.days)
        for z in 0..<zoneCount {
            var reachable = 0.0, reaching = 0
            var loss = CoverageLoss()
            for p in 0..<providerCount where coverage.reaches(provider: p, zone: z) {
                if providers[p].capacityArea > 0 {
                    reachable += providers[p].capacityArea
                    reaching += 1
                }
                let gone = providers.exitDay[p].isNaN ? 0 : min(days, max(0, end - providers.exitDay[p]))
                loss.add(startingCapacity: providers.startingCapacity[p], capacityArea: providers[p].capacityArea, daysGone: gone)
            }
            let b = base + z * f
            let need = bins[b + PeriodField.committedArea.rawValue] + bins[b + PeriodField.waitingHoursArea.rawValue]
            bins[b + PeriodField.reachableArea.rawValue] = reachable
            bins[b + PeriodField.exposedArea.rawValue] = reaching <= 1 ? need : 0
            bins[b + PeriodField.lostCoverageArea.rawValue] = loss.lostArea(need: need, days: days)
        }
    }

    /// The Homecare Association's minimum price (£ an hour) in the financial year period
    /// `period` starts in: NaN if the scenario gives none for that year, 0 if it gives none at all.
    private func minimumPrice(ofPeriod period: Int) -> Double {
        if scenario.prices.minimumPrice.isEmpty { return 0 }
        let year = calendar.financialYear(at: Double(calendar.periods[period].fromDay))
        return prices.minimumPrice[year - prices.firstYear]
    }
}
