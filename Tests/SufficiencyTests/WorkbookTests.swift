import Foundation
import Testing
@testable import Sufficiency

/// The libxlsxwriter wrapper: its failures are typed errors with sentences, and a sheet refers to
/// cells as Excel names them.
struct WorkbookTests {
    @Test func aWorkbookThatCannotBeSavedSaysWhereAndWhy() throws {
        let path = "/nonexistent-\(UUID().uuidString)/results.xlsx"
        let book = try Workbook(path: path, title: "t", created: Date(timeIntervalSince1970: 1_700_000_000))
        let sheet = try book.addSheet("Headline")
        try sheet.write("=1+1", row: 0, column: 0)
        let error = #expect(throws: WorkbookError.self) { try book.close() }
        #expect(error?.action == "saving \(path)")
        #expect(error?.description.hasPrefix("The Excel workbook could not be written: saving \(path) failed: ") == true)
        #expect(error?.description.hasSuffix(".") == true)
    }

    @Test func aSheetNameUsedTwiceIsRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("workbook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let book = try Workbook(path: folder.appendingPathComponent("a.xlsx").path, title: "t", created: Date())
        _ = try book.addSheet("Years")
        let error = #expect(throws: WorkbookError.self) { try book.addSheet("Years") }
        #expect(error?.action == "adding the sheet Years")
        try book.close()
    }

    @Test func cellsAreNamedAsExcelNamesThem() {
        #expect(Worksheet.cellName(row: 0, column: 0) == "A1")
        #expect(Worksheet.cellName(row: 3, column: 25) == "Z4")
        #expect(Worksheet.cellName(row: 9, column: 26) == "AA10")
        #expect(Worksheet.cellName(row: 0, column: 701) == "ZZ1")
        #expect(Worksheet.cellName(row: 0, column: 702) == "AAA1")
    }

    @Test func textLongerThanACellHoldsIsCut() {
        #expect(Worksheet.fitted("=short") == "=short")
        let long = String(repeating: "é", count: 20_000)
        let fitted = Worksheet.fitted(long)
        #expect(fitted.utf8.count <= Worksheet.longestText)
        #expect(fitted.hasSuffix("…") && fitted.hasPrefix("éé"))
    }

    @Test func unitsGetTheirNumberFormats() {
        #expect(CellStyle.forUnit("GBP").numberFormat == "£#,##0")
        #expect(CellStyle.forUnit("GBP per hour").numberFormat == "£#,##0.00")
        #expect(CellStyle.forUnit("GBP a week").numberFormat == "£#,##0.00")
        #expect(CellStyle.forUnit("share").numberFormat == "0.0%")
        #expect(CellStyle.forUnit("people", decimals: 0).numberFormat == "#,##0")
    }
}
