/// What each measure a report shows means: its name as the report shows it, its unit and one
/// sentence, from one table, so every chart, table and the report's glossary agree.
/// The meanings follow docs/OUTPUTS.md's tables of measures.
enum ReportGlossary {
    struct Entry: Equatable {
        /// The measure as the files name it, or a prefix ending in "_" for a family of them
        /// (`spend_route_`: one measure per route).
        var measure: String
        /// The name charts and the glossary show.
        var name: String
        /// The unit, in words.
        var unit: String
        /// One sentence.
        var meaning: String
    }

    private static func e(_ measure: String, _ name: String, _ unit: String, _ meaning: String) -> Entry {
        Entry(measure: measure, name: name, unit: unit, meaning: meaning)
    }

    /// Every measure a report can show.
    static let entries: [Entry] = [
        e("spend", "Spend", "£", "What the council paid for the care delivered in the window (for day opportunities, placements and direct payments)."),
        e("average_rate", "Average rate", "£ an hour", "Spend over the contact hours delivered."),
        e("in_care", "People in care", "people", "People receiving care, averaged over the window."),
        e("waiting", "People waiting", "people", "People assessed and waiting for a package or place, averaged over the window."),
        e("unmet_hours", "Unmet need", "hours a week", "Hours a week of eligible need not met: hours of people waiting plus hours commissioned but not delivered, averaged over the window."),
        e("coverage_gap_hours", "Need beyond capacity within the standard", "hours a week", "Need in a zone beyond the capacity of the providers based within the travel-time standard of it."),
        e("coverage_share", "Share of need within the travel-time standard", "%", "The share of need that providers' capacity within the travel-time standard could cover: 1 − gap ÷ need."),
        e("undelivered_share", "Undelivered share of hours", "%", "The share of commissioned hours not delivered because providers lacked staff."),
        e("wait_mean_days", "Mean wait", "days", "Mean wait from referral (or hand-back) to placement, over placements in the window."),
        e("wait_p90_days", "90th percentile wait", "days", "The wait that nine in ten placements in the window were placed within."),
        e("hand_backs", "Hand-backs", "packages", "Packages handed back to the council by providers, for any reason."),
        e("provider_exits", "Provider exits", "providers", "Providers leaving the market."),
        e("care_workers", "Care workers", "people", "Care workers employed, averaged over the window."),
        e("care_worker_pay", "Care worker pay", "£ an hour", "Care workers' hourly pay, averaged over workers and time."),
        e("provider_margin", "Provider margin", "%", "What the council paid less the providers' cost of the hours, as a share of what it paid."),
        e("sufficiency_ratio", "Sufficiency ratio", "ratio", "Providers' capacity over demand (commissioned plus waiting hours a week): below 1, there is not enough care to meet need."),
        e("spot_share", "Spot share", "%", "The share of care bought off contract (spot): of delivered hours in home care, of placements in day opportunities."),
        e("hhi", "Concentration (HHI)", "index from 0 to 10,000", "The Herfindahl–Hirschman index of providers' shares of delivered hours: the sum of squared percentage shares, 10,000 when one provider delivers everything; above 2,500 a market is usually called highly concentrated."),
        e("savings", "Savings on the first option", "£", "The first option's spend less this option's, replication by replication."),
        e("savings_target_met", "Savings target met", "% of replications", "The share of replications in which the savings reached the target."),
        e("weekly_spend", "Weekly spend", "£ a week", "Spend a week on placements and direct payments, not transport, averaged over the window."),
        e("weekly_spend_", "Weekly spend by route", "£ a week", "Spend a week on one route (framework, spot, legacy, direct payments), averaged over the window."),
        e("average_weekly_cost", "Weekly cost per placement", "£ a week", "Weekly spend per placement."),
        e("transport_spend", "Transport", "£", "Council transport spent in the window for people who use it."),
        e("placements", "Placements", "people", "People with a placement or a direct payment, averaged over the window (home care: packages placed)."),
        e("placements_", "Placements by route", "people", "People on one route (framework, spot, legacy, direct payments), averaged over the window."),
        e("unmet_days", "Unmet days", "days", "Attendance days the people waiting for a place would have had, summed over the window."),
        e("occupancy", "Places occupied", "%", "People in a place (council and self-funded) over the places providers offer."),
        e("self_funded_residents", "Self-funded residents", "people", "Self-funders in a place, averaged over the window."),
        e("council_share_of_beds", "Council's share of occupied places", "%", "Council-funded people holding a place over all people in a place."),
        e("members_lost", "Members lost at re-procurement", "organisations", "Framework members not approved again at re-procurement."),
        e("within_standard_share", "Placed within the travel standard", "%", "The share of people placed with a provider within the travel-time standard of where they live."),
        e("travel_minutes_mean", "Travel to a place", "minutes", "Mean one-way travel time of people placed with a provider."),
        e("framework_share", "Framework share of placements", "%", "The share of placements on framework terms."),
        e("framework_providers", "Providers on the framework", "providers", "Providers on the framework, averaged over the window."),
        e("approvals", "Providers approved", "organisations", "Applications to join the framework approved."),
        e("days_to_spot_share_target", "Days until spot share below target", "days", "Days from the start until the spot share first fell below its target (the run's length if it never did)."),
        e("direct_payment_takeups", "Direct payments taken up", "people", "People taking a direct payment at referral or review."),
        e("spend_route_", "Spend by route", "£", "Spend on packages bought through one route (strategic, approved, framework, DPS, spot or legacy)."),
        e("weekly_hours", "Hours a week (provider)", "hours a week", "Contact hours a provider delivered a week, averaged over the run."),
        e("margin", "Margin (provider)", "%", "What the council paid a provider less its cost, over what it paid."),
        e("exited", "Left the market", "% of replications", "The share of replications in which a provider had left the market by the end."),
        e("unmet_share", "Unmet share of need", "%", "Unmet hours over eligible need (commissioned plus waiting hours)."),
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
