import Sufficiency

/// `/compare?a=ID&b=ID`: two runs side by side, as `sufficiency compare` computes it: the
/// headline measures of each option, A's mean, B's, and B − A with its 95% interval.
enum ComparisonPage {
    static func render(_ comparison: RunComparison, a: RunID, b: RunID) -> String {
        var body = "<h1>Run \(HTML.escape(a.text)) against run \(HTML.escape(b.text))</h1>\n"
        body += "<p>A: <a href=\"/runs/\(HTML.escape(a.text))\">\(HTML.escape(a.text))</a> (\(HTML.escape(RunComparison.describe(comparison.a)))). "
        body += "B: <a href=\"/runs/\(HTML.escape(b.text))\">\(HTML.escape(b.text))</a> (\(HTML.escape(RunComparison.describe(comparison.b)))).</p>\n"
        body += "<p>\(HTML.escape(comparison.pairingSentence))</p>\n"
        let rows = comparison.headline(differingOnly: false).map { cell in
            [cell.cell.a.option, cell.label, cell.meanA, cell.meanB, cell.differenceText, cell.cell.verdict]
        }
        body += HTML.table(id: "comparison", header: ["Option", "Measure", "A", "B", "B − A (95% CI)", "Verdict"], rows: rows,
                           numericFrom: 2)
        body += "<p><a id=\"compare-full\" href=\"/compare/full?a=\(HTML.escape(a.text))&amp;b=\(HTML.escape(b.text))\">Every measure, window and zone (the page `sufficiency compare` writes)</a></p>"
        return HTML.page(title: "Compare", body: body)
    }
}
