import CXLSXWriter

extension ResultsWorkbook {
    /// Measures charted by option over the whole run, and by financial year, when the run has them.
    static let barMeasures = [MeasureName.spend, MeasureName.unmetHours, MeasureName.unmetDays, MeasureName.waitMeanDays, MeasureName.providerExits, MeasureName.savings]
    static let yearMeasures = [MeasureName.spend, MeasureName.unmetHours, MeasureName.unmetDays]

    /// Charts: a small table of each option's whole-run means of the charted measures, a column
    /// chart of each of them by option, and line charts of spend and unmet need by financial
    /// year for every option, read from the Years sheet.
    static func writeCharts(_ source: Source, on sheet: Worksheet, in book: Workbook, years: MeasureTable) throws {
        let layout = source.layout
        let options = layout.options
        let headline = source.headlineRows
        let bars = barMeasures.compactMap { name -> (Int, HeadlineTable.Row)? in
            guard let m = source.measureIndex(name), let row = headline.first(where: { $0.measure == name }) else { return nil }
            return (m, row)
        }
        try sheet.write("Whole run, whole county: mean across replications, as on the Headline sheet",
                        row: 0, column: 0, style: .title)
        try sheet.writeHeader(["Option"] + bars.map { $0.1.label }, row: 1)
        for (o, name) in options.enumerated() {
            try sheet.write(name, row: 2 + o, column: 0)
            for (j, (m, row)) in bars.enumerated() {
                if let s = source.summary(option: o, window: layout.horizonWindow, measure: m) {
                    try sheet.write(s.mean, row: 2 + o, column: 1 + j, style: style(row, unit: layout.measures.all[m].unit))
                }
            }
        }
        try sheet.setWidth(24, columns: 0)
        try sheet.setWidth(16, columns: 1, max(1, bars.count))
        sheet.freeze(rows: 2)

        var charts: [WorkbookChart] = []
        let lastOption = 1 + options.count
        for (j, (m, row)) in bars.enumerated() {
            let unit = layout.measures.all[m].unit
            charts.append(WorkbookChart(
                type: LXW_CHART_COLUMN, title: row.label, xAxis: "Option", yAxis: unit,
                valueFormat: style(row, unit: unit).numberFormat,
                series: [.init(name: (sheet.name, 1, 1 + j),
                               categories: .init(sheet: sheet.name, firstRow: 2, lastRow: lastOption, column: 0),
                               values: .init(sheet: sheet.name, firstRow: 2, lastRow: lastOption, column: 1 + j))]))
        }
        let perOption = source.years.count
        if perOption > 0 {
            for name in yearMeasures {
                guard let k = years.columns.firstIndex(where: { layout.measures.all[$0.measure].name == name }) else { continue }
                let column = years.columns[k]
                let series = options.indices.map { o -> WorkbookChart.Series in
                    let first = MeasureTable.firstRow + o * perOption
                    return .init(name: ("Years", first, 0),
                                 categories: .init(sheet: "Years", firstRow: first, lastRow: first + perOption - 1, column: 1),
                                 values: .init(sheet: "Years", firstRow: first, lastRow: first + perOption - 1,
                                               column: years.meanColumn(k)))
                }
                charts.append(WorkbookChart(
                    type: LXW_CHART_LINE, title: column.label + " by financial year",
                    xAxis: "Financial year", yAxis: layout.measures.all[column.measure].unit,
                    valueFormat: column.style.numberFormat, series: series))
            }
        }
        let top = lastOption + 3
        for (i, chart) in charts.enumerated() {
            try chart.place(in: book, on: sheet, row: top + (i / 2) * 16, column: (i % 2) * 8)
        }
    }
}
