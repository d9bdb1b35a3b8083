/// The text columns of the results files, encoded once per option, window, zone and measure
/// rather than once per row.
struct RowText {
    /// Each option's name, by option index.
    let options: [CSVFields]
    /// Each window's kind, label, first and last day, by window index.
    let windows: [CSVFields]
    /// Each zone slot's name ("all" first).
    let zones: [CSVFields]
    /// Each measure's name and unit, as summary.csv shows them.
    let measures: [CSVFields]
    /// Each measure's name, unit and better direction (empty when neither), as
    /// comparison.csv shows them.
    let comparedMeasures: [CSVFields]

    init(_ layout: ResultLayout, runner: Runner) {
        options = layout.options.map { CSVFields([$0]) }
        windows = layout.windows.map {
            WindowLabel.fields($0, calendar: runner.calendar, period: runner.scenario.calendar.period)
        }
        zones = layout.zoneNames.map { CSVFields([$0]) }
        measures = layout.measures.all.map { CSVFields([$0.name, $0.unit]) }
        comparedMeasures = layout.measures.all.map { CSVFields([$0.name, $0.unit, $0.better?.rawValue ?? ""]) }
    }
}
