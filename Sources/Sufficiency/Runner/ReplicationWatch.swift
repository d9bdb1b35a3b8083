/// Why a replication ended before its horizon.
enum ReplicationHalt: Sendable {
    /// The run was asked to stop (Ctrl-C, SIGTERM): the replication is dropped, to be run
    /// again on resuming.
    case stopped
    /// The replication went past its budget: the run fails.
    case exceeded(ReplicationBudgetExceeded)
}

/// Counts the events one option's run of one replication handles and, every
/// `ReplicationBudget.pollInterval` of them, checks its budget and whether the run was asked to
/// stop. The hot loop only counts down (`tick`); the checks run a few hundred times a second.
struct ReplicationWatch {
    var budget = ReplicationBudget.standard
    /// Asked by the runner's caller to stop; nil when the run cannot be stopped.
    var stop: StopRequest?
    /// The replication being run (counting from 0) and the option's name, for the message.
    var replication = 0
    var option = ""
    /// Events and referrals handled before the current countdown started.
    private var counted = 0
    private var countdown = ReplicationBudget.pollInterval
    /// Set when the run in hand was halted.
    private(set) var halt: ReplicationHalt?

    /// Starts counting a new run.
    mutating func start(replication: Int, option: String) {
        self.replication = replication
        self.option = option
        counted = 0
        countdown = ReplicationBudget.pollInterval
        halt = nil
    }

    /// Counts one event or referral; true when it is time to `check`.
    @inline(__always)
    mutating func tick() -> Bool {
        countdown &-= 1
        return countdown == 0
    }

    /// Checks the budget and the stop request, with `bytes` held now; true (and `halt` set) when
    /// the run must end.
    mutating func check(bytes: Int) -> Bool {
        counted += Int(ReplicationBudget.pollInterval)
        countdown = ReplicationBudget.pollInterval
        if stop?.isStopped == true {
            halt = .stopped
        } else if counted >= budget.events {
            halt = .exceeded(ReplicationBudgetExceeded(replication: replication, option: option, resource: .events,
                                                       used: counted, limit: budget.events))
        } else if bytes > budget.bytes {
            halt = .exceeded(ReplicationBudgetExceeded(replication: replication, option: option, resource: .memory,
                                                       used: bytes, limit: budget.bytes))
        }
        return halt != nil
    }
}
