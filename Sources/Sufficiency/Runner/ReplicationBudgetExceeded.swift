/// A replication stopped by the engine because it went past its `ReplicationBudget`; the run
/// writes nothing.
public struct ReplicationBudgetExceeded: Error, Sendable, Equatable, CustomStringConvertible {
    /// What ran out.
    public enum Resource: Sendable, Equatable {
        /// Events and referrals handled.
        case events
        /// Bytes held in people, queued events and waits.
        case memory
    }

    /// The replication, counting from 0.
    public var replication: Int
    /// The option being run.
    public var option: String
    public var resource: Resource
    /// What it had used when stopped (events, or bytes).
    public var used: Int
    /// The budget (events, or bytes).
    public var limit: Int

    public init(replication: Int, option: String, resource: Resource, used: Int, limit: Int) {
        self.replication = replication
        self.option = option
        self.resource = resource
        self.used = used
        self.limit = limit
    }

    public var description: String {
        let which = "replication \(replication + 1), option \(Excerpt.quoted(option))"
        switch resource {
        case .events:
            return "\(which), was stopped after \(NumberRule.format(Double(used))) events; one replication of one option "
                + "may handle at most \(NumberRule.format(Double(limit))). The scenario's rates (referrals, reviews, "
                + "hand-backs) make more work than a run can finish: lower them or shorten the run. Nothing was written."
        case .memory:
            return "\(which), was stopped holding \(NumberRule.format(Double(used))) bytes of people, events and waits; "
                + "one replication of one option may hold at most \(NumberRule.format(Double(limit))). The scenario's rates "
                + "(referrals, hand-backs) keep more people and events than memory allows: lower them or shorten "
                + "the run. Nothing was written."
        }
    }
}
