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

    /// The measures, county-wide, in the order every file lists them.
    static func measures(_ day: DayOpportunities, options: Int) -> [Measure] {
        let routes = DayRoute.allCases.map(\.rawValue)
        var list: [Measure] = [
            Measure("referrals", unit: "people", better: nil, perZone: false, "Referrals received in the window."),
            Measure("placements_started", unit: "people", better: nil, perZone: false, "Placements started with a provider, including moves at review."),
            Measure("placements", unit: "people", better: nil, perZone: false, "People with a placement or a direct payment, time-average."),
        ]
        for r in routes {
            list.append(Measure("placements_\(r)", unit: "people", better: nil, perZone: false, "People on the \(r) route, time-average."))
        }
        list.append(Measure("waiting", unit: "people", better: .lower, perZone: false, "People waiting for a place, time-average."))
        list.append(Measure("wait_mean_days", unit: "days", better: .lower, perZone: false, "Mean wait of the people placed from the waiting list in the window."))
        list.append(Measure("unmet_days", unit: "days", better: .lower, perZone: false, "Attendance days a week the people waiting for a place would have had, summed over the window (a bed or supported-living place counts seven)."))
        if day.localities.count > 1 {
            list.append(Measure("within_standard_share", unit: "share", better: .higher, perZone: false, "Share of people placed with a provider whose one-way trip is within the standard minutes for close to home (time-averages)."))
            list.append(Measure("moves_closer", unit: "people", better: nil, perZone: false, "People moved at review to a provider within the standard minutes of home."))
            list.append(Measure("travel_minutes_mean", unit: "minutes", better: .lower, perZone: false, "Mean one-way travel time of people placed with a provider, from their locality to the provider's (time-averages)."))
        }
        list.append(Measure("weekly_spend", unit: "GBP a week", better: .lower, perZone: false, "Spend a week on placements and direct payments (not transport), time-average."))
        for r in routes {
            list.append(Measure("weekly_spend_\(r)", unit: "GBP a week", better: nil, perZone: false, "Spend a week on the \(r) route, time-average."))
        }
        list.append(Measure("average_weekly_cost", unit: "GBP a week", better: .lower, perZone: false, "Weekly spend per placement."))
        for r in routes {
            list.append(Measure("average_weekly_cost_\(r)", unit: "GBP a week", better: nil, perZone: false, "Weekly spend per placement on the \(r) route."))
        }
        list += [
            Measure("spend", unit: "GBP", better: .lower, perZone: false, "Spent in the window: placements, direct payments and transport."),
            Measure("transport_spend", unit: "GBP", better: .lower, perZone: false, "Council transport spent in the window."),
            Measure("framework_share", unit: "share", better: .higher, perZone: false, "Share of placements on framework terms (time-averages)."),
            Measure("spot_share", unit: "share", better: .lower, perZone: false, "Share of placements bought spot (time-averages)."),
            Measure("framework_providers", unit: "providers", better: .higher, perZone: false, "Providers on the framework, time-average."),
            Measure("submissions", unit: "organisations", better: nil, perZone: false, "Applications to join the framework, including resubmissions."),
            Measure("approvals", unit: "organisations", better: nil, perZone: false, "Applications approved."),
            Measure("approvals_on_resubmission", unit: "organisations", better: nil, perZone: false, "Applications approved on resubmission."),
            Measure("direct_payment_takeups", unit: "people", better: nil, perZone: false, "People taking a direct payment or personal budget (at referral or review)."),
            Measure("moves_to_framework", unit: "people", better: nil, perZone: false, "People moved onto framework terms at review."),
            Measure("enablement_goals_met", unit: "people", better: .higher, perZone: false, "People leaving enablement with their goal met."),
        ]
        for level in day.levels {
            let slug = MeasureCatalog.slug(level.name)
            list.append(Measure("placements_level_\(slug)", unit: "people", better: nil, perZone: false, "People at the \(level.name) level, time-average."))
            list.append(Measure("weekly_spend_level_\(slug)", unit: "GBP a week", better: nil, perZone: false, "Spend a week at the \(level.name) level, time-average."))
            list.append(Measure("waiting_level_\(slug)", unit: "people", better: .lower, perZone: false, "People waiting for a place at the \(level.name) level, time-average."))
        }
        for lot in day.lots {
            let slug = MeasureCatalog.slug(lot)
            list.append(Measure("placements_lot_\(slug)", unit: "people", better: nil, perZone: false, "People in the \(lot) lot, time-average."))
            list.append(Measure("weekly_spend_lot_\(slug)", unit: "GBP a week", better: nil, perZone: false, "Spend a week in the \(lot) lot, time-average."))
        }
        for group in day.groups {
            list.append(Measure("spend_\(MeasureCatalog.slug(group.name))", unit: "GBP", better: .lower, perZone: false,
                                "Spent on the \(group.name) client group's placements and direct payments in the window (not transport)."))
        }
        for line in day.budgetLines {
            list.append(Measure("budget_spend_\(MeasureCatalog.slug(line.name))", unit: "GBP", better: .lower, perZone: false,
                                "Spent in the window on the \(line.name) budget line: its client groups' placements and direct payments\(line.includesTransport ? " and transport" : " (not transport)")."))
        }
        list.append(Measure("days_to_spot_share_target", unit: "days", better: .lower, perZone: false,
                            "Days from the start until the spot share of placements first fell below the scenario's target (the whole run only; the run's length if it never did)."))
        list.append(Measure("spot_share_target_reached", unit: "share", better: .higher, perZone: false,
                            "1 if the spot share fell below the target during the run, else 0 (the whole run only)."))
        if options > 1 {
            list.append(Measure("savings", unit: "GBP", better: .higher, perZone: false,
                                "The first option's spend minus this option's, paired by replication."))
            for line in day.budgetLines {
                list.append(Measure("budget_savings_\(MeasureCatalog.slug(line.name))", unit: "GBP", better: .higher, perZone: false,
                                    "The first option's spend on the \(line.name) budget line minus this option's, paired by replication."))
            }
            if day.savingsTargetPerYear != nil {
                let on = day.savingsTargetLine.map { "the \(day.budgetLines[$0].name) budget line's savings" } ?? "the savings"
                list.append(Measure("savings_target_met", unit: "share", better: .higher, perZone: false,
                                    "1 if \(on) reached the yearly target (pro rata for the whole run), else 0 (financial years and the whole run)."))
            }
        }
        return list + DayBedLayout.measures(day)
    }
}
