/// The figures providers.csv gives for each provider, in the order it gives them.
///
/// Stocks (hours a week, care workers) are time-averages over the window, flows (spend,
/// packages) totals over the window, and standings (`contractHeld`, `exited`) are 1 or 0 at the
/// window's end, so their mean across replications is the share of replications.
public enum ProviderMeasure: Int, CaseIterable, Sendable {
    case weeklyHours, weeklyHoursContracted, weeklyHoursSpot, weeklyHoursLegacy, careWorkers, margin, spend,
         contractHeld, exited, handBacks, transfers

    /// Its name as the files give it.
    public var name: String {
        switch self {
        case .weeklyHours: return MeasureName.weeklyHours
        case .weeklyHoursContracted: return MeasureName.weeklyHoursContracted
        case .weeklyHoursSpot: return MeasureName.weeklyHoursSpot
        case .weeklyHoursLegacy: return MeasureName.weeklyHoursLegacy
        case .careWorkers: return MeasureName.careWorkers
        case .margin: return MeasureName.margin
        case .spend: return MeasureName.spend
        case .contractHeld: return MeasureName.contractHeld
        case .exited: return MeasureName.exited
        case .handBacks: return MeasureName.handBacks
        case .transfers: return MeasureName.transfers
        }
    }

    /// Its name, unit and meaning as the files give them (`MeasureDefinition.providers`).
    public var measure: Measure {
        MeasureDefinition.providers[name: name].measure()
    }
}
