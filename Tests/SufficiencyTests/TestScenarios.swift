import Foundation
@testable import Sufficiency

/// Small scenarios built in code for engine tests.
enum TestScenarios {
    static let start: Date = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: 2023, month: 4, day: 1))!
    }()

    /// The engine as an M/M/c queue (time in days); see `Scenario.mmc`.
    static func mmc(arrivalsPerDay: Double, meanServiceDays: Double, servers: Int,
                    horizonDays: Int = 3000, warmUpDays: Int = 300, replications: Int = 40,
                    seed: UInt64 = 7, threads: Int = 0) -> Scenario {
        Scenario.mmc(arrivalsPerDay: arrivalsPerDay, meanServiceDays: meanServiceDays, servers: servers,
                     horizonDays: horizonDays, warmUpDays: warmUpDays, replications: replications,
                     seed: seed, threads: threads)
    }

    /// Three zones, four providers with live workforces, two options (strategic
    /// and framework), enablement and long-term tiers, reviews, hand-backs and
    /// exits all switched on: every mechanism at once, small enough for tests.
    static func market(replications: Int = 8, seed: UInt64 = 11, threads: Int = 0,
                       checkInvariants: Bool = true) -> Scenario {
        let zones = [
            Zone(name: "North", referralShare: 0.4, rurality: .town, travelMinutesPerVisit: 12,
                 referenceCaseload: 40, labourPoolPerWeek: 1.0),
            Zone(name: "South", referralShare: 0.35, rurality: .urban, travelMinutesPerVisit: 8,
                 referenceCaseload: 40, labourPoolPerWeek: 1.0),
            Zone(name: "Downs", referralShare: 0.25, rurality: .rural, travelMinutesPerVisit: 18,
                 referenceCaseload: 40, labourPoolPerWeek: 0.5),
        ]
        let tiers = [
            Tier(name: "enablement", kind: .enablement, share: 0.3, duration: .fixed(42), goalProbability: 0.5,
                 next: 1),
            Tier(name: "long-term", kind: .longTerm, share: 0.7, duration: .exponential(mean: 300)),
        ]
        let groups = [
            ClientGroup(name: "older people", share: 0.85,
                        packageHours: Distribution(family: .gamma, mean: 12, sd: 6, minimum: 1), tiers: tiers,
                        priorityShare: 0.3),
            ClientGroup(name: "learning disability", share: 0.15,
                        packageHours: Distribution(family: .lognormal, mean: 20, sd: 8, minimum: 2), tiers: tiers),
        ]
        let demand = Demand(referralsPerWeek: 6, annualGrowth: 0.03,
                            seasonality: [1.15, 1.1, 1.05, 1, 0.95, 0.9, 0.9, 0.9, 0.95, 1, 1.05, 1.05],
                            steps: [DemandStep(fromDay: 200, untilDay: 260, factor: 1.3)],
                            clientGroups: groups,
                            review: ReviewSettings(intervalDays: 180, stepDownProbability: 0.2, stepDownFactor: 0.8,
                                                   stepUpProbability: 0.1, stepUpFactor: 1.25,
                                                   moveToContractedProbability: 0.5))
        let providers = [
            Provider(name: "Alpha", baseZone: 0, zones: [0, 1], careWorkers: 20, payPremium: 1.05, recruitmentPerWeek: 1),
            Provider(name: "Beta", baseZone: 1, zones: [1], careWorkers: 14, recruitmentPerWeek: 1),
            Provider(name: "Gamma", baseZone: 2, zones: [2, 0], careWorkers: 10, recruitmentPerWeek: 1,
                     exitHazardFactor: 2),
            Provider(name: "Delta", baseZone: 1, zones: [0, 1, 2], careWorkers: 8, payPremium: 0.98),
        ]
        let caseload = InitialCaseload(entries: [
            .init(zone: 0, provider: 0, people: 25),
            .init(zone: 1, provider: 1, people: 20, clientGroup: 0, hoursPerWeek: 10),
            .init(zone: 2, provider: 2, people: 12),
            .init(zone: 1, provider: 3, people: 6),
            .init(zone: 2, provider: nil, people: 4),
        ])
        let strategic = ProcurementOption(
            name: "strategic", rule: .strategic, term: ContractTerm(initialYears: 6, extensionYears: 2),
            contracts: [Contract(provider: 0, route: .strategic, zones: [0], rate: 22),
                        Contract(provider: 1, route: .strategic, zones: [1], rate: 22),
                        Contract(provider: 2, route: .strategic, zones: [2], rate: 23),
                        Contract(provider: 3, route: .approved, zones: [0, 1, 2], rate: 21.5)],
            referenceRate: 22, spotPremium: 0.15, frontLoading: 1.04, uplift: .weighted(staffWeight: 0.7))
        let framework = ProcurementOption(
            name: "framework", rule: .framework, term: ContractTerm(initialYears: 1, extensionYears: 1),
            contracts: [Contract(provider: 0, route: .framework, zones: [0, 1], rate: 22.4),
                        Contract(provider: 1, route: .framework, zones: [1], rate: 22.0),
                        Contract(provider: 2, route: .framework, zones: [0, 2], rate: 22.8),
                        Contract(provider: 3, route: .framework, zones: [0, 1, 2], rate: 21.9)],
            referenceRate: 22, spotPremium: 0.15, zonePremiums: [2: 0.1],
            miniCompetition: MiniCompetition(afterDays: 14, premium: 0.1),
            uplift: .table([.framework: [2024: 0.06]], otherwise: .weighted(staffWeight: 0.7)))
        return Scenario(
            name: "Test market",
            calendar: CalendarSettings(start: start, horizonDays: 730, period: .month),
            zones: zones, demand: demand, caseload: caseload, providers: providers,
            handBacks: HandBackSettings(tolerance: 0.05, graceDays: 21, policy: .newest, backgroundAnnualHazard: 0.1),
            exits: ExitSettings(annualHazard: 0.05, referenceMargin: 0.05, sensitivity: 15, transferShare: 0.5),
            options: [strategic, framework],
            run: RunSettings(replications: replications, seed: seed, threads: threads, checkInvariants: checkInvariants))
    }
}
