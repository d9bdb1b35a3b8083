import Foundation

/// A sweep's results folder read back for its report: the manifest, the points' values,
/// each point's whole-run county-wide statistics from sweep.csv and, when the sweep counted
/// targets, targets.csv.
struct SweepReportData {
    /// A mean and its 95% interval, in the measure's unit (a target's share: 0–1).
    struct Stat: Equatable {
        var n: Int
        var mean: Double
        var low: Double
        var high: Double
    }

    let manifest: Manifest
    /// "grid", "latin_hypercube", "sobol" or "saltelli".
    let design: String
    /// The parameters' key paths, in column order.
    let parameters: [String]
    /// Point numbers, in file order, and each point's values (as the CSV files write them).
    let points: [(number: Int, values: [String])]
    let options: [String]
    /// Each measure's unit as the files write it.
    private(set) var units: [String: String] = [:]
    /// The targets counted, in file order (empty when the sweep counted none).
    private(set) var targets: [String] = []
    private var stats: [String: Stat] = [:]
    private var shares: [String: Stat] = [:]
    /// A Saltelli sweep's indices from sensitivity.csv, by measure, option and parameter.
    private var indices: [String: (first: Stat, total: Stat)] = [:]
    /// Whether the folder has sensitivity.csv.
    private(set) var hasSensitivity = false

    /// Whether `folder` holds a sweep's results (its sweep.csv or points.csv).
    static func isSweepFolder(_ folder: URL) -> Bool {
        ["sweep.csv", "points.csv"].contains {
            FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path)
        }
    }

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
        guard let experiment = manifest.experiment, experiment.kind == "sweep", let parameters = experiment.parameters else {
            throw ReportError.unreadableManifest(path: manifestURL.path,
                                                 reason: "it has no experiment of kind \"sweep\" with its parameters")
        }
        design = experiment.design ?? "grid"
        self.parameters = parameters
        options = manifest.options
        let pointsURL = folder.appendingPathComponent("points.csv")
        guard let pointsCSV = ResultsCSV(url: pointsURL) else { throw ReportError.missingFile(path: pointsURL.path) }
        guard pointsCSV.header == ["point"] + parameters else {
            throw ReportError.changedFiles(folder: folder.path,
                                           problems: ["points.csv's columns are not the manifest's parameters"])
        }
        points = pointsCSV.rows.filter { $0.count == pointsCSV.header.count }.compactMap { row in
            Int(row[0]).map { ($0, Array(row.dropFirst())) }
        }
        let sweepURL = folder.appendingPathComponent("sweep.csv")
        // Only the whole run is charted, so the financial years' rows are skipped unread.
        let wholeRun: ([String]) -> (ResultsCSV.RawRow) -> Bool = { header in
            let window = header.firstIndex(of: "window") ?? -1
            return { $0.field(window, is: "horizon") }
        }
        guard let sweep = ResultsCSV(url: sweepURL, keep: wholeRun) else { throw ReportError.missingFile(path: sweepURL.path) }
        if let p = sweep.column("point"), let o = sweep.column("option"), let m = sweep.column("measure"),
           let u = sweep.column("unit"), let n = sweep.column("n"), let mean = sweep.column("mean"),
           let lo = sweep.column("ci95_low"), let hi = sweep.column("ci95_high") {
            for row in sweep.rows where row.count == sweep.header.count {
                if units[row[m]] == nil { units[row[m]] = row[u] }
                stats[Self.key(row[p], row[o], row[m])] = Stat(n: Int(row[n]) ?? 0, mean: Self.number(row[mean]),
                                                               low: Self.number(row[lo]), high: Self.number(row[hi]))
            }
        }
        if let csv = ResultsCSV(url: folder.appendingPathComponent("targets.csv")),
           let p = csv.column("point"), let o = csv.column("option"), let t = csv.column("target"),
           let n = csv.column("replications"), let share = csv.column("share"),
           let lo = csv.column("share_low"), let hi = csv.column("share_high") {
            for row in csv.rows where row.count == csv.header.count {
                if !targets.contains(row[t]) { targets.append(row[t]) }
                shares[Self.key(row[p], row[o], row[t])] = Stat(n: Int(row[n]) ?? 0, mean: Self.number(row[share]),
                                                                low: Self.number(row[lo]), high: Self.number(row[hi]))
            }
        }
        readSensitivity(folder)
    }

    /// The first-order and total indices (estimate as `mean`, 95% bootstrap interval; `n` the
    /// base rows) of `measure` for `option` and `parameter`, from sensitivity.csv.
    func sobolIndices(measure: String, option: String, parameter: String) -> (first: Stat, total: Stat)? {
        indices[Self.key(measure, option, parameter)]
    }

    /// Point `point`'s whole-run statistic of `measure` for `option`.
    func stat(point: Int, option: String, measure: String) -> Stat? {
        stats[Self.key(String(point), option, measure)]
    }

    /// Point `point`'s share of replications of `option` meeting `target`.
    func share(point: Int, option: String, target: String) -> Stat? {
        shares[Self.key(String(point), option, target)]
    }

    /// Reads sensitivity.csv, when the folder has one.
    private mutating func readSensitivity(_ folder: URL) {
        guard let csv = ResultsCSV(url: folder.appendingPathComponent("sensitivity.csv")) else { return }
        hasSensitivity = true
        let columns = ["measure", "option", "parameter", "first_order", "first_order_low", "first_order_high",
                       "total", "total_low", "total_high", "base_rows"].map { csv.column($0) }
        guard columns.allSatisfy({ $0 != nil }) else { return }
        let c = columns.map { $0! }
        for row in csv.rows where row.count == csv.header.count {
            let n = Int(row[c[9]]) ?? 0
            let stat = { (k: Int) in Stat(n: n, mean: Self.number(row[c[k]]), low: Self.number(row[c[k + 1]]),
                                          high: Self.number(row[c[k + 2]])) }
            indices[Self.key(row[c[0]], row[c[1]], row[c[2]])] = (stat(3), stat(6))
        }
    }

    private static func key(_ parts: String...) -> String { parts.joined(separator: "\u{1}") }

    private static func number(_ text: String) -> Double { Double(text) ?? .nan }
}
