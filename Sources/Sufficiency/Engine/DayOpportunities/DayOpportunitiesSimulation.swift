import Foundation

/// One replication of a day opportunities service under one option, event by event: referrals,
/// placements with providers (on the framework, on legacy terms, spot) or direct payments,
/// tiers ending, annual reviews that move people onto the framework, evaluation rounds that
/// admit providers, and April's uplift. Stocks are integrated over time into reporting periods.
///
/// An instance is reused across replications and options by one worker thread.
final class DayOpportunitiesSimulation {
    let scenario: Scenario
    let day: DayOpportunities
    let calendar: SimulationCalendar
    let layout: DayLayout

    /// A person's state in this option's run.
    struct Placement {
        /// `DayRoute` index, or `waiting` / `gone`.
        var route: Int8 = DayOpportunitiesSimulation.notArrived
        var level: Int32 = 0
        var provider: Int32 = -1
        var tier: Int32 = 0
        /// £ a day now.
        var rate = 0.0
        /// When they started waiting (days).
        var waitingSince = 0.0
        /// The days of the week they hold a place with their provider.
        var days = Weekdays(mask: 0)
        /// Bumped when the person leaves, so their pending events are skipped.
        var stamp: UInt32 = 0
    }

    struct ProviderState {
        var member = false
        /// In the market: every scenario provider; a new organisation once approved.
        var active = false
        /// Has applied and failed (may resubmit).
        var failed = false
        var lotMask: UInt64 = 0
        var joinProbability = 0.0
        /// Index into the scenario's localities.
        var locality = 0
    }

    static let waiting: Int8 = 4
    static let gone: Int8 = 5
    static let notArrived: Int8 = -1

    var option = DayOption(rule: .spot)
    var optionIndex = 0
    var t = 0.0
    var sequence: UInt64 = 0
    var events: EventCalendar
    var people: [Placement] = []
    var providers: [ProviderState] = []
    /// Free places by provider, level and day of the week.
    var places: DayPlaces
    /// Travel minutes and transport costs between localities.
    let travel: DayTravelTable
    /// Samples the locality of a new organisation under this option (nil: one locality).
    var newProviderLocality: DiscreteSampler?
    /// Scenario providers, then room for organisations admitted during the run.
    let providerRoom: Int
    var queue = List<Int32>(capacity: 64)
    var streams = RandomStreams()
    var prices: PriceTable
    /// £ a day on the framework and spot, by level, now.
    var frameworkRates: [Double]
    var spotRates: [Double]
    /// Stocks (see `DayLayout`), their integrals over the current period, and counters.
    var stock: [Double]
    var area: [Double]
    var lastT = 0.0
    /// Completed periods: `layout.binStride` doubles each.
    var bins: [Double] = []
    var currentPeriod = -1
    /// New organisations that have applied so far in this run.
    var applicants = 0
    /// Days from the start until the spot share of placements first fell below the target (NaN: not yet).
    var spotTargetDay = Double.nan
    let horizon: Double
    /// Self-funders and the framework's term (`DayBedState`).
    var beds = DayBedState()
    /// Each option's own pathways and reviews (`+Pathways`).
    let pathways: DayOptionPathways
    /// The replication's people as the option being run sees them (its pathways and reviews).
    var optionPeople: [DayDemand.Person] = []

    init(scenario: Scenario, calendar: SimulationCalendar, layout: DayLayout) {
        self.scenario = scenario
        day = scenario.dayOpportunities!
        self.calendar = calendar
        self.layout = layout
        horizon = Double(calendar.horizonDays)
        pathways = DayOptionPathways(day)
        events = EventCalendar(firstDay: -calendar.warmUpDays, lastDay: calendar.horizonDays)
        providerRoom = day.providers.count + 4096
        places = DayPlaces(levels: day.levels.count)
        travel = DayTravelTable(day)
        prices = PriceTable(scenario.prices, from: calendar.financialYear(at: -Double(calendar.warmUpDays)),
                            through: calendar.financialYear(at: Double(calendar.horizonDays)))
        frameworkRates = Array(repeating: 0, count: day.levels.count)
        spotRates = frameworkRates
        stock = Array(repeating: 0, count: layout.stockCount)
        area = Array(repeating: 0, count: layout.binStride)
        bins = Array(repeating: 0, count: calendar.periods.count * layout.binStride)
    }

    // MARK: - Running

