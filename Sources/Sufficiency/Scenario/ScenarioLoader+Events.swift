import Foundation

extension ScenarioLoader {
    /// The kinds of dated event, as `kind:` names them.
    enum EventKindName: String, CaseIterable {
        case providerExit = "provider_exit"
        case capacityChange = "capacity_change"
        case demandShock = "demand_shock"
        case contractLost = "contract_lost"
        case contractGained = "contract_gained"

        /// The keys an event of this kind may have.
        var keys: [String] {
            let common = ["date", "kind", "options"]
            switch self {
            case .providerExit: return common + ["provider"]
            case .capacityChange: return common + ["provider", "workers_factor", "workers"]
            case .demandShock: return common + ["referrals_factor", "zones", "until"]
            case .contractLost: return common + ["option", "provider", "route", "zones"]
            case .contractGained: return common + ["option", "provider", "route", "zones", "rate"]
            }
        }
    }

    /// Every key an event of some kind may have: those an event whose kind cannot be read is
    /// checked against.
    static let eventKeys = ["date", "kind", "options", "option", "provider", "workers_factor", "workers",
                            "referrals_factor", "zones", "until", "route", "rate"]

    /// What the events are checked against: the sections read before them (nil where one could
    /// not be read, whose problem is already reported).
    struct EventScope {
        let calendar: CalendarSettings?
        let providers: [Provider]?
        let options: [ProcurementOption]?
    }

    /// `events`: a list of dated events, each `{date, kind, …}` with the keys of its kind (see
    /// `EventKindName.keys`). Dates are ISO dates within the run (not the warm-up); names of
    /// providers, options and zones must exist; a contract event must name contracts the option
    /// lists.
    static func decodeEvents(_ reader: NodeReader, _ scope: EventScope, _ context: Context) -> [ScenarioEvent]? {
        guard let elements = reader.list(expected: "a list of dated events such as "
                                         + "{date: 2025-04-01, kind: provider_exit, provider: …}") else { return nil }
        let events = elements.map { decodeEvent($0, scope, context) }
        guard events.allSatisfy({ $0 != nil }) else { return nil }
        return events.map { $0! }
    }

    /// One event: its date and kind (required), the options it applies to, and its kind's keys.
    static func decodeEvent(_ reader: NodeReader, _ scope: EventScope, _ context: Context) -> ScenarioEvent? {
        let kindReader = reader.peekChild("kind")
        let kind = kindReader?.choice(EventKindName.self)
        guard let event = reader.mapping(keys: kind?.keys ?? eventKeys,
                                         expected: "a mapping such as {date: 2025-04-01, kind: provider_exit, "
                                             + "provider: …}") else { return nil }
        if kindReader == nil { event.reportMissing("kind") }
        let day = event.required("date").flatMap { eventDay($0, scope.calendar) }

        let optionsReader = event.optional("options")
        var options: [Int]?
        if let optionsReader {
            switch kind {
            case .demandShock:
                optionsReader.report("a demand shock changes the referrals, which every option shares (each "
                                     + "replication's people are drawn once, for all the options), so it applies to "
                                     + "every option; leave out options.")
            case .contractGained:
                optionsReader.report("a contract gained is a contract of one option; name it with option, "
                                     + "not options.")
            default:
                options = optionNames(optionsReader, context)
            }
        }
        let optionsRead = optionsReader == nil || options != nil

        guard let kind else { return nil }
        let change: ScenarioEvent.Kind?
        switch kind {
        case .providerExit:
            change = event.required("provider").flatMap { context.providers.resolve($0) }
                .map { .providerExit(provider: $0) }
        case .capacityChange:
            change = decodeCapacityChange(event, scope, context).map { .capacityChange($0) }
        case .demandShock:
            change = decodeDemandShock(event, day: day, scope, context).map { .demandShock($0) }
        case .contractLost, .contractGained:
            let gained = kind == .contractGained
            let decoded = decodeContractChange(event, gained: gained, options: options, scope, context)
            if let option = decoded?.option { options = [option] }
            change = decoded.map { gained ? .contractGained($0.change) : .contractLost($0.change) }
        }
        guard let day, optionsRead, let change else { return nil }
        return ScenarioEvent(day: day, options: options, kind: change)
    }

