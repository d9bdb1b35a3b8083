/// How many replications to run, from which seed, on how many threads.
public struct RunSettings: Sendable, Equatable {
    public var replications: Int
    /// Master seed; every random stream derives from it.
    public var seed: UInt64
    /// Worker threads (0: one per core). Results do not depend on it.
    public var threads: Int
    /// Check conservation invariants after every event (slow; for tests).
    public var checkInvariants: Bool

    /// Which windows summary.csv, zones.csv and comparison.csv give zone rows for.
    public var zoneRows: ZoneRows
    /// Whether comparison.csv compares options zone by zone (false: county-wide only).
    public var zoneComparisons: Bool

    public init(replications: Int = 100, seed: UInt64 = 1, threads: Int = 0, checkInvariants: Bool = false,
                zoneRows: ZoneRows = .periods, zoneComparisons: Bool = true) {
        self.zoneRows = zoneRows
        self.zoneComparisons = zoneComparisons
        self.replications = replications
        self.seed = seed
        self.threads = threads
        self.checkInvariants = checkInvariants
    }
}
