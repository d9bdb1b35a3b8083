import Foundation

/// Asks a running `Runner` to stop once the replications in hand are done (Ctrl-C, SIGTERM),
/// so the replications finished so far can be saved and resumed.
public final class StopRequest: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false

    public init() {}

    /// Asks the run to stop; safe from any thread, any number of times.
    public func stop() {
        lock.lock(); stopped = true; lock.unlock()
    }

    /// Whether `stop()` has been called.
    public var isStopped: Bool {
        lock.lock(); defer { lock.unlock() }
        return stopped
    }
}
