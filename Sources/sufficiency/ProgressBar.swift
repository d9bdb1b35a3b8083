import Foundation

/// Replications done and time left, on standard error: a redrawn bar on a
/// terminal, an occasional plain line otherwise (logs, CI).
final class ProgressBar: @unchecked Sendable {
    private let total: Int
    private let interactive: Bool
    private let started = Date()
    private let lock = NSLock()
    private var lastDraw = Date.distantPast
    private var lastPlainTenth = -1
    /// Whether the redrawn bar's line has been ended (at its total, or by `end()`).
    private var lineEnded = false

    init(total: Int, interactive: Bool) {
        self.total = total
        self.interactive = interactive
    }

    func update(_ done: Int) {
        lock.lock(); defer { lock.unlock() }
        let now = Date()
        let elapsed = now.timeIntervalSince(started)
        if interactive {
            guard done == total || now.timeIntervalSince(lastDraw) > 0.1 else { return }
            lastDraw = now
            let width = 30
            let filled = total > 0 ? width * done / total : width
            let left = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            let text = String(format: "\r[%@] %d/%d replications, %@ left ", bar, done, total, ProgressBar.duration(left))
            FileHandle.standardError.write(Data(text.utf8))
            if done == total {
                FileHandle.standardError.write(Data("\n".utf8))
                lineEnded = true
            }
        } else {
            let tenth = total > 0 ? done * 10 / total : 10
            guard tenth > lastPlainTenth else { return }
            lastPlainTenth = tenth
            Terminal.standardError(String(format: "%d/%d replications (%.1f s)", done, total, elapsed))
        }
    }

    /// Ends the redrawn bar's line when the run stopped short of its total (a run to a
    /// precision), so what is printed next starts on a line of its own.
    func end() {
        lock.lock(); defer { lock.unlock() }
        guard interactive, !lineEnded, lastDraw != Date.distantPast else { return }
        FileHandle.standardError.write(Data("\n".utf8))
        lineEnded = true
    }

    static func duration(_ seconds: Double) -> String {
        if seconds < 60 { return String(format: "%.0fs", seconds.rounded(.up)) }
        return String(format: "%dm%02ds", Int(seconds) / 60, Int(seconds) % 60)
    }
}
