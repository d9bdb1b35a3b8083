import Foundation

/// The report of a sweep's results folder: one self-contained HTML page (inline CSS and SVG,
/// no scripts, nothing fetched) charting each headline measure of the sweep's terminal table
/// (`SweepText`) against each swept parameter, one series per option, with 95% intervals;
/// each target's share of replications against each parameter when the sweep counted targets;
/// and, for a Latin hypercube or Sobol design, how much of the spread of the points' means
/// each parameter explains (r²), or for a Saltelli design its Sobol indices. Each chart is also its own SVG file.
public struct SweepReport {
    public private(set) var html = ""
    /// Each chart: a file name (without folder) and its SVG.
    public private(set) var charts: [(file: String, svg: String)] = []

    let data: SweepReportData
    private var body = ""

    /// Whether `folder` holds a sweep's results rather than a run's.
    public static func isSweepFolder(_ folder: URL) -> Bool { SweepReportData.isSweepFolder(folder) }

    public init(folder: URL) throws {
        data = try SweepReportData(folder: folder)
        build()
    }

    /// The measures charted: those of the terminal table the sweep has.
    var measures: [String] {
        let names = (data.units[MeasureName.unmetDays] != nil ? DayOpportunitiesSimulation.highlights : HomeCareSimulation.highlights).sweep
        return names.filter { data.units[$0] != nil }
    }

    /// Whether the points form a grid rather than a space-filling design.
    private var isGrid: Bool { data.design == "grid" }

    /// How parameter `j`'s charts mark the points: lines along a grid's numbers; dots otherwise,
    /// since a space-filling design's neighbours differ in the other parameters too, and
    /// values that are not numbers (named futures) have no order to draw a line along.
    private func marks(_ j: Int) -> Chart.SweepMarks {
        isGrid && axis(j).categories == nil ? .lines : .points
    }

