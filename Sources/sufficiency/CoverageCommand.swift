import ArgumentParser
import Sufficiency

/// `sufficiency coverage FILE`: a run of a scenario with a `coverage` section, for planners.
struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Run a scenario with its zone coverage analysis: gaps by zone, coverage lost, and where new capacity helps most.",
        discussion: """
        Runs the scenario like `run`, prints the run's table, then the coverage answer: the share of \
        need within the travel-time standard, the coverage gap (hours a week of need beyond the \
        capacity within it) and the coverage lost to providers leaving, county-wide for every option \
        with 95% intervals; then, for coverage.option, the zones with the largest gaps, the zones \
        that lose coverage, and the sites chosen with what each covers. It writes, besides the run's \
        files, zones.csv (per zone and period: need, capacity within the standard, the gap, coverage \
        lost, travel times, exposure to one provider, travel costs, unmet hours, with statistics) and \
        sites.csv (the additions of capacity that cover the most unmet hours, or with \
        coverage.site_objective=coverage_gap the most of the coverage gap, ranked, with each one's \
        gain). The scenario needs a coverage section; any run of such a scenario writes the same \
        files.

        Examples:
          sufficiency coverage scenarios/wiltshire-zone-coverage.yaml
          sufficiency coverage scenarios/wiltshire-zone-coverage.yaml --set coverage.standard_minutes=30
          sufficiency coverage scenarios/wiltshire-zone-coverage.yaml --set coverage.site_objective=coverage_gap
          sufficiency coverage scenarios/wiltshire-zone-coverage.yaml --no-ranking --set exits.annual_hazard=0 --set 'events=[{date: 2025-04-01, kind: provider_exit, provider: Market Lavington Care}]'

        The last asks which zones lose coverage if Market Lavington Care leaves on 1 April 2025, \
        with the market's own exits switched off so that only its exit counts.

        Exit status: 0 on success, 2 when the scenario has problems or no coverage section, 64 for \
        a mistake on the command line, 1 for other failures.
        """
    )

    @OptionGroup var options: RunCommand

    func run() throws {
        try options.performChoosingWarmUp(requireCoverage: true)
    }
}
