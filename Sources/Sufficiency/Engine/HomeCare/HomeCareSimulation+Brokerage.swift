/// Placing people with providers under the option's rules, and taking them back.
extension HomeCareSimulation {
    @inline(__always)
    func baseRate(_ rateRef: Int32) -> Double {
        switch rateRef {
        case HomeCareSimulation.spotRate: return spotRateNow
        case HomeCareSimulation.legacyRate: return legacyRateNow
        default: return contracts.rates[Int(rateRef)]
        }
    }

    /// Puts waiting person `c` at the back of their zone's queue for `queueClass`.
    func enqueue(_ c: Int, queueClass: UInt8) {
        let person = people.customers.pointer(c)
        person.pointee.state = .waiting
        person.pointee.queueClass = queueClass
        person.pointee.queuedAt = t
        person.pointee.stamp &+= 1
        waitingStock(c, sign: 1)
        let q = WaitingQueues.index(zone: Int(person.pointee.zone), queueClass: Int(queueClass))
        queues.append((person: Int32(c), stamp: person.pointee.stamp), hours: person.pointee.hours, to: q)
    }

    /// Offers waiting person `c` to providers in the option's order: contracted
    /// providers (strategic first under the strategic rule), then, for packages
    /// that have waited long enough, every contracted provider in the county at a
    /// premium, then spot. A contract a dated event has out of force in the zone is
    /// passed over (`contractInForce`). Returns whether the person was placed.
    @discardableResult
    func broker(_ c: Int, excluding: Int = -1) -> Bool {
        let person = people.customers.pointer(c)
        let z = Int(person.pointee.zone)
        let hours = person.pointee.hours - HomeCareSimulation.epsilon
        // `providers.spareHours[p] >= hours`: active, and `providers.spare(p) >= hours`.
        let spares = providers.spareHours.elements, inForce = contracts.slotActive.elements
        for candidate in tables.contracted.row(z) {
            let p = Int(candidate.provider)
            if p != excluding && spares[p] >= hours && inForce[Int(candidate.contract)]
                && contractInForce(candidate.contract, zone: z) {
                place(c, provider: p, route: candidate.route, rateRef: candidate.contract, factor: tables.zoneFactor[z])
                return true
            }
        }
        if t - person.pointee.queuedAt >= tables.miniCompetitionAfterDays {
            for candidate in tables.countyContracted.row(z) {
                let p = Int(candidate.provider)
                if p != excluding && spares[p] >= hours {
                    // A provider is offered the package under its first contract in force.
                    let k = inForce[Int(candidate.contract)] ? candidate.contract : contracts.firstActiveSlot[p]
                    if k < 0 || !contractInForce(k, zone: z) { continue }
                    place(c, provider: p, route: tables.contractRoute[Int(k)], rateRef: k,
                          factor: tables.zoneFactor[z] * (1 + tables.miniCompetitionPremium))
                    return true
                }
            }
        }
        if spotAccess == .none { return false }
        let anyProvider = spotAccess == .all
        for candidate in tables.spot.row(z) {
            let p = Int(candidate)
            if p != excluding && spares[p] >= hours && (anyProvider || maySellSpot(p, zone: z)) {
                place(c, provider: p, route: .spot, rateRef: HomeCareSimulation.spotRate, factor: 1)
                return true
            }
        }
        return false
    }

    /// Places person `c` with provider `p`.
    func place(_ c: Int, provider p: Int, route: Route, rateRef: Int32, factor: Double,
               countPlacement: Bool = true, firstReview: Double? = nil) {
        let person = people.customers.pointer(c)
        let now = t
        let z = Int(person.pointee.zone)
        if person.pointee.state == .waiting {
            waitingStock(c, sign: -1)
            if countPlacement {
                let wait = now - person.pointee.queuedAt
                let row = ledger.counters.pointer(z &* fieldCount, count: fieldCount)
                row[PeriodField.placements.rawValue] += 1
                row[PeriodField.waitSum.rawValue] += wait
                ledger.noteWait(zone: z, days: wait)
            }
        }
        person.pointee.state = .inCare
        person.pointee.provider = Int32(p)
        person.pointee.route = route
        person.pointee.rateRef = rateRef
        person.pointee.rateFactor = factor
        person.pointee.rate = baseRate(rateRef) * factor
        person.pointee.placedAt = now
        person.pointee.stamp &+= 1
        person.pointee.listIndex = providers.addPackage(c, to: p)
        commit(c, sign: 1)
        let pending = person.pointee.pendingDuration
        if pending > 0 {
            post(.tierEnd, at: now + pending, subject: Int32(truncatingIfNeeded: c), stamp: person.pointee.endStamp)
            person.pointee.pendingDuration = 0
        }

        let stamp = person.pointee.stamp
        let interval = reviewInterval
        if interval > 0 {
            if let firstReview {
                post(.review, at: t + firstReview, subject: Int32(c), stamp: stamp)
            } else {
                postReview(subject: Int32(c), stamp: stamp)
            }
        }
        if backgroundHazard > 0 { postBackgroundHandBack(c, stamp: stamp) }
    }

