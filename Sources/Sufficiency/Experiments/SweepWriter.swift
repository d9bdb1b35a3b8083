import Foundation

/// Writes a sweep's results folder atomically: `sweep.csv`, `points.csv`, `targets.csv` when
/// targets were counted, `sensitivity.csv` for a Saltelli design, and `manifest.json`. See docs/EXPERIMENTS.md for every column.
public enum SweepWriter {
    /// File names, in the order they are written, without targets.
    public static let files = ["sweep.csv", "points.csv", "manifest.json"]

    /// File names of a sweep's results, in the order they are written.
    public static func files(_ results: SweepResults) -> [String] {
        ["sweep.csv", "points.csv"] + (results.targets.isEmpty ? [] : ["targets.csv"])
            + (results.plan.settings.design == .saltelli ? ["sensitivity.csv"] : []) + ["manifest.json"]
    }

    /// Header of sensitivity.csv.
    public static let sensitivityHeader = [
        "measure", "option", "window", "parameter", "first_order", "first_order_low", "first_order_high",
        "total", "total_low", "total_high", "base_rows",
    ]

    /// Header of targets.csv; `parameters` are the sweep's key paths, one column each.
    public static func targetsHeader(parameters: [String]) -> [String] {
        ["point"] + parameters + ["option", "target", "replications", "met", "share", "share_low", "share_high"]
    }

    /// Header of sweep.csv; `parameters` are the sweep's key paths, one column each.
    public static func sweepHeader(parameters: [String]) -> [String] {
        ["point"] + parameters + [
            "option", "window", "label", "period_start", "period_end", "measure", "unit",
            "n", "mean", "sd", "ci95_low", "ci95_high", "diff_mean", "diff_ci95_low", "diff_ci95_high",
        ]
    }

    /// Writes every file into `directory`, replacing it only once all are complete; the same
    /// refusal rules as a run's results apply (`ResultsWriter.checkDestination`).
    public static func write(_ results: SweepResults, to directory: URL, manifest: Manifest) throws {
        try ResultsWriter.checkDestination(directory)
        let staged = try AtomicDirectory(destination: directory)
        do {
            try writeSweep(results, to: staged.url(for: "sweep.csv"))
            try writePoints(results.plan, to: staged.url(for: "points.csv"))
            if !results.targets.isEmpty { try writeTargets(results, to: staged.url(for: "targets.csv")) }
            if results.plan.settings.design == .saltelli {
                try writeSensitivity(results, to: staged.url(for: "sensitivity.csv"))
            }
            var manifest = manifest
            manifest.files = files(results)
            manifest.experiment = record(results.plan)
            try staged.write(manifest.jsonData(), to: "manifest.json")
            try staged.commit()
        } catch {
            staged.discard()
            throw error
        }
    }

    /// The manifest's description of a sweep.
    public static func record(_ plan: SweepPlan) -> ExperimentRecord {
        ExperimentRecord(kind: "sweep", design: plan.settings.design.rawValue, points: plan.points.count,
                         parameters: plan.settings.parameters.map(\.path))
    }

    static func writeSweep(_ results: SweepResults, to url: URL) throws {
        let layout = results.layout
        let plan = results.plan
        let csv = try CSVFileWriter(url: url, header: sweepHeader(parameters: plan.settings.parameters.map(\.path)))
        let runner = results.runner
        let windows = layout.windows.map {
            WindowLabel.fields($0, calendar: runner.calendar, period: runner.scenario.calendar.period)
        }
        let options = layout.options.map { CSVFields([$0]) }
        let measures = layout.measures.all.map { CSVFields([$0.name, $0.unit]) }
        for (p, point) in plan.points.enumerated() {
            let values = CSVFields(values: point.values.map(\.text))
            for (i, cell) in results.tracked.enumerated() {
                let s = results.summaries[p][i]
                if s.n == 0 { continue }
                let d = results.differences[p][i]
                csv.integer(point.number)
                csv.append(values)
                csv.append(options[cell.option])
                csv.append(windows[cell.window])
                csv.append(measures[cell.measure])
                csv.integer(s.n)
                csv.number(s.mean)
                csv.number(s.sd)
                csv.number(s.ciLow)
                csv.number(s.ciHigh)
                csv.number(d.meanDifference)
                csv.number(d.ciLow)
                csv.number(d.ciHigh)
                try csv.endRow()
            }
        }
        try csv.close()
    }

    /// One row per point, option and target: the replications meeting it, their share and its
    /// 95% Clopper–Pearson interval (as solve gives for its share).
    static func writeTargets(_ results: SweepResults, to url: URL) throws {
        let plan = results.plan
        let csv = try CSVFileWriter(url: url, header: targetsHeader(parameters: plan.settings.parameters.map(\.path)))
        let options = results.layout.options.map { CSVFields([$0]) }
        let targets = results.targets.map { CSVFields([$0.description]) }
        let n = results.replications
        for point in plan.points {
            let values = CSVFields(values: point.values.map(\.text))
            for o in options.indices {
                for t in targets.indices {
                    let met = results.met(point: point.number, option: o, target: t)
                    let interval = Solver.clopperPearson(successes: met, trials: n)
                    csv.integer(point.number)
                    csv.append(values)
                    csv.append(options[o])
                    csv.append(targets[t])
                    csv.integer(n)
                    csv.integer(met)
                    csv.number(Double(met) / Double(n))
                    csv.number(interval.low)
                    csv.number(interval.high)
                    try csv.endRow()
                }
            }
        }
        try csv.close()
    }

    /// One row per measure, option and parameter: the Sobol indices over the whole run with
    /// their 95% bootstrap intervals (`SweepIndices`); empty fields where the measure's point
    /// means do not vary.
    static func writeSensitivity(_ results: SweepResults, to url: URL) throws {
        let csv = try CSVFileWriter(url: url, header: sensitivityHeader)
        let layout = results.layout
        let parameters = results.plan.settings.parameters.map { CSVFields([$0.path]) }
        let measures = layout.measures.all.map { CSVFields([$0.name]) }
        let options = layout.options.map { CSVFields([$0]) }
        let window = CSVFields(["horizon"])
        // Measure by measure, then option, as a reader compares options for one measure.
        let ordered = results.sensitivity.sorted { ($0.measure, $0.option) < ($1.measure, $1.option) }
        for entry in ordered {
            for (i, parameter) in parameters.enumerated() {
                let first = entry.indices.firstOrder[i], total = entry.indices.total[i]
                csv.append(measures[entry.measure])
                csv.append(options[entry.option])
                csv.append(window)
                csv.append(parameter)
                for x in [first.estimate, first.low, first.high, total.estimate, total.low, total.high] { csv.number(x) }
                csv.integer(entry.indices.baseRows)
                try csv.endRow()
            }
        }
        try csv.close()
    }

    static func writePoints(_ plan: SweepPlan, to url: URL) throws {
        let csv = try CSVFileWriter(url: url, header: ["point"] + plan.settings.parameters.map(\.path))
        for point in plan.points {
            csv.integer(point.number)
            for value in point.values { csv.value(value.text) }
            try csv.endRow()
        }
        try csv.close()
    }
}
