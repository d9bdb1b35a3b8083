import Foundation

/// An option's rules turned into lookup tables the engine uses on every placement.
///
/// Built once per scenario; immutable and shared by every worker thread.
struct OptionPlan: Sendable {
    /// A contracted provider a package in a zone can be offered to.
    struct Candidate: Sendable {
        var provider: Int32
        var contract: Int32
        var route: Route
    }

    let option: ProcurementOption
    /// For each zone, contracted candidates in the order they are offered a package.
    let contracted: [[Candidate]]
    /// For each zone, every contracted candidate in the county, nearest first
    /// (mini-competition).
    let countyContracted: [[Candidate]]
    /// For each zone, providers that will take a spot package there, nearest first.
    let spot: [[Int32]]
    /// For each provider, the zones it serves under this option.
    let serves: [[Int32]]
    /// Contract of provider p in zone z (p × zones + z), or −1.
    let contractAt: [Int32]
    /// Rate multiplier by zone for contracted packages (hard-to-reach premiums).
    let zoneFactor: [Double]
    /// Contract route by contract index.
    let contractRoute: [Route]
    /// Contract slots: the option's contracts (slots `0..<option.contracts.count`, in force at
    /// the start) and, when the option has a term or an open vehicle, a dormant slot for every provider that could
    /// win each lot it does not hold at the start.
    let slots: [Slot]
    /// The option's lots: what a tender awards.
    let lots: [Lot]
    /// Zone-to-zone distances (km), zone × zone, for ordering candidates after a tender.
    let distance: [Double]

    /// A contract a provider holds, or could win at a tender.
    struct Slot: Sendable {
        var provider: Int32
        var route: Route
        var zones: [Int32]
        /// The lot it belongs to, or −1 for a contract that is never tendered (spot or legacy routes).
        var lot: Int32
        /// Hours a week paid whether used or not (a dormant slot: the mean of its lot's contracts).
        var guaranteedHours: Double
    }

    /// Contracts tendered together: a strategic or approved lot is a route and a set of zones
    /// with as many places as it had contracts at the start, won on price and quality; a
    /// framework or DPS lot is the option's whole route, admitting every acceptable bidder.
    struct Lot: Sendable {
        var route: Route
        /// Zones the lot covers, ascending.
        var zones: [Int32]
        /// Its slots (indices into `slots`).
        var slots: [Int32]
        /// Contracts awarded (competitive lots); 0 for admission lots.
        var places: Int
        var competitive: Bool { places > 0 }
    }

    init(option: ProcurementOption, scenario: Scenario) {
        self.option = option
        let zoneCount = scenario.zones.count
        let providerCount = scenario.providers.count
        let distance = OptionPlan.distances(scenario.zones)

        var serves = scenario.providers.map { Set($0.zones + [$0.baseZone]) }
        var contractAt = [Int32](repeating: -1, count: providerCount * zoneCount)
        for (k, contract) in option.contracts.enumerated() {
            for z in contract.zones {
                serves[contract.provider].insert(z)
                contractAt[contract.provider * zoneCount + z] = Int32(k)
            }
        }
        self.contractAt = contractAt
        self.distance = distance
        let (slots, lots) = OptionPlan.slotsAndLots(option: option, scenario: scenario)
        self.slots = slots
        self.lots = lots
        self.contractRoute = slots.map(\.route)
        self.zoneFactor = (0..<zoneCount).map { 1 + (option.zonePremiums[$0] ?? 0) }

        let baseZones = scenario.providers.map(\.baseZone)
        func ordered(_ list: [Candidate], zone z: Int, byTier: Bool) -> [Candidate] {
            list.sorted {
                OptionPlan.offeredFirst($0, $1, zone: z, option: option, byTier: byTier, distance: distance,
                                        baseZones: baseZones, zoneCount: zoneCount) { OptionPlan.startRate($0, option) }
            }
        }

        var contracted: [[Candidate]] = []
        var county: [[Candidate]] = []
        var spot: [[Int32]] = []
        var all: [Candidate] = []
        for (k, slot) in slots.enumerated() where slot.route.isContracted {
            all.append(Candidate(provider: slot.provider, contract: Int32(k), route: slot.route))
        }
        // Mini-competition offers a package once to each contracted provider, under its first contract.
        var seen = Set<Int32>()
        let firstContractOfEachProvider = all.filter { seen.insert($0.provider).inserted }
        for z in 0..<zoneCount {
            if option.rule == .spot {
                contracted.append([])
                county.append([])
            } else {
                let here = all.filter { slots[Int($0.contract)].zones.contains(Int32(z)) }
                contracted.append(ordered(here, zone: z, byTier: true))
                let nearest = firstContractOfEachProvider.sorted {
                    let da = distance[scenario.providers[Int($0.provider)].baseZone * zoneCount + z]
                    let db = distance[scenario.providers[Int($1.provider)].baseZone * zoneCount + z]
                    return da != db ? da < db : $0.provider < $1.provider
                }
                county.append(nearest)
            }
            let willing = (0..<providerCount).filter { serves[$0].contains(z) }
            spot.append(willing.sorted {
                let da = distance[scenario.providers[$0].baseZone * zoneCount + z]
                let db = distance[scenario.providers[$1].baseZone * zoneCount + z]
                return da != db ? da < db : $0 < $1
            }.map(Int32.init))
        }
        self.contracted = contracted
        self.countyContracted = county
        self.spot = spot
        self.serves = serves.map { $0.sorted().map(Int32.init) }
    }

