extension ScenarioLoader {
    static let runKeys = ["replications", "seed", "threads", "check_invariants", "zone_rows", "zone_comparisons"]

    /// `run`: how many replications (at least 1), the master seed (a whole number from 0 to
    /// 2⁶⁴ − 1), worker threads (0: one per core), whether to check invariants and whether
    /// which windows the results files give zone rows for.
    static func decodeRun(_ reader: NodeReader) -> RunSettings {
        let defaults = RunSettings()
        guard let run = reader.mapping(keys: runKeys) else { return defaults }
        let replications = run.optional("replications")?
            .wholeNumber(NumberRule("a whole number of replications, at least 1") { $0 >= 1 })
        let seed = run.optional("seed")?.unsignedWholeNumber(expected: "a whole number from 0 to 18446744073709551615")
        let threads = run.optional("threads")?.wholeNumber(.nonNegative("whole number of threads (0: one per core)"))
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
