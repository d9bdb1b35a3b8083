/// The generators one worker uses for one replication, one per purpose.
final class RandomStreams {
    let demand = RandomStream(seed: 1)
    let reviews = RandomStream(seed: 1)
    let workforce = RandomStream(seed: 1)
    let handBacks = RandomStream(seed: 1)
    let exits = RandomStream(seed: 1)
    let prices = RandomStream(seed: 1)
    let brokerage = RandomStream(seed: 1)
    let entry = RandomStream(seed: 1)
    let contracts = RandomStream(seed: 1)
    let selfFunders = RandomStream(seed: 1)
    let pathways = RandomStream(seed: 1)

    /// Seeds every supply-side stream for `replication`; called before each
    /// option so all options draw from the same sequences (common random numbers).
    func seedSupply(master: UInt64, replication: Int) {
        reviews.reseed(StreamSeed.derive(master: master, replication: replication, purpose: .reviews))
        workforce.reseed(StreamSeed.derive(master: master, replication: replication, purpose: .workforce))
        handBacks.reseed(StreamSeed.derive(master: master, replication: replication, purpose: .handBacks))
        exits.reseed(StreamSeed.derive(master: master, replication: replication, purpose: .exits))
        prices.reseed(StreamSeed.derive(master: master, replication: replication, purpose: .prices))
        brokerage.reseed(StreamSeed.derive(master: master, replication: replication, purpose: .brokerage))
        entry.reseed(StreamSeed.derive(master: master, replication: replication, purpose: .entry))
        contracts.reseed(StreamSeed.derive(master: master, replication: replication, purpose: .contracts))
        selfFunders.reseed(StreamSeed.derive(master: master, replication: replication, purpose: .selfFunders))
    }

    /// Seeds the demand stream for `replication`.
    func seedDemand(master: UInt64, replication: Int) {
        demand.reseed(StreamSeed.derive(master: master, replication: replication, purpose: .demand))
    }

    /// Seeds the day opportunities pathway stream for `replication` (drawn with the demand,
    /// once a replication, so every option shares it).
    func seedPathways(master: UInt64, replication: Int) {
        pathways.reseed(StreamSeed.derive(master: master, replication: replication, purpose: .pathways))
    }
}