    /// Whether contracted candidate `a` is offered a package in zone `z` before `b`: under the
    /// strategic rule (with `byTier`) strategic before approved before the rest, then by the
    /// option's ranking of `rate` (£ an hour, by slot) and the distance from the provider's base
    /// zone (km; `distance` is zone × zone), then by provider and slot. Used at the start and again after each tender.
    static func offeredFirst(_ a: Candidate, _ b: Candidate, zone z: Int, option: ProcurementOption, byTier: Bool,
                             distance: [Double], baseZones: [Int], zoneCount: Int, rate: (Int32) -> Double) -> Bool {
        func tierRank(_ route: Route) -> Int {
            guard byTier, option.rule == .strategic else { return 0 }
            switch route {
            case .strategic: return 0
            case .approved: return 1
            default: return 2
            }
        }
        let ta = tierRank(a.route), tb = tierRank(b.route)
        if ta != tb { return ta < tb }
        let ra = rate(a.contract), rb = rate(b.contract)
        let da = distance[baseZones[Int(a.provider)] * zoneCount + z]
        let db = distance[baseZones[Int(b.provider)] * zoneCount + z]
        switch option.ranking {
        case .priceThenDistance:
            if ra != rb { return ra < rb }
            if da != db { return da < db }
        case .distanceThenPrice:
            if da != db { return da < db }
            if ra != rb { return ra < rb }
        }
        return a.provider != b.provider ? a.provider < b.provider : a.contract < b.contract
    }

    /// Rate (£ an hour, before front-loading) of slot `k` at the start: its contract's, or the
    /// option's reference rate for a dormant slot.
    static func startRate(_ k: Int32, _ option: ProcurementOption) -> Double {
        Int(k) < option.contracts.count ? option.contracts[Int(k)].rate : option.referenceRate
    }

    /// The option's contract slots and lots. Without a term or an open vehicle nobody wins or
    /// loses a contract: the slots are the contracts and there are no lots.
    static func slotsAndLots(option: ProcurementOption, scenario: Scenario) -> ([Slot], [Lot]) {
        var slots = option.contracts.map {
            Slot(provider: Int32($0.provider), route: $0.route, zones: $0.zones.sorted().map(Int32.init), lot: -1,
                 guaranteedHours: $0.guaranteedHours)
        }
        guard option.term != nil || option.vehicle != .closed else { return (slots, []) }
        var lots: [Lot] = []
        var lotOf: [String: Int] = [:]
        for k in 0..<option.contracts.count where slots[k].route.isContracted {
            let route = slots[k].route
            let competitive = route == .strategic || route == .approved
            let key = competitive ? "\(route.rawValue):\(slots[k].zones)" : route.rawValue
            let l: Int
            if let found = lotOf[key] {
                l = found
            } else {
                l = lots.count
                lotOf[key] = l
                lots.append(Lot(route: route, zones: competitive ? slots[k].zones : [], slots: [], places: 0))
            }
            slots[k].lot = Int32(l)
            lots[l].slots.append(Int32(k))
            if competitive { lots[l].places += 1 } else {
                lots[l].zones = Array(Set(lots[l].zones + slots[k].zones)).sorted()
            }
        }
        // Dormant slots: every provider serving one of a lot's zones that holds none of its slots
        // (a provider's `zones` are those it works in, so a dormant slot widens no provider's area).
        for l in lots.indices {
            let holders = Set(lots[l].slots.map { slots[Int($0)].provider })
            let guarantee = lots[l].slots.map { slots[Int($0)].guaranteedHours }.reduce(0, +) / Double(lots[l].slots.count)
            for (p, provider) in scenario.providers.enumerated() where !holders.contains(Int32(p)) {
                let zones: [Int32]
                if lots[l].competitive {
                    // A winner covers the lot's zones it already works in.
                    zones = lots[l].zones.filter { provider.zones.contains(Int($0)) }
                    if zones.isEmpty { continue }
                } else {
                    zones = provider.zones.sorted().map(Int32.init)
                }
                lots[l].slots.append(Int32(slots.count))
                slots.append(Slot(provider: Int32(p), route: lots[l].route, zones: zones, lot: Int32(l),
                                  guaranteedHours: guarantee))
            }
        }
        return (slots, lots)
    }

    /// Zone-to-zone distances in km between centroids (great circle), or 0 within
    /// a zone and 1 between zones when centroids are not given.
    static func distances(_ zones: [Zone]) -> [Double] {
        let n = zones.count
        var d = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n where i != j {
                if let a = zones[i].location, let b = zones[j].location, let km = a.kilometres(to: b) {
                    d[i * n + j] = km
                } else {
                    d[i * n + j] = 1
                }
            }
        }
        return d
    }

    /// Haversine distance in km on a sphere of radius 6,371 km.
    static func greatCircleKilometres(_ a: Zone.Coordinate, _ b: Zone.Coordinate) -> Double {
        let rad = Double.pi / 180
        let dLat = (b.latitude - a.latitude) * rad
        let dLon = (b.longitude - a.longitude) * rad
        let h = sin(dLat / 2) * sin(dLat / 2)
            + cos(a.latitude * rad) * cos(b.latitude * rad) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * 6371 * asin(min(1, sqrt(h)))
    }
}
