import Foundation
import XCTest
@testable import Sufficiency

final class CSVFormatTests: XCTestCase {
    func testNumbers() {
        XCTAssertEqual(CSVFormat.number(27_567_548), "27567548")
        XCTAssertEqual(CSVFormat.number(0.1), "0.1")
        XCTAssertEqual(CSVFormat.number(-0.0), "0")
        XCTAssertEqual(CSVFormat.number(1e-9), "0")
        XCTAssertEqual(CSVFormat.number(-1e-9), "0")
        XCTAssertEqual(CSVFormat.number(-2.5), "-2.5")
        XCTAssertEqual(CSVFormat.number(1_234.567_890_1), "1234.56789")
        XCTAssertEqual(CSVFormat.number(0.000_000_6), "0.000001")
        XCTAssertEqual(CSVFormat.number(100), "100")
        XCTAssertEqual(CSVFormat.number(1e20), "100000000000000000000")
        XCTAssertEqual(CSVFormat.number(.nan), "")
        XCTAssertEqual(CSVFormat.number(.infinity), "")
        XCTAssertEqual(CSVFormat.number(-.infinity), "")
    }

    func testFieldQuoting() {
        XCTAssertEqual(CSVFormat.field("Wiltshire"), "Wiltshire")
        XCTAssertEqual(CSVFormat.field(""), "")
        XCTAssertEqual(CSVFormat.field("Bath, North East Somerset"), "\"Bath, North East Somerset\"")
        XCTAssertEqual(CSVFormat.field("the \"framework\" option"), "\"the \"\"framework\"\" option\"")
        XCTAssertEqual(CSVFormat.field("two\nlines"), "\"two\nlines\"")
        XCTAssertEqual(CSVFormat.field("cr\rhere"), "\"cr\rhere\"")
    }

    func testRowQuotesFieldsAndEndsWithNewline() {
        XCTAssertEqual(CSVFormat.row(["option", "zone", "hours"]), "option,zone,hours\n")
        XCTAssertEqual(CSVFormat.row(["a,b", CSVFormat.number(0.5), ""]), "\"a,b\",0.5,\n")
        XCTAssertEqual(CSVFormat.row(["-a", "b"]), "\"'-a\",b\n", "every field of a row is text, neutralised like a name")
        XCTAssertEqual(CSVFormat.row([]), "\n")
    }

    func testDateIsUTCCalendarDate() {
        XCTAssertEqual(CSVFormat.date(Date(timeIntervalSince1970: 0)), "1970-01-01")
        XCTAssertEqual(CSVFormat.date(Date(timeIntervalSince1970: 86_399)), "1970-01-01")
        XCTAssertEqual(CSVFormat.date(Date(timeIntervalSince1970: 86_400)), "1970-01-02")
        XCTAssertEqual(CSVFormat.date(Date(timeIntervalSince1970: 1_700_000_000)), "2023-11-14")
        XCTAssertEqual(CSVFormat.date(Date(timeIntervalSince1970: 951_782_400)), "2000-02-29")
    }
}
