import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a sweep's report into its results folder: `report.html` and each chart as
/// `charts/NAME.svg`, each file written beside its place and renamed over it, so a reader
/// never sees half a file; charts of an earlier report that this one lacks are removed.
public enum SweepReportWriter {
    public static func write(folder: URL) throws -> SweepReport {
        let report = try SweepReport(folder: folder)
        let fileManager = FileManager.default
        let charts = folder.appendingPathComponent("charts", isDirectory: true)
        try fileManager.createDirectory(at: charts, withIntermediateDirectories: true)
        func place(_ text: String, at url: URL) throws {
            let temporary = url.deletingLastPathComponent()
                .appendingPathComponent(".\(url.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)")
            do {
                try Data(text.utf8).write(to: temporary)
            } catch {
                throw OutputError.cannotWrite(path: url.path, reason: "\(error.localizedDescription)")
            }
            guard rename(temporary.path, url.path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? fileManager.removeItem(at: temporary)
                throw OutputError.cannotReplace(path: url.path, reason: "renaming \(temporary.path) failed (\(reason))")
            }
        }
        var kept = Set<String>()
        for chart in report.charts {
            try place(chart.svg, at: charts.appendingPathComponent(chart.file))
            kept.insert(chart.file)
        }
        for old in (try? fileManager.contentsOfDirectory(atPath: charts.path)) ?? []
            where old.hasSuffix(".svg") && !kept.contains(old) {
            try? fileManager.removeItem(at: charts.appendingPathComponent(old))
        }
        try place(report.html, at: folder.appendingPathComponent("report.html"))
        return report
    }
}
