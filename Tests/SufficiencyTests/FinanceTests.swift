import XCTest
import CGSL
@testable import Sufficiency

/// The price model: the Homecare Association's cost build-up, uplift rules, each
/// replication's NLW/CPI path, and what rates do to the market.
final class FinanceTests: XCTestCase {
    // MARK: - Cost build-up

    /// The Association's 2020-21 shares of a contact hour, in percent of the price.
    private static let shares = (contactPay: 42.1, travel: 8.2, niPension: 5.5, otherOnCosts: 9.5,
                                 mileage: 6.6, running: 25.1, surplus: 2.9)

    /// The build-up whose components stand to pay as the published shares do.
    private static func published2020(pay: Double) -> CostBuildUp {
        let s = shares
        let paidTime = s.contactPay + s.travel
        return CostBuildUp(niPensionRate: s.niPension / paidTime, otherOnCostRate: s.otherOnCosts / paidTime,
                           mileagePerTravelHour: pay * s.mileage / s.travel,
                           runningCostPerHour: pay * s.running / s.contactPay, baseYear: 2020,
                           surplusRate: s.surplus / (s.contactPay + s.travel + s.niPension + s.otherOnCosts
                                                     + s.mileage + s.running))
    }

    func testCostBuildUpReproducesThePublished2020Price() {
        let pay = PriceSettings.published.nlw[2020]!   // £8.72 from April 2020
        let build = Self.published2020(pay: pay)
        let travel = Self.shares.travel / Self.shares.contactPay
        let parts = build.components(hourlyPay: pay, travelRatio: travel, runningIndex: 1)
        XCTAssertEqual(parts.total, 20.69, accuracy: 0.005, "the Homecare Association's £20.69 for 2020-21")
        XCTAssertEqual(build.costPerContactHour(hourlyPay: pay, travelRatio: travel, runningIndex: 1), parts.total,
                       accuracy: 1e-12)
        // Every component in its published share of the price (to 0.05 points).
        let total = parts.total
        XCTAssertEqual(100 * parts.contactPay / total, 42.1, accuracy: 0.05)
        XCTAssertEqual(100 * parts.travelPay / total, 8.2, accuracy: 0.05)
        XCTAssertEqual(100 * parts.niPension / total, 5.5, accuracy: 0.05)
        XCTAssertEqual(100 * parts.otherOnCosts / total, 9.5, accuracy: 0.05)
        XCTAssertEqual(100 * parts.mileage / total, 6.6, accuracy: 0.05)
        XCTAssertEqual(100 * parts.running / total, 25.1, accuracy: 0.05)
        XCTAssertEqual(100 * parts.surplus / total, 2.9, accuracy: 0.05)
        // The defaults are that build-up, rounded.
        let defaults = CostBuildUp()
        XCTAssertEqual(defaults.costPerContactHour(hourlyPay: pay, travelRatio: travel, runningIndex: 1), 20.69,
                       accuracy: 0.02)
    }

    func testPayCoveredInvertsTheBuildUp() {
        let build = CostBuildUp()
        for (pay, travel, index) in [(8.72, 0.2, 1.0), (12.21, 0.35, 1.27), (15.0, 0.05, 0.9)] {
            let cost = build.costPerContactHour(hourlyPay: pay, travelRatio: travel, runningIndex: index)
            XCTAssertEqual(build.payCovered(byRate: cost, travelRatio: travel, runningIndex: index), pay, accuracy: 1e-10)
        }
        // A rate below the non-pay costs covers no pay at all.
        XCTAssertLessThan(build.payCovered(byRate: 4, travelRatio: 0.2, runningIndex: 1), 0)
    }

    // MARK: - Uplift rules

