/// Where one period's results sit in a home care run's bins: the engine fills them
/// (`HomeCareSimulation.bins`, one block of `stride` doubles a period) and `MeasureComputer`
/// reads them, both through this layout.
///
/// A period's block holds every zone's `PeriodField`s (zone-major), then the hours delivered
/// by each provider in each zone (provider-major), then spend by route and client group
/// (route-major: route r's groups at `r × groups`).
struct HomeCareBinLayout: Equatable, Sendable {
    let zones: Int
    let providers: Int
    /// Client groups.
    let groups: Int

    static let fieldCount = PeriodField.allCases.count

    /// Spend cells: route × client group.
    var spendCells: Int { Route.allCases.count * groups }
    /// Offset of provider p's delivered hours in zone z: `deliveredOffset + p × zones + z`.
    var deliveredOffset: Int { zones * Self.fieldCount }
    /// Offset of the spend through route r on group g: `spendOffset + r × groups + g`.
    var spendOffset: Int { deliveredOffset + providers * zones }
    /// Doubles per period.
    var stride: Int { spendOffset + spendCells }
}
