/// What a run of a scenario with a `coverage` section answers for a planner, over the whole run:
/// each option's share of need within the travel-time standard, its coverage gap and the
/// coverage lost to providers leaving (county-wide, mean and 95% interval across replications);
/// for the option the sites are chosen for (`coverage.option`), the zones with the largest gaps,
/// the zones that lose coverage, and the sites chosen with what each covers. `sufficiency
/// coverage` prints it (`CoverageAnswer+Text`); zones.csv and sites.csv hold the same figures.
public struct CoverageAnswer: Sendable {
    /// A whole-run figure: its mean and 95% interval across `n` replications.
    public struct Figure: Sendable, Equatable {
        public var n: Int
        public var mean: Double
        public var low: Double
        public var high: Double
    }

    /// A zone's whole-run figure.
    public struct ZoneFigure: Sendable, Equatable {
        public var zone: String
        public var figure: Figure
    }

    /// A chosen site and what it covers.
    public struct Site: Sendable, Equatable {
        public var name: String
        public var kind: CandidateSite.Kind
        /// The zone it is in.
        public var zone: String
        /// The zones it reaches within the standard.
        public var reaches: [String]
        /// Need it adds to what the sites before it cover (hours a week).
        public var marginalHours: Double
        /// Need it and the sites before it cover (hours a week).
        public var cumulativeHours: Double
    }

    /// At most this many zones are listed with the largest gaps.
    public static let gapZoneLimit = 3
    /// At most this many zones are listed as losing coverage (largest loss first).
    public static let lostZoneLimit = 8

    public let options: [String]
    /// The option whose zones and sites are shown (`coverage.option`).
    public let option: Int
    public let standardMinutes: Double
    public let objective: SiteObjective
    /// Hours a week each site offers.
    public let siteCapacityHours: Double
    /// Each option's county share of need within the standard (`coverage_share`).
    public let withinShare: [Figure?]
    /// Each option's county coverage gap, hours a week (`coverage_gap_hours`).
    public let gapHours: [Figure?]
    /// Each option's county coverage lost, hours a week (`coverage_lost_hours`).
    public let lostHours: [Figure?]
    /// The zones with the largest mean gap (above 0), largest first, at most `gapZoneLimit`.
    public let largestGaps: [ZoneFigure]
    /// Every zone whose mean coverage lost is above 0, largest first.
    public let losingZones: [ZoneFigure]
    /// The chosen sites, in greedy order.
    public let sites: [Site]
    /// The need the sites were chosen to cover, all zones (hours a week).
    public let totalNeed: Double

    /// The answer of `results`, a run of `scenario`; nil when the scenario has no coverage section.
    public init?(results: RunResults, scenario: Scenario) {
        guard let settings = scenario.coverage, results.layout.measures.coverageStart != nil else { return nil }
        let layout = results.layout
        let whole = layout.horizonWindow
        func figure(_ option: Int, _ slot: Int, _ measure: String) -> Figure? {
            guard let s = results.summary(option: option, window: whole, zoneSlot: slot, measure: measure),
                  s.n > 0, s.mean.isFinite else { return nil }
            return Figure(n: s.n, mean: s.mean, low: s.ciLow, high: s.ciHigh)
        }
        func ranked(_ measure: String) -> [ZoneFigure] {
            scenario.zones.indices.compactMap { z -> ZoneFigure? in
                guard let f = figure(settings.option, z + 1, measure), f.mean > 0 else { return nil }
                return ZoneFigure(zone: scenario.zones[z].name, figure: f)
            }.enumerated().sorted {
                $0.element.figure.mean != $1.element.figure.mean ? $0.element.figure.mean > $1.element.figure.mean
                    : $0.offset < $1.offset
            }.map(\.element)
        }
        options = layout.options
        option = settings.option
        standardMinutes = settings.standardMinutes
        objective = settings.siteObjective
        siteCapacityHours = settings.siteCapacityHours
        withinShare = layout.options.indices.map { figure($0, 0, MeasureName.coverageShare) }
        gapHours = layout.options.indices.map { figure($0, 0, MeasureName.coverageGapHours) }
        lostHours = layout.options.indices.map { figure($0, 0, MeasureName.coverageLostHours) }
        largestGaps = Array(ranked(MeasureName.coverageGapHours).prefix(Self.gapZoneLimit))
        losingZones = ranked(MeasureName.coverageLostHours)
        let plan = CoveragePlan(scenario: scenario, settings: settings)
        let selection = SiteSelection(results: results, plan: plan, settings: settings)
        totalNeed = selection.totalNeed
        sites = selection.additions.map { addition in
            let site = plan.sites[addition.site]
            return Site(name: site.name, kind: site.kind, zone: scenario.zones[site.zone].name,
                        reaches: plan.reach(site: addition.site).map { scenario.zones[$0].name },
                        marginalHours: addition.marginalHours, cumulativeHours: addition.cumulativeHours)
        }
    }
}
