/// providers.csv read back for the report: each provider's figures by option and window, with
/// the names as the scenario gives them (`ResultsCSV` takes off the `'` put before formulas).
struct ProviderResults {
    /// Providers in file order (the scenario's).
    private(set) var names: [String] = []
    /// Windows in file order: the financial years, then the whole run.
    private(set) var windows: [ReportData.Window] = []
    private var stats: [String: ReportData.Stat] = [:]

    /// Reads `csv`; nil when it lacks a column providers.csv has.
    init?(_ csv: ResultsCSV) {
        guard let o = csv.column("option"), let w = csv.column("window"), let l = csv.column("label"),
              let s = csv.column("period_start"), let p = csv.column("provider"), let m = csv.column("measure"),
              let n = csv.column("n"), let mean = csv.column("mean"), let lo = csv.column("ci95_low"),
              let hi = csv.column("ci95_high") else { return nil }
        var seenWindows = Set<String>(), seenProviders = Set<String>()
        stats.reserveCapacity(csv.rows.count)
        for row in csv.rows where row.count == csv.header.count {
            if seenWindows.insert(row[l]).inserted { windows.append(ReportData.Window(kind: row[w], label: row[l], start: row[s])) }
            if seenProviders.insert(row[p]).inserted { names.append(row[p]) }
            stats[Self.key(row[o], row[l], row[p], row[m])] = ReportData.Stat(
                n: Int(row[n]) ?? 0, mean: Double(row[mean]) ?? .nan, low: Double(row[lo]) ?? .nan,
                high: Double(row[hi]) ?? .nan)
        }
    }

    private static func key(_ option: String, _ label: String, _ provider: String, _ measure: String) -> String {
        option + "\u{1F}" + label + "\u{1F}" + provider + "\u{1F}" + measure
    }

    /// The statistics of one provider's figure, if the file has them.
    func stat(_ option: String, _ window: ReportData.Window, _ provider: String, _ measure: ProviderMeasure) -> ReportData.Stat? {
        stats[Self.key(option, window.label, provider, measure.measure.name)]
    }

    var wholeRun: ReportData.Window? { windows.last { $0.kind == "horizon" } }
    var financialYears: [ReportData.Window] { windows.filter { $0.kind == "financial_year" } }

    /// Up to `count` providers with the most hours delivered a week over the whole run under
    /// `option` (mean across replications), most first; ties in file order.
    func largest(_ option: String, count: Int) -> [String] {
        guard let whole = wholeRun else { return [] }
        let hours = names.map { stat(option, whole, $0, .weeklyHours)?.mean ?? .nan }
        return names.indices.filter { hours[$0].isFinite }
            .sorted { hours[$0] != hours[$1] ? hours[$0] > hours[$1] : $0 < $1 }
            .prefix(count).map { names[$0] }
    }

    /// The number of providers that had left the market by the end of `window` under `option`,
    /// a mean over replications (the sum over providers of each one's share of replications; a
    /// would-be entrant that never entered counts 0); NaN with no providers.
    func exitedCount(_ option: String, _ window: ReportData.Window) -> Double {
        let shares = names.compactMap { stat(option, window, $0, .exited)?.mean }.filter(\.isFinite)
        return shares.isEmpty ? .nan : shares.reduce(0, +)
    }
}