    /// Counts the run's events against its budget and notices a request to stop.
    var watch = ReplicationWatch()

    /// Runs option `index` against `demand`, leaving per-period results in `bins`. Ends early,
    /// with `watch.halt` set, when the run goes past `watch.budget` or `watch.stop` is asked to;
    /// `replication` (from 0) names the replication in that message.
    func run(option index: Int, demand: DayDemand, streams: RandomStreams, replication: Int = 0) {
        watch.start(replication: replication, option: scenario.options[index].name)
        self.streams = streams
        optionIndex = index
        option = day.options[index]
        optionPeople = peopleOnPathways(demand)
        reset(demand)
        optionPeople.withUnsafeBufferPointer { everyone in
            var next = demand.initialCount
            let periodCount = calendar.periods.count
            while true {
                if watch.tick() && watch.check(bytes: events.count &* 2 &* MemoryLayout<Event>.stride) { break }
                let referralTime = next < everyone.count ? everyone[next].arrives : .infinity
                if let event = events.min(), event.time <= referralTime {
                    if event.time >= horizon && event.kind != .periodBoundary { break }
                    events.removeMin()
                    advance(to: event.time)
                    handle(event, everyone)
                    if event.kind == .periodBoundary && currentPeriod >= periodCount { break }
                } else {
                    if referralTime >= horizon { break }
                    advance(to: referralTime)
                    refer(next, everyone[next])
                    next += 1
                }
            }
        }
    }

    func post(_ kind: Event.Kind, at time: Double, subject: Int32, stamp: UInt32 = 0) {
        sequence &+= 1
        if time >= horizon && kind != .periodBoundary { return }
        events.insert(Event(time: time, kind: kind, sequence: sequence, subject: subject, stamp: stamp))
    }

    func reset(_ demand: DayDemand) {
        t = -Double(calendar.warmUpDays)
        lastT = t
        sequence = 0
        events.removeAll()
        queue.removeAll()
        prices.draw(streams.prices)
        for i in stock.indices { stock[i] = 0 }
        for i in area.indices { area[i] = 0 }
        for i in bins.indices { bins[i] = 0 }
        currentPeriod = calendar.warmUpDays > 0 ? -1 : 0
        spotTargetDay = .nan
        applicants = 0
        for l in day.levels.indices {
            frameworkRates[l] = option.hasFramework ? option.rates[l] : 0
            spotRates[l] = day.levels[l].spotDailyRate
        }
        providers.removeAll(keepingCapacity: true)
        places.removeAll()
        for p in day.providers {
            var mask: UInt64 = 0
            for lot in p.lots { mask |= 1 << UInt64(lot) }
            providers.append(ProviderState(member: option.hasFramework && p.member,
                                           active: true, failed: false, lotMask: mask,
                                           joinProbability: joinProbability(of: p),
                                           locality: p.locality))
            places.append(shared: p.places, byLevel: p.placesByLevel, capacity: p.capacity,
                          days: p.openDays ?? day.openDays)
        }
        newProviderLocality = day.localities.count > 1
            ? DiscreteSampler(weights: option.newProviderLocalities ?? day.localities.map(\.share)) : nil
        stock[layout.members] = Double(providers.filter(\.member).count)
        if people.count < demand.people.count {
            people = Array(repeating: Placement(), count: demand.people.count + demand.people.count / 4)
        } else {
            for i in people.indices { people[i] = Placement() }
        }

        if calendar.warmUpDays > 0 { post(.periodBoundary, at: 0, subject: -1) }
        for period in calendar.periods { post(.periodBoundary, at: Double(period.toDay), subject: 0) }
        for april in calendar.aprilFirsts { post(.uplift, at: Double(april.day), subject: Int32(april.year)) }
        if option.hasFramework {
            post(.evaluationRound, at: option.firstRoundDay, subject: 0)
        }
        scheduleExpiry()

        // The caseload as it stands: on its own terms with its own providers. Without a
        // framework there is nothing to be on or legacy to: everyone is bought spot.
        for i in 0..<demand.initialCount {
            let person = optionPeople[i]
            let entry = day.caseload[Int(person.entry)]
            var route = entry.route
            if !option.hasFramework && (route == .framework || route == .legacy) { route = .spot }
            var rate = entry.dailyRate
            if route == .framework { rate = frameworkRates[entry.level] }
            people[i].level = person.level
            people[i].tier = person.tier
            if route == .directPayment {
                start(i, person, route: .directPayment, provider: -1, rate: rate)
            } else {
                people[i].days = places.take(entry.provider!, level: Int(person.level), days: person.attendance)
                start(i, person, route: route, provider: Int32(entry.provider!), rate: rate)
            }
            post(.tierEnd, at: t + person.tierDays, subject: Int32(i), stamp: people[i].stamp)
            post(.review, at: t + person.firstReview, subject: Int32(i), stamp: people[i].stamp)
        }
        startSelfFunders()
        startTerm()
        checkSpotTarget()
    }

