import Foundation
import Sufficiency

/// One run the workbench knows of, shared between the queue, the worker running it and the
/// pages reading it; every field behind one lock.
final class RunEntry: @unchecked Sendable {
    let id: RunID
    let request: RunRequest
    /// Asked to stop by the cancel button; the runner stops between replications.
    let stop = StopRequest()
    private let lock = NSLock()
    private var state: RunState
    private var done = 0
    private var total: Int
    private var startedAt: Date?
    private var message: String?

    init(id: RunID, request: RunRequest, state: RunState, total: Int, message: String? = nil) {
        self.id = id
        self.request = request
        self.state = state
        self.total = total
        self.message = message
    }

    var snapshot: RunSnapshot {
        lock.lock(); defer { lock.unlock() }
        var left: Double? = nil
        if state == .running, let startedAt, done > 0, total > done {
            left = Date().timeIntervalSince(startedAt) / Double(done) * Double(total - done)
        } else if state == .running, done >= total, total > 0 {
            left = 0
        }
        return RunSnapshot(id: id, request: request, state: state, done: done, total: total, secondsLeft: left,
                           message: message)
    }

    var currentState: RunState {
        lock.lock(); defer { lock.unlock() }
        return state
    }

    /// Marks the run started; false when it was cancelled while queued.
    func start() -> Bool {
        lock.lock(); defer { lock.unlock() }
        guard state == .queued else { return false }
        state = .running
        startedAt = Date()
        return true
    }

    var secondsRunning: Double? {
        lock.lock(); defer { lock.unlock() }
        return startedAt.map { Date().timeIntervalSince($0) }
    }

    /// Records progress: `done` of `total` replications.
    func progress(_ done: Int, of total: Int) {
        lock.lock()
        self.done = done
        self.total = total
        lock.unlock()
    }

    func end(_ state: RunState, message: String?) {
        lock.lock()
        self.state = state
        self.message = message
        if state == .finished { done = total }
        lock.unlock()
    }
}
