/// New home care providers entering the market over the run.
///
/// Each zone has `slotsPerZone` would-be entrants, based there and serving only that zone, out
/// of the market at the start. Each week a zone gains one (the next unused) with the weekly
/// chance of an annual hazard of
/// `annualRate × exp(marginSensitivity × (margin − referenceMargin) + unmetSensitivity × unmet)`,
/// at most `maximumAnnualRate`, where margin is the mean margin of the providers working in the
/// zone (weighted by their hours) and unmet is the zone's waiting hours over its eligible hours.
/// An entrant starts with `careWorkers` and grows by recruitment like any provider; it can win
/// contracts at tenders and framework openings, and sell spot where the option lets it.
public struct EntrySettings: Sendable, Equatable {
    /// Entrants a year per zone at the reference margin with nobody waiting.
    public var annualRate: Double
    /// Margin (share of the rate) at which `annualRate` applies.
    public var referenceMargin: Double
    /// How steeply entry rises with the zone's margin (per unit of margin share).
    public var marginSensitivity: Double
    /// How steeply entry rises with the zone's unmet share (per unit of share).
    public var unmetSensitivity: Double
    /// Ceiling on entrants a year per zone.
    public var maximumAnnualRate: Double
    /// Entrants each zone can have over the run.
    public var slotsPerZone: Int
    /// Care workers an entrant starts with (headcount).
    public var careWorkers: Int
    /// Care workers an entrant can take on in a week.
    public var recruitmentPerWeek: Double
    /// Entrants' pay as a multiple of the National Living Wage.
    public var payPremium: Double
    /// Entrants' quality score (0–1) in tenders.
    public var quality: Double
    /// Share (0–1) of a zone's job seekers an entrant reaches.
    public var reach: Double

    public init(annualRate: Double = 0.2, referenceMargin: Double = 0.05, marginSensitivity: Double = 10,
                unmetSensitivity: Double = 5, maximumAnnualRate: Double = 2, slotsPerZone: Int = 3,
                careWorkers: Int = 5, recruitmentPerWeek: Double = 0.5, payPremium: Double = 1,
                quality: Double = 0.5, reach: Double = 0.3) {
        self.annualRate = annualRate
        self.referenceMargin = referenceMargin
        self.marginSensitivity = marginSensitivity
        self.unmetSensitivity = unmetSensitivity
        self.maximumAnnualRate = maximumAnnualRate
        self.slotsPerZone = slotsPerZone
        self.careWorkers = careWorkers
        self.recruitmentPerWeek = recruitmentPerWeek
        self.payPremium = payPremium
        self.quality = quality
        self.reach = reach
    }

    /// The would-be entrants of `zones`: `slotsPerZone` a zone, zone by zone, out of the market
    /// at the start (`Provider.entrant`).
    public func entrants(zones: [Zone]) -> [Provider] {
        zones.indices.flatMap { z in
            (1...max(1, slotsPerZone)).prefix(slotsPerZone).map { k in
                Provider(name: "Entrant \(k), \(zones[z].name)", baseZone: z, zones: [z], careWorkers: careWorkers,
                         payPremium: payPremium, recruitmentPerWeek: recruitmentPerWeek, quality: quality,
                         reach: reach, entrant: true)
            }
        }
    }
}
