/// compare.html: a short, self-contained page (inline CSS, no scripts, nothing fetched) of a
/// comparison: the two runs, how intervals were worked out, what was not compared, and the
/// headline measures over the whole run, those that differ first. Every name from a run (a
/// folder, scenario, option, zone or override) is escaped.
public enum ComparePage {
    public static func render(_ comparison: RunComparison) -> String {
        let e = Report.escape
        var html = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <title>Comparison of two runs</title>
        <style>\(css)</style></head><body><main>
        <h1>Comparison of two runs</h1>
        <table class="facts">
        <tr><th>A</th><td>\(e(RunComparison.describe(comparison.a)))</td></tr>
        <tr><th>B</th><td>\(e(RunComparison.describe(comparison.b)))</td></tr>
        </table>
        <p>\(e(comparison.pairingSentence)) Differences are B − A, in each measure's unit.</p>

        """
        let notCompared = comparison.layout.sentences
        if !notCompared.isEmpty {
            html += "<h2>Not compared</h2>\n<ul>\n"
            for sentence in notCompared { html += "<li>\(e(sentence))</li>\n" }
            html += "</ul>\n"
        }
        let differing = comparison.headline(differingOnly: true)
        html += "<h2>Headline measures that differ, whole run</h2>\n"
        if differing.isEmpty {
            html += "<p>None: every 95% interval of B − A includes 0.</p>\n"
        } else {
            html += table(differing)
        }
        let zones = comparison.zonesThatDiffer
        html += "<p>" + (zones.isEmpty ? "No zone differs in any measure over the whole run."
            : "Zones with a measure that differs over the whole run: \(e(zones.joined(separator: ", ")))." ) + "</p>\n"
        let county = comparison.headline(differingOnly: false).filter { $0.cell.a.zone == "all" }
        if !county.isEmpty {
            html += "<h2>Every headline measure, whole run, county</h2>\n" + table(county)
        }
        html += "<p class=\"note\">\(comparison.cells.count) cells compared, \(comparison.differing.count) differ; "
            + "every option, window, zone and measure is in compare.csv.</p>\n</main></body></html>\n"
        return html
    }

    private static func table(_ rows: [RunComparison.HeadlineCell]) -> String {
        let e = Report.escape
        var html = "<table><thead><tr><th>Option</th><th>Zone</th><th>Measure</th><th>A</th><th>B</th>"
            + "<th>B − A [95% CI]</th><th></th></tr></thead><tbody>\n"
        for row in rows {
            let verdict = row.cell.verdict
            html += "<tr><td>\(e(row.cell.a.option))</td><td>\(e(row.cell.a.zone == "all" ? "county" : row.cell.a.zone))</td>"
                + "<td>\(e(row.label))</td><td class=\"n\">\(e(row.meanA))</td><td class=\"n\">\(e(row.meanB))</td>"
                + "<td class=\"n\">\(e(row.differenceText))</td><td class=\"\(verdict)\">\(verdict)</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    private static let css = ShortPageStyle.css(".facts th{width:2rem}.worse{color:#b00020}.better{color:#1a6b2a}")
}
