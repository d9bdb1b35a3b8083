/// A home care provider in the market at the start of the run.
///
/// What a provider is paid depends on the option (its contract, if any); what
/// it costs, how many workers it has and how it recruits do not.
public struct Provider: Sendable, Equatable {
    public var name: String
    /// Index of the zone its office is in.
    public var baseZone: Int
    /// Indices of the zones it is willing to serve (spot or under contract).
    public var zones: [Int]
    /// Care workers employed at the start (headcount).
    public var careWorkers: Int
    /// Care workers' hourly pay as a multiple of the National Living Wage.
    public var payPremium: Double
    /// Most care workers it can take on in a week (interviews, checks, induction).
    public var recruitmentPerWeek: Double
    /// Multiplier on the financial exit hazard (1 typical; below 1 more resilient).
    public var exitHazardFactor: Double
    /// Fixed capacity in hours a week, bypassing the workforce (verification runs).
    public var fixedCapacityHours: Double?
    /// Where its base is; nil: its base zone's centroid (coverage analysis).
    public var base: Place?
    /// Quality score (0–1) in tender evaluations (e.g. from its CQC rating).
    public var quality: Double
    /// Share (0–1) of a zone's job seekers who would consider working for it: how far its
    /// name, adverts and pay reach. A zone's applicants are split by pay among the providers
    /// recruiting there, and the pool itself is scaled by their reach together (at most 1).
    public var reach: Double
    /// A would-be entrant (`EntrySettings`): out of the market until it enters.
    public var entrant: Bool

    public init(name: String, baseZone: Int, zones: [Int], careWorkers: Int,
                payPremium: Double = 1.0, recruitmentPerWeek: Double = 2,
                exitHazardFactor: Double = 1, fixedCapacityHours: Double? = nil, base: Place? = nil,
                quality: Double = 0.5, reach: Double = 1, entrant: Bool = false) {
        self.entrant = entrant
        self.quality = quality
        self.reach = reach
        self.base = base
        self.name = name
        self.baseZone = baseZone
        self.zones = zones
        self.careWorkers = careWorkers
        self.payPremium = payPremium
        self.recruitmentPerWeek = recruitmentPerWeek
        self.exitHazardFactor = exitHazardFactor
        self.fixedCapacityHours = fixedCapacityHours
    }
}
