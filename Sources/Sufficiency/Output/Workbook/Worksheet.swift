import CXLSXWriter

/// One sheet of a `Workbook`. Rows and columns count from 0, as libxlsxwriter's do.
struct Worksheet {
    let handle: UnsafeMutablePointer<lxw_worksheet>
    /// The sheet's name, as charts refer to it.
    let name: String
    unowned let workbook: Workbook

    /// The cell's name in Excel's A1 notation, for messages.
    static func cellName(row: Int, column: Int) -> String {
        var letters = ""
        var c = column + 1
        while c > 0 { c -= 1; letters = String(UnicodeScalar(UInt8(65 + c % 26))) + letters; c /= 26 }
        return letters + String(row + 1)
    }

    private func place(_ row: Int, _ column: Int) -> String {
        "writing cell \(Self.cellName(row: row, column: column)) of sheet \(name)"
    }

    /// The most UTF-8 bytes libxlsxwriter writes into one cell (Excel's limit of 32,767 characters).
    static let longestText = 32_767

    /// Writes `text` as a string: never read as a formula or a number, whatever it starts with.
    /// Text longer than a cell holds (a very long description) is cut, ending with "…".
    func write(_ text: String, row: Int, column: Int, style: CellStyle = .plain) throws {
        let format = try workbook.format(style)
        try WorkbookError.check(worksheet_write_string(handle, lxw_row_t(row), lxw_col_t(column), Self.fitted(text), format),
                                place(row, column))
    }

    /// `text`, or as many of its first characters as fit in a cell followed by "…".
    static func fitted(_ text: String) -> String {
        guard text.utf8.count > longestText else { return text }
        var cut = ""
        var bytes = 0
        for character in text {
            bytes += character.utf8.count
            if bytes > longestText - 3 { break }  // "…" is 3 bytes
            cut.append(character)
        }
        return cut + "…"
    }

    /// Writes `value` as a number; a value that is not finite leaves the cell blank, as the CSV
    /// files leave its field empty.
    func write(_ value: Double, row: Int, column: Int, style: CellStyle = .plain) throws {
        guard value.isFinite else { return }
        let format = try workbook.format(style)
        try WorkbookError.check(worksheet_write_number(handle, lxw_row_t(row), lxw_col_t(column), value, format),
                                place(row, column))
    }

    /// Writes a row of header text from `column` on, bold and wrapped.
    func writeHeader(_ texts: [String], row: Int, column: Int = 0) throws {
        for (i, text) in texts.enumerated() { try write(text, row: row, column: column + i, style: .header) }
    }

    /// Sets the width of columns `first...last`, in Excel's character units.
    func setWidth(_ width: Double, columns first: Int, _ last: Int? = nil) throws {
        try WorkbookError.check(worksheet_set_column(handle, lxw_col_t(first), lxw_col_t(last ?? first), width, nil),
                                "setting column widths of sheet \(name)")
    }

    /// Keeps the rows above `rows` and the columns left of `columns` in view when scrolling.
    func freeze(rows: Int, columns: Int = 0) {
        worksheet_freeze_panes(handle, lxw_row_t(rows), lxw_col_t(columns))
    }

    /// Places `chart` with its top left corner at the cell.
    func insert(_ chart: UnsafeMutablePointer<lxw_chart>, row: Int, column: Int) throws {
        try WorkbookError.check(worksheet_insert_chart(handle, lxw_row_t(row), lxw_col_t(column), chart),
                                "placing a chart on sheet \(name)")
    }
}