    /// Takes person `c` off their provider's books (they stay in care or wait elsewhere).
    func unplace(_ c: Int) {
        let slots = people.customers.elements
        let p = Int(slots[c].provider)
        commit(c, sign: -1)
        let i = Int(slots[c].listIndex)
        let moved = providers.removePackage(c, at: i, of: p)
        if moved >= 0 { slots[Int(moved)].listIndex = Int32(truncatingIfNeeded: i) }
        slots[c].provider = -1
        slots[c].listIndex = -1
    }

    /// Provider hands person `c` back: they rejoin the queue at the front and
    /// are offered at once to every other provider.
    func handBack(_ c: Int, cause: HandBackCause) {
        let p = Int(people.customers[c].provider)
        let z = Int(people.customers[c].zone)
        ledger.counters[z * fieldCount + PeriodField.handBacksCapacity.rawValue + cause.rawValue] += 1
        ledger.counters[z * fieldCount + PeriodField.handBackHoursCapacity.rawValue + cause.rawValue] += people.customers[c].hours
        noteHandBack(provider: p)
        unplace(c)
        enqueue(c, queueClass: 0)
        broker(c, excluding: p)
    }

    /// Person `c`'s tier has ended: an unmet enablement goal steps them into the
    /// next tier with the same provider; otherwise they leave.
    func endTier(_ c: Int) {
        let customer = people.customers[c]
        let tier = tiers[Int(tierStart[Int(customer.group)]) + Int(customer.tier)]
        if tier.next >= 0, !customer.goalMet {
            let next = Int(tier.next)
            let newHours = customer.hours / tier.hoursFactor
                * tiers[Int(tierStart[Int(customer.group)]) + next].hoursFactor
            resize(c, hours: newHours)
            people.customers[c].tier = Int16(next)
            people.customers[c].goalMet = true
            people.customers[c].endStamp &+= 1
            post(.tierEnd, at: t + customer.nextDuration, subject: Int32(c), stamp: people.customers[c].endStamp)
            return
        }
        leave(c)
    }

    /// Person `c` no longer needs care.
    func leave(_ c: Int) {
        switch people.customers[c].state {
        case .inCare:
            let p = Int(people.customers[c].provider)
            unplace(c)
            people.customers[c].state = .gone
            people.customers[c].stamp &+= 1
            people.leave(c)
            offerCapacity(of: p)
        case .waiting:
            waitingStock(c, sign: -1)
            people.customers[c].state = .gone
            people.customers[c].stamp &+= 1
            people.leave(c)
        case .notYet, .gone:
            break
        }
    }

    /// Changes person `c`'s package to `hours` a week, wherever they are.
    func resize(_ c: Int, hours: Double) {
        switch people.customers[c].state {
        case .inCare:
            let p = Int(people.customers[c].provider)
            commit(c, sign: -1)
            people.customers[c].hours = hours
            commit(c, sign: 1)
            offerCapacity(of: p)
        case .waiting:
            waitingStock(c, sign: -1)
            people.customers[c].hours = hours
            waitingStock(c, sign: 1)
            queues.noteHours(hours, in: WaitingQueues.index(zone: Int(people.customers[c].zone),
                                                            queueClass: Int(people.customers[c].queueClass)))
        case .notYet, .gone:
            people.customers[c].hours = hours
        }
    }

    /// A periodic review: the package may step down or up, and a spot or legacy
    /// package may move to a contracted provider with room.
    func review(_ c: Int) {
        let settings = scenario.demand.review
        let stream = reviewStream
        let u = stream._withUnsafeGuaranteedRef { $0.uniform() }
        if u < settings.stepDownProbability {
            resize(c, hours: people.customers[c].hours * settings.stepDownFactor)
        } else if u < settings.stepDownProbability + settings.stepUpProbability {
            resize(c, hours: people.customers[c].hours * settings.stepUpFactor)
        }
        if !people.customers[c].route.isContracted && settings.moveToContractedProbability > 0
            && stream._withUnsafeGuaranteedRef({ $0.uniform() }) < settings.moveToContractedProbability {
            let z = Int(people.customers[c].zone)
            let hours = people.customers[c].hours - HomeCareSimulation.epsilon
            let from = Int(people.customers[c].provider)
            for candidate in tables.contracted.row(z) {
                let p = Int(candidate.provider)
                if contracts.slotActive[Int(candidate.contract)] && providers[p].active && (p == from ? true : providers.spare(p) >= hours)
                    && contractInForce(candidate.contract, zone: z) {
                    unplace(c)
                    people.customers[c].state = .inCare
                    place(c, provider: p, route: candidate.route, rateRef: candidate.contract,
                          factor: tables.zoneFactor[z], countPlacement: false)
                    if p != from { offerCapacity(of: from) }
                    return
                }
            }
        }
        people.customers[c].stamp &+= 1
        let stamp = people.customers[c].stamp
        postReview(subject: Int32(c), stamp: stamp)
        rescheduleBackgroundHandBack(c, stamp: stamp)
    }

