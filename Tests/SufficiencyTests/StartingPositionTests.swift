import Testing
@testable import Sufficiency

/// The starting position `validate` reports: each zone's capacity against its starting
/// caseload's hours, the providers short of capacity, and the caseload that referrals and
/// durations sustain (Little's law), with warnings for a market that starts short.
@Suite struct StartingPositionTests {
    /// Two zones, packages of exactly 10 hours a week lasting exactly 10 weeks, 3 referrals a
    /// week (a steady state of 30 people, the starting caseload): North has 15 people with Alpha
    /// (200 hours a week), South 10 people with Beta and 5 waiting (150 hours a week needed).
    static func county(betaCapacity: String, groups: String? = nil, referrals: String = "3") -> String {
        """
        name: Starting county
        calendar: {start: 2024-04-01, days: 120, period: month}
        run: {replications: 2, seed: 7}
        workforce: {dynamic: false}
        zones:
          - {name: North, referral_share: 0.5, labour_pool_per_week: 1}
          - {name: South, referral_share: 0.5, labour_pool_per_week: 1}
        demand:
          referrals_per_week: \(referrals)
          client_groups:
        \(groups ?? """
            - name: older people
              share: 1
              package_hours: {distribution: fixed, mean: 10}
              tiers:
                - {name: long-term, kind: long_term, share: 1, duration: {distribution: fixed, mean: 70}}
        """)
        providers:
          - {name: Alpha, base_zone: North, zones: [North], care_workers: 10, fixed_capacity_hours: 200}
          - {name: Beta, base_zone: South, zones: [South], care_workers: 6, fixed_capacity_hours: \(betaCapacity)}
        caseload:
          entries:
            - {zone: North, provider: Alpha, people: 15}
            - {zone: South, provider: Beta, people: 10}
            - {zone: South, people: 5}
        options:
          - name: spot
            rule: spot
            reference_rate: 22
            contracts: []

        """
    }

    static func load(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> LoadedScenario? {
        do {
            return try ScenarioLoader.load(yaml: yaml, fileName: "county.yaml", startingPosition: true)
        } catch {
            Issue.record("expected the scenario to load: \(error)", sourceLocation: sourceLocation)
            return nil
        }
    }

    @Test func aZoneSevenPercentShortIsWarnedAboutByNameAndShortfall() throws {
        // South needs 150 hours a week; Beta delivers its 100 and has 39.5 spare for the 50
        // waiting: 10.5 hours, 7% of 150, are unmet.
        let loaded = try #require(Self.load(Self.county(betaCapacity: "139.5")))
        let position = StartingPosition(scenario: loaded.scenario)
        let south = position.zones[1]
        #expect(south.neededHours == 150)
        #expect(abs(south.shortfallHours - 10.5) < 1e-9)
        #expect(abs(south.shortfallShare - 0.07) < 1e-9)
        #expect(position.shortZones.map(\.zone) == [1])
        #expect(position.shortProviders.isEmpty)
        #expect(loaded.warnings.map(\.description) == [
            "county.yaml:7:5: zones[1]: 'South' starts 7.0% short of capacity: its starting caseload needs about 150 "
                + "hours a week (100 placed, 50 waiting); its providers can deliver about 100 of the placed hours and "
                + "offer about 40 spare, so about 11 hours a week are unmet from the first week.",
        ])
    }

    @Test func aSufficientCountyGetsNoWarnings() throws {
        let loaded = try #require(Self.load(Self.county(betaCapacity: "160")))
        #expect(loaded.warnings.isEmpty)
        let position = StartingPosition(scenario: loaded.scenario)
        #expect(position.shortZones.isEmpty && position.shortProviders.isEmpty)
        #expect(position.steadyStatePeople == 30 && position.startingPeople == 30)
    }

    @Test func aProviderHoldingMoreThanItsCapacityIsNamed() throws {
        let loaded = try #require(Self.load(Self.county(betaCapacity: "90")))
        let position = StartingPosition(scenario: loaded.scenario)
        #expect(position.shortProviders.map(\.provider) == [1])
        #expect(position.shortProviders.first?.shortfallHours == 10)
        #expect(loaded.warnings.map(\.keyPath) == ["zones[1]", "providers[1]"])
    }

    /// Little's law by client group and tier: 4 referrals a week; three quarters older people,
    /// half starting in 6 weeks' enablement (40% then go on to long-term care of mean 50 weeks),
    /// half in long-term care; a quarter with a learning disability in long-term care of mean 100
    /// weeks. 3 × (0.5 × (6 + 0.4 × 50) + 0.5 × 50) + 1 × 100 = 114 + 100 = 214 people.
    @Test func theSteadyStateIsReferralsTimesMeanTimeInCare() throws {
        let groups = """
            - name: older people
              share: 0.75
              package_hours: {distribution: fixed, mean: 10}
              tiers:
                - {name: enablement, kind: enablement, share: 0.5, duration: {distribution: fixed, mean: 42},
                   goal_probability: 0.6, next: long-term}
                - {name: long-term, kind: long_term, share: 0.5, duration: {distribution: exponential, mean: 350}}
            - name: learning disability
              share: 0.25
              package_hours: {distribution: fixed, mean: 10}
              tiers:
                - {name: long-term, kind: long_term, share: 1, duration: {distribution: exponential, mean: 700}}
        """
        let loaded = try #require(Self.load(Self.county(betaCapacity: "160", groups: groups, referrals: "4")))
        let position = StartingPosition(scenario: loaded.scenario)
        #expect(position.groups.map(\.referralsPerWeek) == [3, 1])
        #expect(abs(position.groups[0].steadyStatePeople - 114) < 1e-9)
        #expect(abs(position.groups[1].steadyStatePeople - 100) < 1e-9)
        #expect(abs(position.steadyStatePeople - 214) < 1e-9)
        // 30 people at the start, far below 214: the caseload will drift, and that is warned about.
        #expect(loaded.warnings.map(\.keyPath) == ["demand"])
    }

    @Test func aClampedPackageSizeCountsAtTheMeanOfWhatIsDrawn() {
        // An exponential of mean 10 clamped below at 10: E[max(10, X)] = 10 + 10 e^{-1}.
        let clamped = Distribution(family: .exponential, mean: 10, minimum: 10)
        #expect(abs(clamped.expectedDraw - (10 + 10 * 0.36787944117144233)) < 0.01)
        #expect(Distribution.exponential(mean: 10).expectedDraw == 10)
    }
}
