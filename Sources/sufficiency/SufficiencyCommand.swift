import ArgumentParser

/// The `sufficiency` command: a thin layer over the Sufficiency library.
struct SufficiencyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sufficiency",
        abstract: "Simulate adult social care markets under competing procurement options.",
        discussion: """
        Sufficiency runs a scenario (customers, zones, providers, care workforce, hand-backs, \
        prices and uplifts) many times under each procurement option, and writes results with \
        confidence intervals that commissioners, finance and planners can compare.

        Examples:
          sufficiency run scenarios/wiltshire-home-care.yaml
          sufficiency run scenarios/quickstart.yaml --replications 50 --seed 7
          sufficiency run scenarios/quickstart.yaml --set demand.growth=0.05
          sufficiency validate scenarios/wiltshire-home-care.yaml
          sufficiency sweep scenarios/quickstart-uplift.yaml
          sufficiency solve scenarios/quickstart-uplift.yaml --target-above 27.5
          sufficiency select scenarios/quickstart.yaml --measure unmet_hours --delta 20
          sufficiency coverage scenarios/wiltshire-zone-coverage.yaml
          sufficiency report results/wiltshire-home-care
          sufficiency calibrate packages.csv --out calibration
          sufficiency run scenarios/quickstart.yaml --shard 2/4
          sufficiency merge --out results/quickstart results/quickstart-shard-*
          sufficiency serve
        """,
        version: BuildInfoText.version,
        subcommands: [RunCommand.self, MergeCommand.self, ValidateCommand.self, SweepCommand.self, SolveCommand.self, SelectCommand.self, CoverageCommand.self, CalibrateCommand.self, ReportCommand.self, CompareCommand.self, ServeCommand.self]
    )
}
