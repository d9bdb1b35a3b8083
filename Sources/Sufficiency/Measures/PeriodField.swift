/// Raw additive quantities recorded per reporting period and zone; every
/// measure is computed from sums of these over a window.
///
/// Areas are integrals over time in (unit × days): people-days, or
/// (hours a week)-days; dividing by the window's days gives a time-average.
enum PeriodField: Int, CaseIterable {
    case referrals, placements, inCareArea, waitingArea, waitingHoursArea, committedArea,
         deliveredArea, spendArea, spotDeliveredArea, capacityArea, workersArea, vacancyArea,
         waitSum, handBacksCapacity, handBacksFinancial, handBacksBackground,
         handBackHoursCapacity, handBackHoursFinancial, handBackHoursBackground, exits,
         /// Workers × pay (people × £ an hour × days), apportioned to zones by hours.
         payArea,
         /// Delivered hours a week × providers' cost per hour (£ a week × days).
         providerCostArea,
         /// Delivered hours a week × the Homecare Association's minimum price of the
         /// period's financial year (£ a week × days); NaN in a year without one.
         minimumPriceArea,
         /// Capacity of the providers whose base is within the travel-time standard of the zone
         /// (hours a week × days; coverage only).
         reachableArea,
         /// Demand (commissioned plus waiting hours a week × days) in periods when at most one
         /// provider with capacity is within the standard of the zone (coverage only).
         exposedArea,
         /// Need (hours a week × days) that capacity within the standard at the start of the
         /// reported run covered and the providers that have since left no longer do (coverage only).
         lostCoverageArea,
         /// Delivered hours a week × the travel part of providers' cost per hour (£ a week × days).
         travelCostArea,
         /// Lots tendered (counted in the lot's first zone).
         tenders,
         /// Contract extensions taken (counted in zone 0: the option's term is county-wide).
         extensions,
         /// Contracts starting or ending at a handover (counted in the contract's first zone).
         contractChanges,
         /// Packages moved to a winning provider at a handover (counted in the person's zone).
         packagesTransferred,
         /// Care workers who moved with transferred packages (TUPE; by the outgoing provider's base zone).
         staffTransferred,
         /// Sum over winning bids of bid / the lot's previous mean rate − 1 (in the lot's first zone).
         rateStepSum,
         /// Winning bids in `rateStepSum`.
         rateStepCount,
         /// Providers entering the market (by base zone).
         entries,
         /// Providers in the market × days, sampled weekly (by base zone).
         activeProviderDays,
         /// Hours a week sold to other buyers × days, sampled weekly (by base zone).
         privateHourDays,
         /// £ paid for guaranteed hours not used (by base zone).
         unusedGuaranteeCost
}

/// Why a package went back to the council.
enum HandBackCause: Int {
    case capacity = 0, financial = 1, background = 2
}
