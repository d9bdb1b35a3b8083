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
        self.serves = serves.map { $0.sorted().map(Int32.init) }
        self.contractAt = contractAt
        self.contractRoute = option.contracts.map(\.route)
        self.zoneFactor = (0..<zoneCount).map { 1 + (option.zonePremiums[$0] ?? 0) }

        func tierRank(_ route: Route) -> Int {
            guard option.rule == .strategic else { return 0 }
            switch route {
            case .strategic: return 0
            case .approved: return 1
            default: return 2
            }
        }
        func ordered(_ list: [Candidate], zone z: Int, byTier: Bool) -> [Candidate] {
            list.sorted { a, b in
                let ta = byTier ? tierRank(a.route) : 0, tb = byTier ? tierRank(b.route) : 0
                if ta != tb { return ta < tb }
                let ra = option.contracts[Int(a.contract)].rate, rb = option.contracts[Int(b.contract)].rate
                let da = distance[Int(scenario.providers[Int(a.provider)].baseZone) * zoneCount + z]
                let db = distance[Int(scenario.providers[Int(b.provider)].baseZone) * zoneCount + z]
                switch option.ranking {
                case .priceThenDistance:
                    if ra != rb { return ra < rb }
                    if da != db { return da < db }
                case .distanceThenPrice:
                    if da != db { return da < db }
                    if ra != rb { return ra < rb }
                }
                return a.provider < b.provider
            }
        }

        var contracted: [[Candidate]] = []
        var county: [[Candidate]] = []
        var spot: [[Int32]] = []
        var all: [Candidate] = []
        for (k, contract) in option.contracts.enumerated() {
            all.append(Candidate(provider: Int32(contract.provider), contract: Int32(k), route: contract.route))
        }
        // Mini-competition offers a package once to each contracted provider, under its first contract.
        var seen = Set<Int32>()
        let firstContractOfEachProvider = all.filter { seen.insert($0.provider).inserted }
        for z in 0..<zoneCount {
            if option.rule == .spot {
                contracted.append([])
                county.append([])
            } else {
                let here = all.filter { option.contracts[Int($0.contract)].zones.contains(z) }
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
