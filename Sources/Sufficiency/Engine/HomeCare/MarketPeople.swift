/// The people in the home care market: everyone referred (or in the starting caseload) and not
/// yet gone, each in a slot of one slab, with the count of arrivals and departures that
/// conserves them.
///
/// A person leaving frees their slot for the next referral, so the slab holds the caseload and
/// queues, not everyone ever referred (a million over the M/M/c benchmark), and stays small
/// enough for the cache. It grows when more people are in the market at once than ever before
/// and is kept across runs. Slots keep their stamps from earlier runs: each new occupant's
/// stamps continue from there, so nothing left about an earlier occupant matches.
struct MarketPeople: ~Copyable {
    /// The slots, `0..<usedSlots` of them used in this run.
    private(set) var customers = Slab(repeating: HomeCareSimulation.Customer(), count: 0)
    /// Slots of people who have left, most recently freed last (reused first: still in cache).
    private(set) var freeSlots = List<Int32>(capacity: 256)
    /// Slots `0..<usedSlots` have held someone in this run.
    private(set) var usedSlots = 0
    /// People who have arrived in this run: the starting caseload and referrals.
    private(set) var arrived = 0
    /// People who have left in this run.
    private(set) var departed = 0

    /// Empties the market for a new run, with room for at least `expected` people at once.
    mutating func reset(expected: Int) {
        freeSlots.removeAll()
        usedSlots = 0
        departed = 0
        arrived = 0
        if customers.count < expected { grow(to: expected) }
    }

    /// A slot for a person arriving now, counted as arrived: the one freed most recently, else
    /// a new one. Called between events, when no pointer into the slab is held (it may grow).
    @inline(__always)
    mutating func arrive() -> Int {
        arrived &+= 1
        if !freeSlots.isEmpty { return Int(freeSlots.removeLast()) }
        if usedSlots == customers.count { grow(to: 2 * customers.count) }
        usedSlots &+= 1
        return usedSlots &- 1
    }

    /// Slot `c`'s person has gone: the slot is free for the next arrival.
    @inline(__always)
    mutating func leave(_ c: Int) {
        freeSlots.append(Int32(truncatingIfNeeded: c))
        departed &+= 1
    }

    /// Moves the people to a slab of `count` slots, keeping what the used ones hold.
    private mutating func grow(to count: Int) {
        let grown = Slab(repeating: HomeCareSimulation.Customer(), count: count)
        grown.base.update(from: customers.base, count: min(usedSlots, customers.count))
        customers = grown
    }

    /// Stops with a message unless everyone who arrived is waiting, in care or gone, and the free
    /// slots are exactly those of people gone. Returns how many are waiting and in care; `day`
    /// names the moment in messages.
    func verify(day: Double) -> (waiting: Int, inCare: Int) {
        var waiting = 0, inCare = 0, free = 0
        for i in 0..<usedSlots {
            switch customers[i].state {
            case .waiting: waiting += 1
            case .inCare: inCare += 1
            case .gone: free += 1
            case .notYet: break
            }
        }
        precondition(waiting + inCare + departed == arrived,
                     "people not conserved at day \(day): \(waiting) waiting + \(inCare) in care + \(departed) gone != \(arrived) arrived")
        precondition(free == freeSlots.count && free == usedSlots - waiting - inCare,
                     "\(free) slots of people gone but \(freeSlots.count) listed free at day \(day)")
        return (waiting, inCare)
    }
}
