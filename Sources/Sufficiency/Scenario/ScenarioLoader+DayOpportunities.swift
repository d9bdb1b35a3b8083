import Foundation

extension ScenarioLoader {
    /// The top-level keys of a day opportunities scenario (`service: day_opportunities`).
    static let dayTopLevelKeys = ["service", "name", "description", "calendar", "run", "prices", "levels", "lots",
                                  "groups", "referrals", "transport_cost_per_attendance", "reviews", "providers",
                                  "caseload", "options", "spot_share_target", "savings_target_per_year",
                                  "sweep", "solve", "ranking_sensitivity", "localities", "travel", "transport",
                                  "open_days", "budget_lines", "savings_target", "self_funders"]
    static let levelKeys = ["name", "spot_daily_rate", "group_size"]
    static let dayGroupKeys = ["name", "share", "days_per_week", "level_shares", "lot_shares", "transport_share", "tiers"]
    static let referralKeys = ["per_week", "growth", "assessment_days"]
    /// `referrals.per_week`: 0 to 100,000.
    static let dayReferralsRule = NumberRule.nonNegative("number of people a week", atMost: ScenarioLimits.referralsPerWeek)
    /// `referrals.growth`: above −1, at most 1 (doubling a year).
    static let dayGrowthRule = NumberRule("a yearly growth rate above -1") { $0 > -1 }.atMost(ScenarioLimits.growth)
        .refusingPercentages()
    /// An option's `rates`: £ a day, 0 or more.
    static let dayRateRule = NumberRule.nonNegative("rate in £ a day")
    static let dayReviewKeys = ["interval_days", "direct_payment_probability", "move_probability",
                                "referral_direct_payment_probability", "first_review_after_days",
                                "move_closer_probability"]
    static let dayProviderKeys = ["name", "places", "groups", "capacity", "days", "locality", "lots", "member",
                                  "join_probability", "join_chance_per_year"]
    static let dayCaseloadKeys = ["provider", "route", "people", "group", "level", "lot", "days_per_week", "daily_rate",
                                  "transport_share", "locality"]
    static let dayOptionKeys = ["name", "description", "rule", "rates", "rounds", "applicants_per_round",
                                "approval_probability", "resubmission_probability", "resubmission_approval_probability",
                                "targeted_join_probability", "new_provider_places", "level_changes", "uplift",
                                "applicant_pool", "referral_framework_share", "new_provider_localities", "travel_choice",
                                "term", "reapproval_probability", "pathways", "reviews"] + dayOptionEntryKeys
    static let roundKeys = ["every_days", "first_day"]
    static let levelChangeKeys = ["from", "to", "probability"]

    /// Names of a day opportunities scenario's levels, lots, groups and providers, for references.
    final class DayNames {
        var levels = NameTable(kind: "a support level", isComplete: false)
        var lots = NameTable(kind: "a lot", isComplete: false)
        var groups = NameTable(kind: "a client group", isComplete: false)
        var providers = NameTable(kind: "a provider", isComplete: false)
        var localities = NameTable(kind: "a locality", isComplete: false)
    }

