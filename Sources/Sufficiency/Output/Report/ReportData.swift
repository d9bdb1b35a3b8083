import Foundation

/// A results folder read back for its report: the manifest and the figures the report shows.
struct ReportData {
    /// Mean and 95% confidence interval of one cell across replications.
    struct Stat {
        var n: Int
        var mean: Double
        var low: Double
        var high: Double
    }

    /// A reporting window as the files label it.
    struct Window: Equatable {
        var kind: String
        var label: String
        var start: String
    }

    /// A chance that option b beats option a (from comparison.csv, county, whole run).
    struct Comparison {
        /// Replications compared.
        var n: Int
        var shareABetter: Double
        var shareBBetter: Double
        /// What common random numbers saved: the paired difference's variance over the sum of the
        /// two options' (NaN when not given, as in folders written before it was).
        var crnVarianceRatio: Double = .nan
    }

    let manifest: Manifest
    let options: [String]
    /// Windows in file order (periods, financial years, the whole run).
    private(set) var windows: [Window] = []
    /// Zones in file order, without the county.
    private(set) var zones: [String] = []
    /// Measures in file order, with their units.
    private(set) var measures: [String] = []
    private(set) var units: [String: String] = [:]
    private var stats: [String: Stat] = [:]
    /// Fan bands: measure → option → one (period start, five percentiles) per period.
    private(set) var bands: [String: [String: [(start: Date, values: [Double])]]] = [:]
    private(set) var bandMeasures: [String] = []
    private var comparisons: [String: Comparison] = [:]
    /// Whole-run values per replication: option → measure → values.
    private(set) var replications: [String: [String: [Double]]] = [:]
    /// sites.csv as written, when the run had a coverage analysis.
    private(set) var sites: ResultsCSV?
    /// providers.csv, when the run wrote one (home care).
    private(set) var providers: ProviderResults?
    /// ranking.csv read back, when the run had a ranking analysis, with the main run's best
    /// option from summary.csv.
    private(set) var ranking: RankingOutcome?

    /// Reads `folder` (a results folder written by `run`).
    init(folder: URL) throws {
        let manifestURL = folder.appendingPathComponent("manifest.json")
        guard let data = FileManager.default.contents(atPath: manifestURL.path) else {
            throw ReportError.notAResultsFolder(path: folder.path)
        }
        do {
            manifest = try JSONDecoder().decode(Manifest.self, from: data)
        } catch {
            throw ReportError.unreadableManifest(path: manifestURL.path, reason: ReportError.reason(error))
        }
        if let sizes = manifest.fileBytes { try Self.check(sizes, in: folder) }
        options = manifest.options
        // Zones are shown for the whole run only, so their rows for other windows (most of a
        // large summary.csv) are skipped unread.
        let countyOrWholeRun: ([String]) -> (ResultsCSV.RawRow) -> Bool = { header in
            let zone = header.firstIndex(of: "zone") ?? -1, window = header.firstIndex(of: "window") ?? -1
            return { $0.field(zone, is: "all") || $0.field(window, is: "horizon") }
        }
        guard let summary = ResultsCSV(url: folder.appendingPathComponent("summary.csv"), keep: countyOrWholeRun) else {
            throw ReportError.missingFile(path: folder.appendingPathComponent("summary.csv").path)
        }
        readSummary(summary)
        if let bands = ResultsCSV(url: folder.appendingPathComponent("bands.csv")) { readBands(bands) }
        let county: ([String]) -> (ResultsCSV.RawRow) -> Bool = { header in
            let zone = header.firstIndex(of: "zone") ?? -1
            return { $0.field(zone, is: "all") }
        }
        if let comparison = ResultsCSV(url: folder.appendingPathComponent("comparison.csv"), keep: county) {
            readComparison(comparison)
        }
        if let replications = ResultsCSV(url: folder.appendingPathComponent("replications.csv")) {
            readReplications(replications)
        }
        sites = ResultsCSV(url: folder.appendingPathComponent("sites.csv"))
        providers = ResultsCSV(url: folder.appendingPathComponent("providers.csv")).flatMap(ProviderResults.init)
        if let csv = ResultsCSV(url: folder.appendingPathComponent(RankingWriter.file)),
           var outcome = RankingOutcome(csv: csv, options: options, replications: manifest.ranking?.replications) {
            if let window = windows.first(where: { $0.label == outcome.window }) {
                let means = options.map { stat($0, window, outcome.measure)?.mean ?? .nan }
                outcome.mainBest = RankingOutcome.best(means, better: outcome.better)
                outcome.mainReplications = manifest.replications
            }
            ranking = outcome
        }
    }

