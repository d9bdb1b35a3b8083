import Foundation

/// One replication of one procurement option: the event-driven home care market.
///
/// People are referred, wait, are placed, reviewed, handed back and leave as
/// events; supply (workforce, capacity, hand-backs, exits) moves on a weekly
/// clock; prices rise each April. An instance is reused across replications and
/// options by one worker thread: its state lives in slabs sized once (or grown
/// to the largest replication seen) and refilled, so a replication allocates
/// nothing per event and the hot path has no reference counting.
final class HomeCareSimulation {
    enum State: UInt8 { case notYet, waiting, inCare, gone }

    /// A person as the market sees them. Doubles first, then narrower fields, to keep it compact.
    struct Customer {
        /// Hours a week.
        var hours = 0.0
        var rateFactor = 1.0
        /// £ an hour.
        var rate = 0.0
        var queuedAt = 0.0
        var placedAt = 0.0
        var nextDuration = 0.0
        /// Days of the first tier still to start at first placement (durations from placement).
        var pendingDuration = 0.0
        var zone: Int32 = 0
        var provider: Int32 = -1
        /// Contract index (≥ 0), or `spotRate` / `legacyRate`.
        var rateRef: Int32 = -1
        var listIndex: Int32 = -1
        /// Changes whenever the placement or queue position changes.
        var stamp: UInt32 = 0
        /// Changes whenever the tier (and so its end) changes.
        var endStamp: UInt32 = 0
        /// Index in the demand schedule (order of referral): the tie-break between people,
        /// since the slot a person occupies is reused after they leave.
        var id: Int32 = -1
        var group: Int16 = 0
        var tier: Int16 = 0
        var state: State = .notYet
        var priority = false
        var goalMet = true
        var route: Route = .spot
        /// 0: handed back, 1: priority, 2: others.
        var queueClass: UInt8 = 2
    }

    /// What a zone contributes to travel and recruitment.
    struct ZoneTraits {
        var travelMinutesPerVisit: Double
        var referenceCaseload: Double
        var labourPoolPerWeek: Double
    }

    static let spotRate: Int32 = -1
    static let legacyRate: Int32 = -2
    static let epsilon = 1e-9

    let scenario: Scenario
    let calendar: SimulationCalendar
    let plans: [OptionPlan]
    let zoneCount: Int
    let providerCount: Int
    let groupCount: Int
    /// Spend cells per provider: route × client group (route-major).
    let spendCells: Int
    let fieldCount = PeriodField.allCases.count
    /// Where a period's results sit in `bins` (`MeasureComputer` reads them through the same layout).
    var binLayout: HomeCareBinLayout { ledger.layout }
    /// Doubles per period in `bins`.
    var binStride: Int { ledger.layout.stride }
    /// Completed periods' results, `binStride` doubles each (`PeriodLedger.bins`).
    var bins: [Double] { ledger.bins }
    /// Waits of placements: (period, zone, days), in time order (`PeriodLedger.waits`), as an
    /// array (a copy: `MeasureComputer` reads the ledger's list in place).
    var waits: [(Int32, Int32, Double)] {
        get { Array(ledger.waits.elements) }
        set {
            ledger.waits.removeAll()
            for wait in newValue { ledger.waits.append(wait) }
        }
    }

    // Scenario constants read on the hot path.
    let zoneTraits: Slab<ZoneTraits>
    /// Days between reviews (0: none).
    let reviewInterval: Double
    /// Background hand-backs a package-year.
    let backgroundHazard: Double
    /// Uniforms above this give a background hand-back after the horizon (refreshed weekly).
    var backgroundSkipAbove = 1.0
    let durationsFromPlacement: Bool
    /// Each option's tables, by option index.
    let planTables: Slab<PlanTables>

    /// Days from the start to the end of the run.
    let horizon: Double

