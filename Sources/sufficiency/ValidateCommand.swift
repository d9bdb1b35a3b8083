import ArgumentParser
import Sufficiency

/// `sufficiency validate FILE`: check a scenario and report every problem at once.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a scenario file and report every problem in it; run nothing.",
        discussion: """
        Exit status 0 when the scenario is valid, 2 when it has problems (each printed as \
        FILE:LINE:COLUMN: KEY.PATH: message), 64 for a mistake on the command line. Values accepted \
        although unusual (a premium of 150%, a partial first quarter) are printed after the verdict as \
        warning: FILE:LINE:COLUMN: KEY.PATH: message. A sweep \
        section is checked at every point, a solve section at both ends of its range, a \
        ranking_sensitivity section at both ends of every input.

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
        // The experiment sections are checked too: the sweep's every point, the ranking
        // analysis at both ends of every input, and the solve settings with the scenario loaded
        // at both ends of the range; their problems are reported together.
        let experiment: ExperimentFile
        do {
            experiment = try ExperimentFile.load(path: file, overrides: overrides, startingPosition: true)
        } catch {
            Terminal.standardError(error.description)
            throw ExitCode(2)
        }
        let check = experiment.checkSections()
        if let problems = check.problems {
            Terminal.standardError(problems.description)
            throw ExitCode(2)
        }
        let warnings = check.warnings
        let extra = check.sentences
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        let s = experiment.base.scenario
        let options = s.options.map(\.name).joined(separator: ", ")
        let market: String
        switch s.service {
        case .homeCare:
            market = "\(count(s.zones.count, "zone")), \(count(s.providers.count(where: { !$0.entrant }), "provider"))"
                + (s.entry == nil ? "" : " and \(count(s.providers.count(where: \.entrant), "would-be entrant"))")
        case .dayOpportunities(let day):
            market = "day opportunities: \(count(day.providers.count, "provider")), \(count(day.levels.count, "support level")), "
                + "\(day.caseload.reduce(0) { $0 + $1.people }) people placed"
        }
        print("\(file): valid. \(market), "
              + "\(count(s.options.count, "option")) (\(options)), \(count(s.calendar.horizonDays, "day")), "
              + "\(count(s.run.replications, "replication")).\(extra)")
        switch s.service {
        case .homeCare:
            // A home care market's first day: capacity against the caseload's hours, and the rest.
            for line in StartingPositionText.lines(StartingPosition(scenario: s), scenario: s) { print(line) }
        case .dayOpportunities(let day):
            // A day opportunities option's entry, a year and a round, so options compare like for like.
            for line in day.entrySummary(optionNames: s.options.map(\.name), start: s.calendar.start) { print("  " + line) }
        }
        // Warnings follow the verdict: the scenario is valid, and these values may be intended.
        for line in ScenarioWarnings.lines(experiment.base.warnings + warnings) { print(line) }
    }
}
