import ArgumentParser
import Dispatch
import Foundation
import Sufficiency
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the first Ctrl-C (SIGINT) or SIGTERM during a run into a request to stop between
/// replications, so what is done can be saved for `--resume`; a second one ends the process at
/// once (results folders are written atomically, so even that leaves no half-written file).
final class Interruption: @unchecked Sendable {
    let stop = StopRequest()
    private var sources: [DispatchSourceSignal] = []
    private let lock = NSLock()
    private var received: Int32 = 0

    init() {
        for number in [SIGINT, SIGTERM] {
            // Ignored as a signal, delivered as an event instead.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: DispatchQueue(label: "sufficiency.signal"))
            source.setEventHandler { [unowned self] in self.handle(number) }
            source.resume()
            sources.append(source)
        }
    }

    /// The signal received, if any.
    var receivedSignal: Int32? {
        lock.lock(); defer { lock.unlock() }
        return received == 0 ? nil : received
    }

    /// The conventional exit status for the signal received: 128 + its number (130, 143).
    var exitStatus: Int32 { 128 + (receivedSignal ?? SIGINT) }

    /// Ends a command stopped part way: saves what it did with `save` into `saved`, says how far
    /// it got (`done`, e.g. "131 of 400 replications") and that nothing was written to `folder`,
    /// and exits with the signal's status. `kept` names what could not be saved if saving fails.
    /// When nothing had finished (`nothingDone`) there is nothing to resume from, so nothing is
    /// saved: the run stops at once, instead of writing (and checksumming) an empty state as
    /// large as the results' layout.
    func endStopped(done: String, kept: String, folder: String, saved: URL, nothingDone: Bool = false,
                    save: () throws -> Void) throws -> Never {
        if nothingDone {
            Terminal.standardError("Stopped after \(done); nothing was written to \(folder), and there was "
                                   + "nothing finished to save.")
            throw ExitCode(exitStatus)
        }
        do {
            try save()
        } catch {
            Terminal.standardError("sufficiency: stopped, and the finished \(kept) could not be saved: \(error)")
            throw ExitCode(exitStatus)
        }
        Terminal.standardError("Stopped after \(done); nothing was written to \(folder). They are saved in "
                               + "\(saved.path): run the same command with --resume to continue.")
        throw ExitCode(exitStatus)
    }

    private func handle(_ number: Int32) {
        lock.lock()
        let first = received == 0
        if first { received = number }
        lock.unlock()
        if first {
            stop.stop()
            Terminal.standardError("\nStopping after the replications in hand (again to quit at once)…")
        } else {
            signal(number, SIG_DFL)
            kill(getpid(), number)
        }
    }
}
