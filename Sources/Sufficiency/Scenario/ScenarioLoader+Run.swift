extension ScenarioLoader {
    static let runKeys = ["replications", "seed", "threads", "check_invariants"]

    /// `run`: how many replications (at least 1), the master seed (a whole number from 0 to
    /// 2⁶⁴ − 1), worker threads (0: one per core) and whether to check invariants.
    static func decodeRun(_ reader: NodeReader) -> RunSettings {
        let defaults = RunSettings()
        guard let run = reader.mapping(keys: runKeys) else { return defaults }
        let replications = run.optional("replications")?
            .wholeNumber(NumberRule("a whole number of replications, at least 1") { $0 >= 1 })
        let seed = run.optional("seed")?.unsignedWholeNumber(expected: "a whole number from 0 to 18446744073709551615")
        let threads = run.optional("threads")?.wholeNumber(.nonNegative("whole number of threads (0: one per core)"))
        let checkInvariants = run.optional("check_invariants")?.bool()
        return RunSettings(replications: replications ?? defaults.replications, seed: seed ?? defaults.seed,
                           threads: threads ?? defaults.threads,
                           checkInvariants: checkInvariants ?? defaults.checkInvariants)
    }
}