    private func rescheduleBackgroundHandBack(_ c: Int, stamp: UInt32) {
        // Memoryless: a fresh draw from now is the same law as the old one.
        if backgroundHazard > 0 { postBackgroundHandBack(c, stamp: stamp) }
    }

    /// Schedules person `c`'s next background hand-back, an exponential time from now. Most
    /// fall after the horizon (a package-year hazard of 0.04 over five years), where `post`
    /// drops them, so their times are not worked out: the draw is still made, and counted.
    @inline(__always)
    private func postBackgroundHandBack(_ c: Int, stamp: UInt32) {
        let mean = 365.25 / backgroundHazard, skipAbove = backgroundSkipAbove
        let wait = handBackStream._withUnsafeGuaranteedRef { $0.exponential(mean: mean, infiniteAbove: skipAbove) }
        post(.backgroundHandBack, at: t + wait, subject: Int32(c), stamp: stamp)
    }

    /// Updates `backgroundSkipAbove` for draws made from now on (times only increase, so a
    /// bound worked out now holds until the next update).
    func refreshBackgroundBound() {
        guard backgroundHazard > 0 else { return }
        backgroundSkipAbove = RandomStream.uniformBound(beyond: horizon - t, mean: 365.25 / backgroundHazard)
    }

    /// Offers provider `p`'s spare capacity to people waiting in the zones it
    /// serves, in queue order (handed back, then priority, then the rest; each first come first served).
    func offerCapacity(of p: Int) {
        let provider = providers.pointer(p)
        guard provider.pointee.active else { return }
        let zones = tables.serves.row(p)
        let minHours = queues.minHours.elements
        // The provider's spare hours, worked out again whenever a placement changes them:
        // nothing else in this scan does.
        var room = providers.spare(p)
        // Most of the time nobody waiting where this provider works needs as few hours as it
        // has spare (or nobody is waiting at all): then the scan below would place no one.
        let waiting = ledger.zoneStocks.elements
        var anyone = false
        for z in zones where waiting[Int(z)].waiting > 0 {
            let q = WaitingQueues.index(zone: Int(z), queueClass: 0)
            if min(minHours[q], minHours[q &+ 1], minHours[q &+ 2]) - HomeCareSimulation.epsilon <= room {
                anyone = true
                break
            }
        }
        if !anyone { return }
        let slots = people.customers.elements
        for queueClass in 0..<3 {
            for z in zones {
                let q = WaitingQueues.index(zone: Int(z), queueClass: queueClass)
                // Nobody in this queue needs as few hours as the provider has spare.
                if minHours[q] - HomeCareSimulation.epsilon > room { continue }
                let queue = queues.pointer(q)
                // Entries of people placed or gone are dropped as the scan passes them
                // (live ones keep their order), so later scans read fewer entries.
                var read = 0, kept = 0
                var smallest = Double.infinity
                while read < queue.pointee.count {
                    if room < HomeCareSimulation.epsilon {
                        queue.pointee.removeSubrange(from: kept, to: read)
                        return
                    }
                    let entry = queue.pointee[read]
                    read += 1
                    let c = Int(entry.person)
                    guard slots[c].state == .waiting && slots[c].stamp == entry.stamp else { continue }
                    if slots[c].hours - HomeCareSimulation.epsilon <= room && broker(c) {
                        room = providers.spare(p)
                        continue
                    }
                    queue.pointee[kept] = entry
                    kept += 1
                    smallest = min(smallest, slots[c].hours)
                }
                queue.pointee.removeSubrange(from: kept, to: read)
                // The whole queue was read, so the bound can be made exact again.
                minHours[q] = smallest
            }
        }
    }

    @inline(__always)
    func isLive(_ entry: WaitingQueues.Entry) -> Bool {
        let c = Int(entry.person)
        return people.customers[c].state == .waiting && people.customers[c].stamp == entry.stamp
    }
}
