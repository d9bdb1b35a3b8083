import Foundation
import HeapModule
import DequeModule

/// One replication of one procurement option: the event-driven home care market.
///
/// People are referred, wait, are placed, reviewed, handed back and leave as
/// events; supply (workforce, capacity, hand-backs, exits) moves on a weekly
/// clock; prices rise each April. An instance is reused across replications and
/// options by one worker thread: every array is sized once and refilled, so a
/// replication allocates nothing per event.
final class HomeCareSimulation {
    enum State: UInt8 { case notYet, waiting, inCare, gone }

    struct Customer {
        var state: State = .notYet
        var zone: Int32 = 0
        var group: Int16 = 0
        var tier: Int16 = 0
        var priority = false
        var goalMet = true
        /// Hours a week.
        var hours = 0.0
        var provider: Int32 = -1
        var route: Route = .spot
        /// Contract index (≥ 0), or `spotRate` / `legacyRate`.
        var rateRef: Int32 = -1
        var rateFactor = 1.0
        /// £ an hour.
        var rate = 0.0
        var queuedAt = 0.0
        /// 0: handed back, 1: priority, 2: others.
        var queueClass: UInt8 = 2
        var placedAt = 0.0
        var nextDuration = 0.0
        /// Days of the first tier still to start at first placement (durations from placement).
        var pendingDuration = 0.0
        /// Changes whenever the placement or queue position changes.
        var stamp: UInt32 = 0
        /// Changes whenever the tier (and so its end) changes.
        var endStamp: UInt32 = 0
        var listIndex: Int32 = -1
    }

    struct ProviderState {
        var active = true
        var workers = 0.0
        /// Contact hours a week the workforce can deliver.
        var capacity = 0.0
        /// Hours a week of placed packages.
        var committed = 0.0
        var productive = 1.0
        var travelRatio = 0.0
        var overSince = Double.nan
        var vacancies = 0.0
        var recruitRoom = 0.0
        var lastT = 0.0
        var deliveredArea = 0.0
        var committedArea = 0.0
        var capacityArea = 0.0
        var workersArea = 0.0
        var vacancyArea = 0.0
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
    let fieldCount = PeriodField.allCases.count
    /// Doubles per period in `bins`: zone fields, then provider × zone delivered hours, then group spend.
    let binStride: Int

    // Per-run state.
    var plan: OptionPlan
    var t = 0.0
    var sequence: UInt64 = 0
    var events = Heap<Event>()
    var customers: [Customer] = []
    var providers: [ProviderState] = []
    var packages: [[Int32]] = []
    var queues: [Deque<(Int32, UInt32)>] = []      // zone × 3 classes
    var contractRates: [Double] = []
    var spotRateNow = 0.0
    var legacyRateNow = 0.0

    // Stocks and their running integrals for the current period.
    var zoneInCare: [Double] = [], zoneWaiting: [Double] = [], zoneWaitingHours: [Double] = []
    var zoneLast: [Double] = []
    var zoneArea: [Double] = []                     // zone × 3 (in care, waiting, waiting hours)
    var pzCommitted: [Double] = [], pzCost: [Double] = [], pzSpot: [Double] = [], pzCount: [Double] = []
    var pzLast: [Double] = []
    var pzArea: [Double] = []                       // (p × zones + z) × 3 (committed, cost, spot)
    var pgCost: [Double] = [], pgLast: [Double] = [], pgArea: [Double] = []
    var counters: [Double] = []                     // zone × fields (counts only)
    /// Completed periods, `binStride` doubles each.
    var bins: [Double] = []
    var currentPeriod = -1
    /// Waits of placements: (period, zone, days), in time order.
    var waits: [(Int32, Int32, Double)] = []
    var arrived = 0
    var checkInvariants = false
    /// 1 + the workforce's overcommitment share.
    let overcommit: Double
    /// NLW and running-cost index by financial year, looked up on every weekly tick.
    let prices: PriceTable
    /// What a tier's end needs, flattened (group g's tiers start at `tierStart[g]`) so the
    /// hot path copies no strings or arrays.
    struct TierRule {
        /// Tier stepped into when an enablement goal is not met; −1 when none.
        var next: Int32
        var hoursFactor: Double
    }
    let tiers: [TierRule]
    let tierStart: [Int32]

    var streams: RandomStreams!

