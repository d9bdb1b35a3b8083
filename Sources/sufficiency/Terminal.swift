import Foundation

/// Writing to the terminal: standard error for messages and progress.
enum Terminal {
    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// Whether standard error is an interactive terminal (progress bars only then).
    static var standardErrorIsTerminal: Bool { isatty(2) == 1 }
}