    /// The day of the run an event's `date` names: an ISO date from `calendar.start` to the
    /// run's last day (nil, after reporting, when it is not; silently when the calendar itself
    /// could not be read).
    static func eventDay(_ reader: NodeReader, _ calendar: CalendarSettings?) -> Int? {
        guard let date = reader.date(), let calendar else { return nil }
        let day = ISODate.days(from: calendar.start, to: date)
        let range = "a date from \(CSVFormat.date(calendar.start)) (calendar.start) to "
            + "\(CSVFormat.date(ISODate.adding(days: calendar.horizonDays - 1, to: calendar.start))) "
            + "(the run's last day)"
        if day < 0 {
            let warmUp = calendar.warmUpDays > 0 ? " (events happen during the run, not the warm-up)" : ""
            reader.report("\(reader.shownValue) is before the run starts\(warmUp); expected \(range).")
            return nil
        }
        if day >= calendar.horizonDays {
            reader.report("\(reader.shownValue) is after the run ends; expected \(range).")
            return nil
        }
        return day
    }

    /// `options`: a list of at least one option's name, as sorted unique indices.
    static func optionNames(_ reader: NodeReader, _ context: Context) -> [Int]? {
        guard let elements = reader.nonEmptyList(of: "option name") else { return nil }
        let indices = elements.map { context.options.resolve($0) }
        guard indices.allSatisfy({ $0 != nil }) else { return nil }
        return Array(Set(indices.map { $0! })).sorted()
    }

    /// `capacity_change`: the provider (whose capacity must follow its workforce) and exactly
    /// one of `workers_factor` (a positive multiplier, at most 100) and `workers` (a headcount).
    static func decodeCapacityChange(_ event: MappingReader, _ scope: EventScope,
                                     _ context: Context) -> CapacityChange? {
        let providerReader = event.required("provider")
        var provider = providerReader.flatMap { context.providers.resolve($0) }
        if let p = provider, let providerReader, let providers = scope.providers, p < providers.count,
           let fixed = providers[p].fixedCapacityHours {
            providerReader.report("\(Excerpt.quoted(providers[p].name)) has a fixed capacity "
                                  + "(fixed_capacity_hours: \(NumberRule.format(fixed))), which does not follow its "
                                  + "care workers; expected a provider whose capacity follows its workforce.")
            provider = nil
        }
        let factorReader = event.optional("workers_factor")
        let workersReader = event.optional("workers")
        let factor = factorReader?.number(.positive("multiplier on the provider's care workers",
                                                    atMost: ScenarioLimits.multiplier))
        let workers = workersReader?.wholeNumber(.nonNegative("whole number of care workers",
                                                              atMost: ScenarioLimits.workers))
        let size: CapacityChange.Size?
        switch (factorReader, workersReader) {
        case (.some, .some):
            event.report("both 'workers_factor' and 'workers' are given; give exactly one of them.")
            size = nil
        case (nil, nil):
            event.report("missing required key 'workers_factor' or 'workers'.")
            size = nil
        case (.some, nil):
            size = factor.map { .factor($0) }
        case (nil, .some):
            size = workers.map { .workers($0) }
        }
        guard let provider, let size else { return nil }
        return CapacityChange(provider: provider, size: size)
    }

    /// `demand_shock`: `referrals_factor` (required, positive, at most 100), the `zones` it
    /// applies to (names, or `all`; every zone by default) and the date it ends (`until`, after
    /// the event's date and no later than the day after the run's last day; none by default).
    static func decodeDemandShock(_ event: MappingReader, day: Int?, _ scope: EventScope,
                                  _ context: Context) -> DemandShock? {
        let factor = event.required("referrals_factor")?
            .number(.positive("multiplier on the referral rate", atMost: ScenarioLimits.multiplier))
        let zonesReader = event.optional("zones")
        let zones = zonesReader.flatMap { zoneSet($0, context) { context.zones.resolve($0).map { [$0] } } }
        let untilReader = event.optional("until")
        var until: Int?
        if let untilReader, let date = untilReader.date(), let calendar = scope.calendar {
            let untilDay = ISODate.days(from: calendar.start, to: date)
            let end = CSVFormat.date(ISODate.adding(days: calendar.horizonDays, to: calendar.start))
            if let day, untilDay <= day {
                untilReader.reject(expected: "a date after date (\(CSVFormat.date(ISODate.adding(days: day, to: calendar.start))))")
            } else if untilDay > calendar.horizonDays {
                untilReader.report("\(untilReader.shownValue) is after the run ends; expected a date up to \(end), "
                                   + "the day after the run's last day, or no until for the rest of the run.")
            } else {
                until = untilDay
            }
        }
        guard let factor, zonesReader == nil || zones != nil, untilReader == nil || until != nil else { return nil }
        let everyZone = zones.map { $0.count == context.zoneCount } ?? true
        return DemandShock(referralsFactor: factor, zones: everyZone ? nil : zones, untilDay: until)
    }

