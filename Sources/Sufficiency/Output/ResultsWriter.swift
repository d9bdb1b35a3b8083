import Foundation

/// Writes a run's results folder atomically: summary, per-replication totals,
/// option comparisons and the manifest. See docs/OUTPUTS.md for every column.
public enum ResultsWriter {
    /// File names, in the order they are written.
    public static let files = ["summary.csv", "replications.csv", "comparison.csv", "manifest.json"]

    /// The files a run of `layout` writes: summary, bands, replications and comparison; each
    /// provider's figures (providers.csv) for home care; the coverage analysis's zones.csv and
    /// sites.csv when the scenario has a coverage section; and ranking.csv when it ran a ranking
    /// analysis (`ranking`); and results.xlsx when asked for (`xlsx`).
    public static func files(for layout: ResultLayout, ranking: Bool = false, xlsx: Bool = false) -> [String] {
        var list = ["summary.csv", "bands.csv", "replications.csv", "comparison.csv"]
        if layout.hasProviders { list.append("providers.csv") }
        if layout.measures.coverageStart != nil { list += ["zones.csv", "sites.csv"] }
        if ranking { list.append(RankingWriter.file) }
        if xlsx { list.append(ResultsWorkbook.file) }
        return list + ["manifest.json"]
    }

    /// Header of providers.csv: one row per option, financial year or whole run, provider and
    /// figure.
    public static let providersHeader = [
        "option", "window", "label", "period_start", "period_end", "provider", "measure", "unit",
        "n", "mean", "sd", "ci95_low", "ci95_high",
    ]

    /// Header of bands.csv: the fan-chart bands of a few measures, county-wide, per option and period.
    public static let bandsHeader = ["option", "label", "period_start", "period_end", "measure", "unit",
                                     "p05", "p25", "p50", "p75", "p95"]

    /// Header of sites.csv: one row per chosen addition, in order.
    public static let sitesHeader = [
        "rank", "option", "site", "kind", "zone", "reaches", "capacity_hours", "marginal_hours", "cumulative_hours",
        "cumulative_share",
    ]

    /// Header of summary.csv: one row per option, window, zone and measure.
    public static let summaryHeader = [
        "option", "window", "label", "period_start", "period_end", "zone", "measure", "unit",
        "n", "mean", "sd", "ci95_low", "ci95_high", "p05", "p50", "p95",
    ]
    /// Header of comparison.csv: one row per pair of options, window, zone and measure.
    public static let comparisonHeader = [
        "option_a", "option_b", "window", "label", "period_start", "period_end", "zone", "measure", "unit",
        "better", "n", "mean_difference", "ci95_low", "ci95_high", "share_a_better", "share_b_better", "share_tied",
        "crn_variance_ratio", "replications_saved",
    ]

    /// Checks that `directory` can be (re)placed with results: it does not exist, is an
    /// empty folder, or is an earlier results or shard folder (its manifest.json or shard.json names this tool).
    /// Anything else — the working folder, the folder holding the scenario, a file — is
    /// refused, because results replace their folder whole; so are a dangling symbolic link, a
    /// parent that cannot be written to and earlier results that cannot be moved aside
    /// (`OutputDestination.check`).
    public static func checkDestination(_ directory: URL) throws {
        try OutputDestination.check(directory)
    }

