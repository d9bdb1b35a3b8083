import ArgumentParser
import Sufficiency

/// `sufficiency validate FILE`: check a scenario and report every problem at once.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a scenario file and report every problem in it; run nothing.",
        discussion: """
        Exit status 0 when the scenario is valid, 2 when it has problems (each printed as \
        FILE:LINE:COLUMN: KEY.PATH: message), 64 for a mistake on the command line.

        Examples:
          sufficiency validate scenarios/wiltshire-home-care.yaml
          sufficiency validate scenarios/quickstart.yaml --set demand.growth=0.05
        """
    )

    @Argument(help: "Scenario file (YAML).")
    var file: String

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a scenario value, e.g. demand.growth=0.05.", valueName: "key=value"))
    var overrides: [String] = []

    func run() throws {
        let loaded = try ScenarioFileLoading.load(file, overrides: overrides)
        let s = loaded.scenario
        print("\(file): valid. \(s.zones.count) zones, \(s.providers.count) providers, \(s.options.count) options (\(s.options.map(\.name).joined(separator: ", "))), \(s.calendar.horizonDays) days, \(s.run.replications) replications.")
    }
}
