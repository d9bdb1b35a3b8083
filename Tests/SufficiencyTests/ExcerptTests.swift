import Sufficiency
import XCTest

/// Messages quote at most 60 characters of a value, on one line, and the part of two long
/// values that tells them apart.
final class ExcerptTests: XCTestCase {
    func testShortValuesAreQuotedWholeAndLongOnesInPart() {
        XCTAssertEqual(Excerpt.of("1000001"), "1000001")
        XCTAssertEqual(Excerpt.of(String(repeating: "x", count: 60)), String(repeating: "x", count: 60))
        XCTAssertEqual(Excerpt.of(String(repeating: "x", count: 5_000_000)), String(repeating: "x", count: 60) + "…")
        XCTAssertEqual(Excerpt.of("root:x:0:0\nroot\u{7f}"), "root:x:0:0?root?")
    }

    func testTwoLongValuesAreQuotedWhereTheyDiffer() {
        let a = "{\"input\":\"uplift.rate\",\"probability\":0.9,\"range\":[0,0.1],\"tolerance\":0.001,\"windows\":\"horizon\"}"
        let b = a.replacingOccurrences(of: "0.001", with: "0.0005")
        let (x, y) = Excerpt.ofDifference(a, b)
        XCTAssertTrue(x.hasPrefix("…") && x.contains("\"tolerance\":0.001"), x)
        XCTAssertTrue(y.contains("\"tolerance\":0.0005"), y)
        XCTAssertLessThanOrEqual(y.count, 62)
        XCTAssertEqual(Excerpt.ofDifference("5", "6").0, "5")
    }
}
