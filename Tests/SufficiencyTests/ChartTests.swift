import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import Sufficiency

final class ChartTests: XCTestCase {
    // MARK: - Geometry

    func testScaleMapsValuesToPixels() {
        // An axis 0–100 on a plot 200 pixels high, its top 20 pixels down the image.
        let y = Scale(domain: (0, 100), range: (220, 20))
        XCTAssertEqual(y(0), 220)
        XCTAssertEqual(y(100), 20)
        XCTAssertEqual(y(50), 120)
        let bar = BarGeometry.vertical(50, y: y)
        XCTAssertEqual(bar.y, 120)
        XCTAssertEqual(bar.height, 100)
        let negative = BarGeometry.vertical(-25, y: Scale(domain: (-50, 50), range: (220, 20)))
        XCTAssertEqual(negative.y, 120, "a negative bar hangs from zero")
        XCTAssertEqual(negative.height, 50)
        XCTAssertEqual(Scale(domain: (5, 5), range: (0, 100))(5), 50, "a zero-width domain maps to the middle")
    }

    func testBarHeightsInTheRenderedChart() throws {
        let svg = Chart.bars(title: "Spend", unit: .pounds, groups: ["2024/25"],
                             series: [BarSeries(name: "A", values: [50], low: [40], high: [60]),
                                      BarSeries(name: "B", values: [100], low: [.nan], high: [.nan])])
        let root = try parse(svg)
        let area = try XCTUnwrap(root.first { $0.hasClass("plot-area") })
        let top = area.number("y"), height = area.number("height")
        let a = try XCTUnwrap(series(root, "A").first { $0.hasClass("bar") })
        let b = try XCTUnwrap(series(root, "B").first { $0.hasClass("bar") })
        // The axis runs 0 to 100: a bar of 50 is half the plot high and ends at its middle.
        XCTAssertEqual(a.number("height"), height / 2, accuracy: 0.01)
        XCTAssertEqual(a.number("y"), top + height / 2, accuracy: 0.01)
        XCTAssertEqual(b.number("height"), height, accuracy: 0.01)
        XCTAssertEqual(b.number("y"), top, accuracy: 0.01)
        // A's interval 40–60 is an error bar with two caps; B's missing interval draws none.
        let errors = series(root, "A").filter { $0.name == "line" }
        XCTAssertEqual(errors.count, 3)
        let stem = try XCTUnwrap(errors.first)
        XCTAssertEqual(stem.number("y1"), top + height * 0.6, accuracy: 0.01)
        XCTAssertEqual(stem.number("y2"), top + height * 0.4, accuracy: 0.01)
        XCTAssertTrue(series(root, "B").allSatisfy { $0.name != "line" })
        XCTAssertEqual(texts(root, "axis-x", "axis-label"), ["financial year"])
    }

    func testFanMedianStartsAtTheLeftEdge() throws {
        let dates = monthly(from: 2024, 4, count: 12)
        let median = (0..<12).map { 50 + Double($0) * 4 }  // 50 … 94, so the axis runs 0 to 100
        let svg = Chart.fan(title: "Unmet need", unit: .hoursPerWeek, dates: dates,
                            series: [FanSeries(name: "Framework", p05: median.map { $0 - 20 }, p25: median.map { $0 - 10 },
                                               p50: median, p75: median.map { $0 + 5 }, p95: median.map { $0 + 6 })])
        let root = try parse(svg)
        let area = try XCTUnwrap(root.first { $0.hasClass("plot-area") })
        let path = try XCTUnwrap(series(root, "Framework").first { $0.hasClass("median") })
        let d = path.attributes["d"] ?? ""
        XCTAssertTrue(d.hasPrefix("M"))
        let first = d.dropFirst().prefix { $0 != " " }.split(separator: ",").compactMap { Double($0) }
        XCTAssertEqual(first.count, 2)
        XCTAssertEqual(first[0], area.number("x"), accuracy: 0.01)
        XCTAssertEqual(first[1], area.number("y") + area.number("height") * 0.5, accuracy: 0.01)
        // The last point is at the right edge.
        let last = d.split(separator: " ").last.map { $0.dropFirst().split(separator: ",").compactMap { Double($0) } }
        XCTAssertEqual(try XCTUnwrap(last?.first), area.number("x") + area.number("width"), accuracy: 0.01)
        let ticks = texts(root, "axis-y", "tick")
        XCTAssertEqual(ticks.first, "0")
        XCTAssertEqual(ticks.last, "100")
        XCTAssertEqual(texts(root, "axis-y", "axis-label"), ["hours a week"])
        XCTAssertEqual(series(root, "Framework").filter { $0.hasClass("band") }.count, 2)
    }

