/// The run settings a command line may override (`--replications`, `--seed`, `--threads`), as
/// typed, checked against the limits of their scenario keys (`run.replications` 1 to
/// 1,000,000, `run.seed` 0 to 2⁶⁴ − 1, `run.threads` 0 to 1,024) before they are used.
public struct RunFlags: Sendable, Equatable {
    /// `--replications`: replications of each option (a count).
    public var replications: String?
    /// `--seed`: the master seed.
    public var seed: String?
    /// `--threads`: worker threads, 0 for one per core.
    public var threads: String?

    public init(replications: String? = nil, seed: String? = nil, threads: String? = nil) {
        self.replications = replications
        self.seed = seed
        self.threads = threads
    }

    /// What `--replications` accepts: the limit of `run.replications`.
    public static let replicationsExpected = "a whole number of replications from 1 to 1000000 (the limit of run.replications)"
    /// What `--seed` accepts: `run.seed`'s range.
    public static let seedExpected = "a whole number from 0 to 18446744073709551615 (as run.seed)"
    /// What `--threads` accepts: `run.threads`' range.
    public static let threadsExpected = "a whole number of threads from 0 (one per core) to 1024 (the limit of run.threads)"

    /// Every problem with the flags given, in the order replications, seed, threads.
    public var problems: [FlagProblem] {
        var found: [FlagProblem] = []
        if let replications, RunFlags.count(replications, from: 1, to: Int(ScenarioLimits.replications)) == nil {
            found.append(FlagProblem(flag: "--replications", value: replications, expected: RunFlags.replicationsExpected))
        }
        if let seed, RunFlags.seed(seed) == nil {
            found.append(FlagProblem(flag: "--seed", value: seed, expected: RunFlags.seedExpected))
        }
        if let threads, RunFlags.count(threads, from: 0, to: Int(ScenarioLimits.threads)) == nil {
            found.append(FlagProblem(flag: "--threads", value: threads, expected: RunFlags.threadsExpected))
        }
        return found
    }

    /// Throws every problem at once; does nothing when all the flags given are within limits.
    public func check() throws(FlagError) {
        let found = problems
        if !found.isEmpty { throw FlagError(found) }
    }

    /// `settings` with the flags given in place of their values; throws when any is out of limits.
    public func applied(to settings: RunSettings) throws(FlagError) -> RunSettings {
        try check()
        var run = settings
        if let replications, let r = RunFlags.count(replications, from: 1, to: Int(ScenarioLimits.replications)) {
            run.replications = r
        }
        if let seed, let s = RunFlags.seed(seed) { run.seed = s }
        if let threads, let t = RunFlags.count(threads, from: 0, to: Int(ScenarioLimits.threads)) { run.threads = t }
        return run
    }

    /// A whole number written in decimal digits (an optional leading + or -), within
    /// `low ... high`; nil for anything else, however long, without overflowing.
    static func count(_ text: String, from low: Int, to high: Int) -> Int? {
        guard let value = Int(text.trimmingWhitespace), value >= low, value <= high else { return nil }
        return value
    }

    /// A seed from 0 to 2⁶⁴ − 1; nil otherwise (including numbers beyond 2⁶⁴ − 1).
    static func seed(_ text: String) -> UInt64? {
        UInt64(text.trimmingWhitespace)
    }
}