    func handle(_ event: Event, _ everyone: UnsafeBufferPointer<DayDemand.Person>) {
        let i = Int(event.subject)
        switch event.kind {
        case .periodBoundary:
            closePeriod()
        case .uplift:
            applyUplift(year: Int(event.subject))
        case .tierEnd:
            if people[i].stamp == event.stamp { endTier(i, everyone[i]) }
        case .review:
            if people[i].stamp == event.stamp { review(i) }
        case .evaluationRound:
            evaluationRound()
            post(.evaluationRound, at: t + option.roundEveryDays, subject: 0)
        case .termEnd:
            expire()
        case .frameworkTermEnd:
            endTerm(extensionAvailable: event.subject == 1)
        case .selfFunderArrives:
            selfFunderArrives()
        case .selfFunderLeaves:
            selfFunderLeaves(i)
        default:
            break
        }
    }

    // MARK: - People

    func refer(_ i: Int, _ person: DayDemand.Person) {
        count(layout.referrals)
        people[i].level = person.level
        people[i].tier = person.tier
        if person.directPaymentDraw < reviews.referralDirectPaymentProbability {
            start(i, person, route: .directPayment, provider: -1, rate: spotRates[Int(person.level)])
            count(layout.directPayments)
        } else {
            people[i].route = Self.waiting
            people[i].waitingSince = t
            addStock(i, person, sign: 1)
            let frameworkFirst = person.frameworkDraw < option.referralFrameworkShare
            if !place(i, lot: Int(person.lot), frameworkFirst: frameworkFirst) { queue.append(Int32(i)) }
        }
        post(.tierEnd, at: t + person.tierDays, subject: Int32(i), stamp: people[i].stamp)
        post(.review, at: t + person.firstReview, subject: Int32(i), stamp: people[i].stamp)
        checkSpotTarget()
    }

    /// Starts person `i` (not yet counted anywhere) on `route`.
    func start(_ i: Int, _ person: DayDemand.Person, route: DayRoute, provider: Int32, rate: Double) {
        people[i].route = Int8(route.index)
        people[i].provider = provider
        people[i].rate = rate
        addStock(i, person, sign: 1)
    }

    /// Finds person `i` (waiting, counted as waiting) a place: a framework provider with room
    /// for their lot, else a spot provider (the other way round when not `frameworkFirst`);
    /// true when placed.
    @discardableResult
    func place(_ i: Int, lot: Int, frameworkFirst: Bool = true) -> Bool {
        let bit: UInt64 = 1 << UInt64(lot)
        var p = -1
        if option.hasFramework && frameworkFirst { p = pick(for: i) { $0.member && $0.lotMask & bit != 0 } }
        if p < 0 { p = pick(for: i) { !$0.member && $0.lotMask & bit != 0 } }
        if p < 0 && option.hasFramework && !frameworkFirst { p = pick(for: i) { $0.member && $0.lotMask & bit != 0 } }
        guard p >= 0 else { return false }
        let level = Int(people[i].level)
        moveTo(i, provider: p, route: providers[p].member ? .framework : .spot,
               rate: providers[p].member ? frameworkRates[level] : spotRates[level])
        count(layout.placementsStarted)
        return true
    }

