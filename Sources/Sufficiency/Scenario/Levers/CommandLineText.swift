import Foundation

/// The command line that runs a scenario with overrides, written so that it can be pasted
/// into a POSIX shell (bash, zsh, sh) as it is.
public enum CommandLineText {
    /// `sufficiency SUBCOMMAND PATH --set 'PATH=VALUE' …`, each word quoted where the shell
    /// would otherwise change it.
    ///
    /// - Parameters:
    ///   - scenarioPath: the scenario file, as the user would type it.
    ///   - overrides: key paths and values, in the order `--set` applies them.
    ///   - subcommand: `run`, `validate`, `sweep`, …
    public static func command(scenarioPath: String, overrides: [(path: String, value: String)],
                               subcommand: String = "run") -> String {
        let words = ["sufficiency", subcommand, scenarioPath] + overrides.flatMap { ["--set", "\($0.path)=\($0.value)"] }
        return words.map(quoted).joined(separator: " ")
    }

    /// `word` as the shell reads it back: as it is when it holds only characters no shell
    /// treats specially, else in single quotes (a `'` inside written `'\''`).
    public static func quoted(_ word: String) -> String {
        let safe = !word.isEmpty && word.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || "-_./:=@%+,".unicodeScalars.contains(scalar))
        }
        if safe { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
