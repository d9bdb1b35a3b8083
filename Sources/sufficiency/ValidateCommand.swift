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
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        let options = s.options.map(\.name).joined(separator: ", ")
        print("\(file): valid. \(count(s.zones.count, "zone")), \(count(s.providers.count, "provider")), "
              + "\(count(s.options.count, "option")) (\(options)), \(count(s.calendar.horizonDays, "day")), "
              + "\(count(s.run.replications, "replication")).")
    }
}
