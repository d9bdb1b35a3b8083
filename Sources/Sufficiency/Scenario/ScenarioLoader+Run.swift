extension ScenarioLoader {
    static let runKeys = ["replications", "seed", "threads", "check_invariants", "zone_periods"]

    /// `run`: how many replications (1 to 1,000,000), the master seed (a whole number from 0
    /// to 2⁶⁴ − 1), worker threads (0: one per core; at most 1,024), whether to check invariants and whether
    /// summary.csv has per-zone rows for single periods.
    static func decodeRun(_ reader: NodeReader) -> RunSettings {
        let defaults = RunSettings()
        guard let run = reader.mapping(keys: runKeys) else { return defaults }
        let replications = run.optional("replications")?
            .wholeNumber(NumberRule("a whole number of replications, at least 1") { $0 >= 1 }
                .atMost(ScenarioLimits.replications))
        let seed = run.optional("seed")?.unsignedWholeNumber(expected: "a whole number from 0 to 18446744073709551615")
        let threads = run.optional("threads")?
            .wholeNumber(.nonNegative("whole number of threads (0: one per core)", atMost: ScenarioLimits.threads))
        let checkInvariants = run.optional("check_invariants")?.bool()
        let zonePeriods = run.optional("zone_periods")?.bool()
        return RunSettings(replications: replications ?? defaults.replications, seed: seed ?? defaults.seed,
                           threads: threads ?? defaults.threads,
                           checkInvariants: checkInvariants ?? defaults.checkInvariants,
                           zonePeriods: zonePeriods ?? defaults.zonePeriods)
    }
}
