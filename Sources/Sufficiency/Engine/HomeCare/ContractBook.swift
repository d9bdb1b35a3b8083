/// The running option's contracts as they stand: each contract slot's rate, whether it is in
/// force, what the next handover does to it and the bid that won it, and what each provider
/// holds as a result (its contract in each zone, how many contracts, its first slot in force).
///
/// Tenders, extensions and handovers change the slots; `refreshHoldings` then sets the holdings
/// from them, and `verify` checks that they still agree. Sized once for the largest option's
/// slots and the scenario's providers and zones, and refilled for every run.
struct ContractBook: ~Copyable {
    /// Current rate (£ an hour) of each contract slot.
    let rates: Slab<Double>
    /// Whether each contract slot is in force.
    let slotActive: Slab<Bool>
    /// What the next handover does to each slot (`HomeCareSimulation.SlotChange`).
    let slotChange: Slab<UInt8>
    /// Each slot's winning bid (£ an hour), in force from the next handover.
    let slotBid: Slab<Double>
    /// Contract slot in force of provider p in zone z (p × zones + z), or −1.
    let contractAt: Slab<Int32>
    /// Contracts in force each provider holds (contracted routes only).
    let held: Slab<Int32>
    /// Each provider's first contracted slot in force (offered mini-competitions), or −1.
    let firstActiveSlot: Slab<Int32>
    /// The dated-event slots of the running option (see `EventPlan`): whether a contract that a
    /// dated contract event names is in force in a zone. Brokering, mini-competition and
    /// reviews offer a package of zone z to a provider under contract k only while it is
    /// (`inForce`). All true when a run starts except the slots a `contract_gained` event
    /// starts (`startEvents`); the events switch them (`switchEventSlots`).
    let eventSlotActive: Slab<Bool>
    /// For each contract of the running option, its first slot in `eventSlotActive`, or −1 for
    /// a contract no event names (always in force). Set when a run starts.
    let eventSlotBase: Slab<Int32>
    let zoneCount: Int

    /// An empty book for up to `slots` contract slots, `providers` providers and `zones` zones,
    /// `eventSlots` dated-event slots and `contracts` contracts an option names.
    init(slots: Int, providers: Int, zones: Int, eventSlots: Int, contracts: Int) {
        eventSlotActive = Slab(repeating: true, count: eventSlots)
        eventSlotBase = Slab(repeating: -1, count: contracts)
        rates = Slab(repeating: 0, count: slots)
        slotActive = Slab(repeating: false, count: slots)
        slotChange = Slab(repeating: 0, count: slots)
        slotBid = Slab(repeating: 0, count: slots)
        contractAt = Slab(repeating: -1, count: providers * zones)
        held = Slab(repeating: 0, count: providers)
        firstActiveSlot = Slab(repeating: -1, count: providers)
        zoneCount = zones
    }

    /// Sets `contractAt`, `held` and `firstActiveSlot` from the first `slotCount` of `slots`
    /// that are in force.
    func refreshHoldings(slots: [OptionPlan.Slot], slotCount: Int) {
        contractAt.fill(-1)
        held.fill(0)
        firstActiveSlot.fill(-1)
        for k in 0..<slotCount where slotActive[k] {
            let p = Int(slots[k].provider)
            for z in slots[k].zones { contractAt[p * zoneCount + Int(z)] = Int32(k) }
            if slots[k].route.isContracted {
                held[p] += 1
                if firstActiveSlot[p] < 0 { firstActiveSlot[p] = Int32(k) }
            }
        }
    }

    /// Whether the provider of contract `contract` (an index into the running option's
    /// contracts) may take a package of zone `z` under it now: always, unless a dated contract
    /// event names the contract and has it out of force there.
    @inline(__always)
    func inForce(_ contract: Int32, zone z: Int) -> Bool {
        let base = eventSlotBase[Int(contract)]
        return base < 0 || eventSlotActive[Int(base) &+ z]
    }

    /// Sets the dated-event slots for a run of the option with `plan`: every contract an event
    /// names in force, except those a `contract_gained` event starts.
    func startEvents(_ plan: EventPlan) {
        // Slots a tender may fill (beyond the option's contracts) are named by no event.
        eventSlotBase.fill(-1)
        for (k, base) in plan.slotBase.enumerated() { eventSlotBase[k] = base }
        for slot in 0..<plan.slotCount { eventSlotActive[slot] = true }
        for slot in plan.inactiveAtStart { eventSlotActive[slot] = false }
    }

    /// Puts the dated-event slots `slots` in force or out of it.
    func switchEventSlots(_ slots: [Int], inForce: Bool) {
        for slot in slots { eventSlotActive[slot] = inForce }
    }

    /// Stops with a message unless the holdings are those the slots in force give
    /// (`refreshHoldings`); `day` names the moment in messages.
    func verify(slots: [OptionPlan.Slot], slotCount: Int, day: Double) {
        var contractAt = [Int32](repeating: -1, count: self.contractAt.count)
        var held = [Int32](repeating: 0, count: self.held.count)
        var first = [Int32](repeating: -1, count: firstActiveSlot.count)
        for k in 0..<slotCount where slotActive[k] {
            let p = Int(slots[k].provider)
            for z in slots[k].zones { contractAt[p * zoneCount + Int(z)] = Int32(k) }
            if slots[k].route.isContracted {
                held[p] += 1
                if first[p] < 0 { first[p] = Int32(k) }
            }
        }
        for p in 0..<held.count {
            precondition(held[p] == self.held[p] && first[p] == firstActiveSlot[p],
                         "provider \(p) holds \(self.held[p]) contracts (first slot \(firstActiveSlot[p])) "
                            + "but its slots in force give \(held[p]) (first \(first[p])) at day \(day)")
        }
        for i in 0..<contractAt.count {
            precondition(contractAt[i] == self.contractAt[i],
                         "provider \(i / zoneCount)'s contract in zone \(i % zoneCount) is \(self.contractAt[i]) "
                            + "but its slots in force give \(contractAt[i]) at day \(day)")
        }
    }
}