    /// A day opportunities scenario: the shared sections (name, calendar, run, prices) and the
    /// service's own. Its options are returned twice: as `ProcurementOption`s carrying the name,
    /// description and uplift rule the shared machinery uses, and as `DayOption`s.
    static func decodeDayScenario(_ root: NodeReader, _ context: Context) -> Scenario? {
        guard let sections = root.mapping(keys: dayTopLevelKeys,
                                          expected: "a mapping with the keys name, calendar, levels, groups, "
                                              + "referrals, providers and options")
        else { return nil }
        let names = DayNames()
        let name = sections.required("name")?.name(expected: "a name for the scenario")
        let description = sections.optional("description")?.string() ?? ""
        let calendar = decodeCalendar(sections.required("calendar"), context)
        let run = sections.optional("run").map(decodeRun) ?? RunSettings()
        let prices = sections.optional("prices").map(decodePrices) ?? .published
        let levels = decodeLevels(sections.required("levels"), names)
        let lots = decodeLots(sections.optional("lots"), names)
        let localities = decodeLocalities(sections.optional("localities"), names)
        let travel = decodeDayTravel(sections.optional("travel"), sections.optional("transport"),
                                     flat: sections.optional("transport_cost_per_attendance"))
        let openDaysReader = sections.optional("open_days")
        let openDays = openDaysReader.flatMap(decodeWeekdays)
        let groups = decodeDayGroups(sections.required("groups"), names)
        let referralsReader = sections.required("referrals")
        let referrals = referralsReader?.mapping(keys: referralKeys)
        let perWeek = referrals?.required("per_week")?
            .number(dayReferralsRule)
        let growth = referrals?.optional("growth")?
            .number(dayGrowthRule)
        let assessment = referrals?.optional("assessment_days").flatMap { decodeDistribution($0, unit: "days") }
        let reviews = sections.optional("reviews").flatMap { decodeDayReviews($0) } ?? DayReviewSettings()
        let providers = decodeDayProviders(sections.required("providers"), levels, names)
        let caseload = sections.optional("caseload").flatMap { decodeDayCaseload($0, names) } ?? []
        let optionsReader = sections.required("options")
        let options = decodeDayOptions(optionsReader, names, calendar: calendar, reviews: reviews, context)
        let target = sections.optional("spot_share_target")?.number(.unitInterval("share of placements"))
        let budget = decodeBudget(sections, names)
        let selfFundersReader = sections.optional("self_funders")
        let selfFunders = selfFundersReader.flatMap { decodeSelfFunders($0, names) }
        guard let name, let calendar, let levels, let lots, let groups, let perWeek, let providers,
              let options, let localities, let travel, let budget, openDaysReader == nil || openDays != nil,
              selfFundersReader == nil || selfFunders != nil else { return nil }
        guard let referralsReader, checkVolume(referralsReader, calendar: calendar, referralsPerWeek: perWeek,
                                               growth: growth ?? 0, multiplier: 1,
                                               caseload: caseload.reduce(0) { $0 + $1.people }) else { return nil }
        guard checkWorkload(referralsReader, calendar: calendar, referralsPerWeek: perWeek, growth: growth ?? 0,
                            multiplier: 1, caseload: caseload.reduce(0) { $0 + $1.people },
                            rates: EventRates(reviewIntervalDays: shortestReviewInterval(reviews, options.map(\.day)),
                                              handBacksPerYear: 0))
        else { return nil }
        if let selfFundersReader, let selfFunders,
           !checkVolume(selfFundersReader, calendar: calendar, referralsPerWeek: selfFunders.totalPerWeek, growth: 0,
                        multiplier: 1, caseload: selfFunders.atStart.reduce(0, +)) { return nil }
        var day = DayOpportunities(levels: levels, lots: lots, groups: groups, referralsPerWeek: perWeek,
                                   annualGrowth: growth ?? 0, assessmentDays: assessment,
                                   reviews: reviews, providers: providers, caseload: caseload,
                                   options: options.map(\.day), spotShareTarget: target ?? 0.1,
                                   savingsTargetPerYear: budget.targetPerYear, localities: localities, travel: travel,
                                   openDays: openDays ?? .weekdays, selfFunders: selfFunders)
        day.budgetLines = budget.lines
        day.savingsTargetLine = budget.targetLine
        let scenario = Scenario(name: name, description: description, calendar: calendar, zones: [],
                                demand: Demand(referralsPerWeek: 0, clientGroups: []), providers: [],
                                prices: prices, options: options.map(\.shared), run: run, dayOpportunities: day)
        guard checkLayout(scenario, zonesReader: optionsReader, providersReader: nil) else { return nil }
        return scenario
    }

    static func decodeLevels(_ reader: NodeReader?, _ names: DayNames) -> [SupportLevel]? {
        guard let reader, let elements = reader.nonEmptyList(of: "support level") else { return nil }
        names.levels = NameTable.build(from: elements, kind: "a support level", plural: "support levels")
        let levels = elements.map { element -> SupportLevel? in
            guard let level = element.mapping(keys: levelKeys) else { return nil }
            let name = level.required("name")?.name(expected: "a name for the support level")
            let rate = level.required("spot_daily_rate")?.number(.nonNegative("rate in £ a day"))
            let sizeReader = level.optional("group_size")
            let size = sizeReader?.wholeNumber(.positive("whole number of people in a group", atMost: 1000))
            guard let name, let rate, sizeReader == nil || size != nil else { return nil }
            return SupportLevel(name: name, spotDailyRate: rate, groupSize: size)
        }
        guard levels.allSatisfy({ $0 != nil }) else { return nil }
        return levels.map { $0! }
    }

