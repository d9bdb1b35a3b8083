import Foundation
import Testing
@testable import Sufficiency

/// Loading scenario files: what a valid file decodes to. Validation, overrides and caseload
/// CSVs are in the `ScenarioLoaderTests+…` files.
@Suite struct ScenarioLoaderTests {
    /// Loads `yaml` and returns the error's issue descriptions, failing the test if it loads.
    static func problems(_ yaml: String, overrides: [String] = [], baseDirectory: URL? = nil,
                         sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String] {
        do {
            _ = try ScenarioLoader.load(yaml: yaml, fileName: ScenarioFixture.fileName,
                                        baseDirectory: baseDirectory, overrides: overrides)
            Issue.record("expected the scenario to be rejected", sourceLocation: sourceLocation)
            return []
        } catch {
            return error.issues.map(\.description)
        }
    }

    static func load(_ yaml: String = ScenarioFixture.yaml, overrides: [String] = []) throws -> Scenario {
        try ScenarioLoader.load(yaml: yaml, fileName: ScenarioFixture.fileName, overrides: overrides).scenario
    }

    @Test func decodesNameCalendarAndRun() throws {
        let scenario = try Self.load()
        #expect(scenario.name == "Test county")
        #expect(scenario.description == "A small county for tests")
        #expect(scenario.calendar.start == Date(timeIntervalSince1970: 1_680_307_200)) // 2023-04-01T00:00Z
        #expect(scenario.calendar.horizonDays == 731) // to 2025-04-01, across 29 February 2024
        #expect(scenario.calendar.period == .week)
        #expect(scenario.calendar.warmUpDays == 0)
        #expect(scenario.run == RunSettings(replications: 50, seed: 7, threads: 2, checkInvariants: false))
    }

