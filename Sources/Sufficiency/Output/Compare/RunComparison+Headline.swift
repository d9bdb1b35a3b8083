import Foundation

extension RunComparison {
    /// One headline cell of the whole run: a measure the end-of-run table shows
    /// (`HeadlineTable`), for an option, county-wide or in a zone.
    public struct HeadlineCell: Sendable {
        public var cell: ComparedCell
        /// The measure's label, with its unit and display scale: "Unmet hours a week".
        public var label: String
        /// The divisor and decimals the measure is shown with.
        var scale: Double
        var decimals: Int

        /// `value` scaled and rounded for display; `signed` puts + before a positive value.
        func text(_ value: Double, signed: Bool = false) -> String {
            guard value.isFinite else { return "–" }
            let shown = value / scale
            let text = String(format: "%.\(decimals)f", shown)
            let zero = String(format: "%.\(decimals)f", 0.0)
            if text == "-" + zero { return zero }
            return signed && shown > 0 && text != zero ? "+" + text : text
        }

        /// B − A and its interval: "+114 [98, 130]", or the difference alone without one.
        public var differenceText: String {
            let i = cell.interval
            guard i.low.isFinite, i.high.isFinite else { return text(i.difference, signed: true) }
            return "\(text(i.difference, signed: true)) [\(text(i.low)), \(text(i.high))]"
        }

        public var meanA: String { text(cell.a.mean) }
        public var meanB: String { text(cell.b.mean) }
    }

    /// The whole-run cells of the headline measures: every option's county (`all`) cells first,
    /// then each option's zones in A's order; with `differingOnly`, only those whose interval excludes 0.
    public func headline(differingOnly: Bool) -> [HeadlineCell] {
        var rows: [String: (order: Int, row: HeadlineTable.Row)] = [:]
        // Day opportunities' `placements` is a stock, home care's a flow: the rows are the service's.
        let highlights = MeasureHighlights.of { name in a.cells.contains { $0.measure == name } }
        for (i, row) in highlights.headline.enumerated() {
            rows[row.measure] = (i, row)
        }
        var optionOrder: [String: Int] = [:], zoneOrder: [String: Int] = ["all": -1]
        for cell in a.cells {
            if optionOrder[cell.option] == nil { optionOrder[cell.option] = optionOrder.count }
            if zoneOrder[cell.zone] == nil { zoneOrder[cell.zone] = zoneOrder.count }
        }
        let chosen = cells.filter { $0.a.window == "horizon" && rows[$0.a.measure] != nil
            && (!differingOnly || $0.interval.excludesZero) }
        let sorted = chosen.sorted {
            let l = ($0.a.zone == "all" ? 0 : 1, optionOrder[$0.a.option]!, zoneOrder[$0.a.zone]!, rows[$0.a.measure]!.order)
            let r = ($1.a.zone == "all" ? 0 : 1, optionOrder[$1.a.option]!, zoneOrder[$1.a.zone]!, rows[$1.a.measure]!.order)
            return l < r
        }
        return sorted.map {
            let row = rows[$0.a.measure]!.row
            return HeadlineCell(cell: $0, label: row.label, scale: row.scale, decimals: row.decimals)
        }
    }

    /// The zones (not the county) in which some measure over the whole run differs, in A's order.
    public var zonesThatDiffer: [String] {
        var seen = Set<String>(), zones: [String] = []
        for cell in cells where cell.a.window == "horizon" && cell.a.zone != "all" && cell.interval.excludesZero {
            if seen.insert(cell.a.zone).inserted { zones.append(cell.a.zone) }
        }
        return zones
    }

    /// The `--set` overrides on a run's command line, as `key=value`.
    public static func overrides(_ commandLine: [String]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < commandLine.count {
            if commandLine[i] == "--set", i + 1 < commandLine.count {
                out.append(commandLine[i + 1])
                i += 1
            } else if commandLine[i].hasPrefix("--set=") {
                out.append(String(commandLine[i].dropFirst(6)))
            }
            i += 1
        }
        return out
    }

    /// One line describing a run: its folder, scenario, overrides, seed and replications.
    public static func describe(_ folder: ComparedFolder) -> String {
        let m = folder.manifest
        let sets = overrides(m.commandLine).map { " --set \($0)" }.joined()
        return "\(folder.path) (\(m.scenarioFile)\(sets), seed \(m.seed), \(m.replications) replications)"
    }

    /// A sentence on how the intervals were worked out.
    public var pairingSentence: String {
        switch pairing {
        case .identical:
            return "The two folders hold the same run (same scenario, overrides, seed, replications and build): "
                + "every difference is 0."
        case .paired:
            return "Same seed and replications: whole-run county figures are paired by replication "
                + "(Student's t); zones and single years use Welch's interval, which ignores the pairing and is wider."
        case .unpaired(let reason):
            return "Not paired (\(reason)): every interval is Welch's, from the two summaries."
        }
    }
}