    func testMissingValuesBreakTheLine() throws {
        let dates = monthly(from: 2024, 4, count: 5)
        let values = [10, 12, .nan, 14, .infinity]
        let svg = Chart.fan(title: "Gaps", unit: .people, dates: dates,
                            series: [FanSeries(name: "A", p05: values, p25: values, p50: values, p75: values, p95: values)])
        let root = try parse(svg)
        let d = try XCTUnwrap(series(root, "A").first { $0.hasClass("median") }?.attributes["d"])
        XCTAssertEqual(d.filter { $0 == "M" }.count, 2, "two pieces either side of the gap")
        XCTAssertTrue(d.hasSuffix("h0"), "a lone point is a dot")
        let band = try XCTUnwrap(series(root, "A").first { $0.hasClass("band-50") }?.attributes["d"])
        XCTAssertEqual(band.filter { $0 == "Z" }.count, 2)
        XCTAssertNoNonFinite(svg)
    }

    func testLongGroupLabelsTurnAndStayInside() throws {
        let groups = ["framework lot one", "framework lot two", "spot purchase", "direct payment",
                      "individual service fund", "block contract with a very long name indeed"]
        let svg = Chart.bars(title: "Placements by route", unit: .people, groups: groups,
                             series: [BarSeries(name: "A", values: [1, 2, 3, 4, 5, 6])])
        let root = try parse(svg)
        let ticks = root.all { $0.hasClass("axis-x") }.first?.all { $0.hasClass("tick") } ?? []
        XCTAssertEqual(ticks.count, groups.count)
        XCTAssertTrue(ticks.allSatisfy { ($0.attributes["transform"] ?? "").hasPrefix("rotate(-35 ") })
        XCTAssertEqual(ticks.last?.text, "block contract with a very long name indeed", "shown whole, never cut")
        // The first label, turned, ends at its group's centre and runs left: it must fit.
        let first = try XCTUnwrap(ticks.first)
        let reach = ChartStyle.textWidth(groups[0], size: ChartStyle.tickSize) * 0.819
        XCTAssertGreaterThanOrEqual(first.number("x") - reach, ChartStyle.margin - 0.01)
        XCTAssertEqual(texts(root, "axis-x", "axis-label"), [""], "groups that are not years need no axis title")
    }

    // MARK: - Ticks

    func testNiceTicks() {
        XCTAssertEqual(NiceTicks(covering: 0, 100).values, [0, 20, 40, 60, 80, 100])
        let pounds = NiceTicks(covering: 0, 1_180_000)
        XCTAssertEqual(pounds.step, 250_000)
        XCTAssertEqual(pounds.upper, 1_250_000)
        let signed = NiceTicks(covering: -3.2, 7.9)
        XCTAssertEqual(signed.step, 2.5)
        XCTAssertEqual(signed.lower, -5)
        XCTAssertEqual(signed.upper, 10)
        let small = NiceTicks(covering: 0.0013, 0.0087)
        XCTAssertEqual(small.step, 0.002, accuracy: 1e-12)
        XCTAssertEqual(small.lower, 0)
        XCTAssertEqual(small.upper, 0.01, accuracy: 1e-12)
        XCTAssertEqual(NiceTicks(covering: 0, 3, integers: true).values, [0, 1, 2, 3])
        XCTAssertEqual(NiceTicks(covering: 0, 0).values, [0, 0.2, 0.4, 0.6000000000000001, 0.8, 1])
        XCTAssertEqual(NiceTicks(covering: .nan, 3).values.first, 0)
        for (low, high) in [(0.0, 7.3), (12.0, 980.0), (-4e6, 2e6), (0.31, 0.87)] {
            let ticks = NiceTicks(covering: low, high)
            XCTAssertLessThanOrEqual(ticks.lower, low)
            XCTAssertGreaterThanOrEqual(ticks.upper, high)
            let mantissa = ticks.step / pow(10, log10(ticks.step).rounded(.down))
            XCTAssertTrue([1, 2, 2.5, 5].contains { abs($0 - mantissa) < 1e-9 }, "step \(ticks.step)")
            XCTAssertTrue((3...9).contains(ticks.values.count), "\(ticks.values)")
        }
    }

