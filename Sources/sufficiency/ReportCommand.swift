import ArgumentParser
import Foundation
import Sufficiency

/// `sufficiency report RESULTS_DIR`: rebuilds a results folder's HTML report and charts.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Rebuild the HTML report and SVG charts of a results folder.",
        discussion: """
        `run` writes report.html and charts/ with its results; this rebuilds them from the \
        folder's files alone (after an upgrade, say), replacing each file whole. The report works \
        offline in any browser: its CSS and charts are inline and it fetches nothing. Given the \
        folder of a sweep (it has sweep.csv and points.csv), it writes the sweep's report: each \
        headline measure against each swept parameter with its 95% band, one series per option \
        (lines for a grid, dots for a Latin hypercube or Sobol design, which also get a chart of \
        how much each parameter explains), and each target's share when the sweep counted targets.

        Examples:
          sufficiency report results/wiltshire-home-care
          sufficiency report notebooks-output/quickstart
          sufficiency report results/quickstart-uplift-sweep

        Exit status: 0 on success, 1 when the folder is not a results folder or cannot be written.
        """
    )

    @Argument(help: "A results folder written by `sufficiency run` or `sufficiency sweep`.")
    var folder: String

    func run() throws {
        do {
            if SweepReport.isSweepFolder(URL(fileURLWithPath: folder)) {
                let report = try SweepReportWriter.write(folder: URL(fileURLWithPath: folder))
                print("Sweep report in \(folder)/report.html (\(report.charts.count) charts in \(folder)/charts/)")
                return
            }
            let report = try ReportWriter.rebuild(folder: URL(fileURLWithPath: folder))
            print("Report in \(folder)/report.html (\(report.charts.count) charts in \(folder)/charts/)")
        } catch {
            Terminal.standardError("sufficiency: \(error)")
            throw ExitCode.failure
        }
    }
}
