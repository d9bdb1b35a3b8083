import CXLSXWriter

/// A native Excel chart whose series read cells of the workbook's sheets, so the chart and the
/// tables show the same numbers. Series names come from cells too: a name given as text would
/// be read as a cell reference when it starts with `=`.
struct WorkbookChart {
    /// Cells of one column, `firstRow...lastRow`, on the sheet named `sheet`.
    struct Cells {
        var sheet: String
        var firstRow: Int
        var lastRow: Int
        var column: Int
    }

    struct Series {
        /// The cell holding the series' name (an option's name).
        var name: (sheet: String, row: Int, column: Int)
        var categories: Cells
        var values: Cells
    }

    var type: lxw_chart_type
    /// Our own text, never a user's.
    var title: String
    var xAxis: String
    var yAxis: String
    /// Excel number format of the value axis, e.g. `£#,##0`.
    var valueFormat: String
    var series: [Series]

    /// Adds the chart to `workbook` and places it on `sheet` at the cell.
    func place(in workbook: Workbook, on sheet: Worksheet, row: Int, column: Int) throws {
        let chart = try workbook.addChart(type)
        for s in series {
            guard let added = chart_add_series(chart, nil, nil) else {
                throw WorkbookError("adding a series to the chart \(title)", reason: "libxlsxwriter could not allocate it")
            }
            chart_series_set_categories(added, s.categories.sheet, lxw_row_t(s.categories.firstRow),
                                        lxw_col_t(s.categories.column), lxw_row_t(s.categories.lastRow),
                                        lxw_col_t(s.categories.column))
            chart_series_set_values(added, s.values.sheet, lxw_row_t(s.values.firstRow), lxw_col_t(s.values.column),
                                    lxw_row_t(s.values.lastRow), lxw_col_t(s.values.column))
            chart_series_set_name_range(added, s.name.sheet, lxw_row_t(s.name.row), lxw_col_t(s.name.column))
            if type == LXW_CHART_LINE { chart_series_set_marker_type(added, UInt8(LXW_CHART_MARKER_AUTOMATIC.rawValue)) }
        }
        chart_title_set_name(chart, title)
        chart_axis_set_name(chart_axis_get(chart, LXW_CHART_AXIS_TYPE_X), xAxis)
        let y = chart_axis_get(chart, LXW_CHART_AXIS_TYPE_Y)
        chart_axis_set_name(y, yAxis)
        if !valueFormat.isEmpty { chart_axis_set_num_format(y, valueFormat) }
        chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
        try sheet.insert(chart, row: row, column: column)
    }
}
