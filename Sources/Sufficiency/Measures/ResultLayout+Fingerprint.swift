import Foundation

extension ResultLayout {
    /// SHA-256 (hex) of everything that fixes where a cell lives: options, windows, zones,
    /// measures, and the providers and their measures. Shards are merged only when their layouts
    /// agree, so a cell is never read as another.
    public var fingerprint: String {
        var text = "options:" + options.joined(separator: "\u{1F}") + "\n"
        for w in windows { text += "window:\(w.kind.rawValue):\(w.fromDay):\(w.toDay):\(w.firstPeriod):\(w.endPeriod)\n" }
        text += "zones:" + zoneNames.joined(separator: "\u{1F}") + "\n"
        for m in measures.all { text += "measure:\(m.name):\(m.unit)\n" }
        if !providers.names.isEmpty {
            text += "providers:" + providers.names.joined(separator: "\u{1F}") + "\n"
            text += "provider windows:" + providers.windows.map(String.init).joined(separator: ",") + "\n"
            for m in ProviderLayout.measures { text += "provider measure:\(m.name):\(m.unit)\n" }
        }
        return SHA256Digest.hex(of: Data(text.utf8))
    }
}