    func testUpliftArithmeticPerRule() {
        let nlw = 12.21 / 11.44 - 1, cpi = 0.017   // April 2025: NLW rise, CPI to September 2024
        XCTAssertEqual(UpliftRule.none.uplift(route: .framework, year: 2025, nlwChange: nlw, cpiChange: cpi), 0)
        XCTAssertEqual(UpliftRule.weighted(staffWeight: 0.7).uplift(route: .framework, year: 2025, nlwChange: nlw,
                                                                    cpiChange: cpi),
                       0.7 * nlw + 0.3 * cpi, accuracy: 1e-15)
        XCTAssertEqual(UpliftRule.weighted(staffWeight: 0.7).uplift(route: .spot, year: 2025, nlwChange: nlw,
                                                                    cpiChange: cpi), 0.052215, accuracy: 1e-5)
        XCTAssertEqual(UpliftRule.flat(0.03).uplift(route: .spot, year: 2031, nlwChange: nlw, cpiChange: cpi), 0.03)
        // Wiltshire 2025/26: framework 5.37%, Help to Live at Home 1.50%, spot 0%; other years the formula.
        let wiltshire = UpliftRule.table([.framework: [2025: 0.0537], .strategic: [2025: 0.015], .spot: [2025: 0]],
                                         otherwise: .weighted(staffWeight: 0.7))
        XCTAssertEqual(wiltshire.uplift(route: .framework, year: 2025, nlwChange: nlw, cpiChange: cpi), 0.0537)
        XCTAssertEqual(wiltshire.uplift(route: .strategic, year: 2025, nlwChange: nlw, cpiChange: cpi), 0.015)
        XCTAssertEqual(wiltshire.uplift(route: .spot, year: 2025, nlwChange: nlw, cpiChange: cpi), 0)
        XCTAssertEqual(wiltshire.uplift(route: .legacy, year: 2025, nlwChange: nlw, cpiChange: cpi),
                       0.7 * nlw + 0.3 * cpi, accuracy: 1e-15)
        XCTAssertEqual(wiltshire.uplift(route: .framework, year: 2024, nlwChange: 0.1, cpiChange: 0.05),
                       0.085, accuracy: 1e-15)
    }

    func testNegotiatedUpliftSettlesBetweenOfferAndAsk() {
        let rule = UpliftRule.negotiated(offer: .flat(0.03), ask: .weighted(staffWeight: 1), alpha: 2, beta: 2)
        func uplift(_ u: Double) -> Double {
            rule.uplift(route: .framework, year: 2025, nlwChange: 0.07, cpiChange: 0.02, settlement: u)
        }
        // Beta(2, 2) is symmetric: the median settles halfway.
        XCTAssertEqual(uplift(0.5), 0.05, accuracy: 1e-12)
        XCTAssertEqual(uplift(0.25), 0.03 + gsl_cdf_beta_Pinv(0.25, 2, 2) * 0.04, accuracy: 1e-12)
        XCTAssertLessThan(uplift(0.01), uplift(0.99))
        XCTAssertGreaterThan(uplift(1e-9), 0.03 - 1e-12)
        XCTAssertLessThan(uplift(1 - 1e-9), 0.07 + 1e-12)
    }

    // MARK: - Price paths

    func testCertainPathIsTheTables() {
        let settings = PriceSettings.published
        var table = PriceTable(settings, from: 2022, through: 2028)
        table.draw(nil)
        for year in 2022...2028 {
            let i = year - 2022
            XCTAssertEqual(table.nlw[i], settings.nlw(year: year))
            XCTAssertEqual(table.nlwChange[i], settings.nlwChange(year: year))
            XCTAssertEqual(table.cpiBefore[i], settings.cpi(year: year - 1))
            XCTAssertEqual(table.runningIndex[i], settings.runningIndex(year: year), accuracy: 1e-12)
            XCTAssertEqual(table.settlement[i], 0.5)
        }
        XCTAssertEqual(table.nlw[2025 - 2022], 12.21)
    }

