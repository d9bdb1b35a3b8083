import Foundation
@testable import Sufficiency
import XCTest

/// Names a user types that a spreadsheet would run as formulas: every CSV writer neutralises
/// them the same way (OWASP), numbers the project writes stay numbers, and the report's reader
/// gets the user's name back.
final class CSVFormulaTests: XCTestCase {
    func testEachDangerousFirstCharacterIsPrefixedWithAQuoteInsideAQuotedField() {
        XCTAssertEqual(CSVFormat.field("=1+1"), "\"'=1+1\"")
        XCTAssertEqual(CSVFormat.field("+1"), "\"'+1\"")
        XCTAssertEqual(CSVFormat.field("-2"), "\"'-2\"")
        XCTAssertEqual(CSVFormat.field("@SUM(A1)"), "\"'@SUM(A1)\"")
        XCTAssertEqual(CSVFormat.field("\tWest"), "\"'\tWest\"")
        XCTAssertEqual(CSVFormat.field("\rWest"), "\"'\rWest\"")
        XCTAssertEqual(CSVFormat.field("'quoted"), "\"''quoted\"", "a leading quote is doubled so the rule can be undone")
    }

    func testSafeNamesAreUnchanged() {
        for name in ["Wiltshire", "older people", "2023/24", "2024-04-01", "", "a=b", "x-1", "Bath & NE Somerset"] {
            XCTAssertEqual(CSVFormat.field(name), name)
        }
    }

    func testEmbeddedQuotesCommasAndLineBreaksAreStillQuoted() {
        XCTAssertEqual(CSVFormat.field("=HYPERLINK(\"http://x\",\"y\")"), "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")
        XCTAssertEqual(CSVFormat.field("-North, East"), "\"'-North, East\"")
        XCTAssertEqual(CSVFormat.field("+two\nlines"), "\"'+two\nlines\"")
        XCTAssertEqual(CSVFormat.field("Say \"hi\", then"), "\"Say \"\"hi\"\", then\"")
    }

    func testNegativeNumbersTheProjectWritesStayNumbers() throws {
        XCTAssertEqual(CSVFormat.number(-2.5), "-2.5")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("formula-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let csv = try CSVFileWriter(url: url, header: ["zone", "difference", "count", "swept", "text"])
        csv.field("-2")
        csv.number(-1.25)
        csv.integer(-3)
        csv.value("-0.5")
        csv.value("-1; DROP")
        try csv.endRow()
        try csv.row(atMost: 200) { row in
            row.append(CSVFields(["=x", "@y"]))
            row.number(-4)
            row.integer(-5)
            row.append(CSVFields(values: ["+1"]))
        }
        try csv.close()
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        XCTAssertEqual(text, "zone,difference,count,swept,text\n"
                           + "\"'-2\",-1.25,-3,-0.5,\"'-1; DROP\"\n"
                           + "\"'=x\",\"'@y\",-4,-5,\"'+1\"\n")
    }

    func testSweepValuesThatAreNumbersStayNumbers() {
        XCTAssertEqual(CSVFormat.value("-0.25"), "-0.25")
        XCTAssertEqual(CSVFormat.value("1.5e-3"), "1.5e-3")
        XCTAssertEqual(CSVFormat.value("3"), "3")
        XCTAssertEqual(CSVFormat.value("-"), "\"'-\"")
        XCTAssertEqual(CSVFormat.value("-1e"), "\"'-1e\"")
        XCTAssertEqual(CSVFormat.value("{2026: -0.02}"), "{2026: -0.02}")
        XCTAssertEqual(CSVFormat.value("=1"), "\"'=1\"")
    }

    func testTheReportsReaderGetsTheUsersNamesBack() {
        let names = ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-2", "@SUM(A1)", "\tWest", "'quoted", "plain", "-North, East"]
        let text = CSVFormat.row(["zone", "mean"]) + names.map { CSVFormat.row([$0]).dropLast() + ",-1.5\n" }.joined()
        let csv = ResultsCSV(data: Data(text.utf8))
        XCTAssertEqual(csv.rows.map { $0[0] }, names)
        XCTAssertEqual(csv.rows.map { $0[1] }, Array(repeating: "-1.5", count: names.count))
        XCTAssertEqual(names.map { CSVFormat.original(CSVFormat.neutralised($0)) }, names)
    }
}
