/// The providers' books: for each provider in the scenario (would-be entrants included), what
/// it is (`traits`), its standing (workforce, capacity, hours committed in all and by route, pay
/// and costs, and their integrals over the open period), its packages and the zones they are
/// in, the spare hours brokering reads, its workforce's weekly turnover and pull for the priced
/// year, and, for coverage, its capacity when the reported run began and the day it left.
///
/// Everything is sized once for the scenario's providers and refilled for every run; the
/// packages' lists keep their memory between runs. `verify` checks that the books agree with
/// the packages they list.
struct ProviderBooks: ~Copyable {
    /// A provider's standing and its integrals over the open reporting period.
    struct Provider {
        /// Whether it is in the market (a would-be entrant is not until it enters).
        var active = true
        /// Care workers.
        var workers = 0.0
        /// Contact hours a week the workforce can deliver.
        var capacity = 0.0
        /// Hours a week of placed packages.
        var committed = 0.0
        /// Share of a care worker's contracted hours that are contact time.
        var productive = 1.0
        /// Travel minutes per visit over the minutes of a visit.
        var travelRatio = 0.0
        /// Day it went over capacity by more than the tolerance; NaN while it is not.
        var overSince = Double.nan
        /// Hours a week of packages to hand back at this week's capacity check because
        /// leavers left them with nobody to cover them (`HandBackSettings.uncoveredShare`).
        var uncovered = 0.0
        /// Care workers it wants beyond those it has.
        var vacancies = 0.0
        /// Care workers beyond what its packages and its share of the waiting hours need.
        var surplus = 0.0
        /// Hours a week of its capacity sold to buyers other than the council (`PrivateMarket`).
        var privateHours = 0.0
        /// Hours a week the council guarantees it under the contracts it holds.
        var guaranteed = 0.0
        /// Care workers it can still take on before its weekly recruitment capacity runs out.
        var recruitRoom = 0.0
        /// Day its integrals were last brought up to.
        var lastT = 0.0
        /// Integrals over the open period (hours a week × days): hours delivered (committed
        /// hours within the capacity left for the council), committed and capacity for the council.
        var deliveredArea = 0.0
        var committedArea = 0.0
        var capacityArea = 0.0
        /// Integrals of care workers and vacancies (people × days).
        var workersArea = 0.0
        var vacancyArea = 0.0
        /// Care workers' hourly pay (£), set each April.
        var pay = 0.0
        /// Cost of a contact hour (£) at the current pay, travel and running costs.
        var costPerHour = 0.0
        /// Integral of workers × pay (£ an hour × people × days).
        var payArea = 0.0
        /// Integral of delivered hours a week × cost per hour (£ a week × days).
        var costArea = 0.0
        /// The travel part of `costPerHour` (£ a contact hour).
        var travelCostPerHour = 0.0
        /// Integral of delivered hours a week × travel cost per hour (£ a week × days).
        var travelCostArea = 0.0
        /// Hours a week of placed packages by route, which add up to `committed`: under a
        /// contract of the running option, spot, and legacy.
        var contractedHours = 0.0, spotHours = 0.0, legacyHours = 0.0
        /// Their integrals (hours a week × days).
        var contractedArea = 0.0, spotArea = 0.0, legacyArea = 0.0
        /// Whether it has left the market in this run (a would-be entrant not yet in has not).
        var exited = false
    }

    /// What the engine reads about a provider on every weekly tick, copied out of the scenario.
    struct Traits {
        var baseZone: Int
        /// Pay relative to the National Living Wage (1.05 = 5% above).
        var payPremium: Double
        /// Contact hours a week, fixed; NaN when capacity follows the workforce.
        var fixedCapacityHours: Double
        /// Care workers a week the provider can take on.
        var recruitmentPerWeek: Double
        var exitHazardFactor: Double
    }

