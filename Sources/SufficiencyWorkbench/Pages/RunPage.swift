import Foundation
import Sufficiency

/// `/runs/ID`: what was asked, its state and progress (kept live by the page's script), a
/// cancel button while it waits or runs, and once it has finished its headline table (the
/// summary.csv rows of the headline measures, whole run, county-wide, each mean rounded as the
/// terminal's headline table shows it, with the file's own text in `data-value`), its downloads, its report and the providers, coverage and finance views.
enum RunPage {
    static func render(_ run: RunSnapshot, results: URL) -> String {
        let id = HTML.escape(run.id.text)
        let request = run.request
        var body = "<h1>\(request.kind == .run ? "Run" : request.kind == .sweep ? "Sweep" : "Solve") \(id)</h1>\n"
        body += "<p>Scenario <a href=\"/scenarios/\(HTML.escape(request.scenario))\">\(HTML.escape(request.scenario))</a>, "
            + "seed \(request.seed), \(request.replications) replications, asked for \(HTML.escape(request.requestedAt)).</p>\n"
        if !request.overrides.isEmpty {
            body += "<ul id=\"overrides\">" + request.overrides.map { "<li><code>\(HTML.escape($0))</code></li>" }.joined() + "</ul>\n"
        }
        let command = (request.commandLine + ["--out", "results/\(run.id.text)"]).map(CommandLineText.quoted).joined(separator: " ")
        body += "<p>The same from a terminal:</p><code id=\"run-command\">\(HTML.escape(command))</code>\n"
        body += "<p>State: <span id=\"run-state\" data-status=\"/runs/\(id)/status\">\(run.state.rawValue)</span> "
        body += "<progress id=\"run-progress\" value=\"\(run.done)\" max=\"\(max(1, run.total))\"></progress> "
        body += "<span id=\"run-done\">\(run.done) of \(run.total) replications</span> "
        body += "<span id=\"run-eta\">\(run.secondsLeft.map { "\(Int($0.rounded())) s left" } ?? "")</span></p>\n"
        if let message = run.message {
            body += "<p id=\"run-message\" class=\"message\">\(HTML.escape(message))</p>\n"
        }
        if !run.state.ended {
            body += "<form method=\"post\" action=\"/runs/\(id)/cancel\"><button type=\"submit\" id=\"cancel\">Cancel</button></form>\n"
        }
        guard run.state == .finished else { return HTML.page(title: "Run \(run.id.text)", body: body) }
        body += "<h2>Downloads</h2>\n<p>"
        if request.kind == .run {
            body += "<a id=\"download-csv\" href=\"/runs/\(id)/download/csv\">CSV files (zip)</a> · "
            body += "<a id=\"download-xlsx\" href=\"/runs/\(id)/download/xlsx\">Workbook (results.xlsx)</a> · "
        }
        body += "<a id=\"download-zip\" href=\"/runs/\(id)/download/zip\">The whole results folder with its manifest (zip)</a></p>\n"
        switch request.kind {
        case .run:
            body += "<p><a id=\"report\" href=\"/runs/\(id)/files/report.html\">The report</a> · "
                + "<a id=\"view-providers\" href=\"/runs/\(id)/providers\">Providers</a> · "
                + "<a id=\"view-coverage\" href=\"/runs/\(id)/coverage\">Coverage</a> · "
                + "<a id=\"view-finance\" href=\"/runs/\(id)/finance\">Finance</a></p>\n"
            body += "<h2>Headline measures, whole run, county-wide</h2>\n" + summaryTable(results)
        case .sweep, .solve:
            body += fileTables(results, id: run.id)
        }
        return HTML.page(title: "Run \(run.id.text)", body: body)
    }