    func testTickLabels() {
        func labels(_ unit: ValueUnit, _ low: Double, _ high: Double) -> [String] {
            let ticks = NiceTicks(covering: low, high)
            let format = TickFormat(unit: unit, step: ticks.step, largest: max(abs(ticks.lower), abs(ticks.upper)))
            return ticks.values.map(format.label)
        }
        XCTAssertEqual(labels(.pounds, 0, 1_180_000), ["£0", "£0.25m", "£0.5m", "£0.75m", "£1m", "£1.25m"])
        XCTAssertEqual(labels(.pounds, 0, 340_000), ["£0", "£100k", "£200k", "£300k", "£400k"])
        XCTAssertEqual(labels(.pounds, -8_000, 9_000), ["−£10k", "−£5k", "£0", "£5k", "£10k"])
        XCTAssertEqual(labels(.pounds, 0, 4_500), ["£0", "£1,000", "£2,000", "£3,000", "£4,000", "£5,000"])
        XCTAssertEqual(labels(.poundsPerHour, 20, 22.4), ["£20.00", "£20.50", "£21.00", "£21.50", "£22.00", "£22.50"])
        XCTAssertEqual(labels(.share, 0, 0.9), ["0%", "20%", "40%", "60%", "80%", "100%"])
        XCTAssertEqual(labels(.hoursPerWeek, 0, 12_100), ["0", "2,500", "5,000", "7,500", "10,000", "12,500"])
        XCTAssertEqual(labels(.days, 0, 2.2), ["0", "0.5", "1.0", "1.5", "2.0", "2.5"])
        XCTAssertEqual(ValueUnit.poundsPerHour.axisLabel, "£ an hour")
        XCTAssertEqual(ValueUnit.custom("visits").axisLabel, "visits")
    }

    func testDateTicksForFiveYearsAreYears() {
        let start = utc(2024, 4, 1), end = utc(2029, 3, 1)
        let ticks = DateTicks(from: start, to: end, maxTicks: 8)
        XCTAssertEqual(ticks.step, .years(1))
        XCTAssertEqual(ticks.ticks.map(\.label), ["2025", "2026", "2027", "2028", "2029"])
        XCTAssertEqual(ticks.ticks.first?.date, utc(2025, 1, 1))
        // With room for more, half-years on financial-year lines.
        let wide = DateTicks(from: start, to: end, maxTicks: 12)
        XCTAssertEqual(wide.step, .months(6))
        XCTAssertEqual(wide.ticks.prefix(3).map(\.label), ["Apr 2024", "Oct 2024", "Apr 2025"])
    }

    func testDateTicksForSixMonthsAreMonths() {
        let ticks = DateTicks(from: utc(2024, 4, 1), to: utc(2024, 9, 1), maxTicks: 8)
        XCTAssertEqual(ticks.step, .months(1))
        XCTAssertEqual(ticks.ticks.map(\.label), ["Apr 2024", "May 2024", "Jun 2024", "Jul 2024", "Aug 2024", "Sep 2024"])
        XCTAssertEqual(ticks.ticks.last?.date, utc(2024, 9, 1))
        // Weekly dates over a few weeks get day ticks.
        let weeks = DateTicks(from: utc(2024, 4, 3), to: utc(2024, 4, 24), maxTicks: 8)
        XCTAssertEqual(weeks.ticks.first?.label, "3 Apr 2024")
        XCTAssertEqual(DateTicks.civil(DateTicks.daysSince1970(y: 2028, m: 2, d: 29)).day, 29)
    }

    // MARK: - Structure

