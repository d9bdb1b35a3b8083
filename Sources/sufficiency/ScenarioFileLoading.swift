import ArgumentParser
import Sufficiency

/// Loads a scenario for a command, turning problems into exit status 2 with
/// every problem printed to standard error.
enum ScenarioFileLoading {
    static func load(_ file: String, overrides: [String]) throws -> LoadedScenario {
        do {
            return try ScenarioLoader.load(path: file, overrides: overrides)
        } catch {
            Terminal.standardError(error.description)
            throw ExitCode(2)
        }
    }
}
