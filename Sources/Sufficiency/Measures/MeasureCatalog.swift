/// The measures a home care run reports, in the order they appear in every file, from
/// `MeasureDefinition.homeCare` and `.coverage`.
///
/// Stocks (people, hours a week) are time-averages over the window; flows
/// (referrals, hours, £) are totals over the window.
public struct MeasureCatalog: Sendable {
    /// Positions of the fixed measures in `all`: the first of `MeasureDefinition.homeCare`, in
    /// its order (each case is its measure's name in camel case).
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

    /// The planners' coverage measures, in `MeasureDefinition.coverage`'s order, from `coverageStart`.
    public enum CoverageMeasure: Int, CaseIterable {
        case demandHours, reachableHours, gapHours, share, travelMean, travelP90, singleProviderShare, travelCost, lostHours
    }

    /// The measures of a scenario with these client groups, the routes packages can be
    /// bought through, and whether it gives the Homecare Association's minimum prices.
    public init(clientGroups: [String], routes: [Route] = [.spot, .legacy], minimumPrice: Bool = false,
                coverage: Bool = false) {
        let table = MeasureDefinition.homeCare
        var list = table.prefix(Fixed.allCases.count).map { $0.measure() }
        precondition(!list.contains { $0.name.utf8.contains(UInt8(ascii: "<")) }, "the home care table's fixed measures come first")
        groupSpendStart = list.count
        for group in clientGroups {
            list.append(table[MeasureName.spendGroup].measure(MeasureCatalog.slug(group)))
        }
        self.routes = routes
        routeSpendStart = list.count
        for route in routes {
            list.append(table[MeasureName.spendRoute].measure(route.rawValue))
        }
        for route in routes {
            for group in clientGroups {
                list.append(table[MeasureName.spendRouteGroup].measure(route.rawValue, MeasureCatalog.slug(group)))
            }
        }
        if minimumPrice {
            minimumPriceGap = list.count
            list.append(table[name: MeasureName.minimumPriceGap].measure())
        } else {
            minimumPriceGap = nil
        }
        if coverage {
            coverageStart = list.count
            list += MeasureDefinition.coverage.map { $0.measure() }
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
