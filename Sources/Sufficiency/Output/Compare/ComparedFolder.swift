import Foundation

/// A results folder read back for `sufficiency compare`: its manifest, every summary.csv cell,
/// and the per-replication whole-run values of replications.csv.
public struct ComparedFolder: Sendable {
    /// The folder as given on the command line.
    public let path: String
    public let manifest: Manifest
    /// summary.csv's rows, in file order.
    public let cells: [SummaryCell]
    /// Where each cell is in `cells`.
    let index: [SummaryCell.Key: Int]
    /// replications.csv's values: option → measure → replication number → whole-run county
    /// value (missing where the field is empty). Empty when the folder has no replications.csv.
    let replications: [String: [String: [Int: Double]]]
    /// Which way is better for each measure (`lower`, `higher`), from comparison.csv where the
    /// run wrote one.
    let better: [String: String]
    /// summary.csv's bytes, to tell two copies of the same run.
    let summaryBytes: Data

    /// Reads `path`; throws `CompareError` when it is not a run's results folder or its files
    /// are not as the run wrote them.
    public init(path: String) throws(CompareError) {
        self.path = path
        let folder = URL(fileURLWithPath: path)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) else {
            throw .notAResultsFolder(path: path, reason: "there is no such folder")
        }
        guard isFolder.boolValue else { throw .notAResultsFolder(path: path, reason: "it is a file") }
        let manifestURL = folder.appendingPathComponent("manifest.json")
        guard let data = FileManager.default.contents(atPath: manifestURL.path) else {
            throw .notAResultsFolder(path: path, reason: "it has no manifest.json")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              object["tool"] as? String == "sufficiency" else {
            throw .notAResultsFolder(path: path, reason: "its manifest.json was not written by Sufficiency")
        }
        if let experiment = object["experiment"] as? [String: Any], let kind = experiment["kind"] as? String {
            throw .missingSummary(path: path, kind: "a \(kind) folder")
        }
        if object["kind"] as? String == "compare" { throw .missingSummary(path: path, kind: "a comparison folder") }
        do {
            manifest = try JSONDecoder().decode(Manifest.self, from: data)
        } catch {
            throw .unreadableManifest(path: manifestURL.path, reason: ReportError.reason(error))
        }
        let summaryURL = folder.appendingPathComponent("summary.csv")
        guard let summary = try? Data(contentsOf: summaryURL) else {
            throw .missingSummary(path: path, kind: "a results folder without summary.csv")
        }
        for (name, bytes) in (manifest.fileBytes ?? [:]).sorted(by: { $0.key < $1.key })
        where name == "summary.csv" || name == "replications.csv" || name == "comparison.csv" {
            let size = FileSize.bytes(at: folder.appendingPathComponent(name))
            if size != bytes {
                throw .damagedFile(path: folder.appendingPathComponent(name).path,
                                   reason: size.map { "it has \($0) bytes where the run wrote \(bytes)" }
                                       ?? "it is missing (the run wrote \(bytes) bytes)")
            }
        }
        summaryBytes = summary
        cells = try Self.readSummary(ResultsCSV(data: summary), path: summaryURL.path)
        var index: [SummaryCell.Key: Int] = [:]
        index.reserveCapacity(cells.count)
        for (i, cell) in cells.enumerated() { index[cell.key] = i }
        self.index = index
        replications = ResultsCSV(url: folder.appendingPathComponent("replications.csv")).map(Self.readReplications) ?? [:]
        better = ResultsCSV(url: folder.appendingPathComponent("comparison.csv")).map(Self.readBetter) ?? [:]
    }

    /// The cell at `key`, if the run has one.
    public func cell(_ key: SummaryCell.Key) -> SummaryCell? { index[key].map { cells[$0] } }

    private static func readSummary(_ csv: ResultsCSV, path: String) throws(CompareError) -> [SummaryCell] {
        guard let o = csv.column("option"), let w = csv.column("window"), let l = csv.column("label"),
              let s = csv.column("period_start"), let e = csv.column("period_end"), let z = csv.column("zone"),
              let m = csv.column("measure"), let u = csv.column("unit"), let n = csv.column("n"),
              let mean = csv.column("mean"), let sd = csv.column("sd") else {
            throw .damagedFile(path: path, reason: "it has not the columns of a summary.csv")
        }
        var cells: [SummaryCell] = []
        cells.reserveCapacity(csv.rows.count)
        for (i, row) in csv.rows.enumerated() {
            guard row.count == csv.header.count, let count = Int(row[n]), let average = Double(row[mean]) else {
                throw .damagedFile(path: path, reason: "line \(i + 2) is not a summary row")
            }
            cells.append(SummaryCell(option: row[o], window: row[w], label: row[l], periodStart: row[s], periodEnd: row[e],
                                     zone: row[z], measure: row[m], unit: row[u], n: count, mean: average,
                                     sd: Double(row[sd]) ?? .nan))
        }
        return cells
    }

    private static func readReplications(_ csv: ResultsCSV) -> [String: [String: [Int: Double]]] {
        guard let r = csv.column("replication"), let o = csv.column("option") else { return [:] }
        let measures = csv.header.enumerated().filter { $0.offset != r && $0.offset != o }
        var values: [String: [String: [Int: Double]]] = [:]
        for row in csv.rows where row.count == csv.header.count {
            guard let replication = Int(row[r]) else { continue }
            for (column, measure) in measures {
                if let x = Double(row[column]) { values[row[o], default: [:]][measure, default: [:]][replication] = x }
            }
        }
        return values
    }

    private static func readBetter(_ csv: ResultsCSV) -> [String: String] {
        guard let m = csv.column("measure"), let b = csv.column("better") else { return [:] }
        var better: [String: String] = [:]
        for row in csv.rows where row.count == csv.header.count && better[row[m]] == nil { better[row[m]] = row[b] }
        return better
    }
}
