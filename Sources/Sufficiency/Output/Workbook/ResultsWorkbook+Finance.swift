extension ResultsWorkbook {
    /// Finance: every money measure of the run (spend and its groups and routes, rates, pay,
    /// costs, gaps, savings) and the providers' margin, by option for each financial year and the
    /// whole run, county-wide.
    static func writeFinance(_ source: Source, on sheet: Worksheet) throws {
        let layout = source.layout
        let columns = layout.measures.all.indices.compactMap { m -> MeasureTable.Column? in
            let measure = layout.measures.all[m]
            guard measure.unit.hasPrefix("GBP") || measure.name == MeasureName.providerMargin else { return nil }
            return MeasureTable.Column(measure: m, label: measure.name.replacingOccurrences(of: "_", with: " ") + " (\(measure.unit))",
                                       style: CellStyle.forUnit(measure.unit))
        }
        let rows = layout.options.indices.flatMap { o in
            (source.years + [layout.horizonWindow]).map { w in
                let (first, last) = source.dates(w)
                return MeasureTable.Row(keys: [layout.options[o], source.label(w), first, last], option: o, window: w)
            }
        }
        let table = MeasureTable(
            title: "Money by option, financial year and whole run, whole county: mean and 95% confidence interval of the mean",
            keyHeader: ["option", "window", "period_start", "period_end"], columns: columns, rows: rows)
        try table.write(source, on: sheet)
    }

    /// Providers: each provider's figures by option, financial year and whole run, as providers.csv.
    static func writeProviders(_ source: Source, on sheet: Worksheet) throws {
        let layout = source.layout
        let providers = layout.providers
        let header = ["option", "window", "provider", "measure", "unit", "n", "mean", "sd", "ci95_low", "ci95_high"]
        try sheet.write("Each provider's figures by option, financial year and whole run, as providers.csv",
                        row: 0, column: 0, style: .title)
        try sheet.writeHeader(header, row: 1)
        var r = 2
        for o in layout.options.indices {
            for (slot, w) in providers.windows.enumerated() {
                for (p, name) in providers.names.enumerated() {
                    for measure in ProviderMeasure.allCases {
                        let s = source.results.providerSummary(option: o, window: slot, provider: p, measure: measure)
                        if s.n == 0 { continue }
                        let unit = measure.measure.unit
                        let style = CellStyle.forUnit(unit)
                        for (j, text) in [layout.options[o], source.label(w), name, measure.measure.name, unit].enumerated() {
                            try sheet.write(text, row: r, column: j)
                        }
                        try sheet.write(Double(s.n), row: r, column: 5, style: .count)
                        for (j, value) in [s.mean, s.sd, s.ciLow, s.ciHigh].enumerated() {
                            try sheet.write(value, row: r, column: 6 + j, style: style)
                        }
                        r += 1
                    }
                }
            }
        }
        try sheet.setWidth(22, columns: 0)
        try sheet.setWidth(12, columns: 1)
        try sheet.setWidth(26, columns: 2, 3)
        try sheet.setWidth(14, columns: 4, header.count - 1)
        sheet.freeze(rows: 2, columns: 3)
    }
}
