extension ScenarioLoader {
    static let pricesKeys = ["nlw", "cpi", "cost"]
    static let costKeys = ["ni_pension_rate", "other_on_cost_rate", "mileage_per_travel_hour",
                           "running_cost_per_hour", "base_year", "surplus_rate"]

    /// `prices`: the National Living Wage by year (£ an hour from April), CPI by year
    /// (fractions, 12 months to September) and the cost build-up. A table given replaces the
    /// published one whole; one left out keeps `PriceSettings.published`.
    static func decodePrices(_ reader: NodeReader) -> PriceSettings {
        let published = PriceSettings.published
        guard let prices = reader.mapping(keys: pricesKeys) else { return published }
        let nlw = prices.optional("nlw")?.yearTable(.positive("wage in £ an hour"),
                                                    expected: "a mapping from years to £ an hour, e.g. {2025: 12.21}")
        let cpi = prices.optional("cpi")?.yearTable(
            NumberRule("a fraction greater than -1 (0.031 = 3.1%)") { $0 > -1 },
            expected: "a mapping from years to fractions, e.g. {2025: 0.038}")
        let cost = prices.optional("cost").map(decodeCost) ?? published.cost
        return PriceSettings(nlw: nlw ?? published.nlw, cpi: cpi ?? published.cpi, cost: cost)
    }

    /// `prices.cost`: the Homecare Association's cost build-up of a contact hour.
    static func decodeCost(_ reader: NodeReader) -> CostBuildUp {
        let defaults = CostBuildUp()
        guard let cost = reader.mapping(keys: costKeys) else { return defaults }
        let share = NumberRule.nonNegative("share of pay (0.109 = 10.9%)")
        let perHour = NumberRule.nonNegative("amount in £ an hour")
        return CostBuildUp(
            niPensionRate: cost.optional("ni_pension_rate")?.number(share) ?? defaults.niPensionRate,
            otherOnCostRate: cost.optional("other_on_cost_rate")?.number(share) ?? defaults.otherOnCostRate,
            mileagePerTravelHour: cost.optional("mileage_per_travel_hour")?.number(perHour)
                ?? defaults.mileagePerTravelHour,
            runningCostPerHour: cost.optional("running_cost_per_hour")?.number(perHour) ?? defaults.runningCostPerHour,
            baseYear: cost.optional("base_year")?.wholeNumber(.year) ?? defaults.baseYear,
            surplusRate: cost.optional("surplus_rate")?.number(.nonNegative("share of the other costs (0.03 = 3%)"))
                ?? defaults.surplusRate)
    }
}