    /// `lots`: a list of names; one lot called `all` when left out.
    static func decodeLots(_ reader: NodeReader?, _ names: DayNames) -> [String]? {
        guard let reader else {
            var table = NameTable(kind: "a lot")
            table.add("all", at: 0)
            names.lots = table
            return ["all"]
        }
        guard let elements = reader.nonEmptyList(of: "lot") else { return nil }
        var table = NameTable(kind: "a lot")
        var lots: [String] = []
        for (i, element) in elements.enumerated() {
            guard let name = element.name(expected: "the name of a lot") else { continue }
            if table.index(of: name) != nil {
                element.report("\(Excerpt.quoted(name)) is already a lot; each lot needs its own name.")
            } else if let first = table.lookalike(of: name) {
                element.report(NameTable.lookalikeMessage(name, first: table.name(at: first),
                                                          at: elements[first].keyPath, plural: "lots"))
            } else {
                table.add(name, at: i)
            }
            lots.append(name)
        }
        names.lots = table
        return lots.count == elements.count ? lots : nil
    }

    static func decodeDayGroups(_ reader: NodeReader?, _ names: DayNames) -> [DayGroup]? {
        guard let reader, let elements = reader.nonEmptyList(of: "client group") else { return nil }
        names.groups = NameTable.build(from: elements, kind: "a client group", plural: "client groups")
        let groups = elements.map { decodeDayGroup($0, names) }
        let sum = checkShares(of: reader, elements, key: "share")
        guard let sum, groups.allSatisfy({ $0 != nil }) else { return nil }
        return groups.map { group in
            var group = group!
            group.share /= sum
            return group
        }
    }

    static func decodeDayGroup(_ reader: NodeReader, _ names: DayNames) -> DayGroup? {
        guard let group = reader.mapping(keys: dayGroupKeys) else { return nil }
        let name = group.required("name")?.name(expected: "a name for the client group")
        let share = group.required("share")?.number(.unitInterval("share"))
        let days = group.required("days_per_week").flatMap {
            decodeDistribution($0, unit: "days a week", atMost: ScenarioLimits.daysPerWeek)
        }
        let levelShares = group.required("level_shares").flatMap { decodeShareMap($0, names.levels) }
        let lotShares = group.optional("lot_shares").flatMap { decodeShareMap($0, names.lots) }
            ?? (names.lots.names.count == 1 ? [1] : nil)
        if group.optional("lot_shares") == nil && names.lots.names.count > 1 {
            group.reportMissing("lot_shares")
        }
        let transport = group.optional("transport_share")?.number(.unitInterval("share of people"))
        let tiers = decodeTiers(group.required("tiers"), groupName: name ?? reader.keyPath)
        guard let name, let share, let days, let levelShares, let lotShares, let tiers else { return nil }
        return DayGroup(name: name, share: share, daysPerWeek: days, levelShares: levelShares, lotShares: lotShares,
                        transportShare: transport ?? 0, tiers: tiers)
    }

    /// `{name: share, ...}` over the names in `table`, adding up to 1; names left out get 0.
    static func decodeShareMap(_ reader: NodeReader, _ table: NameTable) -> [Double]? {
        guard let entries = reader.entries(expected: "a mapping from names to shares, e.g. {group: 0.6, one to one: 0.4}")
        else { return nil }
        var shares = [Double](repeating: 0, count: table.count)
        var valid = table.isComplete
        for entry in entries {
            let index = table.resolve(entry.key)
            let share = entry.value.number(.unitInterval("share"))
            if let index, let share { shares[index] = share } else { valid = false }
        }
        guard valid else { return nil }
        let sum = shares.reduce(0, +)
        if abs(sum - 1) > shareTolerance {
            let shown = NumberRule.format(sum)
            reader.report("the shares add up to \(shown); they must add up to 1 (±0.001).", value: shown)
            return nil
        }
        return shares.map { $0 / sum }
    }

