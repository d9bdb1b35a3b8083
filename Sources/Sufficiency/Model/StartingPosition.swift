/// The home care market on the first day, worked out from the scenario alone: each zone's
/// capacity against its starting caseload's hours, each provider's capacity against the packages
/// it holds, the care workers it lacks, and the caseload that the referrals and durations would
/// sustain. What `sufficiency validate` shows under "Starting position".
///
/// The figures are expectations, not a replication's draws: a caseload block without
/// `hours_per_week` counts each person at the mean package of their client group's first
/// long-term tier (the tier the engine places the starting caseload in), with the groups weighted
/// as the engine draws them. Capacity follows the engine's start (`HomeCareSimulation+Start.swift`):
/// care workers × contracted hours × the productive share left by non-contact time and travel
/// between the visits of the provider's starting caseload. Option-specific terms (contracts,
/// guaranteed hours, who may take new work) are left out: the position is the same for every
/// option.
public struct StartingPosition: Sendable, Equatable {
    /// One zone's hours on the first day.
    public struct ZoneLine: Sendable, Equatable {
        public var zone: Int
        /// People placed with a provider in the zone at the start.
        public var placedPeople: Int
        /// People waiting in the zone at the start.
        public var waitingPeople: Int
        /// Expected hours a week of the packages placed in the zone.
        public var placedHours: Double
        /// Expected hours a week of the packages waiting in the zone.
        public var waitingHours: Double
        /// Hours a week of the zone's placed packages beyond their providers' capacity (each
        /// provider's shortfall shared among its zones by its hours there): undelivered.
        public var undeliveredHours: Double
        /// Spare hours a week the providers serving the zone could offer the people waiting
        /// there (each provider's spare capacity shared evenly among the zones it serves).
        public var spareHours: Double

        /// Hours needed in the zone: placed and waiting (hours a week).
        public var neededHours: Double { placedHours + waitingHours }
        /// Hours a week the zone's providers can give it: the placed hours they can deliver and
        /// the spare hours they could offer.
        public var capacityHours: Double { placedHours - undeliveredHours + spareHours }
        /// Hours a week of need unmet on the first day: undelivered hours, and waiting hours
        /// beyond the spare hours (one provider's spare hours never cover another's packages).
        public var shortfallHours: Double { undeliveredHours + max(0, waitingHours - spareHours) }
        /// The shortfall as a share (0–1) of the hours needed; 0 when nothing is needed.
        public var shortfallShare: Double { neededHours > 0 ? shortfallHours / neededHours : 0 }
    }

    /// One provider's position on the first day.
    public struct ProviderLine: Sendable, Equatable {
        public var provider: Int
        /// Care workers (headcount).
        public var careWorkers: Int
        /// Expected hours a week of the packages it holds.
        public var committedHours: Double
        /// Contact hours a week its care workers can deliver (or its fixed capacity).
        public var capacityHours: Double
        /// Care workers it would recruit for: enough for its packages and its share of the
        /// waiting hours in the zones it serves, with the staffing buffer, less those it has.
        public var vacancies: Int

        /// Hours a week of packages beyond its capacity: delivered late, short or not at all.
        public var shortfallHours: Double { max(0, committedHours - capacityHours) }
        /// The shortfall as a share (0–1) of its committed hours.
        public var shortfallShare: Double { committedHours > 0 ? shortfallHours / committedHours : 0 }
    }

    /// The steady state of one client group: referrals a week × mean weeks in care.
    public struct GroupLine: Sendable, Equatable {
        public var group: Int
        /// Referrals a week in the group at the start (before seasonality).
        public var referralsPerWeek: Double
        /// Mean weeks from referral to the end of care over the group's tiers (an enablement
        /// tier adds its next tier's mean for those whose goal is not met).
        public var meanWeeksInCare: Double
        /// People in the group's starting caseload (expected, where the caseload leaves the
        /// group to be drawn).
        public var startingPeople: Double

        /// Little's law: the people in care that these referrals and durations sustain.
        public var steadyStatePeople: Double { referralsPerWeek * meanWeeksInCare }
    }

    /// The scenario's zones, in order.
    public var zones: [ZoneLine]
    /// The providers in the market at the start (would-be entrants left out), in order.
    public var providers: [ProviderLine]
    /// The client groups, in order.
    public var groups: [GroupLine]
    /// Whether the workforce changes (vacancies are only recruited for when it does).
    public var dynamicWorkforce: Bool

    public init(zones: [ZoneLine], providers: [ProviderLine], groups: [GroupLine], dynamicWorkforce: Bool) {
        self.zones = zones
        self.providers = providers
        self.groups = groups
        self.dynamicWorkforce = dynamicWorkforce
    }

    /// People in the starting caseload, placed and waiting.
    public var startingPeople: Int { zones.reduce(0) { $0 + $1.placedPeople + $1.waitingPeople } }
    /// The people in care the referrals and durations sustain, all groups.
    public var steadyStatePeople: Double { groups.reduce(0) { $0 + $1.steadyStatePeople } }
    /// Care workers at the start.
    public var careWorkers: Int { providers.reduce(0) { $0 + $1.careWorkers } }
    /// Vacancies over filled posts plus vacancies, as `vacancy_rate` is measured (0–1).
    public var vacancyRate: Double {
        let vacancies = providers.reduce(0) { $0 + $1.vacancies }
        let posts = careWorkers + vacancies
        return posts > 0 ? Double(vacancies) / Double(posts) : 0
    }
    /// Zones whose capacity falls short of their hours.
    public var shortZones: [ZoneLine] { zones.filter { $0.shortfallShare >= StartingPosition.shortfallThreshold } }
    /// Providers holding more hours than they can deliver.
    public var shortProviders: [ProviderLine] {
        providers.filter { $0.shortfallShare >= StartingPosition.shortfallThreshold }
    }

    /// Smallest shortfall (share of the hours needed) counted as short: 0.5%, below the noise of
    /// expected package sizes.
    public static let shortfallThreshold = 0.005
    /// Largest gap between the steady-state and starting caseloads (share of the starting one)
    /// that is not warned about: 25%.
    public static let steadyStateTolerance = 0.25
}