    /// An active provider matching `where` with a place for person `i` (at their level, on
    /// enough of its open days, within their reach): the nearest such provider when the
    /// scenario's travel choice is `nearest`, any otherwise; among those, in proportion to
    /// free place-days.
    func pick(for i: Int, where matches: (ProviderState) -> Bool) -> Int {
        let level = Int(people[i].level), k = fixed[i].attendance
        let home = Int(fixed[i].locality)
        let nearest = travel.localities > 1 && (option.travelChoice ?? day.travel.choice) == .nearest
        var total = 0, closest = Double.infinity
        for p in providers.indices where providers[p].active && matches(providers[p]) {
            let pair = travel.pair(home, providers[p].locality)
            guard travel.reachable[pair] else { continue }
            let w = places.weight(p, level: level, days: k)
            guard w > 0 else { continue }
            if nearest {
                let m = travel.minutes[pair]
                if m < closest { closest = m; total = 0 }
                if m > closest { continue }
            }
            total += w
        }
        guard total > 0 else { return -1 }
        var draw = streams.brokerage.uniformInt(total)
        for p in providers.indices where providers[p].active && matches(providers[p]) {
            let pair = travel.pair(home, providers[p].locality)
            guard travel.reachable[pair], !nearest || travel.minutes[pair] == closest else { continue }
            draw -= places.weight(p, level: level, days: k)
            if draw < 0 { return p }
        }
        return -1
    }

    /// Moves person `i` from wherever they are to provider `p` on `route` at `rate`.
    func moveTo(_ i: Int, provider p: Int, route: DayRoute, rate: Double) {
        releasePlace(i)
        let wasWaiting = people[i].route == Self.waiting
        reprice(i) {
            people[i].route = Int8(route.index)
            people[i].provider = Int32(p)
            people[i].rate = rate
            people[i].days = places.take(p, level: Int(people[i].level), days: fixed[i].attendance)
        }
        if wasWaiting { count(layout.waitDays, by: t - people[i].waitingSince) }
    }

    /// Frees person `i`'s place, if they hold one, and offers it to whoever waits.
    func releasePlace(_ i: Int) {
        let p = Int(people[i].provider)
        guard p >= 0 else { return }
        reprice(i) {
            places.release(p, level: Int(people[i].level), days: people[i].days)
            people[i].provider = -1
            people[i].days = Weekdays(mask: 0)
        }
        offerPlace(of: p)
    }

    /// Offers provider `p`'s free places to people waiting for one of its lots, at a level
    /// it has room for and within their reach, longest waiting first.
    func offerPlace(of p: Int) {
        var k = 0
        while k < queue.count && providers[p].active && places.hasRoom(p) {
            let i = Int(queue[k])
            if people[i].route != Self.waiting {
                queue.removeSubrange(from: k, to: k + 1)
                continue
            }
            let lot = demandLot(i)
            if providers[p].lotMask & (1 << UInt64(lot)) != 0
                && travel.reachable[travel.pair(Int(fixed[i].locality), providers[p].locality)]
                && places.weight(p, level: Int(people[i].level), days: fixed[i].attendance) > 0 {
                let level = Int(people[i].level)
                queue.removeSubrange(from: k, to: k + 1)
                moveTo(i, provider: p, route: providers[p].member ? .framework : .spot,
                       rate: providers[p].member ? frameworkRates[level] : spotRates[level])
                count(layout.placementsStarted)
            } else {
                k += 1
            }
        }
    }

    /// Person lots never change: kept in the demand, looked up through this run's copy.
    var lots: [Int32] = []
    func demandLot(_ i: Int) -> Int { Int(lots[i]) }

    func endTier(_ i: Int, _ person: DayDemand.Person) {
        let tiers = tiers(ofGroup: Int(person.group))
        let tier = tiers[Int(people[i].tier)]
        if tier.kind == .enablement, !person.goalMet, let next = tier.next {
            // Stepping into the next tier changes the days a week by the tiers' factors.
            let factor = tiers[next].hoursFactor / tier.hoursFactor
            if factor != 1 { changeDays(i, by: factor) }
            people[i].tier = Int32(next)
            post(.tierEnd, at: t + person.nextTierDays, subject: Int32(i), stamp: people[i].stamp)
            return
        }
        if tier.kind == .enablement && person.goalMet { count(layout.goalsMet) }
        leave(i)
    }

    func leave(_ i: Int) {
        releasePlace(i)
        reprice(i) { people[i].route = Self.gone }
        people[i].stamp &+= 1
        count(layout.leavers)
        checkSpotTarget()
    }

