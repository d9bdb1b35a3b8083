/// The most work and memory one replication of one option may take before the engine stops it.
///
/// `validate` refuses scenarios whose rates would need more (`ScenarioLimits.eventsInAReplication`
/// and the results-layout limits), but its estimates are estimates: a scenario they miss (a
/// cascade of hand-backs and re-placements) must still end, with a message, rather than run until
/// the machine runs out of memory. The engine counts what it handles and checks this budget every
/// `pollInterval` events and referrals, when it also checks whether the run was asked to stop.
public struct ReplicationBudget: Sendable, Equatable {
    /// Events and referrals one option's run of one replication may handle.
    public var events: Int
    /// Bytes one option's run of one replication may hold in people, queued events and waits.
    public var bytes: Int

    public init(events: Int, bytes: Int) {
        self.events = events
        self.bytes = bytes
    }

    /// The budget of an ordinary run: 4,000,000,000 events (a few minutes' work, four times
    /// `ScenarioLimits.eventsInAReplication`) and 8 GiB.
    public static let standard = ReplicationBudget(events: 4_000_000_000, bytes: 8 << 30)

    /// Events and referrals handled between two checks of the budget and of a stop request:
    /// a few milliseconds' work, so Ctrl-C or SIGTERM ends a replication within a fraction of a
    /// second, and checking costs nothing measurable.
    static let pollInterval: Int32 = 1 << 16
}
