extension ScenarioLoader {
    static let pricesKeys = ["nlw", "cpi", "futures", "future", "cost", "uncertainty", "minimum_price"]
    static let futureKeys = ["nlw", "cpi"]
    static let uncertaintyKeys = ["from_year", "cpi_sd", "nlw_rise_sd"]
    static let costKeys = ["ni_pension_rate", "other_on_cost_rate", "mileage_per_travel_hour",
                           "running_cost_per_hour", "base_year", "surplus_rate"]

    /// `prices`: the National Living Wage by year (£ an hour from April), CPI by year
    /// (fractions, 12 months to September) and the cost build-up. A table given replaces the
    /// published one whole; one left out keeps `PriceSettings.published`.
    static func decodePrices(_ reader: NodeReader) -> PriceSettings {
        let published = PriceSettings.published
        guard let prices = reader.mapping(keys: pricesKeys) else { return published }
        var nlw = prices.optional("nlw").flatMap(decodeNLWTable)
        var cpi = prices.optional("cpi").flatMap(decodeCPITable)
        // A named future extends (or overrides) the tables year by year.
        let futures = prices.optional("futures").flatMap(decodeFutures) ?? [:]
        if let chosen = prices.optional("future") {
            if let name = chosen.text?.trimmingWhitespace, let future = futures[name] {
                nlw = (nlw ?? published.nlw).merging(future.nlw) { $1 }
                cpi = (cpi ?? published.cpi).merging(future.cpi) { $1 }
            } else if prices.optional("futures") == nil {
                chosen.reject(expected: "the name of a future given under prices.futures (there are none)")
            } else if !futures.isEmpty {
                chosen.reject(expected: NodeReader.oneOf(futures.keys.sorted()))
            }
        }
        let cost = prices.optional("cost").map(decodeCost) ?? published.cost
        let uncertainty = prices.optional("uncertainty").flatMap(decodeUncertainty)
        let minimum = prices.optional("minimum_price")?.yearTable(
            .positive("price in £ an hour"), expected: "a mapping from years to £ an hour, e.g. {2025: 32.14}")
        return PriceSettings(nlw: nlw ?? published.nlw, cpi: cpi ?? published.cpi, cost: cost,
                             uncertainty: uncertainty, minimumPrice: minimum ?? [:])
    }

    static func decodeNLWTable(_ reader: NodeReader) -> [Int: Double]? {
        reader.yearTable(.positive("wage in £ an hour"), expected: "a mapping from years to £ an hour, e.g. {2025: 12.21}")
    }

    static func decodeCPITable(_ reader: NodeReader) -> [Int: Double]? {
        reader.yearTable(NumberRule("a fraction greater than -1 (0.031 = 3.1%)") { $0 > -1 }.warningAboveOne("a CPI rise"),
                         expected: "a mapping from years to fractions, e.g. {2025: 0.038}")
    }

    /// `prices.futures`: named paths of NLW and CPI for the years ahead, e.g.
    /// `{high inflation: {nlw: {2027: 13.6}, cpi: {2026: 0.05}}}`; `prices.future` picks one.
    static func decodeFutures(_ reader: NodeReader) -> [String: (nlw: [Int: Double], cpi: [Int: Double])]? {
        guard let entries = reader.entries(expected: "a mapping from names to {nlw: ..., cpi: ...}") else { return nil }
        var futures: [String: (nlw: [Int: Double], cpi: [Int: Double])] = [:]
        for entry in entries {
            guard let name = entry.key.text?.trimmingWhitespace,
                  let future = entry.value.mapping(keys: futureKeys, expected: "a mapping such as {nlw: {2027: 13.1}, cpi: {2026: 0.02}}")
            else { continue }
            let nlw = future.optional("nlw").flatMap(decodeNLWTable) ?? [:]
            let cpi = future.optional("cpi").flatMap(decodeCPITable) ?? [:]
            futures[name] = (nlw, cpi)
        }
        return futures
    }

    /// `prices.uncertainty`: from which year NLW rises and CPI are drawn per replication,
    /// normal about the tables with these standard deviations (fractions: 0.01 = 1 point).
    static func decodeUncertainty(_ reader: NodeReader) -> PriceUncertainty? {
        guard let u = reader.mapping(keys: uncertaintyKeys) else { return nil }
        let sd = NumberRule.nonNegative("standard deviation as a fraction (0.01 = 1 percentage point)")
            .warningAboveOne("a standard deviation")
        let year = u.required("from_year")?.wholeNumber(.year)
        let cpi = u.optional("cpi_sd")?.number(sd) ?? 0
        let nlw = u.optional("nlw_rise_sd")?.number(sd) ?? 0
        guard let year else { return nil }
        return PriceUncertainty(fromYear: year, cpiSD: cpi, nlwRiseSD: nlw)
    }

    /// `prices.cost`: the Homecare Association's cost build-up of a contact hour.
    static func decodeCost(_ reader: NodeReader) -> CostBuildUp {
        let defaults = CostBuildUp()
        guard let cost = reader.mapping(keys: costKeys) else { return defaults }
        let share = NumberRule.nonNegative("share of pay (0.109 = 10.9%)").warningAboveOne("an on-cost")
        let perHour = NumberRule.nonNegative("amount in £ an hour")
        return CostBuildUp(
            niPensionRate: cost.optional("ni_pension_rate")?.number(share) ?? defaults.niPensionRate,
            otherOnCostRate: cost.optional("other_on_cost_rate")?.number(share) ?? defaults.otherOnCostRate,
            mileagePerTravelHour: cost.optional("mileage_per_travel_hour")?.number(perHour)
                ?? defaults.mileagePerTravelHour,
            runningCostPerHour: cost.optional("running_cost_per_hour")?.number(perHour) ?? defaults.runningCostPerHour,
            baseYear: cost.optional("base_year")?.wholeNumber(.year) ?? defaults.baseYear,
            surplusRate: cost.optional("surplus_rate")?.number(.nonNegative("share of the other costs (0.03 = 3%)").warningAboveOne("a surplus"))
                ?? defaults.surplusRate)
    }
}
