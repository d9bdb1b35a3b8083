/// The text columns of the results files, encoded once per option, window, zone and measure
/// rather than once per row.
struct RowText {
    /// Each option's name, by option index.
    let options: [CSVFields]
    /// Each window's kind, label, first and last day, by window index.
    let windows: [CSVFields]
    /// Zone name, measure name and unit, as summary.csv shows them; entry
    /// `slot × measures + m` for zone slot `slot` and measure `m`.
    let summaryTails: CSVFieldTable
    /// Zone name, measure name, unit and better direction (empty when neither), as
    /// comparison.csv shows them; indexed as `summaryTails`.
    let comparisonTails: CSVFieldTable

    init(_ layout: ResultLayout, runner: Runner) {
        options = layout.options.map { CSVFields([$0]) }
        windows = layout.windows.map {
            WindowLabel.fields($0, calendar: runner.calendar, period: runner.scenario.calendar.period)
        }
        let zones = layout.zoneNames.map { CSVFields([$0]) }
        let measures = layout.measures.all.map { CSVFields([$0.name, $0.unit]) }
        let compared = layout.measures.all.map { CSVFields([$0.name, $0.unit, $0.better?.rawValue ?? ""]) }
        summaryTails = CSVFieldTable(zones.flatMap { zone in measures.map { CSVFields(zone, $0) } })
        comparisonTails = CSVFieldTable(zones.flatMap { zone in compared.map { CSVFields(zone, $0) } })
    }
}
