import Foundation
@testable import Sufficiency
import XCTest

/// The report's reader of results files: quoting undone, rows filtered before they are read.
final class ResultsCSVTests: XCTestCase {
    private let text = "option,window,zone,measure,mean\r\n"
        + "a,period,all,spend,1.5\n"
        + "a,period,\"Corsham, Calne\",spend,2\n"
        + "a,horizon,\"Say \"\"hello\"\"\",spend,3\n"
        + "a,horizon,all,\"unmet\nhours\",4"

    func testFieldsAreUnquotedAndLineEndingsIgnored() {
        let csv = ResultsCSV(data: Data(text.utf8))
        XCTAssertEqual(csv.header, ["option", "window", "zone", "measure", "mean"])
        XCTAssertEqual(csv.rows.count, 4)
        XCTAssertEqual(csv.rows[1], ["a", "period", "Corsham, Calne", MeasureName.spend, "2"])
        XCTAssertEqual(csv.rows[2][2], "Say \"hello\"")
        XCTAssertEqual(csv.rows[3][3], "unmet\nhours")
        XCTAssertEqual(csv.rows[3][4], "4")
        XCTAssertEqual(csv.column("mean"), 4)
    }

    func testRowsAreKeptOnlyWhenTheFilterAccepts() {
        let csv = ResultsCSV(data: Data(text.utf8)) { header in
            let zone = header.firstIndex(of: "zone")!, window = header.firstIndex(of: "window")!
            return { $0.field(zone, is: "all") || $0.field(window, is: "horizon") }
        }
        XCTAssertEqual(csv.rows.map { $0[4] }, ["1.5", "3", "4"], "the period row of a zone is left out")
        let none = ResultsCSV(data: Data(text.utf8)) { _ in { $0.field(99, is: "x") } }
        XCTAssertEqual(none.rows.count, 0)
        XCTAssertEqual(none.header.count, 5)
    }

    /// Lines without quotes are split only when kept or asked about: their fields, empty ones,
    /// a Windows line end and a last line without one must read as the byte-by-byte reader reads them.
    func testUnquotedLinesAreReadAlikeWhetherKeptOrFiltered() throws {
        let text = "a,b,c\r\nx,,z\r\n\r\n,only,\nlast,\"q\",end"
        let all = ResultsCSV(data: Data(text.utf8))
        XCTAssertEqual(all.rows, [["x", "", "z"], [""], ["", "only", ""], ["last", "q", "end"]])
        let filtered = ResultsCSV(data: Data(text.utf8)) { _ in
            { $0.field(2, is: "z") || $0.field(1, is: "only") || $0.field(2, is: "end") }
        }
        XCTAssertEqual(filtered.rows, [["x", "", "z"], ["", "only", ""], ["last", "q", "end"]],
                       "the last field is matched without its carriage return")
        let beyond = ResultsCSV(data: Data(text.utf8)) { _ in { $0.field(3, is: "") || $0.field(-1, is: "x") } }
        XCTAssertEqual(beyond.rows.count, 0, "fields past the end, or a missing column (-1), match nothing")

        let url = FileManager.default.temporaryDirectory.appendingPathComponent("results-csv-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        XCTAssertEqual(ResultsCSV(url: url)?.rows, all.rows, "a file is read (mapped) as its bytes are")
        XCTAssertNil(ResultsCSV(url: url.appendingPathExtension("missing")))
    }

    /// Read in two halves at once, a file gives the rows it gives read in one go, whether the
    /// middle falls in a quoted field that holds line breaks or not, and whatever the filter.
    func testAFileReadInTwoHalvesGivesTheRowsOfOneRead() {
        var text = "option,window,zone,measure,mean\n"
        for i in 0..<400 {
            let zone = i % 7 == 0 ? "\"Corsham,\nCalne \"\"north\"\"\n\"" : (i % 3 == 0 ? "all" : "Zone \(i % 5)")
            text += "o\(i % 2),\(i % 4 == 0 ? "horizon" : "period"),\(zone),m\(i),\(i)\n"
        }
        let data = Data(text.utf8)
        let filter: ([String]) -> (ResultsCSV.RawRow) -> Bool = { header in
            let zone = header.firstIndex(of: "zone")!, window = header.firstIndex(of: "window")!
            return { $0.field(zone, is: "all") || $0.field(window, is: "horizon") }
        }
        let whole = ResultsCSV(data: data, splitSize: .max)
        XCTAssertEqual(whole.rows.count, 400)
        XCTAssertEqual(whole.rows[0][2], "Corsham,\nCalne \"north\"\n")
        // Every place the middle could fall: the split moves to the next line break outside quotes.
        for cut in stride(from: 0, through: data.count, by: 97) {
            let prefix = data.prefix(cut)
            let one = ResultsCSV(data: prefix, splitSize: .max), two = ResultsCSV(data: prefix, splitSize: 1)
            XCTAssertEqual(two.header, one.header, "cut at \(cut)")
            XCTAssertEqual(two.rows, one.rows, "cut at \(cut)")
            XCTAssertEqual(ResultsCSV(data: prefix, keep: filter, splitSize: 1).rows,
                           ResultsCSV(data: prefix, keep: filter, splitSize: .max).rows, "cut at \(cut), filtered")
        }
    }
}
