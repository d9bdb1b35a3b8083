import Foundation

/// New providers entering the market (`EntrySettings`), and the count of providers in it.
extension HomeCareSimulation {
    /// Each zone with an unused would-be entrant gains it this week with the weekly chance of
    /// the entry hazard, which rises with the zone's margin and its unmet share.
    func considerEntry(_ settings: EntrySettings) {
        let stream = streams.entry
        let slots = settings.slotsPerZone
        // A provider's margin changes this week only when someone enters (its spare hours are
        // offered, and placements change others' rates and hours), so each is worked out once,
        // not once for every zone it serves, and afresh after an entry (NaN: not yet worked out).
        // Working each out for every zone cost 1.2 million instructions a Wiltshire replication.
        withUnsafeTemporaryAllocation(of: Double.self, capacity: providerCount) { margins in
            margins.initialize(repeating: .nan)
            for z in 0..<zoneCount where Int(entrantsUsed[z]) < slots {
                var hours = 0.0, weighted = 0.0
                for q in tables.spot.row(z) where providers[Int(q)].active {
                    let h = ledger.cells[Int(q) * zoneCount + z].committed
                    if h > 0 {
                        hours += h
                        var m = margins[Int(q)]
                        if m.isNaN {
                            m = margin(Int(q))
                            margins[Int(q)] = m
                        }
                        weighted += h * m
                    }
                }
                let margin = hours > 0 ? weighted / hours : settings.referenceMargin
                let waiting = ledger.zoneStocks[z].waitingHours
                let unmet = waiting + hours > 0 ? waiting / (waiting + hours) : 0
                let exponent = min(60, settings.marginSensitivity * (margin - settings.referenceMargin)
                    + settings.unmetSensitivity * unmet)
                let annual = min(settings.maximumAnnualRate, settings.annualRate * exp(exponent))
                guard stream.uniform() < 1 - exp(-annual * 7 / 365.25) else { continue }
                enter(firstEntrant + z * slots + Int(entrantsUsed[z]))
                entrantsUsed[z] += 1
                margins.update(repeating: .nan)
            }
        }
    }

    /// Would-be entrant `p` enters: it starts with its care workers, its pay, costs and
    /// capacity are worked out as at the start, and its spare hours are offered to the queue.
    func enter(_ p: Int) {
        providers.open(p, workers: Double(scenario.providers[p].careWorkers), at: t)
        updateProductivity(p)
        setPay(p)
        providers.refreshCapacity(p, workforce: scenario.workforce)
        ledger.counters[providers.traits[p].baseZone * fieldCount + PeriodField.entries.rawValue] += 1
        offerCapacity(of: p)
    }

    /// Adds a week of each provider in the market to its base zone's provider-days.
    func countActiveProviders() {
        for p in 0..<providerCount where providers[p].active {
            ledger.counters[providers.traits[p].baseZone * fieldCount + PeriodField.activeProviderDays.rawValue] += 7
        }
    }
}