    // Per-run state.
    var plan: OptionPlan
    var tables: PlanTables {
        @inline(__always) unsafeAddress { UnsafePointer(runningTables) }
    }
    /// `planTables`' element for the running option.
    var runningTables: UnsafeMutablePointer<PlanTables>
    /// The running option's dated events.
    var eventPlan: EventPlan
    var t = 0.0
    var sequence: UInt64 = 0
    var events: EventCalendar
    /// Reviews due one review interval from now, in the order posted. Posting times never
    /// decrease, so this first-in-first-out lane is already in event order: the most
    /// numerous events (a third of them stale) bypass the heap.
    var reviewLane = List<Event>(capacity: 1024)
    /// The people in the market, in reusable slots.
    var people = MarketPeople()
    /// The providers' books: traits, workforce, capacity, hours committed, packages.
    let providers: ProviderBooks
    /// For each zone, the active providers taking spot packages there (this week's tick).
    let spotCompetitors: Slab<Double>
    /// The people waiting, by zone and class.
    let queues: WaitingQueues
    /// The running option's contracts in force (by tender and by dated event), their rates and
    /// tenders, and what each provider holds.
    let contracts: ContractBook
    /// Each option's dated events (`Scenario.events`), by option index.
    let eventPlans: [EventPlan]
    var spotRateNow = 0.0
    var legacyRateNow = 0.0
    /// Care workers released by shrinking providers, joining each zone's job seekers next week.
    let releasedToPool: Slab<Double>
    /// Which providers may sell the running option spot packages.
    var spotAccess = SpotAccess.all
    /// Would-be entrants each zone has brought into the market in this run.
    let entrantsUsed: Slab<Int32>
    /// Index of the first would-be entrant in the provider list (`providerCount` when none).
    let firstEntrant: Int
    /// Whether the running option is a dynamic market, admitting providers every week.
    var admitsEveryWeek = false
    /// Day the running option's current term ends (infinity: no term).
    var termEndsAt = Double.infinity

    /// The open period's stocks, integrals and counts, and the completed periods' results.
    var ledger: PeriodLedger
    /// Each provider's own figures, period by period.
    var providerLedger: ProviderLedger
    var checkInvariants = false
    /// NLW, CPI and running-cost index by financial year, looked up on every weekly
    /// tick; drawn afresh for each replication (the same for every option).
    var prices: PriceTable
    /// What a tier's end needs, flattened (group g's tiers start at `tierStart[g]`) so the
    /// hot path copies no strings or arrays.
    struct TierRule {
        /// Tier stepped into when an enablement goal is not met; −1 when none.
        var next: Int32
        var hoursFactor: Double
    }
    let tiers: Slab<TierRule>
    let tierStart: Slab<Int32>
    /// Scratch for recruitment (one entry per provider at most).
    let recruiting: Slab<Int>
    let recruitWeights: Slab<Double>
    let recruitCounts: Slab<UInt32>
    /// Scratch for the private market (hours a week offered to each provider).
    let privateOffers: Slab<Double>
    /// For each zone, the last mean relative pay of its recruiting providers and that raised
    /// to the recruitment elasticity (zone × 2): the same mean gives the same power.
    let zoneAttraction: Slab<Double>
    var pricedYear = Int.min

    var streams: RandomStreams
    /// `streams.handBacks` and `streams.reviews`, held without reference counting for the hot
    /// path (drawing through `streams` retains and releases the stream on every draw); set
    /// with `streams`, which keeps them alive.
    var handBackStream: Unmanaged<RandomStream>
    var reviewStream: Unmanaged<RandomStream>
    /// Travel times and reach for the coverage measures; nil without a `coverage` section.
    let coverage: CoveragePlan?
    /// Counts the run's events against its budget and notices a request to stop.
    var watch = ReplicationWatch()

