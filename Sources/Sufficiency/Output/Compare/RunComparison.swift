/// Two runs' results compared cell by cell: for each option × window × zone × measure both
/// have, A's mean, B's mean and B − A with its 95% interval (`DifferenceInterval`).
///
/// Paired intervals need each replication's value, which replications.csv holds for the whole
/// run, county-wide only; so when the runs share their seed and replications (`pairing` is
/// `.paired`), those cells are paired and every other cell (zones, financial years, periods)
/// takes Welch's interval. Welch's interval ignores the common random numbers the runs share,
/// so it is the wider: a difference it finds is there, one it misses may still be.
public struct RunComparison: Sendable {
    /// Whether, and why not, the runs' replications can be paired.
    public enum Pairing: Sendable, Equatable {
        /// The folders hold the same run: same scenario and overrides (`scenarioSHA256`), seed,
        /// replications and build, and byte-identical summary.csv files.
        case identical
        /// Same seed and replications: replication k of each saw the same random numbers.
        case paired
        /// Not pairable; the sentence says why ("A used seed 42, B seed 7").
        case unpaired(String)
    }

    public let a: ComparedFolder
    public let b: ComparedFolder
    public let pairing: Pairing
    /// The cells both runs have, in A's summary.csv order.
    public let cells: [ComparedCell]
    public let layout: LayoutDifferences

    /// Compares `a` with `b`; throws `CompareError.nothingInCommon` when they share no option,
    /// window, zone or measure, or no cell.
    public init(a: ComparedFolder, b: ComparedFolder) throws(CompareError) {
        self.a = a
        self.b = b
        let (common, differences) = LayoutDifferences.of(a.cells, b.cells)
        func list(_ names: [String]) -> String { names.isEmpty ? "none" : names.joined(separator: ", ") }
        for (kind, path) in LayoutDifferences.Parts.kinds where kind != "zones" && common[keyPath: path].isEmpty {
            let d = differences.first { $0.kind == kind }
            throw .nothingInCommon(a: a.path, b: b.path,
                                   reason: "they have no \(kind) in common (A: \(list(d?.onlyA ?? [])); B: \(list(d?.onlyB ?? [])))")
        }
        pairing = Self.pairing(a, b)
        let options = Set(common.options), windows = Set(common.windows), measures = Set(common.measures)
        let zones = Set(common.zones + ["all"])
        func inCommon(_ key: SummaryCell.Key) -> Bool {
            options.contains(key.option) && windows.contains(key.window) && zones.contains(key.zone)
                && measures.contains(key.measure)
        }
        var cells: [ComparedCell] = []
        var onlyA = 0, onlyB = 0
        for cellA in a.cells {
            let key = cellA.key
            guard inCommon(key) else { continue }
            guard let cellB = b.cell(key) else { onlyA += 1; continue }
            let welch = DifferenceInterval.welch(nA: cellA.n, meanA: cellA.mean, sdA: cellA.sd,
                                                 nB: cellB.n, meanB: cellB.mean, sdB: cellB.sd)
            cells.append(ComparedCell(a: cellA, b: cellB, better: a.better[key.measure] ?? b.better[key.measure] ?? "",
                                      interval: Self.interval(cellA, cellB, a, b, pairing: pairing) ?? welch,
                                      welch: welch))
        }
        for cellB in b.cells where inCommon(cellB.key) && a.cell(cellB.key) == nil { onlyB += 1 }
        guard !cells.isEmpty else {
            throw .nothingInCommon(a: a.path, b: b.path, reason: "no option, window, zone and measure has a value in both")
        }
        self.cells = cells
        layout = LayoutDifferences(differences: differences, cellsOnlyA: onlyA, cellsOnlyB: onlyB)
    }

    /// The cells whose interval excludes 0.
    public var differing: [ComparedCell] { cells.filter { $0.interval.excludesZero } }

    /// How the runs' replications pair, from their manifests and files.
    static func pairing(_ a: ComparedFolder, _ b: ComparedFolder) -> Pairing {
        let ma = a.manifest, mb = b.manifest
        guard ma.seed == mb.seed else { return .unpaired("A used seed \(ma.seed), B seed \(mb.seed)") }
        guard ma.replications == mb.replications else {
            return .unpaired("A has \(ma.replications) replications, B \(mb.replications)")
        }
        if ma.scenarioSHA256 == mb.scenarioSHA256, ma.sufficiencyVersion == mb.sufficiencyVersion,
           a.summaryBytes == b.summaryBytes {
            return .identical
        }
        if a.replications.isEmpty || b.replications.isEmpty {
            return .unpaired("\(a.replications.isEmpty ? "A" : "B") has no replications.csv")
        }
        return .paired
    }

    /// The paired (or identical) interval of a cell, or nil where Welch's is the one to use.
    private static func interval(_ cellA: SummaryCell, _ cellB: SummaryCell, _ a: ComparedFolder, _ b: ComparedFolder,
                                 pairing: Pairing) -> DifferenceInterval? {
        switch pairing {
        case .identical:
            let d = cellB.mean - cellA.mean
            return DifferenceInterval(difference: d, low: d, high: d, method: .identical)
        case .unpaired:
            return nil
        case .paired:
            guard cellA.window == "horizon", cellA.zone == "all",
                  let valuesA = a.replications[cellA.option]?[cellA.measure],
                  let valuesB = b.replications[cellB.option]?[cellB.measure] else { return nil }
            let differences = valuesA.keys.sorted().compactMap { k in valuesB[k].map { $0 - valuesA[k]! } }
            guard differences.count >= 2 else { return nil }
            return DifferenceInterval.paired(differences)
        }
    }
}
