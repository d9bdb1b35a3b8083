import Foundation
import XCTest
@testable import Sufficiency

/// The pieces that write results rows in place must give the bytes the plain formatting path
/// (`CSVFormat.row` for text, `CSVFormat.number`, `String(n)`) gives.
final class CSVRowTests: XCTestCase {
    private let texts = ["Wiltshire", "", "Bath, North East Somerset", "the \"framework\" option",
                         "two\nlines", "cr\rhere", "£ per hour", "whole run", "=HYPERLINK(\"x\")", "-North"]
    private let numbers: [Double] = [0, -0.0, 0.1, -2.5, 27_567_548, 1_234.567_890_1, 2.5e-7, -1e-9,
                                     0.000_000_6, 8_999_999_999_999.5, 9e12, -9.5e12, 1e20, 1.7e308,
                                     .nan, .infinity, -.infinity, 123_456.000_001, 99.999_999_5]
    private let integers = [0, 7, -7, 10, 99, 100, 1_000_000, Int.max, Int.min]

    func testRowMatchesPlainFormatting() throws {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("csvrow-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let header = ["a", "b", "c", "d", "e"]
        let table = CSVFieldTable(texts.map { CSVFields([$0, "unit"]) })
        var expected = CSVFormat.row(header)

        let csv = try CSVFileWriter(url: url, header: header)
        try table.withEntries { entries in
            for (i, text) in texts.enumerated() {
                for x in numbers {
                    let n = integers[i % integers.count]
                    let head = CSVFields([text])
                    try csv.row(atMost: head.bytes.count + 1 + table.longestEntry
                                + CSVRow.integerRoom + CSVRow.numberRoom) { row in
                        row.append(head)
                        row.append(entries, i)
                        row.integer(n)
                        row.number(x)
                    }
                    // Numbers are not text: a row of text fields, then the numbers as written.
                    expected += CSVFormat.row([text, text, "unit"]).dropLast() + "," + String(n) + ","
                        + CSVFormat.number(x) + "\n"
                }
            }
        }
        try csv.close()
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), expected)
    }

    func testFieldsJoinLikeARow() {
        let joined = CSVFields(CSVFields(Array(texts.prefix(3))), CSVFields(Array(texts.suffix(texts.count - 3))))
        XCTAssertEqual(joined.count, texts.count)
        XCTAssertEqual(String(decoding: joined.bytes, as: UTF8.self) + "\n", CSVFormat.row(texts))
        XCTAssertEqual(CSVFields(CSVFields([]), CSVFields(["x"])).bytes, Array("x".utf8))
        XCTAssertEqual(CSVFields(["", "", ""]).bytes, Array(",,".utf8))
    }

    func testNumbersMatchTheDigitByDigitFormatting() {
        // The formatting as it was before numbers were written in place, one digit at a time.
        func reference(_ x: Double) -> String {
            guard x.isFinite else { return "" }
            let scaled = (abs(x) * 1_000_000).rounded(.toNearestOrEven)
            guard scaled < 9.0e18 else {
                var text = String(format: "%.6f", x)
                while text.hasSuffix("0") { text.removeLast() }
                if text.hasSuffix(".") { text.removeLast() }
                return text
            }
            let units = UInt64(scaled)
            if units == 0 { return "0" }
            var fraction = String(units % 1_000_000)
            fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
            while fraction.hasSuffix("0") { fraction.removeLast() }
            return (x < 0 ? "-" : "") + String(units / 1_000_000) + (fraction.isEmpty ? "" : "." + fraction)
        }
        var values = numbers
        var state: UInt64 = 42
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let magnitude = Double(state >> 11) / Double(1 << 53) * 1e13
            let digits = Double(Int(state >> 60))
            values.append((state & 1 == 0 ? 1 : -1) * (magnitude / pow(10, digits)).rounded() / 1e6 * 1e6)
            values.append((state & 2 == 0 ? 1 : -1) * magnitude / pow(10, digits))
        }
        for x in values { XCTAssertEqual(CSVFormat.number(x), reference(x), "\(x)") }
        for n in integers { XCTAssertEqual(CSVRowTests.integerText(n), String(n)) }
    }

    private static func integerText(_ n: Int) -> String {
        var bytes = [UInt8](repeating: 0, count: 20)
        let length = bytes.withUnsafeMutableBufferPointer { CSVFormat.writeInteger(n, to: $0.baseAddress!) }
        return String(decoding: bytes.prefix(length), as: UTF8.self)
    }

    func testDatesMatchFoundationCalendar() {
        var days = Array(stride(from: -135_080, through: 2_932_896, by: 97))
        days += [-135_081, -135_080, -1, 0, 1, 11_016, 19_448, 2_932_896, 2_932_897, -200_000]
        for day in days {
            let date = Date(timeIntervalSince1970: Double(day) * 86_400 + 43_200)
            XCTAssertEqual(CSVFormat.date(date), CSVFormat.foundationDate(date), "day \(day)")
        }
    }
}