    private mutating func build() {
        let manifest = data.manifest
        var facts = "<table class=\"facts\">\n"
        facts += Self.fact("Scenario", "\(manifest.scenarioFile) (SHA-256 \(manifest.scenarioSHA256.prefix(12))…)")
        let baseRows = data.design == "saltelli" && !data.parameters.isEmpty
            ? " (\(data.points.count / (data.parameters.count + 2)) base rows × \(data.parameters.count + 2))" : ""
        facts += Self.fact("Design", "\(data.design), \(data.points.count) points\(baseRows) over "
                           + data.parameters.joined(separator: ", "))
        facts += Self.fact("Replications", "\(manifest.replications) at every point, seed \(manifest.seed) "
                           + "(common random numbers: every point sees the same demand and supply streams)")
        facts += Self.fact("Options", data.options.joined(separator: ", "))
        if let overrides = manifest.overrides, !overrides.isEmpty {
            facts += Self.fact("Overrides", overrides.joined(separator: "; "))
        }
        facts += "</table>\n"
        section("What was swept", facts)

        var measuresHTML = "<p>Each chart shows a measure over the whole run, county-wide, at every point: the mean "
            + "over replications and its 95% confidence interval (a band along a line, or a vertical bar through a "
            + "dot where points are not joined: for values that are not numbers, and for Latin hypercube, Sobol and "
            + "Saltelli designs), one colour per option.\(isGrid && data.parameters.count > 1 ? " On a grid of several parameters, each line holds the other parameters at the values its legend names." : "")</p>\n"
        for measure in measures {
            measuresHTML += "<h3>\(Self.escape(measure))</h3>\n"
            let unit = Report.unit(data.units[measure] ?? "")
            for j in data.parameters.indices {
                let title = "\(measure) by \(data.parameters[j])"
                let svg = Chart.sweep(title: title, unit: unit, axis: axis(j), series: series(j) { point, option in
                    data.stat(point: point, option: option, measure: measure)
                }, marks: marks(j))
                measuresHTML += figure("sweep-\(Self.slug(measure))-by-\(j + 1).svg", svg,
                                       caption: "\(measure) (\(data.units[measure] ?? ""), whole run, mean and 95% interval) "
                                       + "against \(data.parameters[j]).")
            }
        }
        section("Headline measures against each parameter", measuresHTML)

        if !data.targets.isEmpty {
            var targetsHTML = "<p>The share of replications meeting each target given on the command line, with its "
                + "95% Clopper–Pearson interval; a target names a measure, a comparison and the windows it must hold in "
                + "(every financial year, the whole run or one window).</p>\n"
            for (k, target) in data.targets.enumerated() {
                targetsHTML += "<h3>\(Self.escape(target))</h3>\n"
                for j in data.parameters.indices {
                    let svg = Chart.sweep(title: "Share of replications meeting \(target)", unit: .share,
                                          axis: axis(j), series: series(j) { point, option in
                                              data.share(point: point, option: option, target: target)
                                          }, marks: marks(j))
                    targetsHTML += figure("target-\(k + 1)-by-\(j + 1).svg", svg,
                                          caption: "Share of replications meeting \(target) (%, with its 95% interval) "
                                          + "against \(data.parameters[j]).")
                }
            }
            section("Targets", targetsHTML)
        }

        if data.design == "saltelli" && data.hasSensitivity {
            sobolSection()
        } else if !isGrid && data.parameters.count > 0 {
            var sensitivityHTML = "<p>How much of the spread of the points' means each parameter explains on its own: "
                + "the squared correlation (r²) between the parameter's values and the points' means, for each option. "
                + "The design spreads the points so the parameters are nearly uncorrelated, so r² is close to the "
                + "square of the standardised regression coefficient and the bars of one option add to about the share "
                + "of the spread a straight-line model explains; what is left is interaction, curvature or noise. "
                + "Sobol indices, which also measure interactions, need the saltelli design.</p>\n"
            for measure in measures {
                let bars = data.options.map { option in
                    BarSeries(name: option, values: data.parameters.indices.map { j in
                        SweepSensitivity.explained(x: data.points.map { Double($0.values[j]) ?? .nan },
                                                   y: data.points.map { data.stat(point: $0.number, option: option,
                                                                                  measure: measure)?.mean ?? .nan })
                    })
                }
                let svg = Chart.bars(title: "Share of the spread of \(measure) explained by each parameter", unit: .share,
                                     groups: data.parameters, series: bars)
                sensitivityHTML += figure("sensitivity-\(Self.slug(measure)).svg", svg,
                                          caption: "r² of the points' mean \(measure) on each parameter (% of the "
                                          + "variance of the points' means), by option.")
            }
            section("Which parameters matter", sensitivityHTML)
        }

        var produced = "<p>Sufficiency \(Self.escape(manifest.sufficiencyVersion)), GSL \(Self.escape(manifest.gslVersion)); "
        produced += "command: <code>\(Self.escape(manifest.commandLine.joined(separator: " ")))</code>. "
        produced += "Every figure is in sweep.csv (each point, option, window and measure), points.csv"
        produced += data.targets.isEmpty ? "" : " and targets.csv"
        produced += "; see docs/EXPERIMENTS.md.</p>\n"
        section("How these results were produced", produced)

        let title = "Sweep of \(manifest.scenarioFile)"
        html = """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Self.escape(title))</title>
        <style>
        \(Self.css)
        </style>
        </head>
        <body>
        <header><h1>\(Self.escape(title))</h1><p class="subtitle">\(data.points.count) points × \(data.options.count) options × \(manifest.replications) replications</p></header>
        <main>
        \(body)</main>
        </body>
        </html>

        """
    }

    /// A Saltelli sweep's Sobol indices from sensitivity.csv: for each measure charted and each
    /// option, each parameter's first-order and total index with its 95% bootstrap interval.
    private mutating func sobolSection() {
        var html = "<p>How much of the spread of the points' means each parameter decides, as Sobol indices "
            + "(Saltelli's design and estimators): the first-order index is the share of the variance of the "
            + "points' means the parameter explains alone, the total index the share it has a hand in, its "
            + "interactions with the others included. A total well above the first-order index means the "
            + "parameter matters through interactions; a total near zero means it can be fixed anywhere in its "
            + "range. The bars show each index's 95% bootstrap interval (resampling the base rows); "
            + "sensitivity.csv has every measure.</p>\n"
        for measure in measures {
            html += "<h3>\(Self.escape(measure))</h3>\n"
            for option in data.options {
                let found = data.parameters.map { data.sobolIndices(measure: measure, option: option, parameter: $0) }
                let series = [("first-order", { (s: (first: SweepReportData.Stat, total: SweepReportData.Stat)) in s.first }),
                              ("total", { (s: (first: SweepReportData.Stat, total: SweepReportData.Stat)) in s.total })]
                    .map { name, pick in
                        BarSeries(name: name, values: found.map { $0.map(pick)?.mean ?? .nan },
                                  low: found.map { $0.map(pick)?.low ?? .nan },
                                  high: found.map { $0.map(pick)?.high ?? .nan })
                    }
                guard series.contains(where: { $0.values.contains(where: \.isFinite) }) else {
                    html += "<p>\(Self.escape(option)): the points' means of \(Self.escape(measure)) do not vary, so "
                        + "no parameter decides them.</p>\n"
                    continue
                }
                let n = found.compactMap { $0?.first.n }.first ?? 0
                let svg = Chart.bars(title: "Sobol indices of \(measure), \(option)", unit: .share,
                                     groups: data.parameters, series: series)
                html += figure("sobol-\(Self.slug(measure))-\(data.options.firstIndex(of: option)! + 1).svg", svg,
                               caption: "First-order and total Sobol indices of the points' mean \(measure) over the "
                               + "whole run under \(option) (% of the variance of the points' means, with 95% bootstrap "
                               + "intervals from \(n) base rows), by parameter.")
            }
        }
        section("What decides the answer", html)
    }

