import Foundation

extension ScenarioLoader {
    /// An option's entry keys, each written per evaluation round or per year (never both).
    struct DayEntryKeys {
        /// The per-round key (a chance, or a Poisson mean, in each round).
        let perRound: String
        /// The per-year key, converted to the option's rounds (`EntryConversion`).
        let perYear: String
        /// Whether the value is a Poisson mean (converted pro rata) rather than a chance.
        let isMean: Bool
    }

    static let joinEntryKeys = DayEntryKeys(perRound: "targeted_join_probability", perYear: "join_chance_per_year",
                                            isMean: false)
    static let resubmissionEntryKeys = DayEntryKeys(perRound: "resubmission_probability",
                                                    perYear: "resubmission_chance_per_year", isMean: false)
    static let applicantEntryKeys = DayEntryKeys(perRound: "applicants_per_round", perYear: "applicants_per_year",
                                                 isMean: true)
    /// The per-year keys an option may use in place of its per-round ones, and its DPS expiry keys.
    static let dayOptionEntryKeys = ["join_chance_per_year", "resubmission_chance_per_year", "applicants_per_year",
                                     "expires", "after_expiry"]

    /// One entry value of option `o`, as a chance or mean per round of `roundDays` days: the
    /// per-round key as written, or the per-year key converted. `nil` value: neither is
    /// written (the default stands); `valid` false: a problem has been reported.
    static func decodeEntryValue(_ o: MappingReader, _ keys: DayEntryKeys,
                                 roundDays: Double) -> (perRound: Double?, valid: Bool) {
        let roundReader = o.optional(keys.perRound)
        let yearReader = o.optional(keys.perYear)
        let rule: NumberRule = keys.isMean
            ? .nonNegative("number of organisations", atMost: ScenarioLimits.applicantsPerRound)
            : .unitInterval("probability")
        if let yearReader, let roundReader {
            yearReader.report("\(yearReader.shownValue) is given as well as \(keys.perRound) "
                              + "(\(roundReader.shownValue)); expected one of them: the "
                              + (keys.isMean ? "number" : "chance") + " per year or per round, not both.")
            return (nil, false)
        }
        if let roundReader {
            guard let value = roundReader.number(rule) else { return (nil, false) }
            return (value, true)
        }
        guard let yearReader else { return (nil, true) }
        let yearRule: NumberRule = keys.isMean
            ? .nonNegative("number of organisations a year", atMost: ScenarioLimits.applicantsPerRound)
            : .unitInterval("chance a year")
        guard let value = yearReader.number(yearRule) else { return (nil, false) }
        return (keys.isMean ? EntryConversion.meanPerRound(perYear: value, roundDays: roundDays)
                    : EntryConversion.chancePerRound(perYear: value, roundDays: roundDays), true)
    }

    /// A `dps` option's `expires` (its last day: a date, or days from the start; 23 February
    /// 2029 at the latest, the default) and `after_expiry` (what replaces it), which a run
    /// going past the expiry must name. Other rules may name neither.
    /// - Returns: the expiry (nil when the run ends first and no successor is named), and
    ///   whether everything read was valid.
    static func decodeDPSExpiry(_ o: MappingReader, rule: DayOption.Rule, roundEveryDays every: Double?,
                                calendar: CalendarSettings?, _ context: Context) -> (expiry: DPSExpiry?, valid: Bool) {
        let expiresReader = o.optional("expires")
        let afterReader = o.optional("after_expiry")
        guard rule == .dps else {
            for reader in [expiresReader, afterReader].compactMap({ $0 }) {
                reader.report("\(reader.shownValue) is not allowed here; expires and after_expiry belong to an option "
                              + "with rule: dps (a DPS under the Public Contracts Regulations 2015), not "
                              + "rule: \(rule.rawValue).")
            }
            return (nil, expiresReader == nil && afterReader == nil)
        }
        // Without a start the calendar's problem is already reported and no date can become a day.
        guard let start = context.calendarStart else { return (nil, true) }
        let latest = Double(ISODate.days(from: start, to: ISODate.parse(DPSExpiry.latestDate)!))
        var last = latest
        if let expiresReader {
            guard let day = day(from: expiresReader, context) else { return (nil, false) }
            if day > latest {
                expiresReader.reject(expected: "the DPS's last day no later than \(DPSExpiry.latestDate) (day "
                                     + "\(NumberRule.format(latest)) from calendar.start), the latest a DPS under the "
                                     + "Public Contracts Regulations 2015 may run")
                return (nil, false)
            }
            last = day
        }
        var successor: DPSExpiry.Successor?
        if let afterReader {
            guard let chosen = afterReader.choice(DPSExpiry.Successor.self) else { return (nil, false) }
            successor = chosen
            if chosen == .framework && every == nil {
                afterReader.report("\(afterReader.shownValue) needs rounds.every_days, the days between the successor "
                                   + "framework's evaluation rounds; expected rounds: {every_days: …} in this option "
                                   + "(the DPS itself evaluates every 7 days).")
                return (nil, false)
            }
        }
        let firstDayWithout = last + 1
        guard let calendar else { return (nil, true) }
        let runs = Double(calendar.horizonDays)
        if let successor {
            return (DPSExpiry(day: firstDayWithout, successor: successor, successorRoundEveryDays: every ?? 182), true)
        }
        if firstDayWithout < runs {
            let lastShown = CSVFormat.date(ISODate.adding(days: Int(last), to: start))
            let endShown = CSVFormat.date(ISODate.adding(days: calendar.horizonDays - 1, to: start))
            let reader = expiresReader ?? o.optional("rule") ?? o.reader
            reader.report("\(reader.shownValue): the run goes on to \(endShown), past the DPS's last day, "
                          + "\(lastShown)"
                          + (expiresReader == nil ? " (the latest a DPS under the Public Contracts Regulations 2015 "
                              + "may run)" : "")
                          + "; expected after_expiry: dynamic_market, framework or spot in this option, to say what "
                          + "replaces it.")
            return (nil, false)
        }
        return (nil, true)
    }
}

extension ScenarioLoader {
    /// A provider's `join_chance_per_year`, refused beside its per-round `join_probability`.
    static func decodeProviderJoinChancePerYear(_ p: MappingReader) -> (perYear: Double?, valid: Bool) {
        guard let yearReader = p.optional("join_chance_per_year") else { return (nil, true) }
        if let roundReader = p.optional("join_probability") {
            yearReader.report("\(yearReader.shownValue) is given as well as join_probability "
                              + "(\(roundReader.shownValue)); expected one of them: the chance per year or per "
                              + "round, not both.")
            return (nil, false)
        }
        guard let value = yearReader.number(.unitInterval("chance a year")) else { return (nil, false) }
        return (value, true)
    }
}
