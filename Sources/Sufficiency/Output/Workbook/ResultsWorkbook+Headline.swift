extension ResultsWorkbook {
    /// The style of a headline row's values: the terminal table's units, the cell keeping the
    /// measure's own unit (pounds shown in millions, shares as percentages).
    static func style(_ row: HeadlineTable.Row, unit: String) -> CellStyle {
        if row.scale == 1_000_000 { return .poundsMillions }
        if row.scale == 0.01 {
            return CellStyle(numberFormat: row.decimals > 0 ? "0." + String(repeating: "0", count: row.decimals) + "%" : "0%")
        }
        if unit == "GBP" { return row.decimals == 0 ? .pounds : .poundsPence }
        return CellStyle.forUnit(unit, decimals: row.decimals)
    }

    /// Headline: the terminal's comparison over the whole run, county-wide — a row per measure,
    /// three columns per option (mean, 95% interval) — then how often each option beat the first
    /// on unmet need and spend, replication by replication.
    static func writeHeadline(_ source: Source, on sheet: Worksheet) throws {
        let layout = source.layout
        let w = layout.horizonWindow
        let replications = source.results.replications
        try sheet.write("\(source.runner.scenario.name): whole run, whole county; mean and 95% confidence interval "
            + "of the mean across \(replications) replication\(replications == 1 ? "" : "s")",
            row: 0, column: 0, style: .title)
        try sheet.writeHeader(["Measure", "measure", "unit"], row: 1)
        for (o, name) in layout.options.enumerated() {
            try sheet.write(name, row: 1, column: 3 + 3 * o, style: .header)
            try sheet.writeHeader(intervalHeader, row: 2, column: 3 + 3 * o)
        }
        let rows = source.headlineRows
        for (i, row) in rows.enumerated() {
            guard let m = source.measureIndex(row.measure) else { continue }
            let unit = layout.measures.all[m].unit
            try sheet.write(row.label, row: 3 + i, column: 0)
            try sheet.write(row.measure, row: 3 + i, column: 1)
            try sheet.write(unit, row: 3 + i, column: 2)
            for o in layout.options.indices {
                try writeInterval(source.summary(option: o, window: w, measure: m), on: sheet, row: 3 + i,
                                  column: 3 + 3 * o, style: style(row, unit: unit))
            }
        }
        try writeChances(source, on: sheet, row: 4 + rows.count)
        try sheet.setWidth(34, columns: 0)
        try sheet.setWidth(18, columns: 1)
        try sheet.setWidth(12, columns: 2)
        try sheet.setWidth(14, columns: 3, 2 + 3 * layout.options.count)
        sheet.freeze(rows: 3, columns: 1)
    }

    /// Below the headline: for each option against the first, the share of replications in
    /// which it had the lower unmet need and the lower spend (comparison.csv's share_b_better).
    private static func writeChances(_ source: Source, on sheet: Worksheet, row: Int) throws {
        let layout = source.layout
        guard layout.options.count > 1 else { return }
        let names = layout.highlights.paired
        try sheet.write("Against the first option, " + layout.options[0] + ": share of replications in which the option was lower",
                        row: row, column: 0, style: .title)
        try sheet.writeHeader(["Option"] + names, row: row + 1)
        var r = row + 2
        for (pair, (a, b)) in layout.pairs.enumerated() where a == 0 {
            try sheet.write(layout.options[b], row: r, column: 0)
            for (j, name) in names.enumerated() {
                guard let m = source.measureIndex(name),
                      let cell = source.results.comparisonCell(window: layout.horizonWindow, zoneSlot: 0, measure: m) else { continue }
                let c = source.results.comparisons[pair].comparison(cell)
                if c.n > 0 { try sheet.write(c.shareBBetter, row: r, column: 1 + j, style: .percent) }
            }
            r += 1
        }
    }
}