    /// The horizontal axis of parameter `j`: numbers when every point's value is one,
    /// otherwise the values as categories in the order first met.
    private func axis(_ j: Int) -> SweepAxis {
        let texts = data.points.map { $0.values[j] }
        if texts.allSatisfy({ Double($0)?.isFinite == true }) {
            return SweepAxis(label: "\(data.parameters[j]) (value as written in the scenario)", categories: nil)
        }
        var categories: [String] = []
        for text in texts where !categories.contains(text) { categories.append(text) }
        return SweepAxis(label: "\(data.parameters[j]) (values as written in the scenario)", categories: categories)
    }

    /// The series of a chart against parameter `j`: one per option, and on a grid of several
    /// parameters one per option and combination of the other parameters' values, so each
    /// line varies parameter `j` alone.
    private func series(_ j: Int, _ value: (Int, String) -> SweepReportData.Stat?) -> [SweepSeries] {
        let categories = axis(j).categories
        func x(_ text: String) -> Double {
            if let categories { return Double(categories.firstIndex(of: text) ?? 0) }
            return Double(text) ?? .nan
        }
        // Groups of points sharing the other parameters' values (one group for other designs).
        var groups: [(label: String, points: [(number: Int, values: [String])])] = []
        for point in data.points {
            let others = isGrid ? point.values.indices.filter { $0 != j }
                .map { "\(data.parameters[$0]) = \(point.values[$0])" }.joined(separator: ", ") : ""
            if let g = groups.firstIndex(where: { $0.label == others }) {
                groups[g].points.append(point)
            } else {
                groups.append((others, [point]))
            }
        }
        return data.options.flatMap { option in
            groups.map { group in
                let stats = group.points.map { value($0.number, option) }
                return SweepSeries(name: group.label.isEmpty ? option : "\(option) · \(group.label)",
                                   x: group.points.map { x($0.values[j]) }, mean: stats.map { $0?.mean ?? .nan },
                                   low: stats.map { $0.flatMap { $0.n > 1 ? $0.low : nil } ?? .nan },
                                   high: stats.map { $0.flatMap { $0.n > 1 ? $0.high : nil } ?? .nan })
            }
        }
    }

    private mutating func section(_ heading: String, _ content: String) {
        body += "<section>\n<h2>\(Self.escape(heading))</h2>\n\(content)</section>\n"
    }

    private mutating func figure(_ file: String, _ svg: String, caption: String) -> String {
        charts.append((file, svg))
        return "<figure class=\"chart\">\n\(svg)<figcaption>\(Self.escape(caption)) "
            + "<a href=\"charts/\(Self.escape(file))\">SVG</a></figcaption>\n</figure>\n"
    }

    private static func fact(_ name: String, _ value: String) -> String {
        "<tr><th>\(escape(name))</th><td>\(escape(value))</td></tr>\n"
    }

    static func escape(_ text: String) -> String { Report.escape(text) }

    /// A measure's name as a file name: letters, digits and underscores kept, anything else `-`.
    static func slug(_ text: String) -> String {
        String(text.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") ? $0 : "-" })
    }

    private static let css = """
    body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#1a1a1a;margin:0;background:#fff;line-height:1.45}
    header{background:#0b3d5c;color:#fff;padding:1.2rem 2rem}header h1{margin:0;font-size:1.6rem}
    .subtitle{margin:.3rem 0 0;opacity:.85}main{max-width:980px;margin:0 auto;padding:1rem 2rem 3rem}
    h2{border-bottom:2px solid #0b3d5c;padding-bottom:.2rem;margin-top:2.2rem}h3{margin-top:1.4rem}
    table{border-collapse:collapse;margin:.6rem 0;font-size:.92rem}th,td{padding:.3rem .6rem;border-bottom:1px solid #ddd;text-align:left}
    figure.chart{margin:1.2rem 0}figure.chart svg{max-width:100%;height:auto}figcaption{color:#444;font-size:.88rem}
    code{font-size:.85em}@media print{header{background:none;color:#000}figure.chart{break-inside:avoid}}
    """
}
