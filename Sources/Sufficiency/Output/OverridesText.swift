import Foundation

/// `--set` overrides written as they would be typed, for the terminal's header line and the
/// report's title block, so results made with changed values never pass for the file's own.
public enum OverridesText {
    /// The overrides as flags, e.g. `--set demand.growth=0.05 --set 'solve.target={below: 2}'`;
    /// an override with characters a shell would read is put in single quotes. Empty when none.
    public static func flags(_ overrides: [String]) -> String {
        overrides.map { "--set " + quoted($0) }.joined(separator: " ")
    }

    /// ", with --set a=b --set c=d" to end a header line's settings, or "" when there are none.
    public static func clause(_ overrides: [String]) -> String {
        overrides.isEmpty ? "" : ", with " + flags(overrides)
    }

    /// `text` as a shell reads it back: unchanged when it has only characters that need no
    /// quoting, else in single quotes (a quote inside written `'\''`).
    static func quoted(_ text: String) -> String {
        let plain = text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "._-=/:,+%@".unicodeScalars.contains($0)
        }
        if plain && !text.isEmpty { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
