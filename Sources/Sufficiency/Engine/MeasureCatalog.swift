/// The measures a home care run reports, in the order they appear in every file.
///
/// Stocks (people, hours a week) are time-averages over the window; flows
/// (referrals, hours, £) are totals over the window.
public struct MeasureCatalog: Sendable {
    /// Positions of the fixed measures in `all`.
    public enum Fixed: Int, CaseIterable, Sendable {
        case referrals, placements, inCare, waiting, waitingHours, commissionedHours,
             averagePackageHours, deliveredHours, undeliveredShare, unmetHours, unmetShare,
             waitMeanDays, waitP90Days, handBacks, handBacksCapacity, handBacksFinancial,
             handBacksBackground, handBackHours, handBackHoursCapacity, handBackHoursFinancial,
             handBackHoursBackground, providerExits, careWorkers, vacancyRate,
             capacityHours, sufficiencyRatio, spend, averageRate, spotShare, hhi,
             careWorkerPay, providerCostPerHour, rateCostGap, providerMargin,
             tenders, contractExtensions, contractChanges, packagesTransferred, staffTransferred,
             tenderRateStep, providerEntries, activeProviders, privateHours, unusedGuaranteeCost
    }

    public let all: [Measure]
    /// Index in `all` of the first per-client-group spend measure.
    public let groupSpendStart: Int
    /// The routes with spend measures, in `Route` order.
    public let routes: [Route]
    /// Index in `all` of the first spend-by-route measure (one per route in `routes`),
    /// followed by spend by route and client group (route-major).
    public let routeSpendStart: Int
    /// Index in `all` of `minimum_price_gap`, when the scenario gives minimum prices.
    public let minimumPriceGap: Int?
    /// Index in `all` of the first coverage measure (`CoverageMeasure` order), when the scenario
    /// has a `coverage` section.
    public let coverageStart: Int?

    /// The planners' coverage measures, in order, from `coverageStart`.
    public enum CoverageMeasure: Int, CaseIterable {
        case demandHours, reachableHours, gapHours, share, travelMean, travelP90, singleProviderShare, travelCost, lostHours
    }