    /// Providers: the scenario's, would-be entrants included.
    let count: Int
    /// 1 + the workforce's overcommitment share: a provider takes packages up to its capacity
    /// times this.
    let overcommit: Double
    /// Each provider's traits, fixed for the scenario.
    let traits: Slab<Traits>
    /// Each provider's reach: the share of a zone's job seekers who would consider it.
    let reach: Slab<Double>
    /// Each provider's standing.
    let states: Slab<Provider>
    /// Each provider's `spare(p)` while it is in the market, minus infinity once it has left:
    /// brokering reads these side by side instead of a whole `Provider` a candidate.
    /// Set wherever capacity, committed hours or `active` change (`refreshSpare`).
    let spareHours: Slab<Double>
    /// Each provider's packages (person indices); a person's `listIndex` is their place here.
    let packages: Slab<List<Int32>>
    /// For each provider, the zones it has packages in, ascending.
    let zonesInUse: Slab<List<Int32>>
    /// Each provider's chance a week that a given worker leaves, for the priced year.
    let weeklyLeaving: Slab<Double>
    /// Each provider's pay^elasticity relative to the competing wage, for the priced year.
    let payAttraction: Slab<Double>
    /// Coverage lost (read with a `coverage` section only): each provider's capacity (contact
    /// hours a week) when the reported run began, 0 for one not in the market then; and the
    /// day each left the market, NaN while it has not.
    let startingCapacity: Slab<Double>
    let exitDay: Slab<Double>

    /// Books for providers with `traits` and `reach`, taking packages up to capacity × `overcommit`.
    init(traits: [Traits], reach: [Double], overcommit: Double) {
        count = traits.count
        self.overcommit = overcommit
        self.traits = Slab(traits)
        self.reach = Slab(reach)
        states = Slab(repeating: Provider(), count: traits.count)
        spareHours = Slab(repeating: -.infinity, count: traits.count)
        packages = Slab(count: traits.count) { _ in List<Int32>(capacity: 64) }
        zonesInUse = Slab(count: traits.count) { _ in List<Int32>(capacity: 8) }
        weeklyLeaving = Slab(repeating: 0, count: traits.count)
        payAttraction = Slab(repeating: 0, count: traits.count)
        startingCapacity = Slab(repeating: 0, count: traits.count)
        exitDay = Slab(repeating: .nan, count: traits.count)
    }

    /// Provider `p`'s standing, read and written in place.
    subscript(p: Int) -> Provider {
        @inline(__always) unsafeAddress { UnsafePointer(states.pointer(p)) }
        @inline(__always) nonmutating unsafeMutableAddress { states.pointer(p) }
    }

    /// The address of provider `p`'s standing, for code that changes several fields.
    @inline(__always)
    func pointer(_ p: Int) -> UnsafeMutablePointer<Provider> { states.pointer(p) }

    /// Every provider's standing, for a loop that reads them through a local.
    @inline(__always)
    var elements: UnsafeMutableBufferPointer<Provider> { states.elements }
}

/// Opening and closing a provider's books, and the clock of its integrals.
extension ProviderBooks {
    /// Empties the books for a new run: no packages or zones in use (their memory is kept),
    /// no starting capacity recorded, and nobody has left.
    func clear() {
        for p in 0..<count {
            packages[p].removeAll()
            zonesInUse[p].removeAll()
        }
        startingCapacity.fill(0)
        exitDay.fill(.nan)
    }

    /// Opens provider `p`'s books at day `now` with `workers` care workers, in the market or
    /// not (`active`), everything else from zero. Its capacity and spare hours are set by the
    /// caller once its productivity is known.
    @inline(__always)
    func open(_ p: Int, workers: Double, active: Bool = true, at now: Double) {
        var s = Provider()
        s.active = active
        s.workers = workers
        s.lastT = now
        states[p] = s
    }

    /// Provider `p` leaves the market on day `now`: it has no workforce, capacity, vacancies or
    /// private work from now, and brokering passes it over. Its packages are handed back by the
    /// caller. Its integrals must be up to `now`.
    func close(_ p: Int, at now: Double) {
        let s = states.pointer(p)
        s.pointee.active = false
        s.pointee.exited = true
        exitDay[p] = now
        s.pointee.workers = 0
        s.pointee.capacity = 0
        s.pointee.vacancies = 0
        s.pointee.privateHours = 0
        refreshSpare(p)
    }

    /// Brings provider `p`'s integrals up to day `now`.
    @inline(__always)
    func integrate(_ p: Int, to now: Double) {
        states[p].integrate(to: now)
    }

    /// Brings every provider's integrals up to day `now`.
    @inline(__always)
    func integrateAll(to now: Double) {
        for p in 0..<count { states[p].integrate(to: now) }
    }