    /// At review: a change of level, terms moved onto the framework, a move to a framework
    /// provider, or a direct payment (MODEL: reviews, at least annual).
    func review(_ i: Int) {
        post(.review, at: t + reviews.intervalDays, subject: Int32(i), stamp: people[i].stamp)
        let route = Int(people[i].route)
        guard route >= 0 && route < 4 else { return }
        let stream = streams.reviews
        let level = Int(people[i].level)
        for change in option.levelChanges where change.from == level {
            if stream.uniform() < change.probability {
                changeLevel(i, to: change.to)
                break
            }
        }
        if route == DayRoute.directPayment.index {
            // A direct payment is reviewed for its level only.
            let changed = Int(people[i].level)
            if changed != level { reprice(i) { people[i].rate = spotRates[changed] } }
            return
        }
        if stream.uniform() < reviews.directPaymentProbability {
            releasePlace(i)
            reprice(i) {
                people[i].route = Int8(DayRoute.directPayment.index)
                people[i].rate = spotRates[Int(people[i].level)]
            }
            count(layout.directPayments)
            checkSpotTarget()
            return
        }
        let newLevel = Int(people[i].level)
        let p = Int(people[i].provider)
        var moved = false
        if route == DayRoute.legacy.index || route == DayRoute.spot.index {
            if p >= 0 && providers[p].member {
                // Their provider is on the framework: they move onto its terms.
                reprice(i) {
                    people[i].route = Int8(DayRoute.framework.index)
                    people[i].rate = frameworkRates[newLevel]
                }
                count(layout.movesToFramework)
                moved = true
            } else if option.hasFramework && stream.uniform() < reviews.moveProbability {
                let bit: UInt64 = 1 << UInt64(demandLot(i))
                let q = pick(for: i) { $0.member && $0.lotMask & bit != 0 }
                if q >= 0 {
                    moveTo(i, provider: q, route: .framework, rate: frameworkRates[newLevel])
                    count(layout.movesToFramework)
                    moved = true
                }
            }
        }
        if !moved && reviews.closerProbability > 0 && stream.uniform() < reviews.closerProbability {
            moved = moveCloser(i)
        }
        // Staying where they are at a new level: the rate for it on their route (legacy and
        // spot terms both become the spot rate for the new level).
        if !moved && newLevel != level {
            let rate = route == DayRoute.framework.index ? frameworkRates[newLevel] : spotRates[newLevel]
            reprice(i) { people[i].rate = rate }
        }
        checkSpotTarget()
    }

    // MARK: - Providers

    /// An evaluation round: providers the council targets apply, new organisations apply, and
    /// failed applicants may resubmit; each submission is approved with its probability.
    func evaluationRound() {
        let stream = streams.entry
        for p in providers.indices where !providers[p].member {
            let chance = providers[p].failed ? option.resubmissionProbability
                : (providers[p].active ? providers[p].joinProbability : 0)
            guard chance > 0, stream.uniform() < chance else { continue }
            submit(p, resubmission: providers[p].failed)
        }
        var mean = option.applicantsPerRound
        if let pool = option.applicantPool {
            mean *= pool > 0 ? Double(max(0, pool - applicants)) / Double(pool) : 0
        }
        let newcomers = stream.poisson(mean: mean)
        for _ in 0..<newcomers where providers.count < providerRoom {
            applicants += 1
            let locality = newProviderLocality.map { $0.sample(stream) } ?? 0
            providers.append(ProviderState(member: false, active: false, failed: false, lotMask: UInt64.max,
                                           joinProbability: 0, locality: locality))
            places.append(shared: option.newProviderPlaces, byLevel: nil, capacity: nil, days: day.openDays)
            submit(providers.count - 1, resubmission: false)
        }
    }

    func submit(_ p: Int, resubmission: Bool) {
        count(layout.submissions)
        let chance = resubmission ? option.resubmissionApprovalProbability : option.approvalProbability
        guard streams.entry.uniform() < chance else {
            providers[p].failed = true
            return
        }
        providers[p].member = true
        if !providers[p].active { placesJoin(p) }
        providers[p].active = true
        providers[p].failed = false
        stock[layout.members] += 1
        count(layout.approvals)
        if resubmission { count(layout.resubmissionApprovals) }
        offerPlace(of: p)
    }

    // MARK: - Prices

    func applyUplift(year: Int) {
        let rule = scenario.options[optionIndex].uplift
        let y = year - prices.firstYear
        func uplift(_ route: Route) -> Double {
            rule.uplift(route: route, year: year, nlwChange: prices.nlwChange[y], cpiChange: prices.cpiBefore[y],
                        settlement: prices.settlement[y])
        }
        let framework = uplift(.framework), spot = uplift(.spot), legacy = uplift(.legacy)
        for l in frameworkRates.indices {
            frameworkRates[l] *= 1 + framework
            spotRates[l] *= 1 + spot
        }
        for i in people.indices where people[i].route >= 0 && people[i].route < 4 {
            let factor: Double
            switch Int(people[i].route) {
            case DayRoute.framework.index: factor = 1 + framework
            case DayRoute.legacy.index: factor = 1 + legacy
            default: factor = 1 + spot
            }
            reprice(i) { people[i].rate *= factor }
        }
    }

