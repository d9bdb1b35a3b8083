/// How rates rise each April.
public enum UpliftRule: Sendable, Equatable {
    /// No uplift.
    case none
    /// `w × NLW% + (1 − w) × CPI%`, with w the staff-cost weight (0–1).
    case weighted(staffWeight: Double)
    /// The same percentage every year (0.03 = 3%).
    case flat(Double)
    /// A percentage by route and financial year (starting April); routes or years
    /// missing from the table fall back to `otherwise`.
    indirect case table([Route: [Int: Double]], otherwise: UpliftRule)

    /// The uplift (0.05 = 5%) for `route` in the financial year starting in April of `year`,
    /// given that year's NLW and CPI changes as fractions.
    public func uplift(route: Route, year: Int, nlwChange: Double, cpiChange: Double) -> Double {
        switch self {
        case .none:
            return 0
        case .weighted(let w):
            return w * nlwChange + (1 - w) * cpiChange
        case .flat(let p):
            return p
        case .table(let table, let otherwise):
            if let p = table[route]?[year] { return p }
            return otherwise.uplift(route: route, year: year, nlwChange: nlwChange, cpiChange: cpiChange)
        }
    }
}
