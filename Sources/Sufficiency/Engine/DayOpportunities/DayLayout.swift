/// Where a day opportunities run keeps its stocks and counters, and the measures it reports.
///
/// A period's bin holds, in order: the time integrals of the stocks (unit × days) and the
/// counters (people, organisations, days waited).
struct DayLayout {
    let levels: Int, lots: Int, groups: Int
    /// Whether the service has more than one locality (and so travel measures).
    let geography: Bool
    // Stocks.
    let routeCount = 0          // people by route (4)
    let routeSpend = 4          // £ a week by route (4)
    let waitingPeople = 8
    let transport = 9           // £ a week of council transport
    let members = 10            // providers on the framework
    let waitingDays = 11        // days a week of the people waiting
    let withProvider = 12       // people placed with a provider (not direct payments)
    let travelMinutes = 13      // their one-way travel minutes, summed
    let withinStandard = 14     // of them, those within the standard for close to home
    let levelCount: Int, levelSpend: Int, lotCount: Int, lotSpend: Int, groupSpend: Int, waitingLevel: Int
    /// £ a week of council transport by client group (groups).
    let groupTransport: Int
    let stockCount: Int
    // Counters.
    let referrals: Int, placementsStarted: Int, submissions: Int, approvals: Int, resubmissionApprovals: Int
    let directPayments: Int, goalsMet: Int, leavers: Int, movesToFramework: Int, waitDays: Int, movesCloser: Int
    let binStride: Int

    init(_ day: DayOpportunities) {
        geography = day.localities.count > 1
        levels = day.levels.count
        lots = day.lots.count
        groups = day.groups.count
        levelCount = 15
        levelSpend = levelCount + levels
        lotCount = levelSpend + levels
        lotSpend = lotCount + lots
        groupSpend = lotSpend + lots
        waitingLevel = groupSpend + groups
        groupTransport = waitingLevel + levels
        stockCount = groupTransport + groups
        var next = stockCount
        func counter() -> Int { defer { next += 1 }; return next }
        referrals = counter(); placementsStarted = counter(); submissions = counter(); approvals = counter()
        resubmissionApprovals = counter(); directPayments = counter(); goalsMet = counter(); leavers = counter()
        movesToFramework = counter(); waitDays = counter(); movesCloser = counter()
        binStride = next
    }

    /// The measures, county-wide, in the order every file lists them (`MeasureDefinition.dayOpportunities`).
    static func measures(_ day: DayOpportunities, options: Int) -> [Measure] {
        let table = MeasureDefinition.dayOpportunities
        let routes = DayRoute.allCases.map(\.rawValue)
        func one(_ name: String) -> Measure { table[name: name].measure() }
        func each(_ family: MeasureFamily, _ parts: [String]) -> [Measure] {
            parts.map { table[family].measure($0) }
        }
        var list = [one(MeasureName.referrals), one(MeasureName.placementsStarted), one(MeasureName.placements)]
        list += each(MeasureName.placementsRoute, routes)
        list += [one(MeasureName.waiting), one(MeasureName.waitMeanDays), one(MeasureName.unmetDays)]
        if day.localities.count > 1 {
            list += [one(MeasureName.withinStandardShare), one(MeasureName.movesCloser), one(MeasureName.travelMinutesMean)]
        }
        list.append(one(MeasureName.weeklySpend))
        list += each(MeasureName.weeklySpendRoute, routes)
        list.append(one(MeasureName.averageWeeklyCost))
        list += each(MeasureName.averageWeeklyCostRoute, routes)
        list += [MeasureName.spend, MeasureName.transportSpend, MeasureName.frameworkShare, MeasureName.spotShare,
                 MeasureName.frameworkProviders, MeasureName.submissions, MeasureName.approvals,
                 MeasureName.approvalsOnResubmission, MeasureName.directPaymentTakeups, MeasureName.movesToFramework,
                 MeasureName.enablementGoalsMet].map(one)
        for level in day.levels {
            let slug = MeasureCatalog.slug(level.name)
            list += [MeasureName.placementsLevel, MeasureName.weeklySpendLevel, MeasureName.waitingLevel]
                .map { table[$0].measure(slug) }
        }
        for lot in day.lots {
            let slug = MeasureCatalog.slug(lot)
            list += [MeasureName.placementsLot, MeasureName.weeklySpendLot].map { table[$0].measure(slug) }
        }
        list += each(MeasureName.spendGroup, day.groups.map { MeasureCatalog.slug($0.name) })
        let lines = day.budgetLines.map { MeasureCatalog.slug($0.name) }
        list += each(MeasureName.budgetSpendLine, lines)
        list += [one(MeasureName.daysToSpotShareTarget), one(MeasureName.spotShareTargetReached)]
        if options > 1 {
            list.append(one(MeasureName.savings))
            list += each(MeasureName.budgetSavingsLine, lines)
            if day.savingsTargetPerYear != nil {
                list.append(one(MeasureName.savingsTargetMet))
            }
        }
        return list + DayBedLayout.measures(day)
    }
}
