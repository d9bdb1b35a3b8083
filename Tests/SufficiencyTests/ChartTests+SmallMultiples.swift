import XCTest
@testable import Sufficiency

/// Charts with many series: small multiples from four series on, overlays that never blend
/// into colours the legend does not show, and names shown whole.
extension ChartTests {
    private func fanSeries(_ count: Int, points: Int) -> [FanSeries] {
        (0..<count).map { k in
            // Two series that coincide: the same median.
            let median = (0..<points).map { 100 + Double(k / 2) * 30 + Double($0) * 2 }
            return FanSeries(name: "Option \(k + 1)", p05: median.map { $0 - 20 }, p25: median.map { $0 - 8 },
                             p50: median, p75: median.map { $0 + 8 }, p95: median.map { $0 + 20 })
        }
    }

    func testFourOrMoreSeriesDrawSmallMultiplesOnSharedScales() throws {
        XCTAssertEqual(Chart.smallMultiplesFrom, 4)
        let dates = monthly(from: 2024, 4, count: 12)
        let fan = try parse(Chart.fan(title: "Unmet need by month", unit: .hoursPerWeek, dates: dates,
                                      series: fanSeries(4, points: 12), valueLabel: "Unmet need (hours a week)"))
        var values: [(name: String, values: [Double])] = []
        for k in 0..<5 {
            let spread: [Double] = (0..<40).map { Double($0) * 10_000 }
            values.append((name: "Option \(k + 1)", values: spread.map { $0 + 1_000_000 + Double(k) * 50_000 }))
        }
        let histogram = try parse(Chart.histogram(title: "Spend", unit: .pounds, series: values,
                                                  valueLabel: "Spend over the run (£)", countLabel: "replications"))
        let cases: [(String, Node, Int)] = [("fan", fan, 4), ("histogram", histogram, 5)]
        for (kind, root, count) in cases {
            let titles = root.all { $0.hasClass("panel-title") }
            let expectedNames: [String] = (1...count).map { "Option \($0)" }
            XCTAssertEqual(titles.compactMap { $0.attributes["data-series"] }, expectedNames, kind)
            // Each panel's title is written in its option's colour.
            let fills: [String?] = titles.map { title in title.first { $0.name == "text" }?.attributes["fill"] }
            let colours: [String?] = (0..<count).map { Palette.colour(at: $0) }
            XCTAssertEqual(fills, colours, kind)
            // One series a panel: every series' marks start in a panel of their own, two columns.
            let groups = root.all { $0.hasClass("series") }
            XCTAssertEqual(groups.count, count, kind)
            var spans: [ClosedRange<Double>] = []
            for group in groups {
                let xs: [Double] = group.all { $0.name == "rect" || $0.name == "path" }.flatMap { node -> [Double] in
                    if let x = Double(node.attributes["x"] ?? ""), let w = Double(node.attributes["width"] ?? "") {
                        return [x, x + w]
                    }
                    return (node.attributes["d"] ?? "").split(whereSeparator: { " MLZ".contains($0) })
                        .compactMap { $0.split(separator: ",").first.flatMap { Double($0) } }
                }
                spans.append((xs.min() ?? 0)...(xs.max() ?? 0))
            }
            // Panels two to a row: the first and third in the left column, the second right of both.
            XCTAssertLessThan(spans[0].upperBound, spans[1].lowerBound, kind)
            XCTAssertLessThan(spans[2].upperBound, spans[1].lowerBound, kind)
            XCTAssertLessThan(spans[2].upperBound, spans[3].lowerBound, kind)
            // The rows share one value scale: each labelled row's ticks are the same.
            let ticks = texts(root, "axis-y", "tick")
            let rows = (count + 1) / 2
            XCTAssertEqual(ticks.count % rows, 0, kind)
            let perRow = ticks.count / rows
            for row in 0..<rows {
                XCTAssertEqual(Array(ticks[(row * perRow)..<(row * perRow + perRow)]), Array(ticks[0..<perRow]), kind)
            }
        }
        XCTAssertEqual(texts(fan, "axis-y", "axis-label"), ["Unmet need (hours a week)"])
        XCTAssertEqual(Set(texts(histogram, "axis-x", "axis-label")), ["Spend over the run (£)"])
        XCTAssertEqual(texts(histogram, "axis-y", "axis-label"), ["replications"])
        // Panels are filled bands of one option: nothing overlaps to blend.
        XCTAssertEqual(fan.all { $0.hasClass("band") }.count, 8)
    }