    /// `reviews`: each key left out is `d`'s (the defaults for the scenario's; the scenario's
    /// for an option's).
    static func decodeDayReviews(_ reader: NodeReader, defaults d: DayReviewSettings = DayReviewSettings())
        -> DayReviewSettings? {
        guard let r = reader.mapping(keys: dayReviewKeys) else { return nil }
        let probability = NumberRule.unitInterval("probability")
        return DayReviewSettings(
            intervalDays: r.optional("interval_days")?.number(.atLeast(ScenarioLimits.shortestInterval, "number of days"))
                ?? d.intervalDays,
            directPaymentProbability: r.optional("direct_payment_probability")?.number(probability)
                ?? d.directPaymentProbability,
            moveProbability: r.optional("move_probability")?.number(probability) ?? d.moveProbability,
            referralDirectPaymentProbability: r.optional("referral_direct_payment_probability")?.number(probability)
                ?? d.referralDirectPaymentProbability,
            firstReviewAfterDays: r.optional("first_review_after_days")?.number(.nonNegative("number of days"))
                ?? d.firstReviewAfterDays,
            closerProbability: r.optional("move_closer_probability")?.number(probability) ?? d.closerProbability)
    }

    static func decodeDayProviders(_ reader: NodeReader?, _ levels: [SupportLevel]?,
                                   _ names: DayNames) -> [DayProvider]? {
        guard let reader, let elements = reader.nonEmptyList(of: "provider") else { return nil }
        names.providers = NameTable.build(from: elements, kind: "a provider", plural: "providers")
        let providers = elements.map { element -> DayProvider? in
            guard let p = element.mapping(keys: dayProviderKeys) else { return nil }
            let name = p.required("name")?.name(expected: "a name for the provider")
            let places = decodeProviderPlaces(p, levels, names)
            let capacityReader = p.optional("capacity")
            let capacity = capacityReader?.wholeNumber(.nonNegative("whole number of people a day", atMost: ScenarioLimits.workers))
            let daysReader = p.optional("days")
            let days = daysReader.flatMap(decodeWeekdays)
            let localityReader = p.optional("locality")
            let locality = localityReader.flatMap { names.localities.resolve($0) }
            if localityReader == nil && names.localities.count > 1 { p.reportMissing("locality") }
            let lotsReader = p.optional("lots")
            let lots = lotsReader.flatMap { list -> [Int]? in
                guard let items = list.list(expected: "a list of lots") else { return nil }
                let resolved = items.map { names.lots.resolve($0) }
                return resolved.allSatisfy({ $0 != nil }) ? Array(Set(resolved.map { $0! })).sorted() : nil
            }
            let member = p.optional("member")?.bool()
            let join = p.optional("join_probability")?.number(.unitInterval("probability"))
            let yearly = decodeProviderJoinChancePerYear(p)
            guard let name, let places, lotsReader == nil || lots != nil, capacityReader == nil || capacity != nil,
                  daysReader == nil || days != nil, localityReader == nil || locality != nil,
                  localityReader != nil || names.localities.count <= 1, yearly.valid else { return nil }
            var provider = DayProvider(name: name, places: places.shared, lots: lots ?? Array(names.lots.names.indices),
                                       member: member ?? false, joinProbability: join, placesByLevel: places.byLevel,
                                       capacity: capacity, openDays: days, locality: locality ?? 0)
            provider.joinChancePerYear = yearly.perYear
            return provider
        }
        guard providers.allSatisfy({ $0 != nil }) else { return nil }
        return providers.map { $0! }
    }

    static func decodeDayCaseload(_ reader: NodeReader, _ names: DayNames) -> [DayCaseloadEntry]? {
        guard let elements = reader.list(expected: "a list of caseload entries") else { return nil }
        let entries = elements.map { element -> DayCaseloadEntry? in
            guard let e = element.mapping(keys: dayCaseloadKeys) else { return nil }
            let route = e.required("route")?.choice(DayRoute.self)
            let providerReader = e.optional("provider")
            let provider = providerReader.flatMap { names.providers.resolve($0) }
            if route != nil && route != .directPayment && providerReader == nil { e.reportMissing("provider") }
            let people = e.required("people")?
                .wholeNumber(.nonNegative("whole number of people", atMost: ScenarioLimits.peoplePerEntry))
            let group = e.required("group").flatMap { names.groups.resolve($0) }
            let level = e.required("level").flatMap { names.levels.resolve($0) }
            let lotReader = e.optional("lot")
            let lot = lotReader.flatMap { names.lots.resolve($0) }
            let days = e.required("days_per_week")?.number(NumberRule("a number of days from 0 to 7") { $0 >= 0 && $0 <= 7 })
            let rate = e.required("daily_rate")?.number(.nonNegative("rate in £ a day"))
            let transport = e.optional("transport_share")?.number(.unitInterval("share of people"))
            let localityReader = e.optional("locality")
            let locality = localityReader.flatMap { names.localities.resolve($0) }
            guard let route, let people, let group, let level, let days, let rate,
                  providerReader == nil || provider != nil, lotReader == nil || lot != nil,
                  localityReader == nil || locality != nil,
                  route == .directPayment || provider != nil else { return nil }
            return DayCaseloadEntry(provider: route == .directPayment ? nil : provider, route: route, people: people,
                                    group: group, level: level, lot: lot ?? 0, daysPerWeek: days, dailyRate: rate,
                                    transportShare: transport ?? 0, locality: locality)
        }
        guard entries.allSatisfy({ $0 != nil }) else { return nil }
        return entries.map { $0! }
    }