    /// The part of `checkDestination` about what `directory` holds.
    static func checkContents(_ directory: URL) throws {
        let path = directory.standardizedFileURL.path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else {
            throw OutputError.notAResultsFolder(path: path, reason: "it is a file, not a results folder")
        }
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: path) else {
            throw OutputError.notAResultsFolder(path: path, reason: "its contents cannot be read")
        }
        if entries.isEmpty { return }
        // A results folder's manifest.json, or a shard folder's shard.json.
        for name in ["manifest.json", ShardRecord.recordFile] {
            if let data = try? Data(contentsOf: directory.appendingPathComponent(name)),
               let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
               object["tool"] as? String == "sufficiency" {
                return
            }
        }
        let shown = entries.sorted().prefix(3).joined(separator: ", ") + (entries.count > 3 ? ", …" : "")
        throw OutputError.notAResultsFolder(
            path: path, reason: "it is not an earlier results folder (no Sufficiency manifest.json) and holds \(shown)")
    }

    /// Writes every file into `directory`, replacing it only once all are complete; with
    /// `ranking`, the ranking analysis's ranking.csv among them, recorded in the manifest; with
    /// `xlsx`, the Excel workbook results.xlsx (`ResultsWorkbook`).
    public static func write(_ results: RunResults, runner: Runner, to directory: URL,
                             manifest: Manifest, ranking: RankingOutcome? = nil, xlsx: Bool = false) throws {
        try checkDestination(directory)
        let staged = try AtomicDirectory(destination: directory)
        do {
            let text = RowText(results.layout, runner: runner)
            // Two groups of files, written at once when the run had more than one thread. Reading
            // a summary grid's percentiles can sort a cell's few values in place, so every file
            // that reads `results.summaries` is in the first group.
            let failures = WriteFailures()
            let writers = min(2, max(1, results.threads))
            DispatchQueue.concurrentPerform(iterations: writers) { writer in
                for group in stride(from: writer, to: 2, by: writers) {
                    do {
                        if group == 0 {
                            try writeSummary(results, text: text, to: staged.url(for: "summary.csv"))
                            try writeCoverage(results, runner: runner, text: text, staged: staged)
                            if results.layout.hasProviders {
                                try writeProviders(results, text: text, to: staged.url(for: "providers.csv"))
                            }
                        } else {
                            try writeBands(results, runner: runner, to: staged.url(for: "bands.csv"))
                            try writeReplications(results, text: text, to: staged.url(for: "replications.csv"))
                            try writeComparison(results, text: text, zones: runner.scenario.run.zoneComparisons,
                                                to: staged.url(for: "comparison.csv"))
                            if let ranking { try RankingWriter.write(ranking, to: staged.url(for: RankingWriter.file)) }
                        }
                    } catch {
                        failures.record(error, group: group)
                    }
                }
            }
            if let failure = failures.first { throw failure }
            var manifest = manifest
            manifest.files = files(for: results.layout, ranking: ranking != nil, xlsx: xlsx)
            if xlsx {
                try ResultsWorkbook.write(results, runner: runner, manifest: manifest,
                                          to: staged.url(for: ResultsWorkbook.file))
            }
            manifest.ranking = ranking.map(RankingRecord.init)
            manifest.fileBytes = Dictionary(uniqueKeysWithValues: manifest.files.filter { $0.hasSuffix(".csv") }
                .compactMap { name in FileSize.bytes(at: staged.url(for: name)).map { (name, $0) } })
            try staged.write(manifest.jsonData(), to: "manifest.json")
            // The report reads the staged results back, so `sufficiency report` rebuilds it alike.
            let reportFiles = try ReportWriter.write(into: staged)
            manifest.files += reportFiles
            try staged.write(manifest.jsonData(), to: "manifest.json")
            try staged.commit()
        } catch {
            staged.discard()
            throw error
        }
    }

    /// zones.csv (the coverage measures with the unmet need they are about) and sites.csv, when
    /// the scenario has a coverage section.
    private static func writeCoverage(_ results: RunResults, runner: Runner, text: RowText,
                                      staged: AtomicDirectory) throws {
        guard let start = results.layout.measures.coverageStart, let settings = runner.scenario.coverage else { return }
        var only = Set(start..<(start + MeasureCatalog.CoverageMeasure.allCases.count))
        if let unmet = results.layout.measures.all.firstIndex(where: { $0.name == MeasureName.unmetHours }) {
            only.insert(unmet)
        }
        try writeSummary(results, text: text, to: staged.url(for: "zones.csv"), only: only)
        try writeSites(results, runner: runner, settings: settings, to: staged.url(for: "sites.csv"))
    }

    /// The errors of files written at once, by group; the first group's is reported first.
    private final class WriteFailures: @unchecked Sendable {
        private let lock = NSLock()
        private var errors: [Int: any Error] = [:]

        func record(_ error: any Error, group: Int) {
            lock.lock(); errors[group] = error; lock.unlock()
        }

        var first: (any Error)? {
            lock.lock(); defer { lock.unlock() }
            return errors.keys.min().flatMap { errors[$0] }
        }
    }

    /// Whether windows of `kind` get zone rows under `rows`.
    static func zoneDetail(_ rows: ZoneRows, _ kind: SimulationCalendar.Window.Kind) -> Bool {
        switch rows {
        case .periods: return true
        case .years: return kind != .period
        case .run: return kind == .horizon
        }
    }

    /// Writes summary rows: every measure, or those in `only`; zone rows of single periods as
    /// the run asks (`RunResults.zoneRows`), or always when `allZones`.
    static func writeSummary(_ results: RunResults, text: RowText, to url: URL, only: Set<Int>? = nil,
                             allZones: Bool = false) throws {
        let layout = results.layout
        let csv = try CSVFileWriter(url: url, header: summaryHeader)
        let measures = layout.measures.all
        let zoneRows = allZones ? .periods : results.zoneRows
        try text.summaryTails.withEntries { tails in
            for o in layout.options.indices {
                for w in layout.windows.indices {
                    // Per-zone rows of single periods only when asked: they are most of the file.
                    let zones = Self.zoneDetail(zoneRows, layout.windows[w].kind) ? layout.zoneNames.count : 1
                    let head = CSVFields(text.options[o], text.windows[w])
                    let bound = head.bytes.count + 1 + text.summaryTails.longestEntry
                        + CSVRow.integerRoom + 7 * CSVRow.numberRoom
                    for slot in 0..<zones {
                        for m in measures.indices {
                            if slot > 0 && !measures[m].perZone { continue }
                            if let only, !only.contains(m) { continue }
                            let s = results.summaries.summary(layout.cell(option: o, window: w, zoneSlot: slot, measure: m))
                            if s.n == 0 { continue }
                            try csv.row(atMost: bound) { row in
                                row.append(head)
                                row.append(tails, slot * measures.count + m)
                                row.integer(s.n)
                                row.number(s.mean)
                                row.number(s.sd)
                                row.number(s.ciLow)
                                row.number(s.ciHigh)
                                row.number(s.p05)
                                row.number(s.p50)
                                row.number(s.p95)
                            }
                        }
                    }
                }
            }
        }
        try csv.close()
    }

    /// providers.csv: each provider's figures (`ProviderMeasure`) for every option, financial
    /// year and the whole run, across replications: count, mean, standard deviation and the 95%
    /// confidence interval of the mean, as summary.csv gives them. Cells no replication has a
    /// value for (a margin with nothing paid) are left out.
    static func writeProviders(_ results: RunResults, text: RowText, to url: URL) throws {
        let layout = results.layout
        let providers = layout.providers
        let csv = try CSVFileWriter(url: url, header: providersHeader)
        let names = providers.names.map { CSVFields([$0]) }
        let measures = ProviderLayout.measures.map { CSVFields([$0.name, $0.unit]) }
        for o in layout.options.indices {
            for (slot, w) in providers.windows.enumerated() {
                for p in names.indices {
                    for measure in ProviderMeasure.allCases {
                        let s = results.providerSummary(option: o, window: slot, provider: p, measure: measure)
                        if s.n == 0 { continue }
                        csv.append(text.options[o])
                        csv.append(text.windows[w])
                        csv.append(names[p])
                        csv.append(measures[measure.rawValue])
                        csv.integer(s.n)
                        csv.number(s.mean)
                        csv.number(s.sd)
                        csv.number(s.ciLow)
                        csv.number(s.ciHigh)
                        try csv.endRow()
                    }
                }
            }
        }
        try csv.close()
    }

    /// bands.csv: each option's 5th, 25th, 50th, 75th and 95th percentiles across replications
    /// of the fan measures, county-wide, for every single period, in option, period, measure order.
    static func writeBands(_ results: RunResults, runner: Runner, to url: URL) throws {
        let layout = results.layout
        let csv = try CSVFileWriter(url: url, header: bandsHeader)
        let period = runner.scenario.calendar.period
        var j = 0
        for o in layout.options.indices {
            for w in layout.windows.indices where layout.windows[w].kind == .period {
                let window = layout.windows[w]
                for m in layout.fanMeasures {
                    let band = j < results.bands.cells.count ? results.bands.band(j) : []
                    j += 1
                    guard band.contains(where: { !$0.isNaN }) else { continue }
                    csv.field(layout.options[o])
                    csv.field(WindowLabel.label(window, calendar: runner.calendar, period: period))
                    csv.field(CSVFormat.date(runner.calendar.date(ofDay: window.fromDay)))
                    csv.field(CSVFormat.date(runner.calendar.date(ofDay: window.toDay - 1)))
                    csv.field(layout.measures.all[m].name)
                    csv.field(layout.measures.all[m].unit)
                    for value in band { csv.number(value) }
                    try csv.endRow()
                }
            }
        }
        try csv.close()
    }

    /// sites.csv: where added capacity covers the most of the chosen option's need (each zone's
    /// mean unmet hours a week over the whole run, or its mean coverage gap, by
    /// `coverage.site_objective`), ranked, with each addition's gain.
    static func writeSites(_ results: RunResults, runner: Runner, settings: CoverageSettings, to url: URL) throws {
        let layout = results.layout
        let plan = CoveragePlan(scenario: runner.scenario, settings: settings)
        let selection = SiteSelection(results: results, plan: plan, settings: settings)
        let totalNeed = selection.totalNeed
        let csv = try CSVFileWriter(url: url, header: sitesHeader)
        for (rank, addition) in selection.additions.enumerated() {
            let site = plan.sites[addition.site]
            csv.integer(rank + 1)
            csv.field(layout.options[settings.option])
            csv.field(site.name)
            csv.field(site.kind.rawValue)
            csv.field(runner.scenario.zones[site.zone].name)
            csv.field(plan.reach(site: addition.site).map { runner.scenario.zones[$0].name }.joined(separator: ";"))
            csv.number(settings.siteCapacityHours)
            csv.number(addition.marginalHours)
            csv.number(addition.cumulativeHours)
            csv.number(totalNeed > 0 ? addition.cumulativeHours / totalNeed : .nan)
            try csv.endRow()
        }
        try csv.close()
    }

    static func writeReplications(_ results: RunResults, text: RowText, to url: URL) throws {
        let layout = results.layout
        let csv = try CSVFileWriter(url: url, header: ["replication", "option"] + layout.measures.all.map(\.name))
        for r in 0..<results.replications {
            for o in layout.options.indices {
                csv.integer(r + 1)
                csv.append(text.options[o])
                for m in 0..<layout.measures.count { csv.number(results.total(replication: r, option: o, measure: m)) }
                try csv.endRow()
            }
        }
        try csv.close()
    }

    /// Writes comparison rows: financial years and the whole run, county-wide, and zone by zone
    /// as `RunResults.zoneRows` says unless `zoneComparisons` is false (`run.zone_comparisons`).
    static func writeComparison(_ results: RunResults, text: RowText, zones zoneComparisons: Bool = true,
                                to url: URL) throws {
        let layout = results.layout
        let noShares = CSVFields(["", "", ""])
        let csv = try CSVFileWriter(url: url, header: comparisonHeader)
        let measures = layout.measures.all
        try text.comparisonTails.withEntries { tails in
            for (pair, (a, b)) in layout.pairs.enumerated() {
                let options = CSVFields(text.options[a], text.options[b])
                for w in layout.comparedWindows {
                    let head = CSVFields(options, text.windows[w])
                    let bound = head.bytes.count + 1 + text.comparisonTails.longestEntry
                        + CSVRow.integerRoom + 8 * CSVRow.numberRoom
                    // Without zone detail for periods, zones are compared over the whole run only.
                    var zones = results.zoneRows == .periods || w == layout.horizonWindow ? layout.zoneNames.count : 1
                    if !zoneComparisons { zones = 1 }
                    for slot in 0..<zones {
                        for m in measures.indices {
                            if slot > 0 && !measures[m].perZone { continue }
                            let c = results.comparisons[pair].comparison(
                                results.comparisonCell(window: w, zoneSlot: slot, measure: m)!)
                            if c.n == 0 { continue }
                            let better = measures[m].better != nil
                            try csv.row(atMost: bound) { row in
                                row.append(head)
                                row.append(tails, slot * measures.count + m)
                                row.integer(c.n)
                                row.number(c.meanDifference)
                                row.number(c.ciLow)
                                row.number(c.ciHigh)
                                if better {
                                    row.number(c.shareABetter)
                                    row.number(c.shareBBetter)
                                    row.number(c.shareTied)
                                } else {
                                    row.append(noShares)
                                }
                                let a = results.summaries.summary(layout.cell(option: a, window: w, zoneSlot: slot, measure: m))
                                let b = results.summaries.summary(layout.cell(option: b, window: w, zoneSlot: slot, measure: m))
                                let gain = CommonRandomNumbersGain(paired: c, a: a, b: b)
                                row.number(gain?.varianceRatio ?? .nan)
                                row.number(gain?.replicationsSaved ?? .nan)
                            }
                        }
                    }
                }
            }
        }
        try csv.close()
    }
}
