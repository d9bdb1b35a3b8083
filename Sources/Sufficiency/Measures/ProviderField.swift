/// Raw quantities recorded per reporting period and provider; every per-provider measure
/// (`ProviderMeasure`) is worked out from these over a window.
///
/// Areas are integrals over time in (unit × days): (hours a week)-days, (£ a week)-days or
/// people-days; dividing by the window's days gives a time-average, by 7 a total.
enum ProviderField: Int, CaseIterable {
    /// Hours a week delivered on packages under a contract of the running option (strategic,
    /// approved, framework or DPS) × days.
    case contractedArea
    /// Hours a week delivered on spot packages × days.
    case spotArea
    /// Hours a week delivered on legacy packages (kept from before the option, with no
    /// contract) × days.
    case legacyArea
    /// What the council paid for the hours delivered (£ a week × days).
    case spendArea
    /// The provider's cost of the hours delivered, at its cost per contact hour (£ a week × days).
    case costArea
    /// Care workers employed × days.
    case workersArea
    /// Packages the provider handed back in the period, all causes.
    case handBacks
    /// Packages moved from the provider to another one in the period (`noteTransfer`).
    case transfers
    /// 1 when the provider had left the market by the period's end, else 0.
    case exited
    /// 1 when it held a contract of the running option at the period's end (and was still in
    /// the market), else 0.
    case contractHeld
}