    func testOverlaidLinesAreToldApartAndBandsDoNotBlend() throws {
        let svg = Chart.fan(title: "Unmet need", unit: .hoursPerWeek, dates: monthly(from: 2024, 4, count: 12),
                            series: fanSeries(3, points: 12))
        let root = try parse(svg)
        let medians = root.all { $0.hasClass("median") }
        XCTAssertEqual(medians.count, 3)
        // Options 1 and 2 coincide; each line has its own dash pattern and marker shape.
        XCTAssertEqual(Set(medians.map { $0.attributes["stroke-dasharray"] ?? "solid" }).count, 3)
        var shapes: [Set<String>] = []
        for k in 1...3 {
            let marks = series(root, "Option \(k)").filter { $0.hasClass("marker") }
            shapes.append(Set(marks.map { $0.name }))
        }
        XCTAssertTrue(shapes.allSatisfy { $0.count == 1 })
        XCTAssertEqual(Set(shapes.flatMap { $0 }).count, 3, "each series marks its points with its own shape")
        // No translucent fills in the plot, so no blend a legend cannot show; the key says what the edges are.
        let plot = try XCTUnwrap(root.first { $0.hasClass("plot") })
        XCTAssertTrue(plot.all { $0.attributes["fill-opacity"] != nil }.isEmpty)
        XCTAssertEqual(root.all { $0.hasClass("key-item") }.count, 3)
    }

    func testLongZoneNamesWrapAndAreNeverCut() throws {
        let zones = ["Chippenham, Corsham & Calne with its villages", "Royal Wootton Bassett & Cricklade", "Tisbury"]
        let svg = Chart.zones(title: "Unmet need by zone", unit: .hoursPerWeek, zones: zones,
                              series: [BarSeries(name: "A", values: [1, 2, 3])], valueLabel: "Unmet need (hours a week)")
        XCTAssertFalse(svg.contains("…"))
        let root = try parse(svg)
        let ticks = root.all { $0.hasClass("axis-x") }.first?.all { $0.name == "text" && $0.hasClass("tick") } ?? []
        XCTAssertEqual(ticks.count, 3)
        let shown: [String] = ticks.map { tick in
            tick.children.isEmpty ? tick.text : tick.children.map { $0.text }.joined(separator: " ")
        }
        XCTAssertEqual(shown, zones, "every name whole")
        XCTAssertGreaterThan(ticks[0].children.count, 1, "a long name wraps onto lines")
        // Each line fits the panel's width (the layout's estimate of text width).
        let room = try XCTUnwrap(Double(ticks[0].attributes["data-width"] ?? ""))
        for line in ticks[0].children.map({ $0.text }) {
            XCTAssertLessThanOrEqual(ChartStyle.textWidth(line, size: ChartStyle.tickSize), room)
        }
        XCTAssertEqual(texts(root, "axis-y", "axis-label"), ["Unmet need (hours a week)"])
    }

    func testOverlaidHistogramBarsSitSideBySide() throws {
        let svg = Chart.histogram(title: "Spend", unit: .pounds,
                                  series: [(name: "A", values: [1, 2, 2, 3]), (name: "B", values: [1, 2, 3, 3])], bins: 3)
        let root = try parse(svg)
        let a = series(root, "A").filter { $0.hasClass("bin") }, b = series(root, "B").filter { $0.hasClass("bin") }
        XCTAssertEqual(a.count, 3)
        XCTAssertEqual(b.count, 3)
        for (x, y) in zip(a, b) {
            XCTAssertLessThanOrEqual(x.number("x") + x.number("width"), y.number("x"), "B's bar beside A's, not over it")
            XCTAssertNil(x.attributes["fill-opacity"])
        }
    }
}
