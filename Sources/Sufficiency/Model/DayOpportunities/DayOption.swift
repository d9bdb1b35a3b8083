/// One way of buying day opportunities: spot purchase only, an open framework with
/// evaluation rounds, or a dynamic purchasing system that is always open.
public struct DayOption: Sendable, Equatable {
    public enum Rule: String, Sendable, CaseIterable {
        /// Everything bought spot; nobody joins anything.
        case spot
        /// A framework that admits providers at evaluation rounds (Wiltshire's Living my Life,
        /// Kent's framework opened every six months).
        case framework
        /// A dynamic purchasing system: providers may join at any time (evaluated weekly).
        case dps
    }

    public var rule: Rule
    /// £ a day on the framework at each support level (in `levels` order).
    public var rates: [Double]
    /// Days between evaluation rounds (framework; a DPS evaluates every 7 days).
    public var roundEveryDays: Double
    /// Day of the first round (days from the start).
    public var firstRoundDay: Double
    /// New organisations applying at each round, on average (Poisson), while the pool is full.
    public var applicantsPerRound: Double
    /// Organisations that might ever apply; the rate falls in proportion as they do (nil: no limit).
    public var applicantPool: Int?
    /// Share of new referrals offered to framework providers first; the rest go to spot
    /// providers first (social workers' habits), and to the framework when no spot place is free.
    public var referralFrameworkShare: Double
    /// Chance a first submission is approved.
    public var approvalProbability: Double
    /// Chance a failed applicant resubmits at each later round.
    public var resubmissionProbability: Double
    /// Chance a resubmission is approved.
    public var resubmissionApprovalProbability: Double
    /// Chance at each round that a provider not on the framework applies (targeting spot providers).
    public var targetedJoinProbability: Double
    /// How a place is chosen under this option (a locality-based service places people nearest);
    /// nil: the scenario's `travel.choice`.
    public var travelChoice: DayTravel.Choice?
    /// Places a day a newly admitted organisation offers, shared by every level.
    public var newProviderPlaces: Int
    /// Weights of the localities where new organisations set up (in `localities` order); nil:
    /// in proportion to where referrals live.
    public var newProviderLocalities: [Double]?
    /// Level changes at review under this option: from level, to level, chance.
    public var levelChanges: [LevelChange]
    /// The framework's term (e.g. 3+2 years), from the run's first day; nil: open for the
    /// whole run. At its end the framework is re-procured (see `reapprovalProbability`).
    public var term: ContractTerm?
    /// Chance that a member is approved again when the framework is re-procured at the end of
    /// its term; the option's `approvalProbability` when nil.
    public var reapprovalProbability: Double?
    /// When a `dps` ends and what replaces it (nil: it runs to the end of the run).
    public var expiry: DPSExpiry? = nil
    /// The option's own pathways, by client group index: its tiers in place of the group's.
    /// Groups it leaves out follow the scenario's tiers.
    public var pathways: [Int: DayPathway]
    /// The option's own review settings in place of the scenario's; nil: the scenario's.
    public var reviews: DayReviewSettings?

    public struct LevelChange: Sendable, Equatable {
        public var from: Int
        public var to: Int
        public var probability: Double

        public init(from: Int, to: Int, probability: Double) {
            self.from = from
            self.to = to
            self.probability = probability
        }
    }

    public init(rule: Rule, rates: [Double] = [], roundEveryDays: Double = 30, firstRoundDay: Double = 0,
                applicantsPerRound: Double = 0, approvalProbability: Double = 0.5, resubmissionProbability: Double = 0,
                resubmissionApprovalProbability: Double = 0.5, targetedJoinProbability: Double = 0,
                newProviderPlaces: Int = 10, levelChanges: [LevelChange] = [], applicantPool: Int? = nil,
                referralFrameworkShare: Double = 1, newProviderLocalities: [Double]? = nil, term: ContractTerm? = nil,
                reapprovalProbability: Double? = nil, pathways: [Int: DayPathway] = [:],
                reviews: DayReviewSettings? = nil) {
        self.newProviderLocalities = newProviderLocalities
        self.term = term
        self.reapprovalProbability = reapprovalProbability
        self.pathways = pathways
        self.reviews = reviews
        self.applicantPool = applicantPool
        self.referralFrameworkShare = referralFrameworkShare
        self.rule = rule
        self.rates = rates
        self.roundEveryDays = roundEveryDays
        self.firstRoundDay = firstRoundDay
        self.applicantsPerRound = applicantsPerRound
        self.approvalProbability = approvalProbability
        self.resubmissionProbability = resubmissionProbability
        self.resubmissionApprovalProbability = resubmissionApprovalProbability
        self.targetedJoinProbability = targetedJoinProbability
        self.newProviderPlaces = newProviderPlaces
        self.levelChanges = levelChanges
    }

    /// Whether the option has a framework (or DPS) that people and providers move onto.
    public var hasFramework: Bool { rule != .spot }
}

/// What happens to a client group's new referrals under one option: which tier they start in,
/// how long it lasts, how often an enablement goal is met and where those who do not meet it
/// go next (so "the alliance moves people on" can be an option's input).
public struct DayPathway: Sendable, Equatable {
    /// Time-limited enablement and long-term day care, as a group's `tiers`; shares add up to 1.
    public var tiers: [Tier]

    public init(tiers: [Tier]) {
        self.tiers = tiers
    }
}