    init(scenario: Scenario, calendar: SimulationCalendar, plans: [OptionPlan]) {
        self.scenario = scenario
        self.calendar = calendar
        self.plans = plans
        self.plan = plans[0]
        let initialStreams = RandomStreams()
        streams = initialStreams
        handBackStream = .passUnretained(initialStreams.handBacks)
        reviewStream = .passUnretained(initialStreams.reviews)
        planTables = Slab(count: plans.count) { PlanTables(plans[$0]) }
        runningTables = planTables.pointer(0)
        coverage = scenario.coverage.map { CoveragePlan(scenario: scenario, settings: $0) }
        var rules: [TierRule] = []
        var starts: [Int32] = []
        for group in scenario.demand.clientGroups {
            starts.append(Int32(rules.count))
            for tier in group.tiers {
                let next = tier.kind == .enablement ? tier.next.map(Int32.init) ?? -1 : -1
                rules.append(TierRule(next: next, hoursFactor: tier.hoursFactor))
            }
        }
        tiers = Slab(rules)
        tierStart = Slab(starts)
        prices = PriceTable(scenario.prices, from: calendar.financialYear(at: -Double(calendar.warmUpDays)),
                            through: calendar.financialYear(at: Double(calendar.horizonDays)))
        providers = ProviderBooks(traits: scenario.providers.map {
            ProviderBooks.Traits(baseZone: $0.baseZone, payPremium: $0.payPremium,
                                 fixedCapacityHours: $0.fixedCapacityHours ?? .nan,
                                 recruitmentPerWeek: $0.recruitmentPerWeek, exitHazardFactor: $0.exitHazardFactor)
        }, reach: scenario.providers.map(\.reach), overcommit: 1 + scenario.workforce.overcommitShare)
        zoneTraits = Slab(scenario.zones.map {
            ZoneTraits(travelMinutesPerVisit: $0.travelMinutesPerVisit, referenceCaseload: $0.referenceCaseload,
                       labourPoolPerWeek: $0.labourPoolPerWeek)
        })
        reviewInterval = scenario.demand.review.intervalDays
        backgroundHazard = scenario.handBacks.backgroundAnnualHazard
        durationsFromPlacement = scenario.demand.durationStartsAt == .placement
        horizon = Double(calendar.horizonDays)
        events = EventCalendar(firstDay: -calendar.warmUpDays, lastDay: calendar.horizonDays)
        zoneCount = scenario.zones.count
        providerCount = scenario.providers.count
        groupCount = scenario.demand.clientGroups.count
        spendCells = Route.allCases.count * groupCount
        providerLedger = ProviderLedger(providers: providerCount, periods: calendar.periods.count)
        // About one placement a referral: room for a run's waits at the start, rather than
        // copying them on as the list grows (a million over the M/M/c benchmark), up to 4
        // million (64 MB); a longer run's list grows from there.
        let expectedWaits = scenario.demand.referralsPerWeek / 7 * Double(calendar.horizonDays + calendar.warmUpDays)
            * 1.1 + Double(scenario.caseload.people)
        ledger = PeriodLedger(layout: HomeCareBinLayout(zones: zoneCount, providers: providerCount, groups: groupCount),
                              periods: calendar.periods.count, expectedWaits: Int(min(expectedWaits, 4_194_304)) + 16)
        queues = WaitingQueues(zones: zoneCount)
        spotCompetitors = Slab(repeating: 0, count: zoneCount)
        let slotCount = plans.map(\.slots.count).max() ?? 0

        releasedToPool = Slab(repeating: 0, count: zoneCount)
        entrantsUsed = Slab(repeating: 0, count: zoneCount)
        firstEntrant = scenario.providers.firstIndex(where: \.entrant) ?? scenario.providers.count
        eventPlans = scenario.options.indices.map { EventPlan(scenario: scenario, option: $0) }
        eventPlan = eventPlans[0]
        contracts = ContractBook(slots: slotCount, providers: providerCount, zones: zoneCount,
                                 eventSlots: eventPlans.map(\.slotCount).max() ?? 0,
                                 contracts: plans.map(\.contractRoute.count).max() ?? 0)
        recruiting = Slab(repeating: 0, count: providerCount)
        recruitWeights = Slab(repeating: 0, count: providerCount)
        recruitCounts = Slab(repeating: 0, count: providerCount)
        privateOffers = Slab(repeating: 0, count: providerCount)
        zoneAttraction = Slab((0..<zoneCount).flatMap { _ in [0, pow(0, scenario.workforce.recruitmentPayElasticity)] })
    }

    /// Runs option `optionIndex` against `schedule`, leaving per-period results in `bins` and `waits`.
    /// Ends early, with `watch.halt` set, when the run goes past `watch.budget` or `watch.stop`
    /// is asked to; `replication` (from 0) names the replication in that message.
    func run(option optionIndex: Int, schedule: DemandSchedule, streams: RandomStreams, replication: Int = 0) {
        watch.start(replication: replication, option: plans[optionIndex].option.name)
        self.streams = streams
        handBackStream = .passUnretained(streams.handBacks)
        reviewStream = .passUnretained(streams.reviews)
        plan = plans[optionIndex]
        runningTables = planTables.pointer(optionIndex)
        eventPlan = eventPlans[optionIndex]
        reset(schedule: schedule)
        var referral = schedule.initialCount
        // A streamed schedule holds one block of referrals at a time: at its end the loop
        // returns here for the next block and goes on where it stopped.
        while simulate(schedule, from: &referral) { schedule.nextBlock() }
    }