    /// Uncertain years scatter about the table as N(0, sd) in each replication; earlier years
    /// never move; the same seed gives the same path.
    func testUncertainPathsScatterAboutTheTable() {
        var settings = PriceSettings.published
        settings.cpi[2026] = 0.02
        settings.uncertainty = PriceUncertainty(fromYear: 2026, cpiSD: 0.01, nlwRiseSD: 0.005)
        var table = PriceTable(settings, from: 2024, through: 2027)
        let stream = RandomStream(seed: 1)
        let n = 4000
        var cpi2026 = [Double](), rise2026 = [Double]()
        for r in 0..<n {
            stream.reseed(StreamSeed.derive(master: 99, replication: r, purpose: .prices))
            table.draw(stream)
            XCTAssertEqual(table.nlw[0], 11.44)
            XCTAssertEqual(table.nlw[1], 12.21)
            XCTAssertEqual(table.cpiBefore[2], 0.038, "CPI to September 2025 is published")
            cpi2026.append(table.cpiBefore[3])        // CPI to September 2026, used in April 2027
            rise2026.append(table.nlwChange[2])       // the NLW rise of April 2026
        }
        // Means within their 99.9% intervals of the tables' values, SDs within 5% of the inputs.
        let z = gsl_cdf_ugaussian_Pinv(0.9995)
        let cpiMean = gsl_stats_mean(cpi2026, 1, n), riseMean = gsl_stats_mean(rise2026, 1, n)
        XCTAssertEqual(cpiMean, 0.02, accuracy: z * 0.01 / Double(n).squareRoot())
        XCTAssertEqual(riseMean, 12.71 / 12.21 - 1, accuracy: z * 0.005 / Double(n).squareRoot())
        XCTAssertEqual(gsl_stats_sd(cpi2026, 1, n), 0.01, accuracy: 0.0005)
        XCTAssertEqual(gsl_stats_sd(rise2026, 1, n), 0.005, accuracy: 0.00025)
        // Reproducible: replication 7 again.
        stream.reseed(StreamSeed.derive(master: 99, replication: 7, purpose: .prices))
        table.draw(stream)
        XCTAssertEqual(table.cpiBefore[3], cpi2026[7])
        XCTAssertEqual(table.nlwChange[2], rise2026[7])
    }

    // MARK: - In the engine

    /// Spot rates rise by the uplift each April: with every package repriced, the average
    /// rate of each financial year is exactly the last one's times (1 + uplift).
    func testEngineAppliesTheUpliftEachApril() throws {
        func averageRates(_ rule: UpliftRule) -> [Int: Double] {
            var scenario = TestScenarios.mmc(arrivalsPerDay: 1, meanServiceDays: 60, servers: 200, horizonDays: 1096,
                                             warmUpDays: 60, replications: 2, threads: 1)
            scenario.options[0].uplift = rule
            let results = Runner(scenario: scenario).run()
            var rates: [Int: Double] = [:]
            for (w, window) in results.layout.windows.enumerated() where window.kind == .financialYear {
                rates[window.financialYear!] = results.summary(option: 0, window: w, measure: MeasureName.averageRate)!.mean
            }
            return rates
        }
        let flat = averageRates(.flat(0.03))
        XCTAssertEqual(flat[2024]! / flat[2023]!, 1.03, accuracy: 1e-9)
        XCTAssertEqual(flat[2025]! / flat[2024]!, 1.03, accuracy: 1e-9)
        let weighted = averageRates(.weighted(staffWeight: 0.7))
        XCTAssertEqual(weighted[2024]! / weighted[2023]!, 1 + 0.7 * (11.44 / 10.42 - 1) + 0.3 * 0.067, accuracy: 1e-9)
        XCTAssertEqual(weighted[2025]! / weighted[2024]!, 1 + 0.7 * (12.21 / 11.44 - 1) + 0.3 * 0.017, accuracy: 1e-9)
    }