    static func decodeDayOptions(_ reader: NodeReader?, _ names: DayNames, calendar: CalendarSettings?,
                                 reviews: DayReviewSettings, _ context: Context)
        -> [(shared: ProcurementOption, day: DayOption)]? {
        guard let reader, let elements = reader.nonEmptyList(of: "option") else { return nil }
        _ = NameTable.build(from: elements, kind: "an option", plural: "options")
        let options = elements.map { decodeDayOption($0, names, calendar: calendar, reviews: reviews, context) }
        guard options.allSatisfy({ $0 != nil }) else { return nil }
        return options.map { $0! }
    }

    /// One option: name and rule are required; a framework or DPS needs its rate for every level.
    /// Entry is per round, or per year converted to the option's rounds (`decodeEntryValue`).
    /// Its own `reviews` keep `scenarioReviews` for the keys they leave out.
    static func decodeDayOption(_ reader: NodeReader, _ names: DayNames, calendar: CalendarSettings?,
                                reviews scenarioReviews: DayReviewSettings,
                                _ context: Context) -> (shared: ProcurementOption, day: DayOption)? {
        guard let o = reader.mapping(keys: dayOptionKeys) else { return nil }
        let d = DayOption(rule: .spot)
        let probability = NumberRule.unitInterval("probability")
        let name = o.required("name")?.name(expected: "a name for the option")
        let description = o.optional("description")?.string()
        let rule = o.required("rule")?.choice(DayOption.Rule.self)
        let ratesReader = o.optional("rates")
        let rates = ratesReader.flatMap { decodeLevelRates($0, names.levels) }
        if let rule, rule != .spot, ratesReader == nil { o.reportMissing("rates") }
        let rounds = o.optional("rounds")?.mapping(keys: roundKeys)
        let every = rounds?.optional("every_days")?.number(.atLeast(ScenarioLimits.shortestInterval, "number of days"))
        let first = rounds?.optional("first_day")?.number(.nonNegative("number of days from the start"))
        let roundDays = rule == .dps ? 7 : (every ?? d.roundEveryDays)
        let applicants = decodeEntryValue(o, applicantEntryKeys, roundDays: roundDays)
        let approval = o.optional("approval_probability")?.number(probability)
        let resubmission = decodeEntryValue(o, resubmissionEntryKeys, roundDays: roundDays)
        let resubmissionApproval = o.optional("resubmission_approval_probability")?.number(probability)
        let targeted = decodeEntryValue(o, joinEntryKeys, roundDays: roundDays)
        let expiry = rule.map { decodeDPSExpiry(o, rule: $0, roundEveryDays: every, calendar: calendar, context) }
        let places = o.optional("new_provider_places")?
            .wholeNumber(.positive("whole number of people", atMost: ScenarioLimits.workers))
        let changes = o.optional("level_changes").flatMap { decodeLevelChanges($0, names.levels) }
        let uplift = o.optional("uplift").flatMap(decodeUplift)
        let pool = o.optional("applicant_pool")?
            .wholeNumber(.nonNegative("whole number of organisations", atMost: ScenarioLimits.workers))
        let referralShare = o.optional("referral_framework_share")?.number(probability)
        let choiceReader = o.optional("travel_choice")
        let choice = choiceReader?.choice(DayTravel.Choice.self)
        let newLocalitiesReader = o.optional("new_provider_localities")
        let newLocalities = newLocalitiesReader.flatMap { decodeShareMap($0, names.localities) }
        let termReader = o.optional("term")
        let term = termReader.flatMap { decodeDayTerm($0, rule: rule) }
        let reapproval = o.optional("reapproval_probability")?.number(probability)
        if reapproval != nil && termReader == nil {
            o.optional("reapproval_probability")?.report("reapproval_probability applies only when the framework has a term; "
                                                          + "add 'term' or remove it.")
        }
        let pathways = o.optional("pathways").flatMap { decodeDayPathways($0, names) }
        let reviews = o.optional("reviews").flatMap { decodeDayReviews($0, defaults: scenarioReviews) }
        guard let name, let rule, ratesReader == nil || rates != nil, rule == .spot || rates != nil,
              o.optional("level_changes") == nil || changes != nil, o.optional("uplift") == nil || uplift != nil,
              newLocalitiesReader == nil || newLocalities != nil, choiceReader == nil || choice != nil,
              applicants.valid, resubmission.valid, targeted.valid, let expiry, expiry.valid,
              termReader == nil || term != nil, reapproval == nil || termReader != nil,
              o.optional("pathways") == nil || pathways != nil, o.optional("reviews") == nil || reviews != nil
        else { return nil }
        var day = DayOption(rule: rule, rates: rates ?? [], roundEveryDays: rule == .dps ? 7 : (every ?? d.roundEveryDays),
                            firstRoundDay: first ?? (rule == .dps ? 7 : every ?? d.roundEveryDays),
                            applicantsPerRound: applicants.perRound ?? d.applicantsPerRound,
                            approvalProbability: approval ?? d.approvalProbability,
                            resubmissionProbability: resubmission.perRound ?? d.resubmissionProbability,
                            resubmissionApprovalProbability: resubmissionApproval ?? d.resubmissionApprovalProbability,
                            targetedJoinProbability: targeted.perRound ?? d.targetedJoinProbability,
                            newProviderPlaces: places ?? d.newProviderPlaces, levelChanges: changes ?? [],
                            applicantPool: pool, referralFrameworkShare: referralShare ?? d.referralFrameworkShare,
                            newProviderLocalities: newLocalities, term: term, reapprovalProbability: reapproval,
                            pathways: pathways ?? [:], reviews: reviews)
        day.travelChoice = choice
        day.expiry = expiry.expiry
        let shared = ProcurementOption(name: name, description: description ?? "", rule: .spot, contracts: [],
                                       referenceRate: 1, uplift: uplift ?? .weighted(staffWeight: defaultStaffWeight))
        return (shared, day)
    }