    /// Handles events and referrals in time order from referral `referral` (its index in the
    /// replication's order of referral, which it leaves at the next) until the end of the run
    /// (returns false) or of the schedule's current block, when more are to be drawn (true).
    private func simulate(_ schedule: DemandSchedule, from referral: inout Int) -> Bool {
        let base = schedule.base, lastBlock = schedule.isComplete
        return schedule.people.withUnsafeBufferPointer { referrals in
            var next = referral
            defer { referral = next }
            let blockEnd = base + referrals.count
            let periodCount = calendar.periods.count
            let end = horizon
            while true {
                if watch.tick() && watch.check(bytes: heldBytes) { return false }
                if next == blockEnd && !lastBlock { return true }
                let referralTime = next < blockEnd ? referrals[next &- base].referredAt : .infinity
                // The next event: the calendar's earliest or the review lane's first, whichever
                // comes first (the lane's only when strictly earlier).
                let calendarHasEvents = events.hasEvents()
                let laneHasEvents = !reviewLane.isEmpty
                if calendarHasEvents || laneHasEvents {
                    var event: Event
                    var fromLane = false
                    if laneHasEvents {
                        event = reviewLane[0]
                        if calendarHasEvents {
                            let top = events.earliest
                            if event < top { fromLane = true } else { event = top }
                        } else {
                            fromLane = true
                        }
                    } else {
                        event = events.earliest
                    }
                    if event.time <= referralTime {
                        if event.time >= end && event.kind != .periodBoundary { return false }
                        if fromLane {
                            reviewLane.removeFirst()
                        } else {
                            events.removeMin()
                        }
                        t = event.time
                        handle(event)
                        if event.kind == .periodBoundary && ledger.currentPeriod >= periodCount { return false }
                        if checkInvariants { verifyInvariants() }
                        continue
                    }
                }
                if referralTime >= end { return false }
                t = referralTime
                refer(id: next, referrals[next &- base])
                next &+= 1
                if checkInvariants { verifyInvariants() }
            }
        }
    }

    /// Bytes the run holds that grow with its events: people's slots, queued events and reviews,
    /// and the waits of placements (for `watch`).
    var heldBytes: Int {
        people.customers.count &* MemoryLayout<Customer>.stride
            &+ ledger.waitBytes
            &+ (events.count &+ reviewLane.count) &* 2 &* MemoryLayout<Event>.stride
    }

    @inline(__always)
    func post(_ kind: Event.Kind, at time: Double, subject: Int32, stamp: UInt32 = 0) {
        sequence &+= 1
        // Events after the horizon would never be handled (the run stops there); most
        // are background hand-backs decades away, and keeping them made the heap deep.
        if time >= horizon && kind != .periodBoundary { return }
        events.insert(Event(time: time, kind: kind, sequence: sequence, subject: subject, stamp: stamp))
    }

    /// Schedules person `c`'s next review one interval from now, in the review lane.
    @inline(__always)
    func postReview(subject: Int32, stamp: UInt32) {
        sequence &+= 1
        let time = t + reviewInterval
        if time >= horizon { return }
        reviewLane.append(Event(time: time, kind: .review, sequence: sequence, subject: subject, stamp: stamp))
    }

    private func handle(_ event: Event) {
        switch event.kind {
        case .periodBoundary:
            closePeriod()
        case .uplift:
            applyUplift(year: Int(event.subject))
        case .supplyTick:
            refreshBackgroundBound()
            supplyTick()
            post(.supplyTick, at: t + 7, subject: 0)
        case .tierEnd:
            let c = Int(event.subject)
            if people.customers[c].endStamp == event.stamp && people.customers[c].state != .gone { endTier(c) }
        case .review:
            let c = Int(event.subject)
            if people.customers[c].stamp == event.stamp && people.customers[c].state == .inCare { review(c) }
        case .evaluationRound, .selfFunderArrives, .selfFunderLeaves, .frameworkTermEnd:
            break
        case .termEnd:
            endOfTerm(extensionAvailable: event.subject == 1)
        case .handover:
            handOver()
        case .reopening:
            admitNewMembers()
        case .marketEvent:
            applyMarketEvent(Int(event.subject))
        case .contractEvent:
            applyContractEvent(Int(event.subject))
        case .backgroundHandBack:
            let c = Int(event.subject)
            if people.customers[c].stamp == event.stamp && people.customers[c].state == .inCare {
                handBack(c, cause: .background)
            }
        }
    }