    /// Starts every provider's integrals of the next period from zero.
    func startPeriod() {
        for p in 0..<count {
            let s = states.pointer(p)
            s.pointee.deliveredArea = 0; s.pointee.committedArea = 0; s.pointee.capacityArea = 0
            s.pointee.workersArea = 0; s.pointee.vacancyArea = 0
            s.pointee.payArea = 0; s.pointee.costArea = 0; s.pointee.travelCostArea = 0
            s.pointee.contractedArea = 0; s.pointee.spotArea = 0; s.pointee.legacyArea = 0
        }
    }

    /// Records every provider's capacity (contact hours a week) as the reported run begins, 0
    /// for one not in the market (`startingCapacity`).
    func recordStartingCapacity() {
        for p in 0..<count {
            startingCapacity[p] = states[p].active ? states[p].capacity : 0
        }
    }
}

/// Hours: spare, committed by route, and the packages and zones behind them.
extension ProviderBooks {
    /// Hours a week provider `p` will still accept: up to its capacity plus the
    /// overcommitment it tolerates, less its packages and private work.
    @inline(__always)
    func spare(_ p: Int) -> Double {
        states[p].capacity * overcommit - states[p].committed - states[p].privateHours
    }

    /// Whether provider `p` is in the market with spare hours (more than
    /// `HomeCareSimulation.epsilon` a week): `spareHours[p]`, which is `spare(p)` while it is in
    /// the market and minus infinity once it has left (`verify` checks they agree).
    @inline(__always)
    func hasSpare(_ p: Int) -> Bool {
        spareHours[p] > HomeCareSimulation.epsilon
    }

    /// Sets `spareHours[p]` from provider `p`'s standing: `spare(p)`, or minus infinity once it
    /// has left the market (its packages are still taken off its books then).
    @inline(__always)
    func refreshSpare(_ p: Int) {
        let provider = states.pointer(p)
        spareHours[p] = provider.pointee.active
            ? provider.pointee.capacity * overcommit - provider.pointee.committed - provider.pointee.privateHours
            : -.infinity
    }

    /// Adds `hours` a week (negative to take a package off) to provider `p`'s committed hours,
    /// in all and on `route`, and refreshes its spare hours. A stock that comes back to within
    /// `HomeCareSimulation.epsilon` of zero is set to zero, so a provider with no packages
    /// delivers exactly nothing. Its integrals must be up to now.
    @inline(__always)
    func commit(_ hours: Double, route: Route, of p: Int) {
        let provider = states.pointer(p)
        provider.pointee.committed += hours
        if abs(provider.pointee.committed) < HomeCareSimulation.epsilon { provider.pointee.committed = 0 }
        provider.pointee.commit(hours, route: route)
        refreshSpare(p)
    }

    /// Sets provider `p`'s committed hours (hours a week) to `hours`, worked out package by
    /// package as `commit` would (April's repricing), and refreshes its spare hours.
    @inline(__always)
    func setCommitted(_ hours: Double, of p: Int) {
        states[p].committed = hours
        refreshSpare(p)
    }

    /// Sets provider `p`'s capacity (contact hours a week) and refreshes its spare hours.
    @inline(__always)
    func setCapacity(_ hours: Double, of p: Int) {
        states[p].capacity = hours
        refreshSpare(p)
    }

    /// Sets the hours a week provider `p` sells to buyers other than the council and refreshes
    /// its spare hours. Its integrals must be up to now.
    @inline(__always)
    func setPrivateHours(_ hours: Double, of p: Int) {
        states[p].privateHours = hours
        refreshSpare(p)
    }

    /// Puts person `c` on provider `p`'s packages; returns their place in the list.
    @inline(__always)
    func addPackage(_ c: Int, to p: Int) -> Int32 {
        let list = packages.pointer(p)
        let index = Int32(truncatingIfNeeded: list.pointee.count)
        list.pointee.append(Int32(truncatingIfNeeded: c))
        return index
    }

    /// Takes person `c`, at place `i`, off provider `p`'s packages, the last package taking
    /// their place; returns the person moved into place `i`, or −1 when `c` was the last.
    @inline(__always)
    func removePackage(_ c: Int, at i: Int, of p: Int) -> Int32 {
        let list = packages.pointer(p)
        let last = list.pointee.removeLast()
        if Int(last) == c { return -1 }
        list.pointee[i] = last
        return last
    }

