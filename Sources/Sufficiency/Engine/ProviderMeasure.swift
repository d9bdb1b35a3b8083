/// The figures providers.csv gives for each provider, in the order it gives them.
///
/// Stocks (hours a week, care workers) are time-averages over the window, flows (spend,
/// packages) totals over the window, and standings (`contractHeld`, `exited`) are 1 or 0 at the
/// window's end, so their mean across replications is the share of replications.
public enum ProviderMeasure: Int, CaseIterable, Sendable {
    case weeklyHours, weeklyHoursContracted, weeklyHoursSpot, weeklyHoursLegacy, careWorkers, margin, spend,
         contractHeld, exited, handBacks, transfers

    /// Its name, unit and meaning as the files give them.
    public var measure: Measure {
        switch self {
        case .weeklyHours:
            return Measure("weekly_hours", unit: "hours a week", better: nil, perZone: false,
                           "Contact hours delivered a week, time-average, on every route.")
        case .weeklyHoursContracted:
            return Measure("weekly_hours_contracted", unit: "hours a week", better: nil, perZone: false,
                           "Contact hours delivered a week under a contract of the option (strategic, approved, framework or DPS).")
        case .weeklyHoursSpot:
            return Measure("weekly_hours_spot", unit: "hours a week", better: nil, perZone: false,
                           "Contact hours delivered a week on spot packages.")
        case .weeklyHoursLegacy:
            return Measure("weekly_hours_legacy", unit: "hours a week", better: nil, perZone: false,
                           "Contact hours delivered a week on legacy packages (kept from before the option, with no contract).")
        case .careWorkers:
            return Measure("care_workers", unit: "people", better: nil, perZone: false,
                           "Care workers employed, time-average.")
        case .margin:
            return Measure("margin", unit: "share", better: nil, perZone: false,
                           "What the council paid minus the provider's cost of the hours delivered, over what it paid.")
        case .spend:
            return Measure("spend", unit: "GBP", better: nil, perZone: false, "Paid to the provider for hours delivered.")
        case .contractHeld:
            return Measure("contract_held", unit: "share", better: nil, perZone: false,
                           "1 if the provider held a contract of the option at the window's end, else 0.")
        case .exited:
            return Measure("exited", unit: "share", better: nil, perZone: false,
                           "1 if the provider had left the market by the window's end, else 0.")
        case .handBacks:
            return Measure("hand_backs", unit: "people", better: nil, perZone: false,
                           "Packages the provider handed back, all causes.")
        case .transfers:
            return Measure("transfers", unit: "people", better: nil, perZone: false,
                           "Packages moved from the provider to another one when a contract was re-tendered.")
        }
    }
}
