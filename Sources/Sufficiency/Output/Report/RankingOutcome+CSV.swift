extension RankingOutcome {
    /// The outcome `ranking.csv` holds (as `RankingWriter` writes it), read back for a report;
    /// nil when the file does not have its columns or rows.
    ///
    /// - Parameters:
    ///   - options: the run's options, in output order (the manifest's).
    ///   - replications: replications at each end, from the manifest; nil to take the most any
    ///     row had a value in.
    init?(csv: ResultsCSV, options: [String], replications: Int?) {
        let names = ["input", "end", "value", "option", "measure", "unit", "window", "better", "n", "mean", "ci95_low",
                     "ci95_high", "rank", "best_option", "margin", "gap", "gap_ci95_low", "gap_ci95_high", "flips", "source"]
        var column: [String: Int] = [:]
        for name in names {
            guard let c = csv.column(name) else { return nil }
            column[name] = c
        }
        let rows = csv.rows.filter { $0.count == csv.header.count }
        guard let first = rows.first else { return nil }
        func text(_ row: [String], _ name: String) -> String { row[column[name]!] }
        func number(_ row: [String], _ name: String) -> Double { Double(text(row, name)) ?? .nan }
        func option(_ name: String) -> Int? { options.firstIndex(of: name) }

        /// One end from its rows (one per option).
        func end(_ rows: [[String]]) -> End {
            var results = [OptionResult](repeating: OptionResult(n: 0, mean: .nan, ciLow: .nan, ciHigh: .nan),
                                         count: options.count)
            var ranks = [Int?](repeating: nil, count: options.count)
            for row in rows {
                guard let o = option(text(row, "option")) else { continue }
                results[o] = OptionResult(n: Int(text(row, "n")) ?? 0, mean: number(row, "mean"),
                                          ciLow: number(row, "ci95_low"), ciHigh: number(row, "ci95_high"))
                ranks[o] = Int(text(row, "rank"))
            }
            let row = rows[0]
            let value = number(row, "value")
            return End(value: value.isNaN ? nil : value, options: results, ranks: ranks,
                       best: option(text(row, "best_option")), margin: number(row, "margin"), gap: number(row, "gap"),
                       gapLow: number(row, "gap_ci95_low"), gapHigh: number(row, "gap_ci95_high"),
                       flips: text(row, "flips") == "true")
        }

        let baseRows = rows.filter { text($0, "end") == RankingWriter.baseEnd }
        guard !baseRows.isEmpty else { return nil }
        // The inputs in file order, each with its rows at each end.
        var keys: [String] = []
        var places: [Int?] = []
        var byEnd: [String: [String: [[String]]]] = [:]
        for row in rows where text(row, "end") != RankingWriter.baseEnd {
            let key = text(row, "input")
            if byEnd[key] == nil {
                keys.append(key)
                places.append(csv.column("input_rank").flatMap { Int(row[$0]) })
            }
            byEnd[key, default: [:]][text(row, "end"), default: []].append(row)
        }
        var inputs: [Input] = []
        for key in keys {
            guard let low = byEnd[key]?[RankingInput.End.low.rawValue], let high = byEnd[key]?[RankingInput.End.high.rawValue]
            else { return nil }
            inputs.append(Input(key: key, source: text(low[0], "source"), low: end(low), high: end(high)))
        }
        self.init(options: options, measure: text(first, "measure"), unit: text(first, "unit"),
                  better: Preference(rawValue: text(first, "better")) ?? .lower, window: text(first, "window"),
                  replications: replications ?? rows.compactMap { Int(text($0, "n")) }.max() ?? 0,
                  base: end(baseRows), inputs: inputs)
        // The order the run worked out from its unrounded figures, so the report lists the
        // inputs as the terminal did.
        let recorded = places.compactMap { $0 }
        if recorded.count == inputs.count, recorded.sorted() == inputs.indices.map({ $0 + 1 }) {
            order = inputs.indices.sorted { places[$0]! < places[$1]! }
        }
    }
}
