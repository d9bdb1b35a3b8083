import CXLSXWriter
import Foundation

/// An Excel workbook being built with libxlsxwriter, saved to its file by `close()`. Build it on
/// one thread. Every cell a user's text reaches is written as a string (`Worksheet.write(_:…)`),
/// never as a formula, so a name such as `=HYPERLINK(…)` stays text.
final class Workbook {
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    private var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
    let path: String

    /// libxlsxwriter's version, e.g. "1.1.4".
    static var libraryVersion: String { String(cString: sufficiency_xlsxwriter_version()) }

    /// A new workbook to be written at `path`, its creation date recorded as `created` (which
    /// libxlsxwriter also gives every entry of the file's zip archive), so the same contents
    /// always give the same bytes.
    init(path: String, title: String, created: Date) throws {
        self.path = path
        guard let handle = workbook_new(path) else {
            throw WorkbookError("creating \(path)", reason: "libxlsxwriter could not start the workbook")
        }
        self.handle = handle
        // The zip format cannot hold dates before 1980.
        let seconds = max(created.timeIntervalSince1970, 315_619_200)
        try title.withCString { title in
            try "Sufficiency".withCString { author in
                var properties = lxw_doc_properties()
                properties.title = UnsafeMutablePointer(mutating: title)
                properties.author = UnsafeMutablePointer(mutating: author)
                properties.created = time_t(seconds)
                try WorkbookError.check(workbook_set_properties(handle, &properties), "setting the workbook's properties")
            }
        }
    }

    deinit {
        // Not closed (an error part-way): free it, and remove the file that freeing writes.
        if let handle { _ = workbook_close(handle); try? FileManager.default.removeItem(atPath: path) }
    }

    private var workbook: UnsafeMutablePointer<lxw_workbook> {
        get throws {
            guard let handle else { throw WorkbookError("adding to \(path)", reason: "the workbook is already closed") }
            return handle
        }
    }

    /// Adds a sheet named `name` (at most 31 characters, none of `[]:*?/\`).
    func addSheet(_ name: String) throws -> Worksheet {
        let workbook = try workbook
        try WorkbookError.check(workbook_validate_sheet_name(workbook, name), "adding the sheet \(name)")
        guard let sheet = workbook_add_worksheet(workbook, name) else {
            throw WorkbookError("adding the sheet \(name)", reason: "the name is not a valid sheet name or is used twice")
        }
        return Worksheet(handle: sheet, name: name, workbook: self)
    }

    /// The libxlsxwriter format of `style`, made once per workbook.
    func format(_ style: CellStyle) throws -> UnsafeMutablePointer<lxw_format>? {
        if style == .plain { return nil }
        if let format = formats[style] { return format }
        guard let format = workbook_add_format(try workbook) else {
            throw WorkbookError("adding a cell format", reason: "libxlsxwriter could not allocate it")
        }
        if !style.numberFormat.isEmpty { format_set_num_format(format, style.numberFormat) }
        if style.bold { format_set_bold(format) }
        if style.wrap { format_set_text_wrap(format) }
        formats[style] = format
        return format
    }

    /// A new chart of `type` (e.g. `LXW_CHART_LINE`), to be placed with `Worksheet.insert`.
    func addChart(_ type: lxw_chart_type) throws -> UnsafeMutablePointer<lxw_chart> {
        guard let chart = workbook_add_chart(try workbook, UInt8(type.rawValue)) else {
            throw WorkbookError("adding a chart", reason: "libxlsxwriter could not allocate it")
        }
        return chart
    }

    /// Writes the file and frees the workbook.
    func close() throws {
        let handle = try workbook
        self.handle = nil
        try WorkbookError.check(workbook_close(handle), "saving \(path)")
    }
}
