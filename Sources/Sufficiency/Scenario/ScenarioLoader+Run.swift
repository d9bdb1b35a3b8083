extension ScenarioLoader {
    static let runKeys = ["replications", "seed", "threads", "check_invariants", "zone_rows", "zone_comparisons"]
    /// `run.replications`: 1 to 1,000,000.
    static let replicationsRule = NumberRule("a whole number of replications, at least 1", minimum: 1, maximum: nil)
        .atMost(ScenarioLimits.replications)
    /// What `run.seed` must be: a whole number from 0 to 2⁶⁴ − 1.
    static let seedExpected = "a whole number from 0 to \(UInt64.max)"

    /// `run`: how many replications (1 to 1,000,000), the master seed (a whole number from 0
    /// to 2⁶⁴ − 1), worker threads (0: one per core; at most 1,024), whether to check invariants,
    /// which windows the results files give zone rows for, and whether options are compared zone
    /// by zone.
    static func decodeRun(_ reader: NodeReader) -> RunSettings {
        let defaults = RunSettings()
        guard let run = reader.mapping(keys: runKeys) else { return defaults }
        let replications = run.optional("replications")?
            .wholeNumber(replicationsRule)
        let seed = run.optional("seed")?.unsignedWholeNumber(expected: seedExpected)
        let threads = run.optional("threads")?
            .wholeNumber(.nonNegative("whole number of threads (0: one per core)", atMost: ScenarioLimits.threads))
        let checkInvariants = run.optional("check_invariants")?.bool()
        let zoneRows = run.optional("zone_rows")?.choice(ZoneRows.self)
        let zoneComparisons = run.optional("zone_comparisons")?.bool()
        return RunSettings(replications: replications ?? defaults.replications, seed: seed ?? defaults.seed,
                           threads: threads ?? defaults.threads,
                           checkInvariants: checkInvariants ?? defaults.checkInvariants,
                           zoneRows: zoneRows ?? defaults.zoneRows,
                           zoneComparisons: zoneComparisons ?? defaults.zoneComparisons)
    }
}
