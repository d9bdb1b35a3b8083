/// The largest values a scenario may hold.
///
/// Beyond these a value stops describing a council's care market and starts breaking the
/// run: a year of a million referrals a week would exhaust memory (every person of a
/// replication is held in it), a package of more hours than a week has cannot be delivered,
/// and GSL's samplers take counts that fit 32 bits. The loader refuses such values with a
/// message naming the limit, rather than letting a run crash or print nonsense.
enum ScenarioLimits {
    /// Any number written in a scenario, in absolute value; larger ones risk overflowing to
    /// infinity once multiplied by hours, people and weeks.
    static let largestNumber = 1e12
    /// Referrals a week, for the county (and the zones' rates added up).
    static let referralsPerWeek = 100_000.0
    /// People one replication may hold: the caseload and every referral over the run.
    static let peopleInAReplication = 10_000_000.0
    /// People in one caseload entry or CSV row.
    static let peoplePerEntry = 1_000_000.0
    /// Hours in a week: a package (and a caseload entry) can need no more.
    static let hoursPerWeek = 168.0
    /// Days in a week: a day opportunities placement can use no more.
    static let daysPerWeek = 7.0
    /// Calendar years a run may last (`calendar.years`).
    static let years = 100.0
    /// Days a run may last (`calendar.days`): about 1,095 years, so that one long run of a
    /// steady-state queue can see a million customers and more (the M/M/c benchmark's
    /// 100,000 days), while a day's bucket in the event calendar stays a few megabytes.
    static let days = 400_000.0
    /// Days of warm-up: 100 years of 365.25 days.
    static let warmUpDays = 36_525.0
    /// Reporting periods a run may have: 100 years of weeks. Every period holds a row of
    /// results per zone in every worker, so weeks over a long run would exhaust memory.
    static let reportingPeriods = 5_218
    /// Replications of each option.
    static let replications = 1_000_000.0
    /// Worker threads.
    static let threads = 1_024.0
    /// A provider's care workers (headcount), and a day provider's places.
    static let workers = 1_000_000.0
    /// People a week joining a zone's labour pool, or a provider's recruitment a week.
    static let peoplePerWeek = 100_000.0
    /// Annual growth of the referral rate (1 = doubling every year).
    static let growth = 1.0
    /// Seasonal multipliers and the factors of demand steps.
    static let multiplier = 100.0
    /// The smallest Weibull shape GSL's sampler is used with here (its mean's Γ(1 + 1/k)
    /// overflows not far below).
    static let weibullShape = 0.01
    /// New organisations applying in one evaluation round (a Poisson mean).
    static let applicantsPerRound = 10_000.0
    /// Files one scenario may include (`include:`), counting the files they include; a
    /// market is shared through one or two, and a bound keeps a mistake from reading many.
    static let includedFiles = 16
    /// Minutes of travel between two visits (`travel_minutes_per_visit`): three hours, beyond
    /// which a figure is no longer travel within a county (it is usually seconds, or a day).
    static let travelMinutesPerVisit = 180.0
    /// Minutes of one cell of a travel-time matrix: ten hours, beyond which no drive within
    /// England is (a matrix in seconds is the usual cause).
    static let matrixMinutes = 600.0

    /// The shortest interval, in days, between a person's reviews (`demand.review.interval_days`,
    /// day opportunities `review.interval_days`) or between evaluation rounds (`rounds.every_days`):
    /// at most daily. Every review and round is an event, so an interval of a thousandth of a day
    /// makes a replication of a few hundred people take a minute, and smaller ones never end.
    static let shortestInterval = 1.0
    /// The largest annual hazard of a package being handed back (`hand_backs.background_annual_hazard`,
    /// `loss_annual_hazard`): 365 a year, about one a day. Each hand-back is events and a new
    /// placement, so a hazard of a million a year fills memory as fast as it can be written.
    static let annualHandBackHazard = 365.0
    /// Events one replication of one option is expected to handle at most (referrals, tier ends,
    /// reviews, hand-backs, evaluation rounds), as `validate` estimates them from the rates and the
    /// run's length: about a minute's work. The engine stops a replication at four times this
    /// (`ReplicationBudget.standard`).
    static let eventsInAReplication = 1_000_000_000.0
    /// Zones a scenario may have: a county has hundreds of small areas, England 33,755 LSOAs.
    /// Every zone has a row of results for every period, measure and option.
    static let zones = 40_000
    /// Numbers in one replication's results (options × reporting periods, financial years and the
    /// whole run × zones and the county × measures): each holds about 150 bytes of statistics, so
    /// 25,000,000 is about 4 GB, room for the Wiltshire scenarios' four options over 100 years of
    /// weeks (20 million).
    static let resultCells = 25_000_000.0
    /// Numbers the engine keeps per worker thread for providers × zones (each provider's hours in
    /// each zone, every reporting period): 50,000,000 is 400 MB a thread.
    static let providerZoneCells = 50_000_000.0
    /// Problems kept when a scenario is refused; further ones are counted, not kept.
    static let keptProblems = 1_000
    /// Problems a refusal lists; the rest are counted in one line ("and 999,970 more problems").
    static let shownProblems = 30
    /// Characters of a value a message quotes; a longer value is cut, then "…" and its length.
    static let quotedCharacters = 60
}
