import Foundation
import Testing
@testable import Sufficiency

extension ScenarioLoaderTests {
    /// The finance keys: futures, uncertainty, minimum prices, negotiated uplifts, pay
    /// pass-through and loss-making hand-backs.
    @Suite struct Prices {
        static let prices = """
            prices:
              nlw: {2023: 10.42, 2024: 11.44}
              cpi: {2023: 0.067}
              futures:
                central: {nlw: {2025: 12.0}, cpi: {2024: 0.02}}
                high inflation: {nlw: {2025: 12.5}, cpi: {2024: 0.05}}
              future: high inflation
              uncertainty: {from_year: 2025, cpi_sd: 0.01, nlw_rise_sd: 0.005}
              minimum_price: {2023: 25.95, 2024: 28.53}
              cost: {base_year: 2022}
            """

        static func yaml(prices: String = Prices.prices) -> String {
            ScenarioFixture.replacing("prices:\n  nlw: {2023: 10.42, 2024: 11.44}\n  cost: {base_year: 2022}", with: prices)
        }

        @Test func aChosenFutureExtendsTheTables() throws {
            let scenario = try ScenarioLoaderTests.load(Self.yaml())
            #expect(scenario.prices.nlw == [2023: 10.42, 2024: 11.44, 2025: 12.5])
            #expect(scenario.prices.cpi == [2023: 0.067, 2024: 0.05])
            #expect(scenario.prices.uncertainty == PriceUncertainty(fromYear: 2025, cpiSD: 0.01, nlwRiseSD: 0.005))
            #expect(scenario.prices.minimumPrice == [2023: 25.95, 2024: 28.53])
            let central = try ScenarioLoaderTests.load(Self.yaml(), overrides: ["prices.future=central"])
            #expect(central.prices.nlw[2025] == 12.0)
            #expect(central.prices.cpi[2024] == 0.02)
        }

        @Test func anUnknownFutureIsNamedWithTheChoices() {
            let problems = ScenarioLoaderTests.problems(Self.yaml(), overrides: ["prices.future=low"])
            #expect(problems.count == 1)
            #expect(problems.first?.contains("prices.future") == true)
            #expect(problems.first?.contains("central") == true && problems.first?.contains("high inflation") == true)
        }

        @Test func badUncertaintyAndMinimumPricesAreAllReported() {
            let yaml = Self.yaml(prices: Self.prices
                .replacingOccurrences(of: "cpi_sd: 0.01", with: "cpi_sd: -0.01")
                .replacingOccurrences(of: "{2023: 25.95,", with: "{2023: 0,"))
            let problems = ScenarioLoaderTests.problems(yaml)
            #expect(problems.count == 2)
            #expect(problems.contains { $0.contains("prices.uncertainty.cpi_sd") })
            #expect(problems.contains { $0.contains("prices.minimum_price") })
        }

        @Test func minimumPricesAddTheGapMeasureAndRoutesTheirSpend() throws {
            let scenario = try ScenarioLoaderTests.load(Self.yaml())
            let layout = ResultLayout(scenario: scenario, calendar: SimulationCalendar(scenario.calendar))
            let names = layout.measures.all.map(\.name)
            #expect(names.contains(MeasureName.minimumPriceGap))
            // The fixture's options use strategic, approved and framework contracts.
            #expect(layout.measures.routes == [.strategic, .approved, .framework, .spot, .legacy])
            #expect(names.contains(MeasureName.spendRouteGroup("framework", "older_people")))
            #expect(!names.contains(MeasureName.spendRoute("dps")))
            let plain = try ScenarioLoaderTests.load()
            #expect(!ResultLayout(scenario: plain, calendar: SimulationCalendar(plain.calendar))
                .measures.all.contains { $0.name == MeasureName.minimumPriceGap })
        }

        @Test func aNegotiatedUpliftDecodesItsOfferAndAsk() throws {
            let rule = "{rule: negotiated, offer: {rule: flat, rate: 0.03}, ask: {rule: weighted, staff_weight: 0.8}, alpha: 3}"
            let scenario = try ScenarioLoaderTests.load(overrides: ["options[framework].uplift=\(rule)"])
            #expect(scenario.options[1].uplift
                    == .negotiated(offer: .flat(0.03), ask: .weighted(staffWeight: 0.8), alpha: 3, beta: 2))
            let problems = ScenarioLoaderTests.problems(ScenarioFixture.yaml, overrides: [
                "options[framework].uplift={rule: negotiated, offer: {rule: flat, rate: 0.03}, beta: 0}",
            ])
            #expect(problems.count == 2)
            #expect(problems.contains { $0.contains("ask") })
            #expect(problems.contains { $0.contains("beta") })
        }

        @Test func payPassThroughAndLossHandBacksDecode() throws {
            let yaml = ScenarioFixture.yaml + """
                workforce: {pay_pass_through: 0.5}
                hand_backs: {loss_annual_hazard: 0.4, loss_margin: 0.02}

                """
            let scenario = try ScenarioLoaderTests.load(yaml)
            #expect(scenario.workforce.payPassThrough == 0.5)
            #expect(scenario.handBacks.lossAnnualHazard == 0.4)
            #expect(scenario.handBacks.lossMargin == 0.02)
            #expect(try ScenarioLoaderTests.load().workforce.payPassThrough == 0, "pay follows the NLW unless asked")
            let problems = ScenarioLoaderTests.problems(yaml, overrides: ["workforce.pay_pass_through=1.5"])
            #expect(problems.count == 1)
            #expect(problems.first?.contains("workforce.pay_pass_through") == true)
        }
    }
}
