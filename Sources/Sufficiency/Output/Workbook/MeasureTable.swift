/// A sheet's table of summaries: a row per option and window (and zone), text key columns
/// first, then each measure's mean and 95% interval in three columns. Two header rows: the
/// measures' labels over their columns, then the columns' names as in summary.csv
/// (`<measure> mean`, `<measure> ci95_low`, `<measure> ci95_high`).
struct MeasureTable {
    struct Column {
        /// Index into the run's measures.
        var measure: Int
        /// The heading over its three columns, with its unit.
        var label: String
        var style: CellStyle
    }

    struct Row {
        var keys: [String]
        var option: Int
        var window: Int
        var zoneSlot: Int = 0
    }

    var title: String
    var keyHeader: [String]
    var columns: [Column]
    var rows: [Row]

    /// The first data row (below the title and two header rows).
    static let firstRow = 3

    /// The column of the mean of `columns[k]`.
    func meanColumn(_ k: Int) -> Int { keyHeader.count + 3 * k }

    func write(_ source: ResultsWorkbook.Source, on sheet: Worksheet) throws {
        let measures = source.layout.measures.all
        try sheet.write(title, row: 0, column: 0, style: .title)
        try sheet.writeHeader(keyHeader, row: 2)
        for (k, column) in columns.enumerated() {
            try sheet.write(column.label, row: 1, column: meanColumn(k), style: .header)
            try sheet.writeHeader(ResultsWorkbook.intervalHeader.map { measures[column.measure].name + " " + $0 },
                                  row: 2, column: meanColumn(k))
        }
        for (i, row) in rows.enumerated() {
            let r = Self.firstRow + i
            for (j, key) in row.keys.enumerated() { try sheet.write(key, row: r, column: j) }
            for (k, column) in columns.enumerated() {
                let s = source.summary(option: row.option, window: row.window, zoneSlot: row.zoneSlot,
                                       measure: column.measure)
                try ResultsWorkbook.writeInterval(s, on: sheet, row: r, column: meanColumn(k), style: column.style)
            }
        }
        try sheet.setWidth(22, columns: 0)
        if keyHeader.count > 1 { try sheet.setWidth(13, columns: 1, keyHeader.count - 1) }
        if !columns.isEmpty { try sheet.setWidth(15, columns: keyHeader.count, meanColumn(columns.count) - 1) }
        sheet.freeze(rows: Self.firstRow, columns: min(2, keyHeader.count))
    }
}
