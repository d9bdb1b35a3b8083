/// Conservation checks that tests switch on with `run.check_invariants`.
extension HomeCareSimulation {
    /// Stops with a message if people are not conserved, the waiting queues disagree with the
    /// people waiting (`WaitingQueues.verify`), what providers hold disagrees with the contracts
    /// in force (`ContractBook.verify`), the period's stocks disagree with the people
    /// (`PeriodLedger.verify`), a provider's books (in all
    /// or by route) disagree with its packages, or brokering's copy of its spare hours with its
    /// books.
    func verifyInvariants() {
        let (waiting, inCare) = people.verify(day: t)
        queues.verify(waiting: waiting, day: t, isLive: isLive,
                      queueOf: { WaitingQueues.index(zone: Int(self.people.customers[Int($0)].zone),
                                                     queueClass: Int(self.people.customers[Int($0)].queueClass)) },
                      hoursOf: { self.people.customers[Int($0)].hours })
        contracts.verify(slots: plan.slots, slotCount: tables.slotCount, day: t)
        ledger.verify(waiting: waiting, inCare: inCare, day: t)
        for p in 0..<providerCount {
            var hours = 0.0
            for j in 0..<packages[p].count {
                let c = packages[p][j]
                precondition(people.customers[Int(c)].provider == Int32(p) && people.customers[Int(c)].state == .inCare,
                             "provider \(p) lists a person who is not its customer at day \(t)")
                hours += people.customers[Int(c)].hours
            }
            precondition(abs(hours - providers[p].committed) < 1e-6 * max(1, hours),
                         "provider \(p) committed \(providers[p].committed) but its packages total \(hours) at day \(t)")
            let s = providers[p]
            let byRoute = s.contractedHours + s.spotHours + s.legacyHours
            precondition(abs(byRoute - hours) < 1e-6 * max(1, hours) && s.contractedHours > -1e-6 && s.spotHours > -1e-6
                            && s.legacyHours > -1e-6,
                         "provider \(p)'s hours by route total \(byRoute) but its packages \(hours) at day \(t)")
            precondition(providers[p].workers >= 0 && providers[p].capacity >= 0,
                         "provider \(p) has a negative workforce or capacity at day \(t)")
            precondition(providers[p].deliveredArea <= providers[p].capacityArea + 1e-6 * max(1, providers[p].capacityArea),
                         "provider \(p) delivered more than its capacity at day \(t)")
            precondition(providers[p].active || packages[p].isEmpty, "an exited provider still holds packages")
            let spare = providers[p].active ? spare(p) : -.infinity
            precondition(spareHours[p].bitPattern == spare.bitPattern,
                         "provider \(p)'s spare hours for brokering are \(spareHours[p]), not \(spare), at day \(t)")
        }
    }
}
