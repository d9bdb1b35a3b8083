import Foundation

extension ScenarioLoader {
    /// What one person can cost the engine in events over a run, for `checkWorkload`.
    struct EventRates {
        /// Days between reviews; 0 for none.
        var reviewIntervalDays: Double
        /// Hand-backs a package-year (background and loss hazards together).
        var handBacksPerYear: Double

        /// Events a day one person in care can cause.
        var perPersonDay: Double {
            (reviewIntervalDays > 0 ? 1 / reviewIntervalDays : 0) + handBacksPerYear / 365.25
        }

        /// What they are, for a message: `reviews every day and 365 hand-backs a package-year`.
        var phrase: String {
            var parts: [String] = []
            if reviewIntervalDays == 1 { parts.append("reviews every day") }
            if reviewIntervalDays > 0 && reviewIntervalDays != 1 {
                parts.append("reviews every \(NumberRule.format(reviewIntervalDays)) days")
            }
            if handBacksPerYear > 0 { parts.append("\(NumberRule.format(handBacksPerYear)) hand-backs a package-year") }
            return parts.isEmpty ? "no reviews or hand-backs" : parts.joined(separator: " and ")
        }
    }

    /// Events every person brings whatever the rates: their referral, placement, the end of their
    /// tier and their leaving.
    static let eventsPerPerson = 4.0

    /// Checks that one replication of one option can be run in bounded time: the events it can
    /// generate — every person's referral, placement and leaving, and reviews and hand-backs for
    /// as long as the run lasts — at most `ScenarioLimits.eventsInAReplication`, reporting at
    /// `reader` (the `demand` or `referrals` section) when not.
    ///
    /// The estimate is an upper bound: every person the replication can hold (`volume`), in
    /// care from the warm-up's first day to the horizon.
    /// - Returns: whether the scenario is within the limit.
    static func checkWorkload(_ reader: NodeReader, calendar: CalendarSettings, referralsPerWeek: Double,
                              growth: Double, multiplier: Double, caseload: Int, rates: EventRates) -> Bool {
        let (_, people) = volume(calendar: calendar, referralsPerWeek: referralsPerWeek, growth: growth,
                                 multiplier: multiplier, caseload: caseload)
        let days = Double(calendar.horizonDays + calendar.warmUpDays)
        let events = people * (eventsPerPerson + days * rates.perPersonDay)
        guard events > ScenarioLimits.eventsInAReplication else { return true }
        reader.report("one replication could handle up to \(shownCount(events)) events (up to \(shownCount(people)) "
                      + "people over \(calendar.horizonDays + calendar.warmUpDays) days, with \(rates.phrase)); at most "
                      + "\(NumberRule.format(ScenarioLimits.eventsInAReplication)) can be run in bounded time, so "
                      + "review less often, lower the hand-back hazards or the referral rate, or shorten the run.",
                      value: nil)
        return false
    }
}