    // MARK: - Stocks and periods

    /// Applies `change` to person `i` with their stocks taken out before and put back after.
    func reprice(_ i: Int, _ change: () -> Void) {
        addStock(i, nil, sign: -1)
        change()
        addStock(i, nil, sign: 1)
    }

    /// Person attributes fixed for the run (group, lot, days, transport, locality), copied at
    /// arrival; `attendance` is the days a week they take a place (days rounded up).
    var fixed: [(group: Int32, lot: Int32, days: Double, transport: Bool, locality: Int32, attendance: Int)] = []

    /// Adds (+1) or removes (−1) person `i`'s contribution to the stocks.
    func addStock(_ i: Int, _ person: DayDemand.Person?, sign: Double) {
        if let person {
            if fixed.count <= i {
                fixed.append(contentsOf: repeatElement((group: Int32(0), lot: Int32(0), days: 0.0, transport: false,
                                                        locality: Int32(0), attendance: 0), count: i + 1 - fixed.count))
                lots.append(contentsOf: repeatElement(0, count: i + 1 - lots.count))
            }
            fixed[i] = (person.group, person.lot, person.days, person.transport, person.locality, person.attendance)
            lots[i] = person.lot
        }
        let route = Int(people[i].route)
        if route == Int(Self.waiting) {
            stock[layout.waitingPeople] += sign
            stock[layout.waitingDays] += sign * fixed[i].days
            stock[layout.waitingLevel + Int(people[i].level)] += sign
            return
        }
        guard route >= 0 && route < 4 else { return }
        let f = fixed[i]
        let weekly = f.days * people[i].rate
        let level = Int(people[i].level), lot = Int(f.lot), group = Int(f.group)
        stock[layout.routeCount + route] += sign
        stock[layout.routeSpend + route] += sign * weekly
        stock[layout.levelCount + level] += sign
        stock[layout.levelSpend + level] += sign * weekly
        stock[layout.lotCount + lot] += sign
        stock[layout.lotSpend + lot] += sign * weekly
        stock[layout.groupSpend + group] += sign * weekly
        let p = Int(people[i].provider)
        guard p >= 0 else { return }
        let pair = travel.pair(Int(f.locality), providers[p].locality)
        stock[layout.withProvider] += sign
        stock[layout.travelMinutes] += sign * travel.minutes[pair]
        if travel.withinStandard[pair] { stock[layout.withinStandard] += sign }
        if f.transport {
            stock[layout.transport] += sign * f.days * travel.costPerDay[pair]
            stock[layout.groupTransport + group] += sign * f.days * travel.costPerDay[pair]
        }
    }

    func count(_ counter: Int, by amount: Double = 1) {
        area[counter] += amount
    }

    /// Integrates the stocks up to `time`.
    func advance(to time: Double) {
        let dt = time - lastT
        if dt > 0 {
            for k in 0..<layout.stockCount { area[k] += stock[k] * dt }
            beds.integrate(dt)
        }
        lastT = time
        t = time
    }

    /// Records the first time the spot share of placements falls below the target.
    func checkSpotTarget() {
        guard spotTargetDay.isNaN, t >= 0 else { return }
        var placed = 0.0
        for r in 0..<4 { placed += stock[layout.routeCount + r] }
        if placed > 0 && stock[layout.routeCount + DayRoute.spot.index] / placed < day.spotShareTarget {
            spotTargetDay = t
        }
    }

    func closePeriod() {
        if currentPeriod >= 0 {
            let base = currentPeriod * layout.binStride
            for k in 0..<layout.binStride { bins[base + k] = area[k] }
        }
        for k in area.indices { area[k] = 0 }
        beds.close(period: currentPeriod)
        currentPeriod += 1
        checkSpotTarget()
    }
}

extension DayRoute {
    /// Position in `allCases`.
    var index: Int {
        switch self {
        case .framework: return 0
        case .legacy: return 1
        case .spot: return 2
        case .directPayment: return 3
        }
    }
}