    private func reset(schedule: DemandSchedule) {
        precondition(schedule.base == 0, "HomeCareSimulation: a streamed demand schedule is read by one run only")
        let option = plan.option
        t = -Double(calendar.warmUpDays)
        refreshBackgroundBound()
        prices.draw(streams.prices)
        sequence = 0
        events.removeAll()
        reviewLane.removeAll()
        let initial = schedule.initialCount
        people.reset(expected: initial + initial / 4 + 256)
        queues.removeAll()
        providers.clear()
        releasedToPool.fill(0)
        entrantsUsed.fill(0)
        spotRateNow = option.referenceRate * (1 + option.spotPremium)
        legacyRateNow = option.referenceRate * (1 + option.legacyPremium)
        ledger.reset(start: t, firstPeriod: calendar.warmUpDays > 0 ? -1 : 0)
        providerLedger.reset()
        checkInvariants = scenario.run.checkInvariants
        pricedYear = Int.min

        for p in 0..<providerCount {
            // A would-be entrant is out of the market until it enters.
            let active = !scenario.providers[p].entrant
            providers.open(p, workers: active ? Double(scenario.providers[p].careWorkers) : 0, active: active, at: t)
            providers.refreshSpare(p)
        }
        // Contracts in force and their rates, before the caseload is placed under them.
        startContracts(option)

        // Clocks: period boundaries, Aprils, the weekly supply tick.
        if calendar.warmUpDays > 0 { post(.periodBoundary, at: 0, subject: -1) }
        for period in calendar.periods {
            post(.periodBoundary, at: Double(period.toDay), subject: 0)
        }
        for april in calendar.aprilFirsts {
            post(.uplift, at: Double(april.day), subject: Int32(april.year))
        }
        post(.supplyTick, at: t + 7, subject: 0)
        // The scenario's dated events, and the contracts in force before the caseload is placed.
        startDatedEvents()

        // The current caseload, placed with the providers named in the scenario
        // whatever their spare capacity: this is the market as it stands.
        for i in 0..<initial {
            let person = schedule.people[i]
            let c = people.arrive()
            initialise(c, id: i, person, isReferral: false)
            let p = Int(person.initialProvider)
            if p >= 0 {
                let z = Int(person.zone)
                let k = tables.contractAt[p * zoneCount + z]
                if k >= 0 && contractInForce(k, zone: z) {
                    place(c, provider: p, route: tables.contractRoute[Int(k)], rateRef: k,
                          factor: tables.zoneFactor[z], countPlacement: false, firstReview: person.firstReview)
                } else {
                    place(c, provider: p, route: .legacy, rateRef: HomeCareSimulation.legacyRate, factor: 1,
                          countPlacement: false, firstReview: person.firstReview)
                }
            } else {
                enqueue(c, queueClass: 1)
            }
        }
        startMarket()
        if ledger.currentPeriod == 0 { recordStartingCapacity() }
    }

    /// Puts person `id` of the schedule in slot `c`. Their stamps follow on from the slot's last
    /// occupant's, so events and queue entries left about that person never match.
    @inline(__always)
    private func initialise(_ c: Int, id: Int, _ person: Person, isReferral: Bool) {
        let previous = people.customers.pointer(c)
        var customer = Customer()
        customer.stamp = previous.pointee.stamp &+ 1
        customer.endStamp = previous.pointee.endStamp &+ 1
        customer.id = Int32(truncatingIfNeeded: id)
        customer.zone = person.zone
        customer.group = person.group
        customer.tier = person.tier
        customer.priority = person.priority
        customer.goalMet = person.goalMet
        customer.hours = person.hours
        customer.nextDuration = person.nextDuration
        customer.queuedAt = person.referredAt
        if isReferral && durationsFromPlacement {
            customer.pendingDuration = person.duration
            previous.pointee = customer
        } else {
            previous.pointee = customer
            post(.tierEnd, at: t + person.duration, subject: Int32(c), stamp: customer.endStamp)
        }
    }

    /// Person `id` of the schedule is referred now.
    private func refer(id: Int, _ person: Person) {
        let c = people.arrive()
        initialise(c, id: id, person, isReferral: true)
        if t >= 0 { ledger.counters[Int(person.zone) * fieldCount + PeriodField.referrals.rawValue] += 1 }
        enqueue(c, queueClass: person.priority ? 1 : 2)
        _ = broker(c)
    }
}
