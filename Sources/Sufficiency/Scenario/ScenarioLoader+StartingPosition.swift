import Foundation

extension ScenarioLoader {
    /// Warns about a home care scenario whose first day is already short: each zone whose
    /// providers cannot give the hours its starting caseload needs (at the zone), each provider
    /// holding more hours than its care workers can deliver (at the provider), and a starting
    /// caseload far from the one its referrals and durations sustain (at `demand`). The run goes
    /// ahead: a market that starts short may be just what is to be studied.
    static func warnStartingPosition(_ scenario: Scenario, zonesReader: NodeReader?, providersReader: NodeReader?,
                                     demandReader: NodeReader?) {
        let position = StartingPosition(scenario: scenario)
        let zoneElements = zonesReader?.list() ?? []
        for line in position.shortZones where line.zone < zoneElements.count {
            zoneElements[line.zone].warn(zoneShortMessage(line, name: scenario.zones[line.zone].name))
        }
        let providerElements = providersReader?.list() ?? []
        for line in position.shortProviders where line.provider < providerElements.count {
            providerElements[line.provider].warn(providerShortMessage(line, scenario.providers[line.provider]))
        }
        let starting = Double(position.startingPeople), steady = position.steadyStatePeople
        if starting > 0, abs(steady - starting) / starting > StartingPosition.steadyStateTolerance {
            demandReader?.warn("\(NumberRule.format(scenario.demand.referralsPerWeek)) referrals a week and the tiers' mean "
                         + "durations sustain about \(whole(steady)) people in care (referrals a week × mean weeks in "
                         + "care); the starting caseload has \(position.startingPeople), \(whole(abs(steady - starting))) "
                         + "\(steady > starting ? "fewer" : "more"), so the caseload will drift towards the steady state "
                         + "whatever the option.")
        }
    }

    /// `'Hilltop' starts 7.0% short of capacity: …`
    static func zoneShortMessage(_ line: StartingPosition.ZoneLine, name: String) -> String {
        "\(Excerpt.quoted(name)) starts \(percent(line.shortfallShare)) short of capacity: its starting caseload needs "
            + "about \(whole(line.neededHours)) hours a week (\(whole(line.placedHours)) placed, \(whole(line.waitingHours)) "
            + "waiting); its providers can deliver about \(whole(line.placedHours - line.undeliveredHours)) of the placed "
            + "hours and offer about \(whole(line.spareHours)) spare, so about \(whole(line.shortfallHours)) hours a week "
            + "are unmet from the first week."
    }

    /// `'Marsh Carers' starts 10.0% short of capacity: …`
    static func providerShortMessage(_ line: StartingPosition.ProviderLine, _ provider: Provider) -> String {
        let staff = provider.fixedCapacityHours == nil
            ? "its \(line.careWorkers) care worker\(line.careWorkers == 1 ? "" : "s") can deliver about"
            : "its fixed capacity is"
        return "\(Excerpt.quoted(provider.name)) starts \(percent(line.shortfallShare)) short of capacity: it holds about "
            + "\(whole(line.committedHours)) hours a week of packages and \(staff) \(whole(line.capacityHours)), so about "
            + "\(whole(line.shortfallHours)) hours a week go undelivered until it recruits or hands packages back."
    }

    /// A number of hours or people rounded to a whole number, e.g. `1234`.
    static func whole(_ x: Double) -> String { NumberRule.format(x.rounded()) }

    /// A share as a percentage with one decimal, e.g. `7.0%`.
    static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }
}