    /// Throws unless every results file the manifest sized is there with that many bytes: a file
    /// cut short (a copy that did not finish, a full disk) or edited would give a wrong report.
    private static func check(_ sizes: [String: Int], in folder: URL) throws {
        var problems: [String] = []
        for (name, bytes) in sizes.sorted(by: { $0.key < $1.key }) {
            guard let size = FileSize.bytes(at: folder.appendingPathComponent(name)) else {
                problems.append("\(name) is missing (the run wrote \(bytes) bytes)")
                continue
            }
            if size != bytes { problems.append("\(name) has \(size) bytes where the run wrote \(bytes)") }
        }
        if !problems.isEmpty { throw ReportError.changedFiles(folder: folder.path, problems: problems) }
    }

    private static func number(_ text: String) -> Double { Double(text) ?? .nan }

    private mutating func readSummary(_ csv: ResultsCSV) {
        guard let o = csv.column("option"), let w = csv.column("window"), let l = csv.column("label"),
              let s = csv.column("period_start"), let z = csv.column("zone"), let m = csv.column("measure"),
              let u = csv.column("unit"), let n = csv.column("n"), let mean = csv.column("mean"),
              let lo = csv.column("ci95_low"), let hi = csv.column("ci95_high") else { return }
        var seenWindows = Set<String>(), seenZones = Set<String>(), seenMeasures = Set<String>()
        // One entry a row: sized once rather than rehashed as it grows (a long run has 10⁵ rows).
        stats.reserveCapacity(stats.count + csv.rows.count)
        for row in csv.rows where row.count == csv.header.count {
            if seenWindows.insert(row[l]).inserted { windows.append(Window(kind: row[w], label: row[l], start: row[s])) }
            if row[z] != "all" && seenZones.insert(row[z]).inserted { zones.append(row[z]) }
            if seenMeasures.insert(row[m]).inserted { measures.append(row[m]); units[row[m]] = row[u] }
            stats[Self.key(row[o], row[l], row[z], row[m])] = Stat(n: Int(row[n]) ?? 0, mean: Self.number(row[mean]),
                                                                    low: Self.number(row[lo]), high: Self.number(row[hi]))
        }
    }

    private mutating func readBands(_ csv: ResultsCSV) {
        guard let o = csv.column("option"), let s = csv.column("period_start"), let m = csv.column("measure"),
              let p05 = csv.column("p05") else { return }
        for row in csv.rows where row.count == csv.header.count {
            guard let start = ISODate.parse(row[s]) else { continue }
            if bands[row[m]] == nil { bandMeasures.append(row[m]) }
            let values = (p05..<(p05 + 5)).map { Self.number(row[$0]) }
            bands[row[m], default: [:]][row[o], default: []].append((start, values))
        }
    }

    private mutating func readComparison(_ csv: ResultsCSV) {
        guard let a = csv.column("option_a"), let b = csv.column("option_b"), let l = csv.column("label"),
              let z = csv.column("zone"), let m = csv.column("measure"), let n = csv.column("n"),
              let sa = csv.column("share_a_better"), let sb = csv.column("share_b_better") else { return }
        let ratio = csv.column("crn_variance_ratio")
        for row in csv.rows where row.count == csv.header.count && row[z] == "all" {
            comparisons[Self.key(row[a] + "|" + row[b], row[l], "all", row[m])] =
                Comparison(n: Int(row[n]) ?? 0, shareABetter: Self.number(row[sa]), shareBBetter: Self.number(row[sb]),
                           crnVarianceRatio: ratio.map { Self.number(row[$0]) } ?? .nan)
        }
    }

    private mutating func readReplications(_ csv: ResultsCSV) {
        guard let o = csv.column("option") else { return }
        for row in csv.rows where row.count == csv.header.count {
            for (k, name) in csv.header.enumerated() where k > o {
                replications[row[o], default: [:]][name, default: []].append(Self.number(row[k]))
            }
        }
    }

    private static func key(_ option: String, _ label: String, _ zone: String, _ measure: String) -> String {
        option + "\u{1F}" + label + "\u{1F}" + zone + "\u{1F}" + measure
    }

    /// The statistics of one cell, if the files have it.
    func stat(_ option: String, _ window: Window, zone: String = "all", _ measure: String) -> Stat? {
        stats[Self.key(option, window.label, zone, measure)]
    }

    /// The chance option `b` does better than option `a` over the whole run (county).
    func comparison(_ a: String, _ b: String, _ measure: String) -> Comparison? {
        guard let whole = wholeRun else { return nil }
        return comparisons[Self.key(a + "|" + b, whole.label, "all", measure)]
    }

    var wholeRun: Window? { windows.last { $0.kind == "horizon" } }
    var financialYears: [Window] { windows.filter { $0.kind == "financial_year" } }
    func has(_ measure: String) -> Bool { units[measure] != nil }
}
