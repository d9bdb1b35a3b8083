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
        offline in any browser: its CSS and charts are inline and it fetches nothing.

        Examples:
          sufficiency report results/wiltshire-home-care
          sufficiency report notebooks-output/quickstart

        Exit status: 0 on success, 1 when the folder is not a results folder or cannot be written.
        """
    )

    @Argument(help: "A results folder written by `sufficiency run`.")
    var folder: String

    func run() throws {
        do {
            let report = try ReportWriter.rebuild(folder: URL(fileURLWithPath: folder))
            print("Report in \(folder)/report.html (\(report.charts.count) charts in \(folder)/charts/)")
        } catch {
            Terminal.standardError("sufficiency: \(error)")
            throw ExitCode.failure
        }
    }
}
