/// How care workers are employed, leave and are recruited (county-wide defaults).
public struct WorkforceSettings: Sendable, Equatable {
    /// Whether headcount changes (false: capacity stays as at the start; verification).
    public var dynamic: Bool
    /// Paid hours a week per care worker, including travel (hours a week).
    public var contractedHoursPerWeek: Double
    /// Mean length of a visit, in minutes (travel is counted per visit).
    public var visitMinutes: Double
    /// Share of paid time spent on neither visits nor travel (training, supervision).
    public var nonContactShare: Double
    /// Annual hazard of a worker leaving when pay matches the competing wage
    /// (0.291: Skills for Care 2022/23).
    public var annualTurnover: Double
    /// Proportional rise in turnover per unit of relative pay shortfall against the
    /// competing wage (assumption).
    public var turnoverPayElasticity: Double
    /// The local competing wage as a multiple of the National Living Wage (assumption).
    public var competingWagePremium: Double
    /// Exponent on relative pay in a provider's share of a zone's applicants and in
    /// the size of the pool (assumption).
    public var recruitmentPayElasticity: Double
    /// Extra capacity a provider recruits for, beyond its commitments (share).
    public var staffingBuffer: Double
    /// Providers accept new packages until committed hours reach capacity × (1 + this
    /// share), covering the excess with overtime and shortened or missed visits: the
    /// excess is counted as undelivered hours (assumption; ADASS: 5.2% undelivered).
    public var overcommitShare: Double

    /// Share (0–1) of the gap between the pay a provider's rate covers (the cost build-up
    /// solved for pay) and its usual pay (NLW × pay premium) that reaches care workers each
    /// April; pay never falls below the NLW. 0: pay follows the NLW alone (assumption).
    public var payPassThrough: Double
    /// Share of a provider's surplus care workers (beyond what its packages and its share of the
    /// waiting hours need, with the staffing buffer) who leave it each week: a provider that
    /// loses work shrinks. They join the zone's job seekers for the next week (0: none leave).
    public var surplusReleasePerWeek: Double
    /// Share (0–1) of a zone's job seekers a provider reaches, for providers that do not give
    /// their own `reach`.
    public var reach: Double
    /// Yearly growth of every zone's labour pool (0.02 = 2% a year, compounding from the start):
    /// people coming into the area's working population, and into care work from elsewhere.
    public var labourPoolGrowth: Double
    public init(dynamic: Bool = true, contractedHoursPerWeek: Double = 30,
                visitMinutes: Double = 45, nonContactShare: Double = 0.1,
                annualTurnover: Double = 0.291, turnoverPayElasticity: Double = 2,
                competingWagePremium: Double = 1.05, recruitmentPayElasticity: Double = 3,
                staffingBuffer: Double = 0.05, overcommitShare: Double = 0, payPassThrough: Double = 0,
                surplusReleasePerWeek: Double = 0, reach: Double = 1, labourPoolGrowth: Double = 0) {
        self.labourPoolGrowth = labourPoolGrowth
        self.reach = reach
        self.surplusReleasePerWeek = surplusReleasePerWeek
        self.payPassThrough = payPassThrough
        self.dynamic = dynamic
        self.contractedHoursPerWeek = contractedHoursPerWeek
        self.visitMinutes = visitMinutes
        self.nonContactShare = nonContactShare
        self.annualTurnover = annualTurnover
        self.turnoverPayElasticity = turnoverPayElasticity
        self.competingWagePremium = competingWagePremium
        self.recruitmentPayElasticity = recruitmentPayElasticity
        self.staffingBuffer = staffingBuffer
        self.overcommitShare = overcommitShare
    }
}
