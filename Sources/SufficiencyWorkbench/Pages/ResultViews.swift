import Foundation
import Sufficiency

/// A finished run's views as tables, read from its CSV files as written: each provider's
/// figures (providers.csv), coverage (zones.csv and sites.csv) and finance (summary.csv's money
/// measures by financial year and over the whole run, county-wide).
enum ResultViews {
    enum View: String, CaseIterable {
        case providers, coverage, finance
    }

    static func render(_ view: View, run: RunID, results: URL) -> String {
        let back = "<p><a href=\"/runs/\(HTML.escape(run.text))\">Back to run \(HTML.escape(run.text))</a></p>\n"
        var body = back
        switch view {
        case .providers:
            body += "<h1>Providers</h1>\n<p>Each provider's figures over the whole run (providers.csv; every financial year is in the file).</p>\n"
            body += table("providers.csv", results: results, id: "providers") { row, col in col("window") == "horizon" }
        case .coverage:
            body += "<h1>Coverage</h1>\n"
            let zones = results.appendingPathComponent("zones.csv")
            if FileManager.default.fileExists(atPath: zones.path) {
                body += "<h2>Zones</h2>\n" + table("zones.csv", results: results, id: "coverage-zones") { _, _ in true }
                body += "<h2>Sites</h2>\n" + table("sites.csv", results: results, id: "coverage-sites") { _, _ in true }
            } else {
                body += "<p>This scenario has no coverage section; these are the gaps by zone over the whole run (summary.csv).</p>\n"
                body += table("summary.csv", results: results, id: "coverage-zones") { _, col in
                    col("window") == "horizon" && col("zone") != "all"
                        && [MeasureName.unmetHours, MeasureName.waiting, MeasureName.waitMeanDays, MeasureName.unmetDays,
                            MeasureName.sufficiencyRatio].contains(col("measure"))
                }
            }
        case .finance:
            body += "<h1>Finance</h1>\n<p>The money measures (GBP), county-wide, by financial year and over the whole run (summary.csv).</p>\n"
            body += table("summary.csv", results: results, id: "finance") { _, col in
                (col("window") == "horizon" || col("window") == "financial_year") && col("zone") == "all" && col("unit").contains("GBP")
            }
        }
        return HTML.page(title: view.rawValue.capitalized, body: body)
    }

    /// The rows of `file` that `keep` accepts (given the row and a column reader), all columns,
    /// as text exactly as written.
    static func table(_ file: String, results: URL, id: String,
                      keep: ([String], (String) -> String) -> Bool) -> String {
        guard let csv = ResultsCSV(contentsOf: results.appendingPathComponent(file)) else {
            return "<p>This run has no \(HTML.escape(file)).</p>"
        }
        let numeric = ["n", "mean", "sd", "ci95_low", "ci95_high", "p05", "p50", "p95"]
        let rows = csv.rows.filter { row in
            row.count == csv.header.count && keep(row) { name in csv.column(name).map { row[$0] } ?? "" }
        }
        let first = csv.header.firstIndex { numeric.contains($0) } ?? Int.max
        return HTML.table(id: id, header: csv.header, rows: rows, numericFrom: first)
    }
}
