/// How many replications to run, from which seed, on how many threads.
public struct RunSettings: Sendable, Equatable {
    public var replications: Int
    /// Master seed; every random stream derives from it.
    public var seed: UInt64
    /// Worker threads (0: one per core). Results do not depend on it.
    public var threads: Int
    /// Check conservation invariants after every event (slow; for tests).
    public var checkInvariants: Bool

    /// Whether summary.csv has per-zone rows for every reporting period (false: per-zone rows
    /// for financial years and the whole run only; county rows for every period still).
    public var zonePeriods: Bool

    public init(replications: Int = 100, seed: UInt64 = 1, threads: Int = 0, checkInvariants: Bool = false,
                zonePeriods: Bool = true) {
        self.zonePeriods = zonePeriods
        self.replications = replications
        self.seed = seed
        self.threads = threads
        self.checkInvariants = checkInvariants
    }
}
