extension Runner {
    /// The results of a run whose replications ran as `shards` (`sufficiency run --shard`),
    /// folded in replication order exactly as one run folds them, so they are the same to the
    /// last bit as one run's. Throws when the shards' layout is not this scenario's. `progress`
    /// is called with (replications folded, all replications) after each one.
    public func merge(_ shards: ShardSet, progress: ((Int, Int) -> Void)? = nil) throws -> RunResults {
        let run = shards.run
        guard run.layoutSHA256 == layout.fingerprint, run.cellCount == layout.cellCount else {
            throw ShardError.mismatch(path: shards.folders[0].path, field: "layoutSHA256", value: run.layoutSHA256,
                                      expected: layout.fingerprint, reference: "the scenario as this build loads it")
        }
        let accumulator = Accumulator(layout: layout)
        try shards.forEachReplication { r, cells in
            accumulator.fold(cells)
            progress?(r + 1, run.replications)
        }
        return accumulator.results(replications: run.replications, threads: 1, zoneRows: scenario.run.zoneRows)
    }
}
