/// report.html of a selection (`sufficiency select`): a short, self-contained page (inline CSS,
/// no scripts, nothing fetched) stating which option is best, the indifference zone δ, the
/// confidence 1 − α and the replications it took, with each option's fate. Every name from the
/// scenario (its name, options, overrides) is escaped.
public enum SelectionPage {
    /// - Parameters:
    ///   - scenario: the scenario's name, as its file gives it.
    ///   - overrides: the `--set` overrides it ran with.
    public static func render(_ result: SelectionResult, scenario: String, seed: UInt64, overrides: [String]) -> String {
        let e = Report.escape
        let s = result.settings
        var html = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <title>\(e(scenario)): which option is best</title>
        <style>\(css)</style></head><body><main>
        <h1>\(e(scenario)): which option is best</h1>
        <p class="answer">\(e(SelectionWriter.paragraph(result, seed: seed)))</p>
        <table class="facts">
        <tr><th>Measure</th><td>\(e(s.measure)) (\(e(result.unit))), whole run, county; \(s.preference == .lower ? "lower" : "higher") is better</td></tr>
        <tr><th>Indifference zone δ</th><td>\(e(CSVFormat.number(s.delta))) \(e(result.unit))</td></tr>
        <tr><th>Confidence 1 − α</th><td>\(e(SolveWriter.percent(1 - s.alpha)))</td></tr>
        <tr><th>Replications</th><td>\(result.replications) (first stage \(s.firstStage), at most \(s.maximumReplications)), seed \(seed)</td></tr>
        <tr><th>Changed from the file</th><td>\(overrides.isEmpty ? "nothing" : overrides.map { "<code>\(e($0))</code>" }.joined(separator: " "))</td></tr>
        </table>
        <h2>Each option</h2>
        <table><thead><tr><th>Option</th><th>Status</th><th>Eliminated after</th><th>Mean when eliminated</th>
        <th>Mean of all \(result.replications) replications</th></tr></thead><tbody>

        """
        for (o, name) in result.options.enumerated() {
            let after = result.eliminatedAfter[o].map(String.init) ?? ""
            let at = result.meanAtElimination[o].map { SolveWriter.significant($0) } ?? ""
            html += "<tr><td>\(e(name))</td><td>\(SelectionWriter.status(result, o))</td><td class=\"n\">\(after)</td>"
                + "<td class=\"n\">\(e(at))</td><td class=\"n\">\(e(SolveWriter.significant(result.means[o])))</td></tr>\n"
        }
        html += """
        </tbody></table>
        <h2>How it was decided</h2>
        <p>Kim and Nelson's fully sequential procedure KN (ACM TOMACS 11(3), 2001) on the differences between \
        options paired on replication: every option sees the same people and shocks in a replication (common \
        random numbers), which KN allows. After a first stage of \(s.firstStage) replications it estimates the \
        variance of each pair's difference, then adds one replication at a time and drops an option once another \
        is ahead of it by more than the continuation region allows (η = \(e(SolveWriter.significant(result.eta))), \
        h² = \(e(SolveWriter.significant(result.hSquared)))). The guarantee holds when the best option is at least δ \
        better than the next; options closer than δ are all acceptable choices. It assumes the whole-run values are \
        close to normally distributed across replications (sums over years usually are).</p>
        <p class="note">Every option's figures are in selection.csv; the settings in manifest.json.</p>
        </main></body></html>

        """
        return html
    }

    private static let css = ShortPageStyle.css(".answer{font-size:1.1rem;font-weight:600}")
}
