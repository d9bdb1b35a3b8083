import Foundation

extension ScenarioLoader {
    /// Checks that the referral rate stays within `ScenarioLimits.referralsPerWeek` over the
    /// run, and that one replication holds at most `ScenarioLimits.peopleInAReplication`
    /// people, reporting at `reader` (the `demand` or `referrals` section) when not.
    ///
    /// Every person of a replication is drawn before it runs and held in memory, so a
    /// referral rate that compounds past the limits must be refused before anything runs. The
    /// rate checked is an upper bound: the starting rate times its highest seasonal
    /// multiplier, every step that raises it, and growth over the run (or over the warm-up,
    /// for a rate that shrinks).
    ///
    /// - Parameters:
    ///   - referralsPerWeek: the rate at the start, referrals a week.
    ///   - growth: annual growth (0.03 = 3% a year).
    ///   - multiplier: the most the seasonality, steps and demand shocks can multiply the rate by
    ///     at once.
    ///   - caseload: people in the caseload at the start.
    ///   - shocks: whether dated demand shocks raise the rate (for the message).
    /// - Returns: whether the scenario is within the limits.
    static func checkVolume(_ reader: NodeReader, calendar: CalendarSettings, referralsPerWeek: Double,
                            growth: Double, multiplier: Double, caseload: Int, shocks: Bool = false) -> Bool {
        let (peak, people) = volume(calendar: calendar, referralsPerWeek: referralsPerWeek, growth: growth,
                                    multiplier: multiplier, caseload: caseload)
        if peak > ScenarioLimits.referralsPerWeek {
            reader.report("the referral rate would reach \(shownCount(peak)) a week during the run (from "
                          + "\(NumberRule.format(referralsPerWeek)) a week with its growth, seasonality and steps"
                          + (shocks ? " and the events' demand shocks" : "") + "); "
                          + "it can be at most \(NumberRule.format(ScenarioLimits.referralsPerWeek)) a week.",
                          value: nil)
            return false
        }
        if people > ScenarioLimits.peopleInAReplication {
            reader.report("a replication would hold up to \(shownCount(people)) people (the caseload and "
                          + "\(shownCount(peak)) referrals a week over \(calendar.horizonDays + calendar.warmUpDays) "
                          + "days); at most \(NumberRule.format(ScenarioLimits.peopleInAReplication)) fit in memory, "
                          + "so lower the referral rate or shorten the run.", value: nil)
            return false
        }
        return true
    }

    /// The highest referral rate a week over the run (`peak`) and the most people one
    /// replication can hold: the caseload and every referral at that rate over the run and
    /// warm-up. The parameters are `checkVolume`'s.
    static func volume(calendar: CalendarSettings, referralsPerWeek: Double, growth: Double, multiplier: Double,
                       caseload: Int) -> (peak: Double, people: Double) {
        let years = Double(calendar.horizonDays) / 365.25
        let warmUpYears = Double(calendar.warmUpDays) / 365.25
        let growthFactor = max(pow(1 + growth, years), pow(1 + growth, -warmUpYears), 1)
        let peak = referralsPerWeek * multiplier * growthFactor
        return (peak, Double(caseload) + peak * Double(calendar.horizonDays + calendar.warmUpDays) / 7)
    }

    /// The most seasonality, steps and the events' demand shocks can multiply the referral rate
    /// by at one time.
    static func largestMultiplier(of demand: Demand, events: [ScenarioEvent] = []) -> Double {
        let seasonal = demand.seasonality.max() ?? 1
        let steps = demand.steps.reduce(1.0) { $0 * max(1, $1.factor) }
        return seasonal * steps * largestShock(events)
    }

    /// The most the events' demand shocks can multiply a zone's referral rate by at one time
    /// (an upper bound: every shock that raises it, as if all were in force at once).
    static func largestShock(_ events: [ScenarioEvent]) -> Double {
        events.reduce(1.0) { product, event in
            guard case .demandShock(let shock) = event.kind else { return product }
            return product * max(1, shock.referralsFactor)
        }
    }

    /// A count for a message: whole, or in scientific notation when too large to read.
    static func shownCount(_ value: Double) -> String {
        value < 1e15 ? NumberRule.format(value.rounded()) : String(format: "%.3g", value)
    }
}
