extension ResultsWorkbook {
    /// The headline measures as table columns, styled by unit.
    static func headlineColumns(_ source: Source, perZoneOnly: Bool = false) -> [MeasureTable.Column] {
        source.headlineRows.compactMap { row in
            guard let m = source.measureIndex(row.measure) else { return nil }
            let measure = source.layout.measures.all[m]
            if perZoneOnly && !measure.perZone { return nil }
            return MeasureTable.Column(measure: m, label: row.label.replacingOccurrences(of: ", whole run", with: ""),
                                       style: style(row, unit: measure.unit))
        }
    }

    /// Years: each option's financial years, county-wide, with the headline measures. Returns the
    /// table (for the charts, which read its cells).
    static func writeYears(_ source: Source, on sheet: Worksheet) throws -> MeasureTable {
        let rows = source.layout.options.indices.flatMap { o in
            source.years.map { w in
                let (first, last) = source.dates(w)
                return MeasureTable.Row(keys: [source.layout.options[o], source.label(w), first, last], option: o, window: w)
            }
        }
        let table = MeasureTable(
            title: "Financial years by option, whole county: mean and 95% confidence interval of the mean",
            keyHeader: ["option", "financial_year", "period_start", "period_end"],
            columns: headlineColumns(source), rows: rows)
        try table.write(source, on: sheet)
        return table
    }

    /// Years by zone: each option's financial years and whole run, zone by zone, with the headline
    /// measures that have zone values; the windows summary.csv gives zone rows for.
    static func writeZoneYears(_ source: Source, on sheet: Worksheet) throws {
        let layout = source.layout
        let windows = (source.years + [layout.horizonWindow]).filter {
            ResultsWriter.zoneDetail(source.results.zoneRows, layout.windows[$0].kind)
        }
        let rows = layout.options.indices.flatMap { o in
            layout.zoneNames.indices.dropFirst().flatMap { slot in
                windows.map { w in
                    let (first, last) = source.dates(w)
                    return MeasureTable.Row(keys: [layout.options[o], layout.zoneNames[slot], source.label(w), first, last],
                                            option: o, window: w, zoneSlot: slot)
                }
            }
        }
        let table = MeasureTable(
            title: "Financial years and whole run by option and zone: mean and 95% confidence interval of the mean",
            keyHeader: ["option", "zone", "window", "period_start", "period_end"],
            columns: headlineColumns(source, perZoneOnly: true), rows: rows)
        try table.write(source, on: sheet)
    }
}