    init(scenario: Scenario, calendar: SimulationCalendar, plans: [OptionPlan]) {
        self.scenario = scenario
        self.calendar = calendar
        self.plans = plans
        self.plan = plans[0]
        overcommit = 1 + scenario.workforce.overcommitShare
        var rules: [TierRule] = []
        var starts: [Int32] = []
        for group in scenario.demand.clientGroups {
            starts.append(Int32(rules.count))
            for tier in group.tiers {
                let next = tier.kind == .enablement ? tier.next.map(Int32.init) ?? -1 : -1
                rules.append(TierRule(next: next, hoursFactor: tier.hoursFactor))
            }
        }
        tiers = rules
        tierStart = starts
        prices = PriceTable(scenario.prices, from: calendar.financialYear(at: -Double(calendar.warmUpDays)),
                            through: calendar.financialYear(at: Double(calendar.horizonDays)))
        zoneCount = scenario.zones.count
        providerCount = scenario.providers.count
        groupCount = scenario.demand.clientGroups.count
        binStride = zoneCount * PeriodField.allCases.count + providerCount * zoneCount + groupCount
        let pz = providerCount * zoneCount
        zoneInCare = Array(repeating: 0, count: zoneCount)
        zoneWaiting = zoneInCare; zoneWaitingHours = zoneInCare; zoneLast = zoneInCare
        zoneArea = Array(repeating: 0, count: zoneCount * 3)
        pzCommitted = Array(repeating: 0, count: pz)
        pzCost = pzCommitted; pzSpot = pzCommitted; pzCount = pzCommitted; pzLast = pzCommitted
        pzArea = Array(repeating: 0, count: pz * 3)
        pgCost = Array(repeating: 0, count: providerCount * groupCount)
        pgLast = pgCost
        pgArea = pgCost
        counters = Array(repeating: 0, count: zoneCount * fieldCount)
        bins = Array(repeating: 0, count: calendar.periods.count * binStride)
        queues = Array(repeating: Deque(), count: zoneCount * 3)
        packages = Array(repeating: [], count: providerCount)
        providers = Array(repeating: ProviderState(), count: providerCount)
        events.reserveCapacity(1024)
    }

    /// Runs option `optionIndex` against `schedule`, leaving per-period results in `bins` and `waits`.
    func run(option optionIndex: Int, schedule: DemandSchedule, streams: RandomStreams) {
        self.streams = streams
        plan = plans[optionIndex]
        reset(schedule: schedule)

        let people = schedule.people
        var next = schedule.initialCount
        let horizon = Double(calendar.horizonDays)
        while true {
            let referralTime = next < people.count ? people[next].referredAt : .infinity
            if let top = events.min, top.time <= referralTime {
                if top.time >= horizon && top.kind != .periodBoundary { break }
                let event = events.removeMin()
                t = event.time
                handle(event)
                if event.kind == .periodBoundary && currentPeriod >= calendar.periods.count { break }
            } else {
                if referralTime >= horizon { break }
                t = referralTime
                refer(next, people[next])
                next += 1
            }
            if checkInvariants { verifyInvariants() }
        }
    }

    @inline(__always)
    func post(_ kind: Event.Kind, at time: Double, subject: Int32, stamp: UInt32 = 0) {
        sequence &+= 1
        events.insert(Event(time: time, kind: kind, sequence: sequence, subject: subject, stamp: stamp))
    }

    private func handle(_ event: Event) {
        switch event.kind {
        case .periodBoundary:
            closePeriod()
        case .uplift:
            applyUplift(year: Int(event.subject))
        case .supplyTick:
            supplyTick()
            post(.supplyTick, at: t + 7, subject: 0)
        case .tierEnd:
            let c = Int(event.subject)
            if customers[c].endStamp == event.stamp && customers[c].state != .gone { endTier(c) }
        case .review:
            let c = Int(event.subject)
            if customers[c].stamp == event.stamp && customers[c].state == .inCare { review(c) }
        case .backgroundHandBack:
            let c = Int(event.subject)
            if customers[c].stamp == event.stamp && customers[c].state == .inCare {
                handBack(c, cause: .background)
            }
        }
    }