    func testEveryChartHasItsParts() throws {
        for (kind, svg, units) in sampleCharts() {
            let root = try parse(svg)
            XCTAssertEqual(root.name, "svg", kind)
            XCTAssertEqual(root.attributes["xmlns"], "http://www.w3.org/2000/svg", kind)
            XCTAssertEqual(root.attributes["role"], "img", kind)
            XCTAssertNotNil(root.attributes["viewBox"], kind)
            let titleID = try XCTUnwrap(root.attributes["aria-labelledby"], kind)
            let title = try XCTUnwrap(root.children.first, kind)
            XCTAssertEqual(title.name, "title", kind)
            XCTAssertEqual(title.attributes["id"], titleID, kind)
            XCTAssertEqual(root.all { $0.hasClass("plot") && $0.name == "g" }.count, 1, kind)
            for axis in ["axis-x", "axis-y"] {
                let groups = root.all { $0.name == "g" && $0.hasClass("axis") && $0.hasClass(axis) }
                XCTAssertEqual(groups.count, 1, "\(kind) \(axis)")
                XCTAssertFalse(texts(root, axis, "tick").isEmpty, "\(kind) \(axis) ticks")
                XCTAssertEqual(texts(root, axis, "axis-label").count, 1, "\(kind) \(axis) label")
            }
            XCTAssertEqual(texts(root, units.axis, "axis-label"), [units.label], kind)
            let names = ["Framework", "A & B <test>", "Spot"]
            let seriesGroups = root.all { $0.name == "g" && $0.hasClass("series") }
            XCTAssertEqual(seriesGroups.compactMap { $0.attributes["data-series"] }, names, kind)
            XCTAssertTrue(root.all { $0.hasClass("plot") }.first!.all { $0.hasClass("series") }.count == 3, kind)
            let legend = root.all { $0.name == "g" && $0.hasClass("legend") }
            XCTAssertEqual(legend.count, 1, kind)
            let items = legend[0].all { $0.hasClass("legend-item") }
            XCTAssertEqual(items.compactMap { $0.attributes["data-series"] }, names, kind)
            XCTAssertTrue(items.allSatisfy { item in item.all { $0.hasClass("swatch") || $0.hasClass("swatch-line") }.count == 1
                && item.all { $0.name == "text" }.count == 1 }, kind)
            XCTAssertEqual(items.map { $0.all { $0.name == "text" }.first?.text }, names, kind)
            XCTAssertEqual(items.map { item in item.all { $0.hasClass("swatch") || $0.hasClass("swatch-line") }.first
                .flatMap { $0.attributes["fill"] ?? $0.attributes["stroke"] } },
                           ["#0072B2", "#E69F00", "#009E73"], kind)
            // Escaped in the text, and nothing else made of it.
            XCTAssertTrue(svg.contains("A &amp; B &lt;test&gt;"), kind)
            XCTAssertFalse(svg.contains("A & B"), kind)
            XCTAssertNoNonFinite(svg, kind)
            XCTAssertFalse(svg.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http"), kind)
            XCTAssertFalse(svg.contains("<script"), kind)
            XCTAssertFalse(svg.contains("href"), kind)
            XCTAssertFalse(root.all { $0.hasClass("no-data") }.isEmpty == false, "\(kind) has data")
            // Every coordinate has at most 2 decimals.
            for node in root.all({ _ in true }) {
                for key in ["x", "y", "x1", "y1", "x2", "y2", "width", "height"] {
                    if let v = node.attributes[key] {
                        XCTAssertNotNil(Double(v), "\(kind) \(key)=\(v)")
                        XCTAssertLessThanOrEqual(v.split(separator: ".").dropFirst().first?.count ?? 0, 2, "\(kind) \(v)")
                    }
                }
            }
        }
    }

    func testSeriesDrawTheirMarks() throws {
        let charts = Dictionary(uniqueKeysWithValues: sampleCharts().map { ($0.kind, try! parse($0.svg)) })
        let fan = try XCTUnwrap(charts["fan"])
        // Overlaid, bands are edges (never fills that blend) and the median is marked.
        XCTAssertEqual(series(fan, "Spot").filter { $0.name == "path" }.map { $0.attributes["class"] },
                       ["band-edge band-90", "band-edge band-90", "band-edge band-50", "band-edge band-50", "median"])
        XCTAssertFalse(series(fan, "Spot").contains { $0.hasClass("marker") == false && $0.attributes["fill-opacity"] != nil })
        XCTAssertFalse(series(fan, "Spot").filter { $0.hasClass("marker") }.isEmpty)
        for kind in ["bars", "zones"] {
            let root = try XCTUnwrap(charts[kind])
            XCTAssertFalse(series(root, "Framework").filter { $0.name == "rect" }.isEmpty, kind)
            XCTAssertFalse(series(root, "Framework").filter { $0.name == "line" && $0.hasClass("error") }.isEmpty, kind)
        }
        let zones = try XCTUnwrap(charts["zones"])
        XCTAssertEqual(series(zones, "Spot").filter { $0.name == "rect" }.count, 15, "one bar a zone")
        XCTAssertEqual(texts(zones, "axis-x", "tick").count, 15)
        let histogram = try XCTUnwrap(charts["histogram"])
        let bins = series(histogram, "Framework").filter { $0.name == "rect" }
        XCTAssertFalse(bins.isEmpty)
        XCTAssertTrue(bins.allSatisfy { $0.attributes["fill-opacity"] == nil }, "solid bars side by side, not layers")
    }

    func testEmptyChartsSayNoData() throws {
        let nan = [Double.nan, .infinity]
        let charts = [
            Chart.fan(title: "Empty", unit: .pounds, dates: monthly(from: 2024, 4, count: 2),
                      series: [FanSeries(name: "A", p05: nan, p25: nan, p50: nan, p75: nan, p95: nan)]),
            Chart.fan(title: "No dates", unit: .pounds, dates: [], series: []),
            Chart.bars(title: "Empty", unit: .people, groups: ["x", "y"], series: [BarSeries(name: "A", values: nan, low: nan, high: nan)]),
            Chart.zones(title: "Empty", unit: .share, zones: [], series: [BarSeries(name: "A", values: [], low: [], high: [])]),
            Chart.histogram(title: "Empty", unit: .minutes, series: [(name: "A", values: nan)]),
        ]
        for svg in charts {
            let root = try parse(svg)
            XCTAssertEqual(root.all { $0.hasClass("no-data") }.map(\.text), ["No data"])
            XCTAssertEqual(root.all { $0.hasClass("axis-y") }.count, 1)
            XCTAssertEqual(root.all { $0.hasClass("axis-x") }.count, 1)
            XCTAssertEqual(texts(root, "axis-y", "axis-label").count, 1)
            XCTAssertEqual(root.all { $0.hasClass("legend") }.count, 1)
            XCTAssertNoNonFinite(svg)
        }
    }

    func testRenderingIsDeterministic() {
        let first = sampleCharts().map(\.svg)
        let second = sampleCharts().map(\.svg)
        XCTAssertEqual(first, second)
        // And independent of the title id of another chart: ids differ between titles.
        XCTAssertNotEqual(SVGDocument.hash("a"), SVGDocument.hash("b"))
    }

    func testEscaping() {
        XCTAssertEqual(SVGDocument.escape("A & B <test> \"q\" 'a'"), "A &amp; B &lt;test&gt; &quot;q&quot; &apos;a&apos;")
        XCTAssertEqual(SVGDocument.escape("bell\u{7}"), "bell")
        XCTAssertEqual(SVGDocument.escape("a\u{FFFE}b\u{FFFF}c\u{FFFD}d"), "abc\u{FFFD}d")
        XCTAssertEqual(SVGDocument.escape("tab\tline\nreturn\r"), "tab\tline\nreturn\r")
        XCTAssertEqual(SVGDocument.escape("M12.35,4L7,8 Ystradgynlais ï"), "M12.35,4L7,8 Ystradgynlais ï")
        XCTAssertEqual(ChartNumber.px(-0.001), "0")
        XCTAssertEqual(ChartNumber.px(12.346), "12.35")
        XCTAssertEqual(ChartNumber.px(12.3), "12.3")
        XCTAssertEqual(ChartNumber.px(-7.05), "-7.05")
        XCTAssertEqual(ChartNumber.px(.nan), "0")
    }

    // MARK: - Helpers

    /// One chart of each kind, three series, the second with a name that needs escaping.
    func sampleCharts() -> [(kind: String, svg: String, units: (axis: String, label: String))] {
        let names = ["Framework", "A & B <test>", "Spot"]
        let dates = monthly(from: 2024, 4, count: 60)
        let fan = names.enumerated().map { k, name -> FanSeries in
            let median = (0..<60).map { 900_000 + Double(k) * 60_000 + Double($0) * 4_000 + 30_000 * sin(Double($0) / 2) }
            return FanSeries(name: name, p05: median.map { $0 * 0.8 }, p25: median.map { $0 * 0.92 }, p50: median,
                             p75: median.map { $0 * 1.08 }, p95: median.map { $0 * 1.2 })
        }
        let years = ["2024/25", "2025/26", "2026/27", "2027/28", "2028/29"]
        let bars = names.enumerated().map { k, name in
            let values = years.indices.map { 11_000_000 + Double($0) * 450_000 + Double(k) * 700_000 }
            return BarSeries(name: name, values: values, low: values.map { $0 * 0.96 }, high: values.map { $0 * 1.04 })
        }
        let zoneNames = ["Salisbury", "Amesbury", "Tidworth", "Pewsey", "Marlborough", "Devizes", "Calne",
                         "Chippenham", "Corsham", "Melksham", "Trowbridge", "Bradford on Avon", "Westbury",
                         "Warminster", "Malmesbury"]
        let zones = names.enumerated().map { k, name in
            let values = zoneNames.indices.map { 0.55 + 0.4 * abs(sin(Double($0 + k))) }
            return BarSeries(name: name, values: values, low: values.map { $0 - 0.04 }, high: values.map { min(1, $0 + 0.04) })
        }
        let histogram = names.enumerated().map { k, name in
            (name: name, values: (0..<200).map { 58_000_000 + Double(k) * 1_500_000 + 2_000_000 * sin(Double($0) * 12.9898 + Double(k)) })
        }
        return [
            ("fan", Chart.fan(title: "Spend by month", unit: .pounds, dates: dates, series: fan), ("axis-y", "£")),
            ("bars", Chart.bars(title: "Spend by financial year", unit: .pounds, groups: years, series: bars), ("axis-y", "£")),
            ("zones", Chart.zones(title: "Share of need within the travel-time standard", unit: .share,
                                  zones: zoneNames, series: zones), ("axis-y", "%")),
            ("histogram", Chart.histogram(title: "Spend over the whole run, replication by replication",
                                          unit: .pounds, series: histogram, valueLabel: "Spend over the run (£)",
                                          countLabel: "replications"), ("axis-x", "Spend over the run (£)")),
        ]
    }

    func XCTAssertNoNonFinite(_ svg: String, _ message: String = "", file: StaticString = #filePath, line: UInt = #line) {
        let pattern = try! NSRegularExpression(pattern: "\\b(nan|inf|infinity)\\b", options: [.caseInsensitive])
        let range = NSRange(svg.startIndex..., in: svg)
        XCTAssertNil(pattern.firstMatch(in: svg, range: range), message, file: file, line: line)
    }

    func utc(_ y: Int, _ m: Int, _ d: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        return calendar.date(from: DateComponents(year: y, month: m, day: d))!
    }

    func monthly(from year: Int, _ month: Int, count: Int) -> [Date] {
        (0..<count).map { utc(year + (month - 1 + $0) / 12, (month - 1 + $0) % 12 + 1, 1) }
    }

    /// The elements inside the series group named `name`.
    func series(_ root: Node, _ name: String) -> [Node] {
        root.all { $0.hasClass("series") && $0.attributes["data-series"] == name }.first?.all { _ in true } ?? []
    }

    /// The texts of class `cls` inside the axis group `axis`.
    func texts(_ root: Node, _ axis: String, _ cls: String) -> [String] {
        root.all { $0.name == "g" && $0.hasClass(axis) }.flatMap { $0.all { $0.name == "text" && $0.hasClass(cls) } }
            .map(\.text)
    }

    /// A parsed XML element: enough of a DOM to find things by class.
    final class Node {
        let name: String
        let attributes: [String: String]
        var children: [Node] = []
        var text = ""
        init(name: String, attributes: [String: String]) { self.name = name; self.attributes = attributes }

        func hasClass(_ c: String) -> Bool { (attributes["class"] ?? "").split(separator: " ").contains { $0 == c } }
        func number(_ key: String) -> Double { Double(attributes[key] ?? "") ?? .nan }
        /// Descendants (not self) matching `test`, in document order.
        func all(_ test: (Node) -> Bool) -> [Node] {
            children.flatMap { (test($0) ? [$0] : []) + $0.all(test) }
        }
        func first(_ test: (Node) -> Bool) -> Node? { all(test).first }
    }

    final class TreeBuilder: NSObject, XMLParserDelegate {
        var stack: [Node] = []
        var root: Node?
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let node = Node(name: name, attributes: attributes)
            stack.last?.children.append(node)
            if root == nil { root = node }
            stack.append(node)
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }

    /// Parses `svg` as XML, failing the test if it is not well-formed.
    func parse(_ svg: String) throws -> Node {
        let parser = XMLParser(data: Data(svg.utf8))
        let builder = TreeBuilder()
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw NSError(domain: "ChartTests", code: 1, userInfo: [NSLocalizedDescriptionKey:
                "not well-formed XML: \(parser.parserError.map(String.init(describing:)) ?? "?")"])
        }
        for node in root.all({ _ in true }) { node.text = node.text.trimmingCharacters(in: .whitespacesAndNewlines) }
        return root
    }
}
