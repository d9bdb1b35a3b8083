import ArgumentParser
import Sufficiency

/// `sufficiency coverage FILE`: a run of a scenario with a `coverage` section, for planners.
struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Run a scenario with its zone coverage analysis: gaps by zone and where new capacity helps most.",
        discussion: """
        Runs the scenario like `run` and writes, besides the run's files, zones.csv (per zone and \
        period: need, capacity within the travel-time standard, the gap, travel times, exposure to \
        one provider, travel costs, unmet hours, with statistics) and sites.csv (the additions of \
        capacity that cover the most unmet need, ranked, with each one's gain). The scenario needs \
        a coverage section; any run of such a scenario writes the same files.

        Examples:
          sufficiency coverage scenarios/wiltshire-zone-coverage.yaml
          sufficiency coverage scenarios/wiltshire-zone-coverage.yaml --set coverage.standard_minutes=30

        Exit status: 0 on success, 2 when the scenario has problems or no coverage section, 64 for \
        a mistake on the command line, 1 for other failures.
        """
    )

    @OptionGroup var options: RunCommand

    func run() throws {
        try options.perform(requireCoverage: true)
    }
}
