import CGSL

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
    /// A negotiation whose outcome is uncertain: the council offers one rule, providers
    /// ask for another, and each April they settle at `offer + B × (ask − offer)`, with B
    /// drawn from a Beta(`alpha`, `beta`) distribution once per replication and year (the
    /// same settlement for every route and option in that year).
    indirect case negotiated(offer: UpliftRule, ask: UpliftRule, alpha: Double, beta: Double)

    /// The uplift (0.05 = 5%) for `route` in the financial year starting in April of `year`,
    /// given that year's NLW and CPI changes as fractions and, for a negotiated rule, the
    /// year's settlement draw `settlement` (a uniform number in (0, 1), mapped through the
    /// rule's Beta distribution so that options with different rules share it).
    public func uplift(route: Route, year: Int, nlwChange: Double, cpiChange: Double,
                       settlement: Double = 0.5) -> Double {
        switch self {
        case .none:
            return 0
        case .weighted(let w):
            return w * nlwChange + (1 - w) * cpiChange
        case .flat(let p):
            return p
        case .table(let table, let otherwise):
            if let p = table[route]?[year] { return p }
            return otherwise.uplift(route: route, year: year, nlwChange: nlwChange, cpiChange: cpiChange,
                                    settlement: settlement)
        case .negotiated(let offer, let ask, let alpha, let beta):
            let low = offer.uplift(route: route, year: year, nlwChange: nlwChange, cpiChange: cpiChange,
                                   settlement: settlement)
            let high = ask.uplift(route: route, year: year, nlwChange: nlwChange, cpiChange: cpiChange,
                                  settlement: settlement)
            return low + gsl_cdf_beta_Pinv(settlement, alpha, beta) * (high - low)
        }
    }
}