    /// Keeps `zonesInUse[p]` (ascending) in step with provider `p` having packages in zone `z`.
    @inline(__always)
    func noteZone(_ z: Int, of p: Int, present: Bool) {
        let zones = zonesInUse.pointer(p)
        let zone = Int32(z)
        var i = 0
        while i < zones.pointee.count && zones.pointee[i] < zone { i += 1 }
        if present {
            zones.pointee.insert(zone, at: i)
        } else {
            assert(i < zones.pointee.count && zones.pointee[i] == zone, "zone \(z) not in use by provider \(p)")
            zones.pointee.removeSubrange(from: i, to: i + 1)
        }
    }
}

/// The providers' invariants, checked with `run.check_invariants`.
extension ProviderBooks {
    /// Stops with a message unless every provider's packages are its customers in care
    /// (`customer` gives a person's provider, whether they are in care and their hours a week),
    /// its committed hours (in all and by route) are its packages' hours, its workforce and
    /// capacity are not negative, it has not delivered more than its capacity, one that has
    /// left holds no packages, and brokering's copy of its spare hours is its books'. `day`
    /// names the moment in messages.
    func verify(day: Double, customer: (Int32) -> (provider: Int32, inCare: Bool, hours: Double)) {
        for p in 0..<count {
            var hours = 0.0
            for j in 0..<packages[p].count {
                let person = customer(packages[p][j])
                precondition(person.provider == Int32(p) && person.inCare,
                             "provider \(p) lists a person who is not its customer at day \(day)")
                hours += person.hours
            }
            let s = states[p]
            precondition(abs(hours - s.committed) < 1e-6 * max(1, hours),
                         "provider \(p) committed \(s.committed) but its packages total \(hours) at day \(day)")
            let byRoute = s.contractedHours + s.spotHours + s.legacyHours
            precondition(abs(byRoute - hours) < 1e-6 * max(1, hours) && s.contractedHours > -1e-6 && s.spotHours > -1e-6
                            && s.legacyHours > -1e-6,
                         "provider \(p)'s hours by route total \(byRoute) but its packages \(hours) at day \(day)")
            precondition(s.workers >= 0 && s.capacity >= 0,
                         "provider \(p) has a negative workforce or capacity at day \(day)")
            precondition(s.deliveredArea <= s.capacityArea + 1e-6 * max(1, s.capacityArea),
                         "provider \(p) delivered more than its capacity at day \(day)")
            precondition(s.active || packages[p].isEmpty, "an exited provider still holds packages")
            let spare = s.active ? spare(p) : -.infinity
            precondition(spareHours[p].bitPattern == spare.bitPattern,
                         "provider \(p)'s spare hours for brokering are \(spareHours[p]), not \(spare), at day \(day)")
        }
    }
}

extension ProviderBooks.Provider {
    /// Adds `hours` a week (negative to take a package off) to the provider's hours on `route`;
    /// a stock that comes back to within `HomeCareSimulation.epsilon` of zero is set to zero,
    /// as `committed` is, so a provider with no packages delivers exactly nothing.
    @inline(__always)
    mutating func commit(_ hours: Double, route: Route) {
        switch route {
        case .spot:
            spotHours += hours
            if abs(spotHours) < HomeCareSimulation.epsilon { spotHours = 0 }
        case .legacy:
            legacyHours += hours
            if abs(legacyHours) < HomeCareSimulation.epsilon { legacyHours = 0 }
        case .strategic, .approved, .framework, .dps:
            contractedHours += hours
            if abs(contractedHours) < HomeCareSimulation.epsilon { contractedHours = 0 }
        }
    }

    /// Adds delivered, committed (in all and by route) and capacity hours, workers, vacancies,
    /// pay and costs × the days since `lastT` to their integrals; `lastT` becomes `now`.
    @inline(__always)
    mutating func integrate(to now: Double) {
        let dt = now - lastT
        if dt > 0 {
            // Hours sold to other buyers are not the council's to use (the sale is settled weekly:
            // leavers in between can leave less than it, and then the council has none).
            let forCouncil = max(0, capacity - privateHours)
            let delivered = min(committed, forCouncil)
            deliveredArea += delivered * dt
            committedArea += committed * dt
            capacityArea += forCouncil * dt
            workersArea += workers * dt
            vacancyArea += vacancies * dt
            payArea += workers * pay * dt
            costArea += delivered * costPerHour * dt
            travelCostArea += delivered * travelCostPerHour * dt
            contractedArea += contractedHours * dt
            spotArea += spotHours * dt
            legacyArea += legacyHours * dt
        }
        lastT = now
    }
}
