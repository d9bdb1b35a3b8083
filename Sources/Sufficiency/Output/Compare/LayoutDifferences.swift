/// What one run has that the other has not: options, windows, zones and measures that appear
/// in only one summary.csv. The comparison covers what both have and lists these.
public struct LayoutDifferences: Sendable, Equatable {
    /// One kind of thing (`options`, `windows`, `zones`, `measures`) in one run only, in that
    /// run's order.
    public struct Difference: Sendable, Equatable {
        public var kind: String
        public var onlyA: [String]
        public var onlyB: [String]
    }

    /// The kinds with something in one run only, in the order options, windows, zones, measures.
    public var differences: [Difference]
    /// Cells (option × window × zone × measure) whose parts both runs have but only one run
    /// gave a value (a wait in a zone where one run placed nobody).
    public var cellsOnlyA: Int
    public var cellsOnlyB: Int

    /// Whether the two runs have the same options, windows, zones and measures.
    public var isEmpty: Bool { differences.isEmpty }

    /// One sentence per difference: "zones only in A: Marshes".
    public var sentences: [String] {
        var out: [String] = []
        for d in differences {
            if !d.onlyA.isEmpty { out.append("\(d.kind) only in A: \(d.onlyA.joined(separator: ", "))") }
            if !d.onlyB.isEmpty { out.append("\(d.kind) only in B: \(d.onlyB.joined(separator: ", "))") }
        }
        if cellsOnlyA > 0 { out.append("\(cellsOnlyA) cells with a value in A only (no replication of B had one)") }
        if cellsOnlyB > 0 { out.append("\(cellsOnlyB) cells with a value in B only (no replication of A had one)") }
        return out
    }

    /// The kinds in `a` and `b`, each in first-seen order, and what each has alone.
    static func of(_ a: [SummaryCell], _ b: [SummaryCell]) -> (common: Parts, differences: [Difference]) {
        let partsA = Parts(a), partsB = Parts(b)
        var differences: [Difference] = []
        var common = Parts()
        for (kind, path) in Parts.kinds {
            let inA = partsA[keyPath: path], inB = partsB[keyPath: path]
            let setA = Set(inA), setB = Set(inB)
            common[keyPath: path] = inA.filter(setB.contains)
            let onlyA = inA.filter { !setB.contains($0) }, onlyB = inB.filter { !setA.contains($0) }
            if !onlyA.isEmpty || !onlyB.isEmpty { differences.append(Difference(kind: kind, onlyA: onlyA, onlyB: onlyB)) }
        }
        return (common, differences)
    }

    /// A run's options, windows (kind and label), zones (not `all`) and measures, in first-seen order.
    struct Parts {
        var options: [String] = []
        var windows: [String] = []
        var zones: [String] = []
        var measures: [String] = []

        /// Key paths are immutable values; the array is a constant.
        nonisolated(unsafe) static let kinds: [(String, WritableKeyPath<Parts, [String]>)] = [
            ("options", \.options), ("windows", \.windows), ("zones", \.zones), ("measures", \.measures),
        ]

        init() {}

        init(_ cells: [SummaryCell]) {
            var seen: [Set<String>] = Array(repeating: [], count: 4)
            for cell in cells {
                if seen[0].insert(cell.option).inserted { options.append(cell.option) }
                if seen[1].insert(cell.windowKey).inserted { windows.append(cell.windowKey) }
                if cell.zone != "all", seen[2].insert(cell.zone).inserted { zones.append(cell.zone) }
                if seen[3].insert(cell.measure).inserted { measures.append(cell.measure) }
            }
        }
    }
}
