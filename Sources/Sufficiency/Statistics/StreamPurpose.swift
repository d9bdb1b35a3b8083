/// What a random-number stream is used for inside one replication.
///
/// The engine keeps one GSL generator per (replication, purpose) pair rather than one generator
/// per replication. Two procurement options simulated in the same replication therefore see the
/// same demand, the same reviews and the same workforce shocks (common random numbers), so their
/// paired difference measures the options and not the noise. Because each stream is seeded from
/// (master seed, replication, purpose) alone, results do not depend on the number of threads or
/// on which thread runs which replication.
///
/// The raw values feed `StreamSeed.derive(master:replication:purpose:)`; they are part of the
/// reproducibility contract, so never renumber an existing case — add new ones at the end.
public enum StreamPurpose: UInt64, CaseIterable, Sendable {
    /// New referrals arriving (counts and timing).
    case demand = 1
    /// Package sizes and durations of customers already in care.
    case caseload = 2
    /// Timing and outcome of care reviews.
    case reviews = 3
    /// Care-worker recruitment, leaving and hours.
    case workforce = 4
    /// Providers handing packages back to the council.
    case handBacks = 5
    /// Providers leaving the market.
    case exits = 6
    /// Price movements and uplifts.
    case prices = 7
    /// Brokerage: which provider takes a package, and how long placement takes.
    case brokerage = 8
    /// New providers entering the market.
    case entry = 9
    /// Which zones providers will cover.
    case coverage = 10
    /// A sweep's design, not used inside replications: replication 0 shuffles a Latin
    /// hypercube, replication 1 resamples a Saltelli design's base rows for its bootstrap.
    case design = 11
    /// Tenders: bids and the staff who transfer with packages.
    case contracts = 12
    /// Privately funded residents: when they arrive, at which level, and how long they stay.
    case selfFunders = 13
    /// Day opportunities: a person's pathway draws that the demand stream does not supply
    /// (a goal, or a duration, for a tier the scenario's pathway did not give them).
    case pathways = 14
}
