/// Wages, inflation and what providers cost.
public struct PriceSettings: Sendable, Equatable {
    /// National Living Wage (£ an hour) from April of each year.
    public var nlw: [Int: Double]
    /// CPI inflation (0.101 = 10.1%), 12 months to September of each year; applied
    /// to running costs and CPI-linked uplifts the following April.
    public var cpi: [Int: Double]
    /// The cost of a contact hour.
    public var cost: CostBuildUp
    /// How uncertain the future NLW and CPI are; nil: the tables are taken as certain.
    public var uncertainty: PriceUncertainty?
    /// The Homecare Association's minimum price for home care (£ a contact hour) by
    /// financial year, compared with the rates paid in the finance measures; empty if not given.
    public var minimumPrice: [Int: Double]

    public init(nlw: [Int: Double], cpi: [Int: Double], cost: CostBuildUp = CostBuildUp(),
                uncertainty: PriceUncertainty? = nil, minimumPrice: [Int: Double] = [:]) {
        self.nlw = nlw
        self.cpi = cpi
        self.cost = cost
        self.uncertainty = uncertainty
        self.minimumPrice = minimumPrice
    }

    /// The Homecare Association's minimum prices, 2021-22 to 2025-26 (MODEL.md), £ an hour.
    public static let publishedMinimumPrice: [Int: Double] =
        [2021: 21.43, 2022: 23.20, 2023: 25.95, 2024: 28.53, 2025: 32.14]

    /// The published figures (MODEL.md): NLW from April 2021–2026, CPI to September 2021–2025.
    public static let published = PriceSettings(
        nlw: [2020: 8.72, 2021: 8.91, 2022: 9.50, 2023: 10.42, 2024: 11.44, 2025: 12.21, 2026: 12.71],
        cpi: [2020: 0.005, 2021: 0.031, 2022: 0.101, 2023: 0.067, 2024: 0.017, 2025: 0.038])

    /// NLW in the financial year starting April `year`; beyond the table it carries
    /// the last known value forward grown by the last known CPI.
    public func nlw(year: Int) -> Double {
        PriceSettings.lookup(nlw, year: year, growth: cpi(year: year - 1))
    }

    /// CPI for `year` (12 months to September); beyond the table the last value holds.
    public func cpi(year: Int) -> Double {
        if let v = cpi[year] { return v }
        let known = cpi.keys.sorted()
        guard let first = known.first, let last = known.last else { return 0 }
        return year < first ? cpi[first]! : cpi[last]!
    }

    /// Proportional NLW rise taking effect in April `year`.
    public func nlwChange(year: Int) -> Double {
        nlw(year: year) / nlw(year: year - 1) - 1
    }

    /// Running-cost index for April `year` relative to April `baseYear`, compounding
    /// the CPI to September before each April.
    public func runningIndex(year: Int) -> Double {
        var index = 1.0
        if year >= cost.baseYear {
            for y in cost.baseYear..<year { index *= 1 + cpi(year: y) }
        } else {
            for y in year..<cost.baseYear { index /= 1 + cpi(year: y) }
        }
        return index
    }

    private static func lookup(_ table: [Int: Double], year: Int, growth: Double) -> Double {
        if let v = table[year] { return v }
        let known = table.keys.sorted()
        guard let first = known.first, let last = known.last else { return 0 }
        if year < first { return table[first]! }
        var value = table[last]!
        if year > last { for _ in last..<year { value *= 1 + growth } }
        return value
    }
}
