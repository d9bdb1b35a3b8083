import ArgumentParser
import Foundation
import Sufficiency

/// The results folder (`--out`) checked before a command's work starts, and its writing
/// finished, the same way for run, coverage, merge, sweep, solve and shards.
enum OutputFolderCheck {
    /// Stops with status 1, before any work, unless results can be put in `folder`
    /// (`OutputDestination.check`); removes the hidden folders runs killed earlier left beside
    /// it and names, with the command that removes it, any other left there.
    static func prepare(_ folder: String) throws {
        let notes: [String]
        do {
            notes = try OutputDestination.prepare(URL(fileURLWithPath: folder))
        } catch {
            Terminal.standardError("sufficiency: \(error)")
            throw ExitCode.failure
        }
        for note in notes { Terminal.standardError("sufficiency: note: \(note)") }
    }

    /// Runs `write`, which puts a results folder in place. Stops with status 1 when it fails;
    /// when the new results are in place and complete but the earlier ones could not be
    /// removed, says so and where they are, and carries on.
    static func finish(_ write: () throws -> Void) throws {
        do {
            try write()
        } catch let error as OutputError {
            Terminal.standardError("sufficiency: \(error)")
            if case .earlierResultsLeft = error { return }
            throw ExitCode.failure
        } catch {
            Terminal.standardError("sufficiency: \(error)")
            throw ExitCode.failure
        }
    }
}
