import Foundation

extension ResultLayout {
    /// SHA-256 (hex) of everything that fixes where a cell lives: options, windows, zones and
    /// measures. Shards are merged only when their layouts agree, so a cell is never read as
    /// another.
    public var fingerprint: String {
        var text = "options:" + options.joined(separator: "\u{1F}") + "\n"
        for w in windows { text += "window:\(w.kind.rawValue):\(w.fromDay):\(w.toDay):\(w.firstPeriod):\(w.endPeriod)\n" }
        text += "zones:" + zoneNames.joined(separator: "\u{1F}") + "\n"
        for m in measures.all { text += "measure:\(m.name):\(m.unit)\n" }
        return SHA256Digest.hex(of: Data(text.utf8))
    }
}
