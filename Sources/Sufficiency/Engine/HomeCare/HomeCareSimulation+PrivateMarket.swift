/// Work from buyers other than the council, and the council's guaranteed hours.
extension HomeCareSimulation {
    /// The private rate (£ an hour) now: the council's spot rate with the private premium.
    var privateRateNow: Double {
        spotRateNow * (1 + (scenario.privateMarket?.ratePremium ?? 0))
    }

    /// This week's private work: each zone's private demand (a share of its need) is offered
    /// to the providers working there by capacity; each takes at most its stated share of its
    /// capacity. Hours sold to other buyers are not the council's to use.
    func sellPrivately(_ market: PrivateMarket) {
        privateOffers.fill(0)
        let offers = privateOffers.elements
        let ratio = market.needShare / (1 - market.needShare)
        for z in 0..<zoneCount {
            var councilHours = ledger.zoneStocks[z].waitingHours
            var capacity = 0.0
            for q in tables.spot.row(z) where providers[Int(q)].active {
                councilHours += ledger.cells[Int(q) * zoneCount + z].committed
                capacity += providers[Int(q)].capacity
            }
            guard capacity > 0 else { continue }
            let demand = ratio * councilHours
            for q in tables.spot.row(z) where providers[Int(q)].active {
                offers[Int(q)] += demand * providers[Int(q)].capacity / capacity
            }
        }
        for p in 0..<providerCount where providers[p].active {
            let sold = min(offers[p], market.providerShare * providers[p].capacity)
            if sold != providers[p].privateHours {
                providers.integrate(p, to: t)
                providers.setPrivateHours(sold, of: p)
            }
            ledger.counters[providers.traits[p].baseZone * fieldCount + PeriodField.privateHourDays.rawValue] += sold * 7
        }
    }

    /// Charges this week's guaranteed hours not used: each provider's guarantee beyond its
    /// placed hours (hours a week, for the week just gone), at the rate of its first contract in
    /// force (£, in its base zone).
    func chargeUnusedGuarantees() {
        for p in 0..<providerCount where providers[p].guaranteed > 0 && providers[p].active {
            let unused = providers[p].guaranteed - providers[p].committed
            let k = Int(contracts.firstActiveSlot[p])
            guard unused > 0, k >= 0 else { continue }
            ledger.counters[providers.traits[p].baseZone * fieldCount + PeriodField.unusedGuaranteeCost.rawValue]
                += unused * contracts.rates[k]
        }
    }
}