    /// `contract_lost` and `contract_gained`: the provider (required), the option whose contracts
    /// they are (`option`; required for a contract gained, and then the only option the event
    /// applies to), the `route` of the contracts (a contracted route; any by default), the zones
    /// (names of zones or of the option's areas) and, for a contract gained, the `rate` its
    /// contract states. A contract lost must be one the provider holds in at least one of the
    /// options it applies to; a contract gained must be listed under the option's `contracts`,
    /// covering every zone named, at the rate named.
    ///
    /// - Returns: the change, and the index of the option named by `option`, if any.
    static func decodeContractChange(_ event: MappingReader, gained: Bool, options: [Int]?, _ scope: EventScope,
                                     _ context: Context) -> (change: ContractChange, option: Int?)? {
        let optionReader = event.optional("option")
        let option = optionReader.flatMap { context.options.resolve($0) }
        if gained && optionReader == nil { event.reportMissing("option") }
        if let optionReader, event.has("options"), !gained {
            optionReader.report("both 'option' and 'options' are given; give option for one option's contracts, "
                                + "or options for those of several.")
        }
        let providerReader = event.required("provider")
        let provider = providerReader.flatMap { context.providers.resolve($0) }
        let routeReader = event.optional("route")
        let route = routeReader.flatMap(contractedRoute)
        let known = option.flatMap { o in scope.options.flatMap { o < $0.count ? $0[o] : nil } }
        let zonesReader = event.optional("zones")
        let zones = zonesReader.flatMap { reader in
            zoneSet(reader, context, what: known == nil ? "zone names" : "area or zone names",
                    resolve: known.map { areaOrZone(areas: $0.areas, optionName: $0.name, context) }
                        ?? { context.zones.resolve($0).map { [$0] } })
        }
        let rateReader = gained ? event.optional("rate") : nil
        let rate = rateReader?.number(.positive("rate in £ an hour"))
        guard let provider, optionReader == nil || option != nil, routeReader == nil || route != nil,
              zonesReader == nil || zones != nil, rateReader == nil || rate != nil,
              !(gained && option == nil) else { return nil }
        let change = ContractChange(provider: provider, route: route, zones: zones, rate: rate)
        guard let all = scope.options else { return (change, option) }
        let place = zonesReader ?? providerReader!
        let providerName = Excerpt.quoted(context.providers.name(at: provider))
        let onRoute = change.route.map { " on the \($0.rawValue) route" } ?? ""
        if let option, let known {
            let matching = change.contracts(in: known)
            let covered = Set(matching.flatMap { known.contracts[$0].zones })
            let missing = zones.map { $0.filter { !covered.contains($0) } } ?? []
            if matching.isEmpty || (gained && !missing.isEmpty) {
                let absent = zones.map { stated in
                    "no contract of \(providerName)\(onRoute) in \(Excerpt.quoted(known.name)) covers "
                        + (matching.isEmpty && stated.count > 1 ? "any of " : "")
                        + zoneList(matching.isEmpty ? stated : missing, context)
                } ?? "\(providerName) holds no contract\(onRoute) in \(Excerpt.quoted(known.name))"
                place.report(absent + (gained ? "; state it under options[\(option)].contracts, and this event starts "
                                        + "it on its date." : "; expected a contract the option lists."))
                return nil
            }
            if let rate, let rateReader, let different = matching.first(where: { known.contracts[$0].rate != rate }) {
                rateReader.report("the contract in options[\(option)].contracts[\(different)] pays "
                                  + "£\(NumberRule.format(known.contracts[different].rate)) an hour; a contract "
                                  + "gained is paid the rate its contract states, so give that rate or leave out rate.")
                return nil
            }
        } else if option == nil {
            let applying = options ?? Array(all.indices)
            if applying.allSatisfy({ change.contracts(in: all[$0]).isEmpty }) {
                let names = applying.map { Excerpt.quoted(all[$0].name) }.joined(separator: ", ")
                let covering = zones.map { " covering " + ($0.count > 1 ? "any of " : "") + zoneList($0, context) } ?? ""
                place.report("\(providerName) holds no contract\(onRoute)\(covering) in any of the options the event "
                             + "applies to (\(names)); expected a contract an option lists.")
                return nil
            }
        }
        return (change, option)
    }

    /// A contracted route (`strategic`, `approved`, `framework` or `dps`).
    static func contractedRoute(_ reader: NodeReader) -> Route? {
        let contracted = Route.allCases.filter(\.isContracted)
        guard let text = reader.text, let route = Route(rawValue: text.trimmingWhitespace), route.isContracted else {
            reader.reject(expected: NodeReader.oneOf(contracted.map(\.rawValue)) + " (a contracted route)")
            return nil
        }
        return route
    }

    /// `'North', 'South'` (the first five, then how many more).
    static func zoneList(_ zones: [Int], _ context: Context) -> String {
        zones.prefix(5).map { Excerpt.quoted(context.zoneName($0)) }.joined(separator: ", ")
            + (zones.count > 5 ? " and \(zones.count - 5) more" : "")
    }
}