    /// `<table id="summary">`: summary.csv's whole-run, county-wide rows of the headline
    /// measures, in the headline table's order, option by option. Each figure is scaled and
    /// rounded as the terminal's headline table shows it (`MeasureHighlights.headlineCell`:
    /// GBP m, %, whole people), with the mean exactly as summary.csv writes it in the mean
    /// cell's `data-value`, so what is read off the page can be checked against the file.
    static func summaryTable(_ results: URL) -> String {
        guard let csv = ResultsCSV(contentsOf: results.appendingPathComponent("summary.csv")),
              let option = csv.column("option"), let window = csv.column("window"), let label = csv.column("label"),
              let zone = csv.column("zone"), let measure = csv.column("measure"), let unit = csv.column("unit"),
              let n = csv.column("n"), let mean = csv.column("mean"), let low = csv.column("ci95_low"),
              let high = csv.column("ci95_high") else {
            return "<p>summary.csv could not be read.</p>"
        }
        let highlights = MeasureHighlights.of(measures: Set(csv.rows.lazy.filter { $0.count > measure }.map { $0[measure] }))
        let headline = highlights.headlineMeasures
        let rank = Dictionary(headline.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let rows = csv.rows.filter { $0.count == csv.header.count && $0[window] == "horizon" && $0[zone] == "all" && rank[$0[measure]] != nil }
        var options: [String] = []
        for row in rows where !options.contains(row[option]) { options.append(row[option]) }
        func order(_ row: [String]) -> (Int, Int) { (options.firstIndex(of: row[option]) ?? 0, rank[row[measure]] ?? 0) }
        let sorted = rows.sorted { order($0) < order($1) }
        var out = "<table id=\"summary\"><thead><tr><th>Option</th><th>Measure</th><th>Window</th><th>n</th>"
            + "<th>Mean</th><th>95% CI</th></tr></thead><tbody>\n"
        for row in sorted {
            let shown = highlights.headlineCell(measure: row[measure], n: Int(row[n]) ?? 0, mean: Double(row[mean]) ?? .nan,
                                                low: Double(row[low]) ?? .nan, high: Double(row[high]) ?? .nan)
            let name = shown?.label ?? MeasureDefinition.label(of: row[measure]) ?? row[measure]
            let cells: [String] = [
                "<td class=\"option\">\(HTML.escape(row[option]))</td>",
                "<td class=\"measure\" title=\"\(HTML.escape(row[measure])) (\(HTML.escape(row[unit])))\">\(HTML.escape(name))</td>",
                "<td class=\"window\">\(HTML.escape(row[label]))</td>",
                "<td class=\"n\">\(HTML.escape(row[n]))</td>",
                "<td class=\"mean\" data-value=\"\(HTML.escape(row[mean]))\">\(HTML.escape(shown?.mean ?? row[mean]))</td>",
                "<td class=\"ci95 num\">\(HTML.escape(shown?.interval ?? "[\(row[low]), \(row[high])]"))</td>",
            ]
            let attributes = "data-option=\"\(HTML.escape(row[option]))\" data-measure=\"\(HTML.escape(row[measure]))\" "
                + "data-window=\"\(HTML.escape(row[window]))\" data-label=\"\(HTML.escape(row[label]))\""
            out += "<tr " + attributes + ">" + cells.joined() + "</tr>\n"
        }
        return out + "</tbody></table>"
    }

    /// A sweep's or a solve's CSV files, each as a table.
    static func fileTables(_ results: URL, id: RunID) -> String {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: results.path)) ?? []).filter { $0.hasSuffix(".csv") }.sorted()
        var out = ""
        for name in names {
            guard let csv = ResultsCSV(contentsOf: results.appendingPathComponent(name)) else { continue }
            out += "<h2><a href=\"/runs/\(HTML.escape(id.text))/files/\(HTML.escape(name))\">\(HTML.escape(name))</a></h2>\n"
            out += HTML.table(id: "table-" + (name as NSString).deletingPathExtension, header: csv.header,
                              rows: Array(csv.rows.prefix(500)))
            if csv.rows.count > 500 { out += "<p>The first 500 of \(csv.rows.count) rows; download the file for all.</p>" }
        }
        return out
    }
}
