import Foundation

/// Writes a sweep's report into its results folder: `report.html` and each chart as
/// `charts/NAME.svg`, in place of an earlier one as a run's report is (`ReportWriter.replace`).
public enum SweepReportWriter {
    public static func write(folder: URL) throws -> SweepReport {
        let report = try SweepReport(folder: folder)
        try ReportWriter.replace(in: folder, html: report.html, charts: report.charts)
        return report
    }
}
