import Foundation

/// results.xlsx, written with the CSV files when a run asks for it (`--xlsx`): the headline
/// comparison, financial-year tables by option (and by zone), the finance tables, native Excel
/// charts and an About sheet. Every number is read from the same summaries as summary.csv,
/// comparison.csv and providers.csv, in its own unit (pounds, shares), shown with a number format;
/// the CSV files round to six decimals, the workbook keeps full precision. Names users chose
/// (scenario, options, zones, providers) are written as strings, never as formulas. The same
/// run gives the same bytes: the workbook's creation date is the scenario's first day.
/// See docs/OUTPUTS.md, "results.xlsx".
enum ResultsWorkbook {
    static let file = "results.xlsx"

    /// What every sheet is built from.
    struct Source {
        let results: RunResults
        let runner: Runner
        let manifest: Manifest

        var layout: ResultLayout { results.layout }

        /// The headline rows the terminal table shows, for the measures this run has.
        var headlineRows: [HeadlineTable.Row] {
            layout.highlights.headline.filter { row in
                layout.measures.all.contains { $0.name == row.measure }
            }
        }

        func measureIndex(_ name: String) -> Int? { layout.measures.all.firstIndex { $0.name == name } }

        /// A cell's summary across replications; nil when no replication gave it a value.
        func summary(option: Int, window: Int, zoneSlot: Int = 0, measure: Int) -> Summary? {
            let s = results.summaries.summary(layout.cell(option: option, window: window, zoneSlot: zoneSlot, measure: measure))
            return s.n > 0 ? s : nil
        }

        /// The financial-year windows, in order.
        var years: [Int] { layout.windows.indices.filter { layout.windows[$0].kind == .financialYear } }

        func label(_ w: Int) -> String {
            WindowLabel.label(layout.windows[w], calendar: runner.calendar, period: runner.scenario.calendar.period)
        }

        func dates(_ w: Int) -> (String, String) { WindowLabel.dates(layout.windows[w], calendar: runner.calendar) }
    }

    /// Writes the workbook at `url`.
    static func write(_ results: RunResults, runner: Runner, manifest: Manifest, to url: URL) throws {
        let source = Source(results: results, runner: runner, manifest: manifest)
        let book = try Workbook(path: url.path, title: runner.scenario.name + ": results",
                                created: runner.calendar.date(ofDay: 0))
        let headline = try book.addSheet("Headline")
        let charts = try book.addSheet("Charts")
        let years = try book.addSheet("Years")
        let zones = source.layout.zoneNames.count > 1 ? try book.addSheet("Years by zone") : nil
        let finance = try book.addSheet("Finance")
        let providers = !source.layout.hasProviders ? nil : try book.addSheet("Providers")
        let about = try book.addSheet("About")

        try writeHeadline(source, on: headline)
        let yearRows = try writeYears(source, on: years)
        if let zones { try writeZoneYears(source, on: zones) }
        try writeFinance(source, on: finance)
        if let providers { try writeProviders(source, on: providers) }
        try writeCharts(source, on: charts, in: book, years: yearRows)
        try writeAbout(source, on: about)
        try book.close()
    }

    /// The three columns of a summary: mean, then the 95% confidence interval of the mean.
    static let intervalHeader = ["mean", "ci95_low", "ci95_high"]

    /// Writes a summary's mean and interval from `column`; blank cells when there is none.
    static func writeInterval(_ s: Summary?, on sheet: Worksheet, row: Int, column: Int, style: CellStyle) throws {
        guard let s else { return }
        try sheet.write(s.mean, row: row, column: column, style: style)
        try sheet.write(s.ciLow, row: row, column: column + 1, style: style)
        try sheet.write(s.ciHigh, row: row, column: column + 2, style: style)
    }

    /// The About sheet: what produced the workbook, from the manifest (without the start time
    /// and thread count, which differ from run to run).
    static func writeAbout(_ source: Source, on sheet: Worksheet) throws {
        let m = source.manifest
        let scenario = source.runner.scenario
        let calendar = source.runner.calendar
        var rows: [(String, String)] = [
            ("Scenario", scenario.name),
            ("Description", scenario.description),
            ("Scenario file", m.scenarioFile),
            ("Scenario file SHA-256", m.scenarioSHA256),
            ("Seed", String(m.seed)),
            ("Replications", String(m.replications)),
            ("First day", CSVFormat.date(calendar.date(ofDay: 0))),
            ("Last day", CSVFormat.date(calendar.date(ofDay: scenario.calendar.horizonDays - 1))),
        ]
        rows += m.options.map { ("Option", $0) }
        let overrides = m.overrides ?? []
        rows += overrides.isEmpty ? [("Overrides (--set)", "none")] : overrides.map { ("Override (--set)", $0) }
        rows += (m.mergedShards ?? []).map { ("Merged shard", $0) }
        rows += [
            ("Sufficiency version", m.sufficiencyVersion),
            ("Swift", m.swiftVersion),
            ("GSL", m.gslVersion),
            ("libxlsxwriter", Workbook.libraryVersion),
            ("Numbers", "Means across replications with their 95% confidence intervals, in each measure's unit, "
                + "as summary.csv gives them (which rounds to six decimals). See docs/OUTPUTS.md."),
        ]
        try sheet.writeHeader(["Item", "Value"], row: 0)
        for (i, (key, value)) in rows.enumerated() {
            try sheet.write(key, row: i + 1, column: 0, style: .title)
            try sheet.write(value, row: i + 1, column: 1)
        }
        try sheet.setWidth(24, columns: 0)
        try sheet.setWidth(90, columns: 1)
        sheet.freeze(rows: 1)
    }
}
