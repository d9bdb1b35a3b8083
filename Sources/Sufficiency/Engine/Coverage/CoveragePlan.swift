/// Travel times for the coverage analysis, worked out once per scenario: from each provider's
/// base and each candidate site to each zone, and which are within the standard.
///
/// Travel time is the user's matrix (base zone to zone), or the straight-line distance from
/// the base (or site) to the zone's centroid × the road factor, at the speed for the
/// destination zone's rurality; never less, within a base's own zone, than the zone's travel
/// minutes between visits (customers are spread around it).
public struct CoveragePlan: Sendable {
    public let settings: CoverageSettings
    public let zoneCount: Int
    /// Minutes from provider p's base to zone z: `providerMinutes[p * zoneCount + z]`.
    public let providerMinutes: [Double]
    /// Whether provider p serves zone z and is within the standard of it.
    private let providerReach: [Bool]
    /// The candidate sites, and minutes from site s to zone z (`siteMinutes[s * zoneCount + z]`).
    public let sites: [CandidateSite]
    public let siteMinutes: [Double]

    public init(scenario: Scenario, settings: CoverageSettings) {
        self.settings = settings
        let zones = scenario.zones
        zoneCount = zones.count
        func minutes(from place: Place?, zone from: Int, to z: Int) -> Double {
            if let matrix = settings.matrix { return matrix[from][z] }
            let origin = place ?? zones[from].location
            guard let origin, let target = zones[z].location, let km = origin.kilometres(to: target) else { return .nan }
            let speed = settings.speedKmPerHour[zones[z].rurality] ?? 30
            let estimate = km * settings.roadFactor / speed * 60
            return from == z ? max(estimate, zones[z].travelMinutesPerVisit) : estimate
        }
        var providerMinutes: [Double] = []
        for provider in scenario.providers {
            for z in zones.indices {
                providerMinutes.append(minutes(from: provider.base, zone: provider.baseZone, to: z))
            }
        }
        self.providerMinutes = providerMinutes
        var reach: [Bool] = []
        for (p, provider) in scenario.providers.enumerated() {
            for z in zones.indices {
                reach.append(provider.zones.contains(z) && providerMinutes[p * zones.count + z] <= settings.standardMinutes)
            }
        }
        providerReach = reach
        var sites = settings.sites ?? []
        if settings.sites == nil {
            sites = zones.enumerated().map { CandidateSite(name: $0.element.name, kind: .newBase, zone: $0.offset) }
            sites += scenario.providers.map {
                CandidateSite(name: $0.name, kind: .expandProvider, zone: $0.baseZone, place: $0.base)
            }
        }
        self.sites = sites
        var siteMinutes: [Double] = []
        for site in sites {
            for z in zones.indices { siteMinutes.append(minutes(from: site.place, zone: site.zone, to: z)) }
        }
        self.siteMinutes = siteMinutes
    }

    /// Whether provider `p` serves zone `z` and its base is within the standard of it: its
    /// capacity is within reach of the zone's need.
    @inline(__always)
    public func reaches(provider p: Int, zone z: Int) -> Bool {
        providerReach[p * zoneCount + z]
    }

    /// The zones site `s` reaches within the standard.
    public func reach(site s: Int) -> [Int] {
        (0..<zoneCount).filter { siteMinutes[s * zoneCount + $0] <= settings.standardMinutes }
    }
}