    /// `{level: £ a day, ...}` naming every level.
    static func decodeLevelRates(_ reader: NodeReader, _ table: NameTable) -> [Double]? {
        guard let entries = reader.entries(expected: "a mapping from support levels to £ a day, e.g. {group: 45}")
        else { return nil }
        var rates = [Double?](repeating: nil, count: table.count)
        var valid = table.isComplete
        for entry in entries {
            let index = table.resolve(entry.key)
            let rate = entry.value.number(dayRateRule)
            if let index, let rate { rates[index] = rate } else { valid = false }
        }
        let missing = table.names.filter { rates[table.index(of: $0)!] == nil }
        if valid && !missing.isEmpty {
            reader.report("no rate for \(missing.map { "'\($0)'" }.joined(separator: ", ")); "
                          + "expected a rate for every support level.")
            return nil
        }
        // A level with no name (reported where it is written) leaves a position no rate can name.
        guard valid, rates.allSatisfy({ $0 != nil }) else { return nil }
        return rates.map { $0! }
    }

    static func decodeLevelChanges(_ reader: NodeReader, _ table: NameTable) -> [DayOption.LevelChange]? {
        guard let elements = reader.list(expected: "a list of {from, to, probability}") else { return nil }
        let changes = elements.map { element -> DayOption.LevelChange? in
            guard let c = element.mapping(keys: levelChangeKeys) else { return nil }
            let from = c.required("from").flatMap { table.resolve($0) }
            let to = c.required("to").flatMap { table.resolve($0) }
            let p = c.required("probability")?.number(.unitInterval("probability"))
            guard let from, let to, let p else { return nil }
            return DayOption.LevelChange(from: from, to: to, probability: p)
        }
        guard changes.allSatisfy({ $0 != nil }) else { return nil }
        return changes.map { $0! }
    }
}
