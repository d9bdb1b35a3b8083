/// The report's providers view (home care): each option's largest providers over the whole run,
/// and how many providers had left the market by the end of each financial year.
extension Report {
    /// Providers shown per option, the largest by hours delivered.
    static let largestProviders = 10

    /// The columns of the largest providers' tables: figure, heading, and how it is shown.
    private static let providerColumns: [(ProviderMeasure, HeadlineTable.Row)] = [
        (.weeklyHours, HeadlineTable.Row(MeasureName.weeklyHours, "Hours a week", scale: 1, decimals: 0,
                                         range: DisplayRange.nonNegative)),
        (.careWorkers, HeadlineTable.Row(MeasureName.careWorkers, "Care workers", scale: 1, decimals: 0,
                                         range: DisplayRange.nonNegative)),
        (.margin, HeadlineTable.Row(MeasureName.margin, "Margin (%)", scale: 0.01, decimals: 1, range: DisplayRange.signed)),
        (.exited, HeadlineTable.Row(MeasureName.exited, "Left the market (% of replications)", scale: 0.01, decimals: 0,
                                    range: DisplayRange.share)),
    ]

    mutating func providerView(_ providers: ProviderResults) -> String {
        let replications = data.manifest.replications
        var text = "<p>Each option's largest providers (up to \(Self.largestProviders)) by contact hours delivered "
            + "over the whole run: hours a week and care workers (averages over the run), margin (what the council paid "
            + "less the provider's cost, over what it paid) and the share of replications in which the provider "
            + "had left the market by the end, each the mean"
            + (replications == 1 ? " of the one replication" : " [95% CI] across replications")
            + ". Every provider's figures, by financial year too, are in providers.csv.</p>\n"
        if let whole = providers.wholeRun {
            Self.providerColumns.forEach { show($0.1.measure) }
            for option in data.options {
                let largest = providers.largest(option, count: Self.largestProviders)
                guard !largest.isEmpty else { continue }
                text += "<h3>\(Self.escape(option))</h3>\n<table class=\"providers\">\n<thead><tr><th>Provider</th>"
                for (_, row) in Self.providerColumns { text += "<th>\(Self.escape(row.label))</th>" }
                text += "</tr></thead>\n<tbody>\n"
                for name in largest {
                    text += "<tr><th>\(Self.escape(name))</th>"
                    for (measure, row) in Self.providerColumns {
                        text += "<td>" + Self.cell(providers.stat(option, whole, name, measure), row: row,
                                                   single: replications == 1) + "</td>"
                    }
                    text += "</tr>\n"
                }
                text += "</tbody>\n</table>\n"
            }
        }
        let years = providers.financialYears
        if !years.isEmpty {
            let title = "Providers that had left the market, by year end (mean)"
            let series = data.options.map { option in
                BarSeries(name: option, values: years.map { providers.exitedCount(option, $0) })
            }
            show(MeasureName.providerExits)
            let svg = Chart.bars(title: title, unit: .count, groups: years.map(\.label), series: series,
                                 valueLabel: Self.axisLabel(MeasureName.providerExits, .count))
            text += figure("providers-exits.svg", svg, caption: title)
        }
        return text
    }
}
