import Foundation

extension DayOpportunities {
    /// One line per option with a framework or DPS, for `sufficiency validate`: its entry
    /// chances a year and the chances a round they come to (or, where the scenario gave them per
    /// round, the chances a year those come to), and how a DPS ends, e.g.
    /// `dps: join chance 30% a year = 0.006813 a round of 7 days; …`.
    ///
    /// - Parameters:
    ///   - optionNames: the options' names, in `options` order.
    ///   - start: the run's first day, to date a DPS's last day.
    public func entrySummary(optionNames: [String], start: Date) -> [String] {
        options.indices.compactMap { k in
            let option = options[k]
            guard option.hasFramework else { return nil }
            let days = option.roundEveryDays
            var text = "\(optionNames[k]): " + Self.entryTerms(option, roundDays: days, firstNamesRound: true)
            if option.rule == .dps, let expiry = option.expiry {
                let last = CSVFormat.date(ISODate.adding(days: Int((expiry.day - 1).rounded(.down)), to: start))
                text += "; the DPS's last day \(last), then "
                switch expiry.successor {
                case .dynamicMarket:
                    text += "a dynamic market with the same entry"
                case .framework:
                    var successor = option
                    let to = expiry.successorRoundEveryDays
                    successor.targetedJoinProbability = EntryConversion.chance(option.targetedJoinProbability,
                                                                               roundDays: days, asRoundsOf: to)
                    successor.resubmissionProbability = EntryConversion.chance(option.resubmissionProbability,
                                                                               roundDays: days, asRoundsOf: to)
                    successor.applicantsPerRound = option.applicantsPerRound * to / days
                    text += "a framework: " + Self.entryTerms(successor, roundDays: to, firstNamesRound: true)
                case .spot:
                    text += "spot purchase (nobody joins, members take new placements spot)"
                }
            }
            return text + "."
        }
    }

    /// `join chance 30% a year = 0.006813 a round of 7 days; resubmission chance …; new
    /// applicants 4 a year = 0.07666 a round`.
    static func entryTerms(_ option: DayOption, roundDays days: Double, firstNamesRound: Bool) -> String {
        let round = "a round of \(NumberRule.format(days)) day\(days == 1 ? "" : "s")"
        let join = EntryConversion.chancePerYear(perRound: option.targetedJoinProbability, roundDays: days)
        let resubmission = EntryConversion.chancePerYear(perRound: option.resubmissionProbability, roundDays: days)
        let applicants = EntryConversion.meanPerYear(perRound: option.applicantsPerRound, roundDays: days)
        return "join chance \(percent(join)) a year = \(significant(option.targetedJoinProbability)) \(round); "
            + "resubmission chance \(percent(resubmission)) a year = "
            + "\(significant(option.resubmissionProbability)) a round; "
            + "new applicants \(significant(applicants)) a year = \(significant(option.applicantsPerRound)) a round"
    }

    /// A share as a percentage to one decimal place, without a trailing `.0` (`30%`, `16.3%`).
    static func percent(_ share: Double) -> String {
        var text = String(format: "%.1f", share * 100)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text + "%"
    }

    /// Four significant figures (`0.006813`, `1.993`, `4`).
    static func significant(_ value: Double) -> String {
        String(format: "%.4g", value)
    }
}
