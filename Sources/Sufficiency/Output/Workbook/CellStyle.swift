/// How a cell looks: its Excel number format and whether its text is bold. Cells of one style
/// share one libxlsxwriter format (`Workbook.format(_:)`).
struct CellStyle: Hashable, Sendable {
    /// Excel number format code, e.g. `£#,##0`; empty for General.
    var numberFormat: String = ""
    var bold = false
    /// Whether long text wraps within the column.
    var wrap = false

    static let plain = CellStyle()
    static let header = CellStyle(bold: true, wrap: true)
    static let title = CellStyle(bold: true)
    /// Whole pounds with thousands separators: £1,234,567.
    static let pounds = CellStyle(numberFormat: "£#,##0")
    /// Pounds in millions, two decimals: £12.35m (the cell holds pounds).
    static let poundsMillions = CellStyle(numberFormat: "£#,##0.00,,\"m\"")
    /// Pounds and pence: £19.85 (a rate: GBP per hour, GBP a week).
    static let poundsPence = CellStyle(numberFormat: "£#,##0.00")
    /// A share as a percentage, one decimal: 12.3% (the cell holds 0.123).
    static let percent = CellStyle(numberFormat: "0.0%")
    /// A whole count with thousands separators.
    static let count = CellStyle(numberFormat: "#,##0")

    /// A number with thousands separators and `decimals` decimals.
    static func decimal(_ decimals: Int) -> CellStyle {
        CellStyle(numberFormat: decimals > 0 ? "#,##0." + String(repeating: "0", count: decimals) : "#,##0")
    }

    /// The style for a measure's values in its unit as the results files give it ("GBP",
    /// "GBP per hour", "share", …); `decimals` for units without a fixed style.
    static func forUnit(_ unit: String, decimals: Int = 2) -> CellStyle {
        if unit == "GBP" { return .pounds }
        if unit.hasPrefix("GBP ") { return .poundsPence }
        return unit == "share" ? .percent : .decimal(decimals)
    }
}
