import Foundation

extension Scenario {
    /// The engine configured as an M/M/c queue, for verification against Erlang C and for
    /// speed comparisons: one zone; Poisson referrals at `arrivalsPerDay`; unit packages
    /// (1 hour a week); exponential time in care with mean `meanServiceDays`, counted from
    /// placement, so nobody leaves the queue unserved; one provider with a fixed capacity of
    /// `servers` hours a week; no workforce dynamics, reviews, hand-backs or exits; spot
    /// purchase. Time is in days; the run starts on 1 April 2023.
    public static func mmc(arrivalsPerDay: Double, meanServiceDays: Double, servers: Int,
                           horizonDays: Int, warmUpDays: Int, period: ReportingPeriod = .month,
                           replications: Int, seed: UInt64, threads: Int = 0) -> Scenario {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let start = utc.date(from: DateComponents(year: 2023, month: 4, day: 1))!
        let zone = Zone(name: "Town", referralShare: 1, travelMinutesPerVisit: 10, labourPoolPerWeek: 0)
        let tier = Tier(name: "long-term", kind: .longTerm, share: 1, duration: .exponential(mean: meanServiceDays))
        let group = ClientGroup(name: "everyone", share: 1, packageHours: .fixed(1), tiers: [tier])
        let demand = Demand(referralsPerWeek: arrivalsPerDay * 7, clientGroups: [group],
                            review: ReviewSettings(intervalDays: 0), durationStartsAt: .placement)
        let provider = Provider(name: "Servers", baseZone: 0, zones: [0], careWorkers: 0,
                                fixedCapacityHours: Double(servers))
        let option = ProcurementOption(name: "spot", rule: .spot, contracts: [], referenceRate: 20, uplift: .none)
        return Scenario(
            name: "M/M/c",
            calendar: CalendarSettings(start: start, horizonDays: horizonDays, period: period, warmUpDays: warmUpDays),
            zones: [zone], demand: demand,
            workforce: WorkforceSettings(dynamic: false),
            providers: [provider],
            handBacks: HandBackSettings(backgroundAnnualHazard: 0),
            exits: ExitSettings(annualHazard: 0),
            options: [option],
            run: RunSettings(replications: replications, seed: seed, threads: threads))
    }
}