    /// With common random numbers, a richer uplift costs more and does not drive more
    /// providers out of the market or leave more need unmet.
    func testRaisingTheUpliftRaisesSpendAndDoesNotRaiseExits() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scenarios/wiltshire-price-uplift.yaml").path
        var spend: [Double] = [], exits: [Double] = [], unmet: [Double] = []
        for rate in [0.0, 0.04, 0.08] {
            let loaded = try ScenarioLoader.load(path: path, overrides: [
                "run.replications=12", "options[flat 3%].uplift.rate=\(rate)",
            ])
            var scenario = loaded.scenario
            scenario.options = scenario.options.filter { $0.name == "flat 3%" }
            let results = Runner(scenario: scenario).run()
            let whole = results.layout.horizonWindow
            spend.append(results.summary(option: 0, window: whole, measure: MeasureName.spend)!.mean)
            exits.append(results.summary(option: 0, window: whole, measure: MeasureName.providerExits)!.mean)
            unmet.append(results.summary(option: 0, window: whole, measure: MeasureName.unmetHours)!.mean)
        }
        XCTAssertLessThan(spend[0], spend[1])
        XCTAssertLessThan(spend[1], spend[2])
        XCTAssertGreaterThanOrEqual(exits[0], exits[1])
        XCTAssertGreaterThanOrEqual(exits[1], exits[2])
        XCTAssertGreaterThan(unmet[0], unmet[2], "a 0% uplift over five years leaves more need unmet than 8%")
    }
}

/// What rates do to supply in the engine: pay that follows the rate, and loss-making hand-backs.
final class FinanceFeedbackTests: XCTestCase {
    /// The market test scenario with every option's rates scaled by `factor`.
    private func market(rates factor: Double, passThrough: Double, lossHazard: Double = 0) -> Scenario {
        var scenario = TestScenarios.market(replications: 6, seed: 5, threads: 1, checkInvariants: false)
        scenario.workforce.payPassThrough = passThrough
        scenario.handBacks.lossAnnualHazard = lossHazard
        for o in scenario.options.indices {
            scenario.options[o].referenceRate *= factor
            for k in scenario.options[o].contracts.indices { scenario.options[o].contracts[k].rate *= factor }
        }
        return scenario
    }

    private func whole(_ scenario: Scenario, _ measure: String, option: Int = 0) -> Double {
        let results = Runner(scenario: scenario).run()
        return results.summary(option: option, window: results.layout.horizonWindow, measure: measure)!.mean
    }

    /// With no pass-through, pay is NLW × premium whatever the rate; with it, richer rates pay more.
    func testPayFollowsTheRateOnlyWithPassThrough() {
        // Every provider at the NLW: the first financial year's pay is exactly £10.42 at any rate.
        for factor in [0.8, 1.0, 1.5] {
            var scenario = market(rates: factor, passThrough: 0)
            for p in scenario.providers.indices { scenario.providers[p].payPremium = 1 }
            let results = Runner(scenario: scenario).run()
            let first = results.layout.windows.firstIndex { $0.kind == .financialYear }!
            XCTAssertEqual(results.summary(option: 0, window: first, measure: MeasureName.careWorkerPay)!.mean, 10.42,
                           accuracy: 1e-9)
        }
        let lean = whole(market(rates: 1.2, passThrough: 0.5), MeasureName.careWorkerPay)
        let rich = whole(market(rates: 1.6, passThrough: 0.5), MeasureName.careWorkerPay)
        XCTAssertGreaterThan(rich, lean + 0.5, "a third more on the rate raises pay")
        // Pay never falls below the NLW (£10.42 from April 2023) however mean the rate.
        XCTAssertGreaterThanOrEqual(whole(market(rates: 0.6, passThrough: 1), MeasureName.careWorkerPay), 10.42 * 0.98 - 1e-9)
    }

    /// Rates far below cost make providers hand packages back when the hazard is set, and not otherwise.
    func testLossMakingPackagesGoBackOnlyWhenAsked() {
        let off = whole(market(rates: 0.7, passThrough: 0), MeasureName.handBacksFinancial)
        let on = whole(market(rates: 0.7, passThrough: 0, lossHazard: 2), MeasureName.handBacksFinancial)
        XCTAssertGreaterThan(on, off + 5)
        // Spend by route adds up to spend.
        let results = Runner(scenario: market(rates: 1, passThrough: 0.5)).run()
        let w = results.layout.horizonWindow
        var routes = 0.0
        for route in results.layout.measures.routes {
            routes += results.summary(option: 1, window: w, measure: "spend_route_\(route.rawValue)")!.mean
        }
        XCTAssertEqual(routes, results.summary(option: 1, window: w, measure: MeasureName.spend)!.mean, accuracy: 1e-6 * routes)
    }
}
