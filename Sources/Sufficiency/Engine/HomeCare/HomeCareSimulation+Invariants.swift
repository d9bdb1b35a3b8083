/// Conservation checks that tests switch on with `run.check_invariants`.
extension HomeCareSimulation {
    /// Stops with a message if people are not conserved, the waiting queues disagree with the
    /// people waiting (`WaitingQueues.verify`), what providers hold disagrees with the contracts
    /// in force (`ContractBook.verify`), the period's stocks disagree with the people
    /// (`PeriodLedger.verify`), or a provider's books disagree with its packages or brokering's
    /// copy of its spare hours (`ProviderBooks.verify`).
    func verifyInvariants() {
        let (waiting, inCare) = people.verify(day: t)
        queues.verify(waiting: waiting, day: t, isLive: isLive,
                      queueOf: { WaitingQueues.index(zone: Int(self.people.customers[Int($0)].zone),
                                                     queueClass: Int(self.people.customers[Int($0)].queueClass)) },
                      hoursOf: { self.people.customers[Int($0)].hours })
        contracts.verify(slots: plan.slots, slotCount: tables.slotCount, day: t)
        ledger.verify(waiting: waiting, inCare: inCare, day: t)
        providers.verify(day: t) { c in
            let customer = self.people.customers[Int(c)]
            return (customer.provider, customer.state == .inCare, customer.hours)
        }
    }
}
