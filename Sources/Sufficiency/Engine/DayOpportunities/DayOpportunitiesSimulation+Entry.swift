/// Entry chances in the option's rounds, and the end of a DPS set up under the Public
/// Contracts Regulations 2015 (`DPSExpiry`): what replaces it from the day after its last.
extension DayOpportunitiesSimulation {
    /// Provider `p`'s chance in each of this option's rounds that it applies while not a
    /// member: its own per-round chance, else its chance a year converted to the option's
    /// rounds, else the option's `targetedJoinProbability`.
    func joinProbability(of p: DayProvider) -> Double {
        if let perRound = p.joinProbability { return perRound }
        if let perYear = p.joinChancePerYear {
            return EntryConversion.chancePerRound(perYear: perYear, roundDays: option.roundEveryDays)
        }
        return option.targetedJoinProbability
    }

    /// Posts the DPS's end, if it has one (at the run's first moment when it ended before).
    func scheduleExpiry() {
        guard option.rule == .dps, let expiry = option.expiry else { return }
        post(.termEnd, at: max(expiry.day, t), subject: 0)
    }

    /// The DPS ends. A dynamic market carries on as it was; a framework keeps the DPS's members
    /// and holds its rounds every `successorRoundEveryDays` after the DPS's next, each chance
    /// keeping its value a year and the number of new applicants its rate a year; spot ends
    /// entry, and the members take new placements spot (people on DPS terms keep them).
    func expire() {
        guard let expiry = option.expiry else { return }
        switch expiry.successor {
        case .dynamicMarket:
            break
        case .framework:
            let from = option.roundEveryDays, to = expiry.successorRoundEveryDays
            option.targetedJoinProbability = EntryConversion.chance(option.targetedJoinProbability, roundDays: from,
                                                                    asRoundsOf: to)
            option.resubmissionProbability = EntryConversion.chance(option.resubmissionProbability, roundDays: from,
                                                                    asRoundsOf: to)
            option.applicantsPerRound *= to / from
            for p in providers.indices where providers[p].joinProbability > 0 {
                providers[p].joinProbability = EntryConversion.chance(providers[p].joinProbability, roundDays: from,
                                                                      asRoundsOf: to)
            }
            // The DPS's round already posted (within 7 days) opens the successor framework with
            // these chances; `handle` posts each later round one new interval after the last.
            option.roundEveryDays = to
        case .spot:
            option.targetedJoinProbability = 0
            option.resubmissionProbability = 0
            option.applicantsPerRound = 0
            option.roundEveryDays = .infinity
            for p in providers.indices {
                providers[p].joinProbability = 0
                providers[p].member = false
            }
            stock[layout.members] = 0
        }
    }
}