    @Test func decodesZonesWithDefaultsByRurality() throws {
        let zones = try Self.load().zones
        #expect(zones == [
            Zone(name: "North", referralShare: 0.25, rurality: .rural, travelMinutesPerVisit: 18,
                 referenceCaseload: 100, labourPoolPerWeek: 1.5),
            Zone(name: "South", referralShare: 0.5, rurality: .town, travelMinutesPerVisit: 10,
                 referenceCaseload: 100, labourPoolPerWeek: 2,
                 centroid: Zone.Coordinate(latitude: 51.07, longitude: -1.79)),
            Zone(name: "East", referralShare: 0.25, rurality: .urban, travelMinutesPerVisit: 8,
                 referenceCaseload: 100, labourPoolPerWeek: 0.5),
        ])
    }

    @Test func decodesDemandStepsGroupsAndTiers() throws {
        let demand = try Self.load().demand
        #expect(demand.referralsPerWeek == 40)
        #expect(demand.annualGrowth == 0.03)
        #expect(demand.seasonality == Array(repeating: 1, count: 12))
        #expect(demand.review == ReviewSettings())
        // 2023-12-01 is day 244 from 2023-04-01; 2024-02-29 is day 334.
        #expect(demand.steps == [DemandStep(fromDay: 244, untilDay: 334, factor: 1.2),
                                 DemandStep(fromDay: 400, untilDay: nil, factor: 0.9)])
        #expect(demand.clientGroups == [
            ClientGroup(name: "older people", share: 0.75,
                        packageHours: Distribution(family: .gamma, mean: 13.3, sd: 8, minimum: 1, maximum: 60),
                        tiers: [
                            Tier(name: "enablement", kind: .enablement, share: 0.25, duration: .fixed(42),
                                 goalProbability: 0.6, next: 1),
                            Tier(name: "long-term", kind: .longTerm, share: 0.75, duration: .exponential(mean: 540)),
                        ],
                        priorityShare: 0.3),
            ClientGroup(name: "learning disability", share: 0.25,
                        packageHours: Distribution(family: .lognormal, mean: 20, sd: 10),
                        tiers: [Tier(name: "ongoing", kind: .longTerm, share: 1,
                                     duration: Distribution(family: .weibull, mean: 900, shape: 1.5))]),
        ])
    }

    @Test func decodesProvidersWithBaseZoneAlwaysServed() throws {
        let providers = try Self.load().providers
        #expect(providers == [
            Provider(name: "Provider A", baseZone: 0, zones: [0, 1], careWorkers: 120, payPremium: 1.05),
            Provider(name: "Provider B", baseZone: 2, zones: [0, 1, 2], careWorkers: 40, fixedCapacityHours: 220),
        ])
    }

    @Test func decodesCaseloadEntries() throws {
        let caseload = try Self.load().caseload
        #expect(caseload.entries == [
            InitialCaseload.Entry(zone: 0, provider: 0, people: 120, clientGroup: 0, hoursPerWeek: 13),
            InitialCaseload.Entry(zone: 1, provider: nil, people: 10, clientGroup: nil, hoursPerWeek: nil),
        ])
    }

    @Test func decodesOptionsWithAreasContractsAndUplifts() throws {
        let options = try Self.load().options
        #expect(options.count == 2)
        let baseline = options[0]
        #expect(baseline == ProcurementOption(
            name: "baseline", rule: .strategic, term: ContractTerm(initialYears: 6, extensionYears: 2),
            areas: [ContractArea(name: "Coast", zones: [1, 2])],
            contracts: [
                // [Coast, North] expands to South and East, plus North: sorted, unique.
                Contract(provider: 1, route: .strategic, zones: [0, 1, 2], rate: 23),
                // No zones: the provider's own; no rate: the reference rate.
                Contract(provider: 0, route: .approved, zones: [0, 1], rate: 22.5),
            ],
            referenceRate: 22.5, zonePremiums: [2: 0.1]))
        #expect(baseline.spotPremium == 0.15)
        #expect(baseline.uplift == .weighted(staffWeight: 0.7))

        let framework = options[1]
        #expect(framework == ProcurementOption(
            name: "framework", rule: .framework, ranking: .distanceThenPrice,
            contracts: [Contract(provider: 0, route: .framework, zones: [0, 1], rate: 21)],
            referenceRate: 21, miniCompetition: MiniCompetition(afterDays: 14, premium: 0.1),
            uplift: .table([.framework: [2025: 0.0537], .spot: [2025: 0]], otherwise: .flat(0.03))))
    }

    @Test func leavesOutSectionsAtTheirDefaults() throws {
        let scenario = try Self.load()
        #expect(scenario.workforce == WorkforceSettings())
        #expect(scenario.handBacks == HandBackSettings())
        #expect(scenario.exits == ExitSettings())
        #expect(scenario.prices.nlw == [2023: 10.42, 2024: 11.44])
        #expect(scenario.prices.cpi == PriceSettings.published.cpi)
        #expect(scenario.prices.cost == CostBuildUp(baseYear: 2022))
    }

    @Test func decodesEverySettingWhenGiven() throws {
        let yaml = ScenarioFixture.replacing("run: {replications: 50, seed: 7, threads: 2}", with: """
            run: {replications: 3, seed: 18446744073709551615, threads: 0, check_invariants: true}
            workforce: {dynamic: false, contracted_hours_per_week: 35, visit_minutes: 30, non_contact_share: 0.2, annual_turnover: 0.248, turnover_pay_elasticity: 1, competing_wage_premium: 1.1, recruitment_pay_elasticity: 2, staffing_buffer: 0, overcommit_share: 0.06}
            hand_backs: {tolerance: 0.1, grace_days: 14, policy: largest, background_annual_hazard: 0.02}
            exits: {annual_hazard: 0.03, reference_margin: 0.04, sensitivity: 10, transfer_share: 0.6, maximum_annual_hazard: 0.5}
            """)
            .replacing("  cost: {base_year: 2022}", with: """
                  cpi: {2023: 0.067}
                  cost: {ni_pension_rate: 0.1, other_on_cost_rate: 0.2, mileage_per_travel_hour: 6, running_cost_per_hour: 5, base_year: 2021, surplus_rate: 0.04}
                """)
            .replacing("  growth: 0.03", with: """
                  growth: -0.01
                  duration_starts_at: placement
                  seasonality: [1.2, 1.1, 1, 1, 0.9, 0.9, 0.9, 0.9, 1, 1, 1.1, 1.2]
                  review: {interval_days: 180, step_down_probability: 0.2, step_down_factor: 0.8, step_up_probability: 0.1, step_up_factor: 1.25, move_to_contracted_probability: 0.5}
                """)
            .replacing("  years: 2", with: "  days: 100\n  warm_up_days: 30")
        let scenario = try Self.load(yaml)
        #expect(scenario.run == RunSettings(replications: 3, seed: UInt64.max, threads: 0, checkInvariants: true))
        #expect(scenario.workforce == WorkforceSettings(
            dynamic: false, contractedHoursPerWeek: 35, visitMinutes: 30, nonContactShare: 0.2, annualTurnover: 0.248,
            turnoverPayElasticity: 1, competingWagePremium: 1.1, recruitmentPayElasticity: 2, staffingBuffer: 0,
            overcommitShare: 0.06))
        #expect(scenario.handBacks == HandBackSettings(tolerance: 0.1, graceDays: 14, policy: .largest,
                                                       backgroundAnnualHazard: 0.02))
        #expect(scenario.exits == ExitSettings(annualHazard: 0.03, referenceMargin: 0.04, sensitivity: 10,
                                               transferShare: 0.6, maximumAnnualHazard: 0.5))
        #expect(scenario.prices == PriceSettings(
            nlw: [2023: 10.42, 2024: 11.44], cpi: [2023: 0.067],
            cost: CostBuildUp(niPensionRate: 0.1, otherOnCostRate: 0.2, mileagePerTravelHour: 6,
                              runningCostPerHour: 5, baseYear: 2021, surplusRate: 0.04)))
        #expect(scenario.demand.annualGrowth == -0.01)
        #expect(scenario.demand.durationStartsAt == .placement)
        #expect(scenario.demand.seasonality == [1.2, 1.1, 1, 1, 0.9, 0.9, 0.9, 0.9, 1, 1, 1.1, 1.2])
        #expect(scenario.demand.review == ReviewSettings(intervalDays: 180, stepDownProbability: 0.2,
                                                         stepDownFactor: 0.8, stepUpProbability: 0.1,
                                                         stepUpFactor: 1.25, moveToContractedProbability: 0.5))
        #expect(scenario.calendar.horizonDays == 100)
        #expect(scenario.calendar.warmUpDays == 30)
    }

    @Test func normalisesSharesThatAddUpToOneWithinTolerance() throws {
        let yaml = ScenarioFixture.replacing("referral_share: 0.5", with: "referral_share: 0.5008")
        let zones = try Self.load(yaml).zones
        #expect(abs(zones.map(\.referralShare).reduce(0, +) - 1) < 1e-12)
        #expect(zones[1].referralShare == 0.5008 / 1.0008)
    }

    @Test func decodesUpliftRules() throws {
        func uplift(_ text: String) throws -> UpliftRule {
            let yaml = ScenarioFixture.replacing(
                "uplift: {rule: table, table: {framework: {2025: 0.0537}, spot: {2025: 0}}, otherwise: {rule: flat, rate: 0.03}}",
                with: "uplift: \(text)")
            return try Self.load(yaml).options[1].uplift
        }
        #expect(try uplift("{rule: none}") == UpliftRule.none)
        #expect(try uplift("{rule: flat, rate: 0.03}") == .flat(0.03))
        #expect(try uplift("{rule: weighted, staff_weight: 0.6}") == .weighted(staffWeight: 0.6))
        #expect(try uplift("{rule: weighted}") == .weighted(staffWeight: 0.7))
        #expect(try uplift("{rule: table, table: {legacy: {2024: 0.01, 2025: 0}}}")
                == .table([.legacy: [2024: 0.01, 2025: 0]], otherwise: .weighted(staffWeight: 0.7)))
    }

    @Test func mergeKeysBringInAnAnchorsKeysWithoutOverridingWrittenOnes() throws {
        let yaml = ScenarioFixture
            .replacing("  - name: North\n", with: "  - &north\n    name: North\n")
            .replacing("  - name: East\n    referral_share: 0.25\n    rurality: urban\n    labour_pool_per_week: 0.5",
                       with: "  - <<: *north\n    name: East\n    rurality: urban")
        let zones = try Self.load(yaml).zones
        #expect(zones[2] == Zone(name: "East", referralShare: 0.25, rurality: .urban, travelMinutesPerVisit: 8,
                                 labourPoolPerWeek: 1.5))
        let badMerge = ScenarioFixture.replacing("    rurality: urban\n", with: "    rurality: urban\n    <<: 3\n")
        #expect(Self.problems(badMerge) == [
            "scenarios/test.yaml:24:9: zones[2].<<: 3 is not allowed; expected a mapping or a list of mappings to merge.",
        ])
    }

    @Test func uniformDistributionsTakeTheirMeanFromTheirBounds() throws {
        let yaml = ScenarioFixture.replacing("{distribution: lognormal, mean: 20, sd: 10}",
                                             with: "{distribution: uniform, minimum: 4, maximum: 10}")
        let hours = try Self.load(yaml).demand.clientGroups[1].packageHours
        #expect(hours == Distribution(family: .uniform, mean: 7, minimum: 4, maximum: 10))
    }

    @Test func loadsFromAFileAndFingerprintsItsBytes() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("scenario-loader-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("test.yaml")
        try Data(ScenarioFixture.yaml.utf8).write(to: file)

        let loaded = try ScenarioLoader.load(path: file.path)
        #expect(loaded.path == file.path)
        #expect(loaded.scenario == (try Self.load()))
        #expect(loaded.sha256 == SHA256Digest.hex(of: Data(ScenarioFixture.yaml.utf8)))

        var withOverride = Data(ScenarioFixture.yaml.utf8)
        withOverride.append(0)
        withOverride.append(Data("demand.growth=0.05".utf8))
        #expect(try ScenarioLoader.load(path: file.path, overrides: ["demand.growth=0.05"]).sha256
                == SHA256Digest.hex(of: withOverride))
    }

    @Test func aMissingScenarioFileIsNamed() {
        do {
            _ = try ScenarioLoader.load(path: "/no/such/folder/x.yaml")
            Issue.record("expected the load to fail")
        } catch {
            #expect(error.description == """
                cannot read the scenario file '/no/such/folder/x.yaml': no such file.
                1 problem found in /no/such/folder/x.yaml; nothing was run.
                """)
        }
    }
}