    /// The measures of a scenario with these client groups, the routes packages can be
    /// bought through, and whether it gives the Homecare Association's minimum prices.
    public init(clientGroups: [String], routes: [Route] = [.spot, .legacy], minimumPrice: Bool = false,
                coverage: Bool = false) {
        var list: [Measure] = [
            Measure("referrals", unit: "people", better: nil, "Referrals received in the window."),
            Measure("placements", unit: "people", better: nil, "Packages placed with a provider (including re-placements after hand-backs)."),
            Measure("in_care", unit: "people", better: nil, "People receiving care, time-average."),
            Measure("waiting", unit: "people", better: .lower, "People waiting for a package to be placed, time-average."),
            Measure("waiting_hours", unit: "hours a week", better: .lower, "Hours a week assessed but not placed, time-average."),
            Measure("commissioned_hours", unit: "hours a week", better: nil, "Hours a week of placed packages, time-average."),
            Measure("average_package_hours", unit: "hours a week", better: nil, "Commissioned hours a week per person in care."),
            Measure("delivered_hours", unit: "hours", better: .higher, "Contact hours delivered in the window."),
            Measure("undelivered_share", unit: "share", better: .lower, "Share of commissioned hours not delivered because providers lacked staff."),
            Measure("unmet_hours", unit: "hours a week", better: .lower, "Hours a week of eligible need not met: waiting hours plus undelivered hours, time-average."),
            Measure("unmet_share", unit: "share", better: .lower, "Unmet hours over the hours a week of eligible need (commissioned plus waiting), time-averages."),
            Measure("wait_mean_days", unit: "days", better: .lower, "Mean wait from referral (or hand-back) to placement, over placements in the window."),
            Measure("wait_p90_days", unit: "days", better: .lower, "90th percentile of that wait."),
            Measure("hand_backs", unit: "people", better: .lower, "Packages handed back, all causes."),
            Measure("hand_backs_capacity", unit: "people", better: .lower, "Packages handed back because the provider lacked staff."),
            Measure("hand_backs_financial", unit: "people", better: .lower, "Packages handed back for financial reasons: the provider left the market, or its rate did not cover its costs."),
            Measure("hand_backs_background", unit: "people", better: .lower, "Packages handed back for other reasons."),
            Measure("hand_back_hours", unit: "hours a week", better: .lower, "Hours a week of the packages handed back, all causes."),
            Measure("hand_back_hours_capacity", unit: "hours a week", better: .lower, "Hours a week of packages handed back for lack of staff."),
            Measure("hand_back_hours_financial", unit: "hours a week", better: .lower, "Hours a week of packages handed back for financial reasons."),
            Measure("hand_back_hours_background", unit: "hours a week", better: .lower, "Hours a week of packages handed back for other reasons."),
            Measure("provider_exits", unit: "providers", better: .lower, "Providers leaving the market (per zone: by base zone)."),
            Measure("care_workers", unit: "people", better: .higher, "Care workers employed, time-average (per zone: apportioned by hours)."),
            Measure("vacancy_rate", unit: "share", better: .lower, "Vacancies over filled posts plus vacancies, time-average."),
            Measure("capacity_hours", unit: "hours a week", better: .higher, "Contact hours a week providers can deliver, time-average (per zone: apportioned)."),
            Measure("sufficiency_ratio", unit: "ratio", better: .higher, "Capacity over demand (commissioned plus waiting hours a week)."),
            Measure("spend", unit: "GBP", better: .lower, "Paid for hours delivered."),
            Measure("average_rate", unit: "GBP per hour", better: .lower, "Spend over delivered hours."),
            Measure("spot_share", unit: "share", better: .lower, "Share of delivered hours bought off contract: spot purchases and legacy packages with providers that hold no contract under the option."),
            Measure("hhi", unit: "index 0-10000", better: .lower, "Herfindahl-Hirschman index of delivered hours by provider."),
            Measure("care_worker_pay", unit: "GBP per hour", better: nil, "Care workers' hourly pay, averaged over workers and time."),
            Measure("provider_cost_per_hour", unit: "GBP per hour", better: nil, "Providers' cost of a delivered contact hour (the Homecare Association's build-up at their pay, travel and running costs)."),
            Measure("rate_cost_gap", unit: "GBP per hour", better: nil, "Rate paid minus providers' cost, per delivered hour."),
            Measure("provider_margin", unit: "share", better: nil, "Rate paid minus providers' cost, as a share of the rate paid."),
            Measure("tenders", unit: "lots", better: nil, "Lots tendered at the end of a term (per zone: by the lot's first zone)."),
            Measure("contract_extensions", unit: "extensions", better: nil, "Extensions of the option's contracts taken (county)."),
            Measure("contract_changes", unit: "contracts", better: nil, "Contracts starting or ending at a handover after a tender (per zone: by the contract's first zone)."),
            Measure("packages_transferred", unit: "people", better: nil, "Packages moved from an outgoing provider to a winner at a handover."),
            Measure("staff_transferred", unit: "people", better: nil, "Care workers who moved with transferred packages (TUPE)."),
            Measure("tender_rate_step", unit: "share", better: nil, "Mean of the winning bids over the lot's previous rates, minus 1: the rate step at re-tender."),
            Measure("provider_entries", unit: "providers", better: nil, "Providers entering the market (per zone: by base zone)."),
            Measure("active_providers", unit: "providers", better: nil, "Providers in the market, time-average sampled weekly (per zone: by base zone)."),
            Measure("private_hours", unit: "hours a week", better: nil, "Hours a week providers sell to buyers other than the council, time-average sampled weekly (per zone: by base zone)."),
            Measure("unused_guarantee_cost", unit: "GBP", better: .lower, "Paid for guaranteed hours not used (not in spend; per zone: by base zone)."),
        ]
        precondition(list.count == Fixed.allCases.count, "measure list and Fixed cases disagree")
        groupSpendStart = list.count
        for group in clientGroups {
            let slug = MeasureCatalog.slug(group)
            list.append(Measure("spend_\(slug)", unit: "GBP", better: .lower, perZone: false,
                                "Spend on the \(group) client group."))
        }
        self.routes = routes
        routeSpendStart = list.count
        for route in routes {
            list.append(Measure("spend_route_\(route.rawValue)", unit: "GBP", better: nil, perZone: false,
                                "Spend on packages bought through the \(route.rawValue) route."))
        }
        for route in routes {
            for group in clientGroups {
                let slug = MeasureCatalog.slug(group)
                list.append(Measure("spend_route_\(route.rawValue)_\(slug)", unit: "GBP", better: nil, perZone: false,
                                    "Spend on the \(group) client group through the \(route.rawValue) route."))
            }
        }
        if minimumPrice {
            minimumPriceGap = list.count
            list.append(Measure("minimum_price_gap", unit: "GBP per hour", better: .lower,
                                "The Homecare Association's minimum price minus the rate paid, per delivered hour (positive: paid below the minimum)."))
        } else {
            minimumPriceGap = nil
        }
        if coverage {
            coverageStart = list.count
            list += [
                Measure("coverage_demand_hours", unit: "hours a week", better: nil, "Eligible need: commissioned plus waiting hours a week, time-average."),
                Measure("reachable_capacity_hours", unit: "hours a week", better: .higher, "Capacity of the providers based within the travel-time standard of the zone, time-average (county: summed over zones)."),
                Measure("coverage_gap_hours", unit: "hours a week", better: .lower, "Need beyond the capacity within the standard: max(0, need - reachable capacity) (county: summed over zones)."),
                Measure("coverage_share", unit: "share", better: .higher, "Share of need within the standard of a provider's capacity: 1 - gap / need."),
                Measure("travel_mean_minutes", unit: "minutes", better: .lower, "Mean travel time from provider base to customer zone, weighted by delivered hours."),
                Measure("travel_p90_minutes", unit: "minutes", better: .lower, "90th percentile of that travel time, weighted by delivered hours."),
                Measure("single_provider_share", unit: "share", better: .lower, "Share of need in zones (and periods) with at most one provider within the standard: exposure to one hand-back."),
                Measure("travel_overhead_cost", unit: "GBP", better: .lower, "Travel time's pay and on-costs and mileage in the providers' costs of the hours delivered."),
                Measure("coverage_lost_hours", unit: "hours a week", better: .lower, "Need that capacity within the standard at the start of the run covered and providers that have since left no longer do: max(0, min(need, starting reach) - starting reach still in the market - entrants' reach), time-average (county: summed over zones)."),
            ]
        } else {
            coverageStart = nil
        }
        all = list
    }

    /// A catalog of exactly `measures` (a service with its own measures, such as day
    /// opportunities); it has no home care spend groups, routes or minimum price.
    public init(measures: [Measure]) {
        all = measures
        groupSpendStart = measures.count
        routes = []
        routeSpendStart = measures.count
        minimumPriceGap = nil
        coverageStart = nil
    }

    public var count: Int { all.count }

    /// A CSV-safe lower-case name: letters and digits, words joined by underscores.
    public static func slug(_ text: String) -> String {
        var out = ""
        var pendingUnderscore = false
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber {
                if pendingUnderscore && !out.isEmpty { out.append("_") }
                out.append(ch)
                pendingUnderscore = false
            } else {
                pendingUnderscore = true
            }
        }
        return out
    }
}
