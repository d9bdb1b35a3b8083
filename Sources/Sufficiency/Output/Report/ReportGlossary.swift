/// What each measure a report shows means: its name as the report shows it (the catalogue's
/// `MeasureDefinition.label`), its unit and one sentence, so every chart, table and the report's
/// glossary agree. The meanings follow docs/OUTPUTS.md's tables of measures.
///
/// The unit in words and the sentence stay here, not in the catalogue: an entry is one per
/// measure name across services (`spend`, `waiting`, `placements` and `spot_share` are both home
/// care's and day opportunities' measures, and their sentence covers both), or one per family
/// (`spend_route_`), where the catalogue has a definition per service.
enum ReportGlossary {
    struct Entry: Equatable {
        /// The measure as the files name it, or a prefix ending in "_" for a family of them
        /// (`spend_route_`: one measure per route).
        var measure: String
        /// The name charts and the glossary show (the catalogue's label).
        var name: String
        /// The unit, in words.
        var unit: String
        /// One sentence.
        var meaning: String
    }

    private static func e(_ measure: String, _ unit: String, _ meaning: String) -> Entry {
        guard let name = MeasureDefinition.label(of: measure) else {
            preconditionFailure("\(measure) has no label in MeasureDefinition's tables")
        }
        return Entry(measure: measure, name: name, unit: unit, meaning: meaning)
    }

    /// Every measure a report can show.
    static let entries: [Entry] = [
        e(MeasureName.spend, "£", "What the council paid for the care delivered in the window (for day opportunities, placements and direct payments)."),
        e(MeasureName.averageRate, "£ an hour", "Spend over the contact hours delivered."),
        e(MeasureName.inCare, "people", "People receiving care, averaged over the window."),
        e(MeasureName.waiting, "people", "People assessed and waiting for a package or place, averaged over the window."),
        e(MeasureName.unmetHours, "hours a week", "Hours a week of eligible need not met: hours of people waiting plus hours commissioned but not delivered, averaged over the window."),
        e(MeasureName.coverageGapHours, "hours a week", "Need in a zone beyond the capacity of the providers based within the travel-time standard of it."),
        e(MeasureName.coverageShare, "%", "The share of need that providers' capacity within the travel-time standard could cover: 1 − gap ÷ need."),
        e(MeasureName.undeliveredShare, "%", "The share of commissioned hours not delivered because providers lacked staff."),
        e(MeasureName.waitMeanDays, "days", "Mean wait from referral (or hand-back) to placement, over placements in the window."),
        e(MeasureName.waitP90Days, "days", "The wait that nine in ten placements in the window were placed within."),
        e(MeasureName.handBacks, "packages", "Packages handed back to the council by providers, for any reason."),
        e(MeasureName.providerExits, "providers", "Providers leaving the market."),
        e(MeasureName.careWorkers, "people", "Care workers employed, averaged over the window."),
        e(MeasureName.careWorkerPay, "£ an hour", "Care workers' hourly pay, averaged over workers and time."),
        e(MeasureName.providerMargin, "%", "What the council paid less the providers' cost of the hours, as a share of what it paid."),
        e(MeasureName.sufficiencyRatio, "ratio", "Providers' capacity over demand (commissioned plus waiting hours a week): below 1, there is not enough care to meet need."),
        e(MeasureName.spotShare, "%", "The share of care bought off contract (spot): of delivered hours in home care, of placements in day opportunities."),
        e(MeasureName.hhi, "index from 0 to 10,000", "The Herfindahl–Hirschman index of providers' shares of delivered hours: the sum of squared percentage shares, 10,000 when one provider delivers everything; above 2,500 a market is usually called highly concentrated."),
        e(MeasureName.savings, "£", "The first option's spend less this option's, replication by replication."),
        e(MeasureName.savingsTargetMet, "% of replications", "The share of replications in which the savings reached the target."),
        e(MeasureName.weeklySpend, "£ a week", "Spend a week on placements and direct payments, not transport, averaged over the window."),
        e(MeasureName.weeklySpendRoute.prefix, "£ a week", "Spend a week on one route (framework, spot, legacy, direct payments), averaged over the window."),
        e(MeasureName.averageWeeklyCost, "£ a week", "Weekly spend per placement."),
        e(MeasureName.transportSpend, "£", "Council transport spent in the window for people who use it."),
        e(MeasureName.placements, "people", "People with a placement or a direct payment, averaged over the window (home care: packages placed)."),
        e(MeasureName.placementsRoute.prefix, "people", "People on one route (framework, spot, legacy, direct payments), averaged over the window."),
        e(MeasureName.unmetDays, "days", "Attendance days the people waiting for a place would have had, summed over the window."),
        e(MeasureName.occupancy, "%", "People in a place (council and self-funded) over the places providers offer."),
        e(MeasureName.selfFundedResidents, "people", "Self-funders in a place, averaged over the window."),
        e(MeasureName.councilShareOfBeds, "%", "Council-funded people holding a place over all people in a place."),
        e(MeasureName.membersLost, "organisations", "Framework members not approved again at re-procurement."),
        e(MeasureName.withinStandardShare, "%", "The share of people placed with a provider within the travel-time standard of where they live."),
        e(MeasureName.travelMinutesMean, "minutes", "Mean one-way travel time of people placed with a provider."),
        e(MeasureName.frameworkShare, "%", "The share of placements on framework terms."),
        e(MeasureName.frameworkProviders, "providers", "Providers on the framework, averaged over the window."),
        e(MeasureName.approvals, "organisations", "Applications to join the framework approved."),
        e(MeasureName.daysToSpotShareTarget, "days", "Days from the start until the spot share first fell below its target (the run's length if it never did)."),
        e(MeasureName.directPaymentTakeups, "people", "People taking a direct payment at referral or review."),
        e(MeasureName.spendRoute.prefix, "£", "Spend on packages bought through one route (strategic, approved, framework, DPS, spot or legacy)."),
        e(MeasureName.weeklyHours, "hours a week", "Contact hours a provider delivered a week, averaged over the run."),
        e(MeasureName.margin, "%", "What the council paid a provider less its cost, over what it paid."),
        e(MeasureName.exited, "% of replications", "The share of replications in which a provider had left the market by the end."),
        e(MeasureName.unmetShare, "%", "Unmet hours over eligible need (commissioned plus waiting hours)."),
    ]

    /// The entry for `measure`: its own, or its family's (`spend_route_framework` → `spend_route_`).
    static func entry(for measure: String) -> Entry? {
        if let own = entries.first(where: { $0.measure == measure }) { return own }
        return entries.filter { $0.measure.hasSuffix("_") && measure.hasPrefix($0.measure) }
            .max { $0.measure.count < $1.measure.count }
    }

    /// The name a chart shows for `measure`: the glossary's, or the measure as written.
    static func name(_ measure: String) -> String { entry(for: measure)?.name ?? measure }
}