    private func reset(schedule: DemandSchedule) {
        let option = plan.option
        t = -Double(calendar.warmUpDays)
        sequence = 0
        let capacity = max(1024, events.count)
        events = Heap()
        events.reserveCapacity(capacity)
        customers.removeAll(keepingCapacity: true)
        customers.append(contentsOf: repeatElement(Customer(), count: schedule.people.count))
        for i in 0..<zoneCount * 3 { queues[i].removeAll(keepingCapacity: true) }
        for p in 0..<providerCount { packages[p].removeAll(keepingCapacity: true) }
        contractRates = option.contracts.map { $0.rate * option.frontLoading }
        spotRateNow = option.referenceRate * (1 + option.spotPremium)
        legacyRateNow = option.referenceRate * (1 + option.legacyPremium)
        for z in 0..<zoneCount {
            zoneInCare[z] = 0; zoneWaiting[z] = 0; zoneWaitingHours[z] = 0; zoneLast[z] = t
        }
        for i in 0..<zoneArea.count { zoneArea[i] = 0 }
        for i in 0..<pzCommitted.count {
            pzCommitted[i] = 0; pzCost[i] = 0; pzSpot[i] = 0; pzCount[i] = 0; pzLast[i] = t
        }
        for i in 0..<pzArea.count { pzArea[i] = 0 }
        for i in 0..<pgCost.count { pgCost[i] = 0; pgLast[i] = t; pgArea[i] = 0 }
        for i in 0..<counters.count { counters[i] = 0 }
        for i in 0..<bins.count { bins[i] = 0 }
        waits.removeAll(keepingCapacity: true)
        currentPeriod = calendar.warmUpDays > 0 ? -1 : 0
        arrived = 0
        checkInvariants = scenario.run.checkInvariants

        let workforce = scenario.workforce
        for (p, provider) in scenario.providers.enumerated() {
            var s = ProviderState()
            s.workers = Double(provider.careWorkers)
            s.lastT = t
            providers[p] = s
            updateProductivity(p)
            providers[p].capacity = capacityOf(p, workforce: workforce)
        }

        // Clocks: period boundaries, Aprils, the weekly supply tick.
        if calendar.warmUpDays > 0 { post(.periodBoundary, at: 0, subject: -1) }
        for period in calendar.periods {
            post(.periodBoundary, at: Double(period.toDay), subject: 0)
        }
        for april in calendar.aprilFirsts {
            post(.uplift, at: Double(april.day), subject: Int32(april.year))
        }
        post(.supplyTick, at: t + 7, subject: 0)

        // The current caseload, placed with the providers named in the scenario
        // whatever their spare capacity: this is the market as it stands.
        for i in 0..<schedule.initialCount {
            let person = schedule.people[i]
            initialise(i, person, isReferral: false)
            arrived += 1
            let p = Int(person.initialProvider)
            if p >= 0 {
                let z = Int(person.zone)
                let k = plan.contractAt[p * zoneCount + z]
                if k >= 0 {
                    place(i, provider: p, route: plan.contractRoute[Int(k)], rateRef: k, factor: plan.zoneFactor[z],
                          countPlacement: false, firstReview: person.firstReview)
                } else {
                    place(i, provider: p, route: .legacy, rateRef: HomeCareSimulation.legacyRate, factor: 1,
                          countPlacement: false, firstReview: person.firstReview)
                }
            } else {
                enqueue(i, queueClass: 1)
            }
        }
    }

    private func initialise(_ c: Int, _ person: Person, isReferral: Bool) {
        var customer = Customer()
        customer.zone = person.zone
        customer.group = person.group
        customer.tier = person.tier
        customer.priority = person.priority
        customer.goalMet = person.goalMet
        customer.hours = person.hours
        customer.nextDuration = person.nextDuration
        customer.queuedAt = person.referredAt
        if isReferral && scenario.demand.durationStartsAt == .placement {
            customer.pendingDuration = person.duration
            customers[c] = customer
        } else {
            customers[c] = customer
            post(.tierEnd, at: t + person.duration, subject: Int32(c), stamp: 0)
        }
    }

    private func refer(_ c: Int, _ person: Person) {
        initialise(c, person, isReferral: true)
        arrived += 1
        if t >= 0 { counters[Int(person.zone) * fieldCount + PeriodField.referrals.rawValue] += 1 }
        enqueue(c, queueClass: person.priority ? 1 : 2)
        _ = broker(c)
    }
}
