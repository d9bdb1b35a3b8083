import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a results folder's report: `report.html` and each chart as `charts/NAME.svg`.
public enum ReportWriter {
    /// The report's files, relative to the results folder, for a report with `charts`.
    public static func files(_ report: Report) -> [String] {
        ["report.html"] + report.charts.map { "charts/" + $0.file }
    }

    /// Builds the report of the results in `staged` (a folder being written) into it.
    static func write(into staged: AtomicDirectory) throws -> [String] {
        let report = try Report(folder: staged.staging)
        try staged.write(Data(report.html.utf8), to: "report.html")
        for chart in report.charts { try staged.write(Data(chart.svg.utf8), to: "charts/" + chart.file) }
        return files(report)
    }

    /// Rebuilds the report of the results folder `folder` in place: the report files are
    /// written beside the results and moved over the old ones one by one, so a reader never
    /// sees a half-written file; charts of an earlier report that this one lacks are removed.
    public static func rebuild(folder: URL) throws -> Report {
        let report = try Report(folder: folder)
        try replace(in: folder, html: report.html, charts: report.charts)
        return report
    }

    /// Puts a report into `folder` in place of the one there: `report.html` and each chart as
    /// `charts/NAME.svg`, each written beside its place and renamed over it, so a reader never
    /// sees half a file; charts of an earlier report that this one lacks are removed. A folder
    /// that cannot be written to is refused before anything is replaced. Serves a run's report
    /// and a sweep's.
    static func replace(in folder: URL, html: String, charts list: [(file: String, svg: String)]) throws {
        let fileManager = FileManager.default
        let charts = folder.appendingPathComponent("charts", isDirectory: true)
        // Before anything is replaced: a folder that cannot be written to would otherwise leave
        // a report with some charts new and some old.
        for place in [folder, charts] where fileManager.fileExists(atPath: place.path) {
            guard access(place.path, W_OK | X_OK) == 0 else {
                let reason = String(cString: strerror(errno))
                throw OutputError.cannotWrite(
                    path: folder.appendingPathComponent("report.html").path,
                    reason: "\(place.path) cannot be written to (\(reason)), so nothing was changed; make it writable "
                        + "(chmod -R u+w '\(folder.path)') and rebuild the report")
            }
            removeStaleTemporaries(in: place)
        }
        try fileManager.createDirectory(at: charts, withIntermediateDirectories: true)
        func place(_ data: Data, at url: URL) throws {
            let temporary = url.deletingLastPathComponent()
                .appendingPathComponent(".\(url.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)")
            do {
                try data.write(to: temporary)
            } catch {
                throw OutputError.cannotWrite(path: url.path, reason: "\(error.localizedDescription)")
            }
            // rename(2) replaces the old file atomically; FileManager.replaceItemAt on Linux
            // deleted the old chart and then failed, leaving neither.
            guard rename(temporary.path, url.path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? fileManager.removeItem(at: temporary)
                throw OutputError.cannotReplace(path: url.path, reason: "renaming \(temporary.path) failed (\(reason))")
            }
        }
        var kept = Set<String>()
        for chart in list {
            try place(Data(chart.svg.utf8), at: charts.appendingPathComponent(chart.file))
            kept.insert(chart.file)
        }
        for old in (try? fileManager.contentsOfDirectory(atPath: charts.path)) ?? []
            where old.hasSuffix(".svg") && !kept.contains(old) {
            try? fileManager.removeItem(at: charts.appendingPathComponent(old))
        }
        try place(Data(html.utf8), at: folder.appendingPathComponent("report.html"))
    }

    /// Removes the `.FILE.partial-<pid>` files in `folder` that a `rebuild` killed part-way
    /// left, when their process is no longer running.
    static func removeStaleTemporaries(in folder: URL) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasPrefix(".") {
            guard let marker = name.range(of: ".partial-", options: .backwards),
                  let pid = Int32(name[marker.upperBound...]), pid > 0,
                  !AtomicDirectory.processIsRunning(pid) else { continue }
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }
}
