extension Report {
    /// "What decides the ranking": what was judged, the best option at the scenario's own
    /// values, a table of the inputs in the terminal's order (those whose range flips the best
    /// option first, then by how far they move its lead), each with its source, and a chart of
    /// the best option's lead at each end.
    mutating func rankingSection(_ outcome: RankingOutcome) -> String {
        typealias T = RankingText
        var text = "<p>Judged on \(Self.escape(T.judged(outcome))). \(Self.escape(T.scope(outcome)))</p>\n"
        text += "<p>\(Self.escape(T.base(outcome)))</p>\n"
        if let note = T.mainNote(outcome) { text += "<p>\(Self.escape(note))</p>\n" }
        let (flipping, others) = T.groups(outcome)
        let keys = { (inputs: [Int]) in inputs.map { "<code>\(Self.escape(outcome.inputs[$0].key))</code>" }.joined(separator: ", ") }
        text += flipping.isEmpty ? "<p>No input flips the best option over its range.</p>\n"
            : "<p>\(Self.escape(String(T.flippingHeading.dropLast()))): \(keys(flipping)).</p>\n"
        let order = flipping + others
        guard !order.isEmpty else { return text }

        text += "<table class=\"ranking\">\n<thead><tr><th>Input</th><th>Low to high</th><th>At the low end</th>"
            + "<th>At the high end</th><th>Flips the best option</th><th>Source of the range</th></tr></thead>\n<tbody>\n"
        for i in order {
            let input = outcome.inputs[i]
            text += "<tr><th><code>\(Self.escape(input.key))</code></th>"
                + "<td>\(Self.escape(T.value(input.low))) to \(Self.escape(T.value(input.high)))</td>"
                + "<td>\(Self.escape(T.result(outcome, input.low)))</td>"
                + "<td>\(Self.escape(T.result(outcome, input.high)))</td>"
                + (input.flips ? "<td class=\"flips\">yes</td>" : "<td>no</td>")
                + "<td>\(Self.escape(input.source))</td></tr>\n"
        }
        text += "</tbody>\n</table>\n"

        guard let best = outcome.base.best else { return text }
        let name = outcome.options[best]
        let ends: [(String, (Int) -> RankingOutcome.End)] = [
            ("low end", { outcome.inputs[$0].low }),
            ("scenario's values", { _ in outcome.base }),
            ("high end", { outcome.inputs[$0].high }),
        ]
        let series = ends.map { label, end in
            BarSeries(name: label, values: order.map { end($0).gap }, low: order.map { end($0).gapLow },
                      high: order.map { end($0).gapHigh })
        }
        let title = "\(name)'s lead over the next best option, \(ReportGlossary.name(outcome.measure).lowercased())"
        show(outcome.measure)
        let unit = Self.unit(outcome.unit)
        let svg = Chart.bars(title: title, unit: unit, groups: order.map { outcome.inputs[$0].key }, series: series,
                             valueLabel: unit.axisLabel(for: "Lead in " + ReportGlossary.name(outcome.measure).lowercased()))
        text += figure("ranking-lead.svg", svg, caption: "How far \(name), best at the scenario's own values, is ahead of "
                       + "the best of the other options with each input at its low end, at the scenario's values and at "
                       + "its high end, with 95% intervals; a bar below zero is an end at which another option is best")
        return text
    }
}
