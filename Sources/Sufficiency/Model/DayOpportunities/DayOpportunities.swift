/// A day opportunities service: people with placements of days a week at a support level,
/// bought from providers on a framework (or a dynamic purchasing system), on legacy terms,
/// spot, or taken as a direct payment.
///
/// Scenarios with `service: day_opportunities` carry this in place of home care's demand,
/// providers and caseload; their options are `DayOption`s.
public struct DayOpportunities: Sendable, Equatable {
    /// Support levels (1:1, group tiers by size, virtual), each with its own rates.
    public var levels: [SupportLevel]
    /// Lots (Kent: wellbeing, employment); one lot when the scenario names none.
    public var lots: [String]
    /// Client groups (Kent: 18–25 and 26+), with their shares of referrals.
    public var groups: [DayGroup]
    /// New referrals a week at the start (people).
    public var referralsPerWeek: Double
    /// Proportional growth in referrals a year (0.02 = 2%).
    public var annualGrowth: Double
    /// Days from referral until a person is ready for a placement (assessment and support
    /// planning); nil: at once.
    public var assessmentDays: Distribution?
    /// Where people live and providers are (one locality, `all`, when the scenario names none).
    public var localities: [DayLocality]
    /// Travel times and council transport by distance.
    public var travel: DayTravel
    /// Days of the week providers open unless they say otherwise.
    public var openDays: Weekdays
    /// Council transport, £ per attendance day of a person who uses it, whatever the distance.
    public var transportCostPerAttendance: Double {
        get { travel.costPerAttendance }
        set { travel.costPerAttendance = newValue }
    }
    public var reviews: DayReviewSettings
    public var providers: [DayProvider]
    public var caseload: [DayCaseloadEntry]
    /// One per scenario option, in the same order.
    public var options: [DayOption]
    /// The spot share of placements whose first crossing is timed (`days_to_spot_share_target`).
    public var spotShareTarget: Double
    /// Savings a year (£) each option should make against the first option, if the scenario sets one.
    public var savingsTargetPerYear: Double?
    /// Privately funded residents occupying places (bed-based services), if the scenario has them.
    public var selfFunders: SelfFunders?
    /// Budget lines spend and savings are reported against (none: total spend only).
    public var budgetLines: [BudgetLine] = []
    /// The budget line the savings target is measured on (index into `budgetLines`); nil: total spend.
    public var savingsTargetLine: Int? = nil

    public init(levels: [SupportLevel], lots: [String], groups: [DayGroup], referralsPerWeek: Double,
                annualGrowth: Double = 0, assessmentDays: Distribution? = nil, transportCostPerAttendance: Double = 0,
                reviews: DayReviewSettings = DayReviewSettings(), providers: [DayProvider],
                caseload: [DayCaseloadEntry] = [], options: [DayOption], spotShareTarget: Double = 0.1,
                savingsTargetPerYear: Double? = nil, localities: [DayLocality] = [DayLocality(name: "all", place: nil, share: 1)],
                travel: DayTravel = DayTravel(), openDays: Weekdays = .weekdays, selfFunders: SelfFunders? = nil) {
        self.localities = localities
        self.travel = travel
        self.openDays = openDays
        self.selfFunders = selfFunders
        self.levels = levels
        self.lots = lots
        self.groups = groups
        self.referralsPerWeek = referralsPerWeek
        self.annualGrowth = annualGrowth
        self.assessmentDays = assessmentDays
        if transportCostPerAttendance != 0 { self.travel.costPerAttendance = transportCostPerAttendance }
        self.reviews = reviews
        self.providers = providers
        self.caseload = caseload
        self.options = options
        self.spotShareTarget = spotShareTarget
        self.savingsTargetPerYear = savingsTargetPerYear
        self.selfFunders = selfFunders
    }
}

/// A support level and what a day of it costs off the framework.
public struct SupportLevel: Sendable, Equatable {
    public var name: String
    /// £ a day bought spot (or kept as a direct payment) at the start.
    public var spotDailyRate: Double
    /// People in one group session at this level, when providers state their places in groups.
    public var groupSize: Int?

    public init(name: String, spotDailyRate: Double, groupSize: Int? = nil) {
        self.name = name
        self.spotDailyRate = spotDailyRate
        self.groupSize = groupSize
    }
}

/// A client group of day opportunities.
public struct DayGroup: Sendable, Equatable {
    public var name: String
    /// Share of new referrals (normalised to add up to 1).
    public var share: Double
    /// Days a week of a new placement (half a day is 0.5).
    public var daysPerWeek: Distribution
    /// Share of new referrals at each support level (in `levels` order; adds up to 1).
    public var levelShares: [Double]
    /// Share of new referrals in each lot (in `lots` order; adds up to 1).
    public var lotShares: [Double]
    /// Share of people who use council transport to attend.
    public var transportShare: Double
    /// Time-limited enablement and long-term day care; shares add up to 1.
    public var tiers: [Tier]

