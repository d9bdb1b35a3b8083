import Foundation

/// The runs waiting and running: at most `maxQueued` waiting (more are refused with
/// `QueueFull`, a 503), at most `workers` running at once, each on its own thread off the
/// request path, with the scenario's own thread setting. Every run the workspace holds is
/// listed, those of earlier sessions included.
final class RunQueue: @unchecked Sendable {
    let workspace: Workspace
    let workers: Int
    let maxQueued: Int
    private let lock = NSLock()
    private var entries: [RunID: RunEntry] = [:]
    private var waiting: [RunEntry] = []
    private var running = 0

    /// The queue is full: `maxQueued` runs are already waiting.
    struct QueueFull: Error {
        let waiting: Int
    }

    /// Opens the queue on `workspace`, listing the runs its earlier sessions left: those that
    /// ended as they ended, and those the server stopped before they ended as failed.
    init(workspace: Workspace, workers: Int, maxQueued: Int) {
        self.workspace = workspace
        self.workers = max(1, workers)
        self.maxQueued = max(0, maxQueued)
        for entry in RunRecords.read(workspace) { entries[entry.id] = entry }
    }

    /// Every run, newest first.
    func all() -> [RunSnapshot] {
        lock.lock()
        let list = Array(entries.values)
        lock.unlock()
        return list.map(\.snapshot).sorted { $0.id > $1.id }
    }

    func snapshot(_ id: RunID) -> RunSnapshot? {
        lock.lock(); defer { lock.unlock() }
        return entries[id]?.snapshot
    }

    /// Queues `request` in its own new folder (with request.json written there first) and
    /// starts it when a worker is free; `total` is the replications it will run in all.
    func submit(_ request: RunRequest, total: Int,
                perform: @escaping @Sendable (RunEntry) -> (RunState, String?)) throws -> RunID {
        lock.lock()
        defer { lock.unlock() }
        guard running < workers || waiting.count < maxQueued else {
            throw QueueFull(waiting: waiting.count)
        }
        let id = try RunID.claim(in: workspace.runs)
        let folder = workspace.runFolder(id)
        try AtomicFile.write(request.jsonData(), to: folder.appendingPathComponent(RunRequest.file))
        let entry = RunEntry(id: id, request: request, state: .queued, total: total)
        entries[id] = entry
        waiting.append(entry)
        jobs[id] = perform
        startWaiting()
        return id
    }

    private var jobs: [RunID: @Sendable (RunEntry) -> (RunState, String?)] = [:]

    /// Cancels run `id`: a waiting run at once, a running one between replications (it then
    /// writes no results). False when there is no such run or it has ended.
    @discardableResult
    func cancel(_ id: RunID) -> Bool {
        lock.lock()
        guard let entry = entries[id] else { lock.unlock(); return false }
        // Runs start only under the lock, so one still waiting here never starts.
        if let index = waiting.firstIndex(where: { $0.id == id }) {
            waiting.remove(at: index)
            jobs[id] = nil
            lock.unlock()
            RunRecords.end(entry, .cancelled, message: "Cancelled before it started.", in: workspace)
            return true
        }
        lock.unlock()
        guard entry.currentState == .running else { return false }
        entry.stop.stop()
        return true
    }

    /// Starts waiting runs while workers are free; called with the lock held.
    private func startWaiting() {
        while running < workers, !waiting.isEmpty {
            let entry = waiting.removeFirst()
            guard let job = jobs.removeValue(forKey: entry.id), entry.start() else { continue }
            running += 1
            let thread = Thread { [self] in
                let (state, message) = job(entry)
                RunRecords.end(entry, state, message: message, in: workspace)
                lock.lock()
                running -= 1
                startWaiting()
                lock.unlock()
            }
            thread.name = "sufficiency-run-\(entry.id)"
            thread.start()
        }
    }
}
