import Foundation

/// The report of a results folder: one self-contained HTML page (inline CSS and SVG, no
/// scripts, nothing fetched) in the order a decision-maker reads — what was run, the options
/// compared, how they move over time, by zone, the finance, providers, coverage and day
/// opportunities views where the scenario has them, and how the results were produced (the
/// STRESS-DES headings) — and each chart as its own SVG file for cabinet papers.
public struct Report {
    /// The page.
    public private(set) var html = ""
    /// Each chart: a file name (without folder) and its SVG.
    public private(set) var charts: [(file: String, svg: String)] = []

    let data: ReportData
    private var body = ""
    /// The measures the report shows, in the order first shown: its glossary lists them.
    private(set) var shownMeasures: [String] = []

    /// Builds the report of the results folder `folder`.
    public init(folder: URL) throws {
        data = try ReportData(folder: folder)
        build()
    }

    // MARK: - Page

    private mutating func build() {
        let manifest = data.manifest
        let study = manifest.study
        let title = study?.scenarioName ?? manifest.scenarioFile
        do {
            var text = ""
            if let description = study?.description, !description.isEmpty {
                text += "<p>\(Self.escape(description))</p>\n"
            }
            text += "<table class=\"facts\">\n"
            text += Self.fact("Scenario", "\(manifest.scenarioFile) (SHA-256 \(manifest.scenarioSHA256))")
            if let study {
                text += Self.fact("Period", "\(study.start), \(study.horizonDays) days, results by \(study.period)")
            }
            text += Self.fact("Replications", "\(manifest.replications) of every option, seed \(manifest.seed)")
            if let overrides = manifest.overrides, !overrides.isEmpty {
                text += Self.fact("Changed from the file", OverridesText.flags(overrides))
            }
            text += Self.fact("Produced", "\(manifest.startedAt) by Sufficiency \(manifest.sufficiencyVersion)")
            text += "</table>\n<h3>Options</h3>\n<ul>\n"
            for (i, option) in data.options.enumerated() {
                let description = study.map { i < $0.optionDescriptions.count ? $0.optionDescriptions[i] : "" } ?? ""
                text += "<li><strong>\(Self.escape(option))</strong>"
                    + (description.isEmpty ? "" : ": \(Self.escape(description))") + "</li>\n"
            }
            section("What was run", text + "</ul>\n")
        }
        section("The options compared", comparisonTable())
        if let ranking = data.ranking {
            let text = rankingSection(ranking)
            section(RankingText.heading, text)
        }
        let time = overTime()
        section("Over time", time)
        if !data.zones.isEmpty {
            let zones = byZone()
            section("By zone", zones)
        }
        if data.has(MeasureName.careWorkerPay) {
            let finance = finance()
            section("Finance", finance)
        }
        if let providers = data.providers, !providers.names.isEmpty {
            let view = providerView(providers)
            section("Providers", view)
        }
        if data.has(MeasureName.coverageShare) {
            let coverage = coverage()
            section("Coverage", coverage)
        }
        if data.has(MeasureName.frameworkShare) {
            let day = dayOpportunities()
            section("Day opportunities", day)
        }
        let spread = spread()
        section("Spread across replications", spread)
        section("What the measures mean", glossary())
        section("How this was produced", produced())
        html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>\(Self.escape(title)): Sufficiency report</title>
        <style>\(Self.css)</style>
        </head>
        <body>
        <header><h1>\(Self.escape(title))</h1>
        <p class="subtitle">\(Self.escape(data.options.joined(separator: " · "))) — \(manifest.replications) replications\(Self.escape(OverridesText.clause(manifest.overrides ?? [])))</p></header>
        <main>
        \(body)</main>
        </body>
        </html>

        """
    }

    private mutating func section(_ heading: String, _ content: String) {
        let id = heading.lowercased().replacingOccurrences(of: " ", with: "-")
        body += "<section id=\"\(id)\">\n<h2>\(Self.escape(heading))</h2>\n" + content + "</section>\n"
    }

    /// Notes that the report shows `measure`, for its glossary.
    mutating func show(_ measure: String) {
        if !shownMeasures.contains(measure) { shownMeasures.append(measure) }
    }

    /// The axis label for `measure` in `unit`: its glossary name and the unit ("Spend (£)").
    static func axisLabel(_ measure: String, _ unit: ValueUnit) -> String {
        unit.axisLabel(for: ReportGlossary.name(measure))
    }

    /// Adds a chart under `file` and returns its figure.
    mutating func figure(_ file: String, _ svg: String, caption: String) -> String {
        charts.append((file, svg))
        return "<figure class=\"chart\">\n\(svg)\n<figcaption>\(Self.escape(caption)) "
            + "(<a href=\"charts/\(file)\">\(file)</a>)</figcaption>\n</figure>\n"
    }

    // MARK: - Sections

    private func headlineRows() -> [HeadlineTable.Row] {
        MeasureHighlights.of(resultsWith: data.has).headline.filter { data.has($0.measure) }
    }

    /// The terminal's table, with the chance each option does better than the first.
    private mutating func comparisonTable() -> String {
        guard let whole = data.wholeRun else { return "<p>No whole-run results.</p>\n" }
        let replications = data.manifest.replications
        let heading = HeadlineTable.heading(replications: replications, suffix: ", whole run")
        var text = "<table class=\"compare\">\n<thead><tr><th>\(Self.escape(heading))</th>"
        for option in data.options { text += "<th>\(Self.escape(option))</th>" }
        text += "</tr></thead>\n<tbody>\n"
        for row in headlineRows() {
            show(row.measure)
            text += "<tr><th>\(Self.escape(row.label))</th>"
            for option in data.options {
                text += "<td>" + Self.cell(data.stat(option, whole, row.measure), row: row, single: replications == 1)
                    + "</td>"
            }
            text += "</tr>\n"
        }
        text += "</tbody>\n</table>\n"
        if replications == 1 {
            text += "<p>One replication: each figure is that replication's value, with no confidence interval "
                + "and no spread. Run more replications to see how much the figures vary.</p>\n"
        }
        let first = data.options[0]
        let judged = data.has(MeasureName.frameworkShare) ? [MeasureName.spend] : [MeasureName.unmetHours, MeasureName.spend]
        var chances = ""
        for option in data.options.dropFirst() {
            let parts = judged.compactMap { m -> String? in
                guard let c = data.comparison(first, option, m) else { return nil }
                return HeadlineTable.chance(MeasureName.inWords(m), n: c.n, shareBBetter: c.shareBBetter)
            }
            if !parts.isEmpty {
                chances += "<li><strong>\(Self.escape(option))</strong> against \(Self.escape(first)): "
                    + parts.joined(separator: "; ") + "</li>\n"
            }
        }
        if !chances.isEmpty {
            text += "<p>The chance that each option does better than the first, replication by replication "
                + "(the same people and the same shocks under every option):</p>\n<ul>\n\(chances)</ul>\n"
        }
        return text
    }

    /// A list item saying what pairing on common random numbers saved in the comparisons with the
    /// first option (comparison.csv's `crn_variance_ratio`), or nothing when the files do not say.
    private func savedByPairing(replications: Int) -> String {
        guard data.options.count > 1 else { return "" }
        let first = data.options[0]
        let measures = [MeasureName.unmetHours, MeasureName.unmetDays, MeasureName.spend].map { ($0, MeasureName.inWords($0)) }
        var parts: [String] = []
        for option in data.options.dropFirst() {
            let cells = measures.compactMap { measure, name -> String? in
                guard let c = data.comparison(first, option, measure), c.crnVarianceRatio.isFinite,
                      c.crnVarianceRatio > 0 else { return nil }
                let needed = Int((Double(replications) / c.crnVarianceRatio).rounded())
                return "\(name) \(CommonRandomNumbersText.percent(c.crnVarianceRatio)) "
                    + "(\(CommonRandomNumbersText.count(Double(needed))) replications)"
            }
            if !cells.isEmpty { parts.append("<strong>\(Self.escape(option))</strong>: " + cells.joined(separator: ", ")) }
        }
        guard !parts.isEmpty else { return "" }
        return "<li>What common random numbers saved: against \(Self.escape(first)), each paired difference over the "
            + "whole run has this share of the variance independent random numbers would give, and they would need "
            + "this many replications for intervals as narrow as these \(replications): " + parts.joined(separator: "; ")
            + ".</li>\n"
    }

    private mutating func overTime() -> String {
        var text = "<p>Each chart shows, for every option, the median across replications (line), the middle "
            + "half and 90% of outcomes, period by period" + (data.options.count >= Chart.smallMultiplesFrom
                ? ": one panel per option, every panel on the same scales.</p>\n"
                : (data.options.count == 1 ? " (darker and lighter band).</p>\n"
                   : " (the bands' edges, as the key shows).</p>\n"))
        for measure in data.bandMeasures {
            guard let byOption = data.bands[measure] else { continue }
            let dates = byOption[data.options[0]]?.map(\.start) ?? []
            let series = data.options.map { option -> FanSeries in
                let rows = byOption[option] ?? []
                func column(_ k: Int) -> [Double] { rows.map { $0.values[k] } }
                return FanSeries(name: option, p05: column(0), p25: column(1), p50: column(2), p75: column(3),
                                 p95: column(4))
            }
            show(measure)
            let title = ReportGlossary.name(measure) + " by " + (data.manifest.study?.period ?? "period")
            let unit = Self.unit(data.units[measure] ?? "")
            let svg = Chart.fan(title: title, unit: unit, dates: dates, series: series,
                                valueLabel: Self.axisLabel(measure, unit))
            text += figure("fan-\(measure).svg", svg, caption: title)
        }
        return text
    }

    private mutating func byZone() -> String {
        guard let whole = data.wholeRun else { return "" }
        var text = ""
        for (measure, title) in [(MeasureName.unmetHours, "Unmet need by zone, whole run"),
                                 (MeasureName.coverageGapHours, "Need beyond capacity within the standard, by zone")]
            where data.has(measure) {
            let series = data.options.map { option in
                Self.barSeries(option, data.zones.map { data.stat(option, whole, zone: $0, measure) })
            }
            show(measure)
            let unit = Self.unit(data.units[measure] ?? "")
            let svg = Chart.zones(title: title, unit: unit, zones: data.zones, series: series,
                                  valueLabel: Self.axisLabel(measure, unit))
            text += figure("zones-\(measure).svg", svg, caption: title)
        }
        return text
    }

    private mutating func finance() -> String {
        var text = ""
        let years = data.financialYears
        for (measure, title) in [(MeasureName.spend, "Spend by financial year"), (MeasureName.providerMargin, "Provider margin by financial year"),
                                 (MeasureName.careWorkerPay, "Care worker pay by financial year")] where data.has(measure) {
            let range = measure == MeasureName.providerMargin ? DisplayRange.signed : DisplayRange.nonNegative
            let series = data.options.map { option in
                Self.barSeries(option, years.map { data.stat(option, $0, measure) }, range: range)
            }
            show(measure)
            let unit = Self.unit(data.units[measure] ?? "")
            let svg = Chart.bars(title: title, unit: unit, groups: years.map(\.label), series: series,
                                 valueLabel: Self.axisLabel(measure, unit))
            text += figure("finance-\(measure).svg", svg, caption: title)
        }
        let byRoute = MeasureName.spendRoute.prefix
        let routes = data.measures.filter { $0.hasPrefix(byRoute) && $0.split(separator: "_").count == 3 }
        if let whole = data.wholeRun, !routes.isEmpty {
            let series = data.options.map { option in Self.barSeries(option, routes.map { data.stat(option, whole, $0) }) }
            routes.forEach { show($0) }
            let svg = Chart.bars(title: "Spend by route, whole run", unit: .pounds,
                                 groups: routes.map { String($0.dropFirst(byRoute.count)) }, series: series,
                                 valueLabel: Self.axisLabel(byRoute, .pounds))
            text += figure("finance-spend-by-route.svg", svg, caption: "Spend by route, whole run")
        }
        return text
    }

    private mutating func coverage() -> String {
        guard let whole = data.wholeRun else { return "" }
        var text = ""
        let series = data.options.map { option in
            Self.barSeries(option, data.zones.map { data.stat(option, whole, zone: $0, MeasureName.coverageShare) },
                           range: DisplayRange.share)
        }
        show(MeasureName.coverageShare)
        text += figure("coverage-share.svg", Chart.zones(title: "Share of need within the travel-time standard",
                                                         unit: .share, zones: data.zones, series: series,
                                                         valueLabel: Self.axisLabel(MeasureName.coverageShare, .share)),
                       caption: "Share of need within the travel-time standard, by zone")
        if let sites = data.sites, !sites.rows.isEmpty {
            text += "<h3>Where added capacity covers the most unmet need</h3>\n<table class=\"sites\">\n<thead><tr>"
            for name in sites.header { text += "<th>\(Self.escape(name.replacingOccurrences(of: "_", with: " ")))</th>" }
            text += "</tr></thead>\n<tbody>\n"
            for row in sites.rows {
                text += "<tr>" + row.map { "<td>\(Self.escape($0))</td>" }.joined() + "</tr>\n"
            }
            text += "</tbody>\n</table>\n"
        }
        return text
    }

    private mutating func dayOpportunities() -> String {
        guard let whole = data.wholeRun else { return "" }
        var text = ""
        let routes = DayRoute.allCases.map(\.rawValue)
        for (family, title, unit) in [(MeasureName.placementsRoute, "Placements by route, whole run (average)", ValueUnit.people),
                                      (MeasureName.weeklySpendRoute, "Weekly spend by route, whole run (average)", .pounds)] {
            let prefix = family.prefix
            let series = data.options.map { option in Self.barSeries(option, routes.map { data.stat(option, whole, family($0)) }) }
            show(prefix)
            text += figure("day-\(prefix.dropLast()).svg", Chart.bars(title: title, unit: unit,
                                                                      groups: routes.map { $0.replacingOccurrences(of: "_", with: " ") },
                                                                      series: series, valueLabel: Self.axisLabel(prefix, unit)),
                           caption: title)
        }
        if data.has(MeasureName.savings) && data.options.count > 1 {
            let years = data.financialYears
            let series = data.options.dropFirst().map { option in
                Self.barSeries(option, years.map { data.stat(option, $0, MeasureName.savings) }, range: DisplayRange.signed)
            }
            let title = "Savings on \(data.options[0]) by financial year"
            show(MeasureName.savings)
            text += figure("day-savings.svg", Chart.bars(title: title, unit: .pounds, groups: years.map(\.label),
                                                         series: Array(series), valueLabel: Self.axisLabel(MeasureName.savings, .pounds)),
                           caption: title)
        }
        return text
    }

    private mutating func spread() -> String {
        let series = data.options.compactMap { option -> (name: String, values: [Double])? in
            guard let values = data.replications[option]?[MeasureName.spend] else { return nil }
            return (option, values)
        }
        guard !series.isEmpty else { return "<p>No per-replication results.</p>\n" }
        let title = "Spend over the whole run, replication by replication"
        show(MeasureName.spend)
        return figure("histogram-spend.svg", Chart.histogram(title: title, unit: .pounds, series: series,
                                                             valueLabel: "Spend over the run (£)",
                                                             countLabel: "replications"), caption: title)
    }

    /// Every measure the report shows: its name, unit and meaning.
    private func glossary() -> String {
        var seen = Set<String>()
        var rows = ""
        for measure in shownMeasures {
            guard let entry = ReportGlossary.entry(for: measure), seen.insert(entry.measure).inserted else { continue }
            rows += "<tr><th>\(Self.escape(entry.name))</th><td>\(Self.escape(entry.unit))</td>"
                + "<td>\(Self.escape(entry.meaning))</td></tr>\n"
        }
        return "<p>Figures are means across replications with their 95% confidence interval in brackets (the range "
            + "that holds the true mean 19 times in 20 at this number of replications); charts over time show the "
            + "median replication, the middle half and 90% of replications.</p>\n"
            + "<table class=\"glossary\">\n<thead><tr><th>Measure</th><th>Unit</th><th>Meaning</th></tr></thead>\n"
            + "<tbody>\n\(rows)</tbody>\n</table>\n"
    }

    /// STRESS-DES: objectives, logic, data and assumptions, experimentation, implementation.
    private func produced() -> String {
        let m = data.manifest
        let study = m.study
        let service = study?.service == "day_opportunities" ? "day opportunities" : "home care"
        var text = "<h3>Objectives</h3>\n<p>To compare \(data.options.count) ways of buying \(service) "
            + "(\(Self.escape(data.options.joined(separator: ", ")))) on the need they leave unmet, what they cost "
            + "and the risk to the market, with the uncertainty of each figure.</p>\n"
        text += "<h3>Logic</h3>\n<p>A discrete-event simulation in continuous time (days): referrals, placements, "
            + "reviews, hand-backs and market changes are events; supply, workforce and prices move on weekly and "
            + "April clocks. The model is described mechanism by mechanism in docs/MODEL.md.</p>\n"
        if let included = study?.includedFiles, !included.isEmpty {
            text += "<h3>Data and assumptions</h3>\n<p>Inputs and their sources are in the scenario file "
                + "\(Self.escape(m.scenarioFile)) and the files it includes (\(Self.escape(included.joined(separator: ", "))));"
                + " the lines they mark as assumptions are (an included file's after its name):</p>\n"
        } else {
            text += "<h3>Data and assumptions</h3>\n<p>Inputs and their sources are in the scenario file "
                + "\(Self.escape(m.scenarioFile)); the lines it marks as assumptions are:</p>\n"
        }
        if let assumptions = study?.assumptions, !assumptions.isEmpty {
            // A line repeated under every option is listed once, with how many times it is written.
            var order: [String] = [], times: [String: Int] = [:]
            for line in assumptions {
                if times[line] == nil { order.append(line) }
                times[line, default: 0] += 1
            }
            text += "<ul class=\"assumptions\">\n" + order.map { line in
                let n = times[line] ?? 1
                return "<li><code>\(Self.escape(line))</code>" + (n > 1 ? " (\(n) times)" : "") + "</li>\n"
            }.joined() + "</ul>\n"
        } else {
            text += "<p>The scenario marks none. To list an input here, end its line with a comment that starts "
                + "<code># assumption:</code> and says why (<code>per_week: 4.6  # assumption: keeps the caseload "
                + "steady</code>), or write a comment line <code># assumption: what is assumed</code> for one that is not a "
                + "single value; see docs/SCENARIO-FORMAT.md.</p>\n"
        }
        text += "<h3>Experimentation</h3>\n<ul>\n"
        text += "<li>\(m.replications) independent replications of every option, seed \(m.seed); every option "
            + "sees the same people and shocks in a replication (common random numbers).</li>\n"
        if let precision = m.precision { text += "<li>\(Self.escape(precision.sentence))</li>\n" }
        text += savedByPairing(replications: m.replications)
        if let study {
            text += "<li>Run length: \(study.horizonDays) days from \(study.start), results by \(study.period), "
                + "by financial year and for the whole run.</li>\n"
            let chosen = m.warmUp.flatMap { $0.chosenBy == "MSER-5" ? $0 : nil }
            text += "<li>Initialisation: " + (study.warmUpDays > 0
                ? "\(study.warmUpDays) days of warm-up, not reported"
                    + (chosen.map { ", chosen by MSER-5 on \($0.measures.joined(separator: " and ")) from a pilot of "
                        + "\($0.pilotReplications ?? 0) replications with none." } ?? ".")
                : "from the caseload as it stands at the start (no warm-up).") + "</li>\n"
        }
        if let ranking = m.ranking {
            let n = ranking.inputs.count
            text += "<li>What decides the ranking: \(n) input\(n == 1 ? "" : "s") of the scenario's ranking_sensitivity "
                + "section, each at the low and the high end of its range with every other value as written, "
                + "\(ranking.replications) replications at each end and at the scenario's own values, the same seed "
                + "(ranking.csv).</li>\n"
        }
        text += "<li>Statistics: means with 95% Student-t confidence intervals"
            + (m.replications == 1 ? " (none from a single replication)" : ", shown cut to what a measure can be (none below zero)")
            + "; percentiles are GSL's streaming P² estimates, exact for tied values.</li>\n</ul>\n"
        text += "<h3>Implementation</h3>\n<ul>\n"
        text += "<li>Sufficiency \(m.sufficiencyVersion), Swift \(m.swiftVersion), GNU Scientific Library \(m.gslVersion).</li>\n"
        text += "<li>Random numbers: GSL's Mersenne Twister (mt19937), one stream per replication and purpose, "
            + "seeded from the master seed.</li>\n"
        if let shards = m.mergedShards {
            text += "<li>Run as \(shards.count) shards (run --shard K/N), merged in \(String(format: "%.1f", m.wallSeconds)) "
                + "seconds; the results are those of one run, byte for byte.</li>\n"
        } else {
            text += "<li>Run time: " + String(format: "%.1f", m.wallSeconds) + " seconds on \(m.threads) "
                + "thread\(m.threads == 1 ? "" : "s") (results do not depend on the number of threads).</li>\n"
        }
        text += "<li>Command: <code>\(Self.escape(m.commandLine.joined(separator: " ")))</code></li>\n</ul>\n"
        return text
    }

    // MARK: - Helpers

    /// Bars of the means, with error bars of the 95% intervals cut to `range` (none from one
    /// replication).
    private static func barSeries(_ name: String, _ stats: [ReportData.Stat?],
                                  range: ClosedRange<Double> = DisplayRange.nonNegative) -> BarSeries {
        let intervals = stats.map { stat -> (low: Double, high: Double) in
            guard let stat, stat.n > 1 else { return (.nan, .nan) }
            return DisplayRange.cut(low: stat.low, high: stat.high, to: range)
        }
        return BarSeries(name: name, values: stats.map { $0?.mean ?? .nan }, low: intervals.map(\.low),
                         high: intervals.map(\.high))
    }

    /// The chart unit for a measure's unit as the files write it.
    static func unit(_ unit: String) -> ValueUnit {
        switch unit {
        case "GBP", "GBP a week": return .pounds
        case "GBP per hour": return .poundsPerHour
        case "hours a week": return .hoursPerWeek
        case "people": return .people
        case "share": return .share
        case "days": return .days
        case "minutes": return .minutes
        case "providers", "organisations": return .count
        default: return .custom(unit)
        }
    }

    /// A comparison table cell: the terminal's text (`HeadlineTable.cell`), the interval in grey.
    static func cell(_ stat: ReportData.Stat?, row: HeadlineTable.Row, single: Bool) -> String {
        guard let stat, let text = HeadlineTable.cell(n: stat.n, mean: stat.mean, low: stat.low, high: stat.high,
                                                       row: row, single: single) else { return "–" }
        return text.interval.isEmpty ? text.mean : "\(text.mean) <span class=\"ci\">\(escape(text.interval))</span>"
    }

    private static func fact(_ name: String, _ value: String) -> String {
        "<tr><th>\(escape(name))</th><td>\(escape(value))</td></tr>\n"
    }

    /// Text made safe for HTML.
    static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    private static let css = """
    body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#1a1a1a;margin:0;background:#fff;line-height:1.45}
    header{background:#0b3d5c;color:#fff;padding:1.2rem 2rem}header h1{margin:0;font-size:1.6rem}
    .subtitle{margin:.3rem 0 0;opacity:.85}main{max-width:980px;margin:0 auto;padding:1rem 2rem 3rem}
    h2{border-bottom:2px solid #0b3d5c;padding-bottom:.2rem;margin-top:2.2rem}h3{margin-top:1.4rem}
    table{border-collapse:collapse;margin:.6rem 0;font-size:.92rem}th,td{padding:.3rem .6rem;border-bottom:1px solid #ddd;text-align:left}
    table.compare td,table.providers td{text-align:right;white-space:nowrap}.ci{color:#555;font-size:.85em}
    table.ranking td{vertical-align:top}table.ranking td.flips{font-weight:600}
    figure.chart{margin:1.2rem 0}figure.chart svg{max-width:100%;height:auto}figcaption{color:#444;font-size:.88rem}
    ul.assumptions{font-size:.85rem;columns:1}table.glossary td{vertical-align:top}
    table.facts td{overflow-wrap:anywhere}code{font-size:.85em}
    @media print{header{background:none;color:#000}figure.chart{break-inside:avoid}}
    """
}