    public init(name: String, share: Double, daysPerWeek: Distribution, levelShares: [Double], lotShares: [Double],
                transportShare: Double = 0, tiers: [Tier]) {
        self.name = name
        self.share = share
        self.daysPerWeek = daysPerWeek
        self.levelShares = levelShares
        self.lotShares = lotShares
        self.transportShare = transportShare
        self.tiers = tiers
    }
}

/// What happens at a day opportunities review.
public struct DayReviewSettings: Sendable, Equatable {
    /// Days between reviews (Wiltshire: "at least annually").
    public var intervalDays: Double
    /// Chance at a review that a person takes a direct payment or personal budget instead.
    public var directPaymentProbability: Double
    /// Chance at a review that a person whose provider is not on the framework moves to one
    /// that is (when one has a place); otherwise they stay where they are.
    public var moveProbability: Double
    /// Chance that a new referral takes a direct payment.
    public var referralDirectPaymentProbability: Double
    /// Days before the first review of anyone in the caseload; their first reviews are spread
    /// evenly over the following interval.
    public var firstReviewAfterDays: Double
    /// Chance at a review that a person whose trip is beyond the standard for close to home
    /// moves to a provider within it with a place for them ("customers are not having to
    /// travel unnecessarily far", Wiltshire).
    public var closerProbability: Double

    public init(intervalDays: Double = 365, directPaymentProbability: Double = 0, moveProbability: Double = 0.5,
                referralDirectPaymentProbability: Double = 0, firstReviewAfterDays: Double = 0,
                closerProbability: Double = 0) {
        self.closerProbability = closerProbability
        self.firstReviewAfterDays = firstReviewAfterDays
        self.intervalDays = intervalDays
        self.directPaymentProbability = directPaymentProbability
        self.moveProbability = moveProbability
        self.referralDirectPaymentProbability = referralDirectPaymentProbability
    }
}

/// A day opportunities provider.
///
/// Its places are places a day: a person attending three days a week takes a place on each of
/// three of its open days. Places are shared by every level (`places`), or stated by level
/// (`placesByLevel`, a group's sessions × the level's group size), within the building's
/// `capacity` of people a day.
public struct DayProvider: Sendable, Equatable {
    public var name: String
    /// Places a day shared by every level (when `placesByLevel` is nil).
    public var places: Int
    /// Places a day at each level (in `levels` order); nil: `places`, shared.
    public var placesByLevel: [Int]?
    /// People a day the building holds across levels; nil: no limit beyond the places.
    public var capacity: Int?
    /// Days it opens; nil: the service's `openDays`.
    public var openDays: Weekdays?
    /// Index into `localities`.
    public var locality: Int
    /// Lots it offers (indices into `lots`).
    public var lots: [Int]
    /// Whether it is on the framework when the run starts (options with a framework).
    public var member: Bool
    /// Chance in each evaluation round that it applies to join, while not a member (the
    /// council targeting its spot providers); the option's `targeted_join_probability` when nil.
    public var joinProbability: Double?
    /// Chance a year that it applies to join while not a member, converted to each option's
    /// rounds (`EntryConversion`); used when `joinProbability` is nil.
    public var joinChancePerYear: Double? = nil

    public init(name: String, places: Int, lots: [Int], member: Bool = false, joinProbability: Double? = nil,
                placesByLevel: [Int]? = nil, capacity: Int? = nil, openDays: Weekdays? = nil, locality: Int = 0) {
        self.name = name
        self.places = places
        self.placesByLevel = placesByLevel
        self.capacity = capacity
        self.openDays = openDays
        self.locality = locality
        self.lots = lots
        self.member = member
        self.joinProbability = joinProbability
    }
}

/// How a placement is bought.
public enum DayRoute: String, Sendable, CaseIterable {
    /// On the framework (or DPS), at the option's rate for the level.
    case framework
    /// With a provider on the framework, on the terms it had before it joined, until review.
    case legacy
    /// Spot purchase from a provider not on the framework.
    case spot
    /// A direct payment or personal budget: the person buys their own support.
    case directPayment = "direct_payment"
}

/// People already placed when the run starts.
public struct DayCaseloadEntry: Sendable, Equatable {
    /// Provider index; nil for direct payments.
    public var provider: Int?
    public var route: DayRoute
    public var people: Int
    public var group: Int
    public var level: Int
    public var lot: Int
    public var daysPerWeek: Double
    /// £ a day they cost now (legacy, spot and direct-payment terms; framework people
    /// are at the option's rate when it has one).
    public var dailyRate: Double
    /// Share of them who use council transport.
    public var transportShare: Double
    /// Where they live (index into `localities`); nil: their provider's locality, or drawn
    /// from the referral shares for direct payments.
    public var locality: Int?

    public init(provider: Int?, route: DayRoute, people: Int, group: Int, level: Int, lot: Int = 0,
                daysPerWeek: Double, dailyRate: Double, transportShare: Double = 0, locality: Int? = nil) {
        self.locality = locality
        self.provider = provider
        self.route = route
        self.people = people
        self.group = group
        self.level = level
        self.lot = lot
        self.daysPerWeek = daysPerWeek
        self.dailyRate = dailyRate
        self.transportShare = transportShare
    }
}
