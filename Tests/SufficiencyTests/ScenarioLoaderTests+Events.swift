import Foundation
import Testing
@testable import Sufficiency

extension ScenarioLoaderTests {
    /// The `events` section: dated events decode to the model, and every mistake in them is
    /// reported at once, at its line and column, with its key path, the value and what was
    /// expected. The fixture runs from 2023-04-01 to 2025-03-31; its `events` key is on line 77.
    @Suite struct Events {
        /// The fixture with `events` as its last section, one event a line.
        static func fixture(_ events: [String]) -> String {
            ScenarioFixture.yaml + "events:\n" + events.map { "  - \($0)\n" }.joined()
        }

        @Test func eventsDecodeToTheModel() throws {
            let scenario = try ScenarioLoaderTests.load(Self.fixture([
                "{date: 2024-04-01, kind: provider_exit, provider: Provider A, options: [framework]}",
                "{date: 2024-05-01, kind: capacity_change, provider: Provider A, workers_factor: 0.8}",
                "{date: 2024-05-02, kind: capacity_change, provider: Provider A, workers: 30, options: [framework, baseline]}",
                "{date: 2024-06-01, kind: demand_shock, referrals_factor: 1.5, zones: [North], until: 2024-09-01}",
                "{date: 2024-06-02, kind: demand_shock, referrals_factor: 0.5, zones: all}",
                "{date: 2024-06-01, kind: contract_lost, provider: Provider B, option: baseline, zones: [Coast]}",
                "{date: 2024-06-03, kind: contract_lost, provider: Provider A, route: framework}",
                "{date: 2024-07-01, kind: contract_gained, provider: Provider A, option: framework, route: framework, rate: 21}",
            ]))
            // 2024-04-01 is day 366 of a run from 2023-04-01.
            #expect(scenario.events == [
                ScenarioEvent(day: 366, options: [1], kind: .providerExit(provider: 0)),
                ScenarioEvent(day: 396, kind: .capacityChange(CapacityChange(provider: 0, size: .factor(0.8)))),
                ScenarioEvent(day: 397, options: [0, 1], kind: .capacityChange(CapacityChange(provider: 0, size: .workers(30)))),
                ScenarioEvent(day: 427, kind: .demandShock(DemandShock(referralsFactor: 1.5, zones: [0], untilDay: 519))),
                ScenarioEvent(day: 428, kind: .demandShock(DemandShock(referralsFactor: 0.5))),
                ScenarioEvent(day: 427, options: [0], kind: .contractLost(ContractChange(provider: 1, zones: [1, 2]))),
                ScenarioEvent(day: 429, kind: .contractLost(ContractChange(provider: 0, route: .framework))),
                ScenarioEvent(day: 457, options: [1],
                              kind: .contractGained(ContractChange(provider: 0, route: .framework, rate: 21))),
            ])
        }

        @Test func aScenarioWithoutEventsHasNone() throws {
            #expect(try ScenarioLoaderTests.load().events.isEmpty)
        }

        @Test func everyMistakeIsReportedAtOnce() {
            let problems = ScenarioLoaderTests.problems(Self.fixture([
                "{date: 2023-01-01, kind: provider_exit, provider: Provider C, options: [framwork]}",
                "{date: 2026-05-01, kind: capacity_change, provider: Provider B, workers_factor: 0}",
                "{date: 2024-06-01, kind: demand_shock, referrals_factor: -1, zones: [Nort], until: 2024-05-01, options: [baseline]}",
                "{date: 2024-06-01, kind: contract_lost, provider: Provider B, option: framework, zones: [Coast]}",
                "{date: 2024-07-01, kind: contract_gained, provider: Provider A, route: spot, rate: 21}",
                "{date: 2024-07-01, kind: contract_gained, provider: Provider A, option: framework, rate: 25, zones: [North]}",
                "{date: 2024-07-01, kind: capacity_change, provider: Provider A, workers_factor: 2, workers: 3, colour: red}",
                "{date: 2024-07-01, kind: explode}",
                "{kind: provider_exit}",
                "{date: 2024-07-01, kind: capacity_change, provider: Provider A}",
                "{date: 2024-07-01, kind: provider_exit, provider: Provider A, workers: 3}",
                "{date: 1 July, kind: provider_exit, provider: Provider A}",
            ]))
            #expect(problems == [
                "scenarios/test.yaml:78:12: events[0].date: '2023-01-01' is before the run starts; expected a date from "
                    + "2023-04-01 (calendar.start) to 2025-03-31 (the run's last day).",
                "scenarios/test.yaml:78:55: events[0].provider: 'Provider C' is not a provider; did you mean 'Provider A'?",
                "scenarios/test.yaml:78:77: events[0].options[0]: 'framwork' is not an option; did you mean 'framework'?",
                "scenarios/test.yaml:79:12: events[1].date: '2026-05-01' is after the run ends; expected a date from "
                    + "2023-04-01 (calendar.start) to 2025-03-31 (the run's last day).",
                "scenarios/test.yaml:79:57: events[1].provider: 'Provider B' has a fixed capacity (fixed_capacity_hours: "
                    + "220), which does not follow its care workers; expected a provider whose capacity follows its "
                    + "workforce.",
                "scenarios/test.yaml:79:85: events[1].workers_factor: 0 is not allowed; expected a positive multiplier on "
                    + "the provider's care workers.",
                "scenarios/test.yaml:80:62: events[2].referrals_factor: -1 is not allowed; expected a positive multiplier "
                    + "on the referral rate.",
                "scenarios/test.yaml:80:74: events[2].zones[0]: 'Nort' is not a zone; did you mean 'North'?",
                "scenarios/test.yaml:80:88: events[2].until: '2024-05-01' is not allowed; expected a date after date "
                    + "(2024-06-01).",
                "scenarios/test.yaml:80:109: events[2].options: a demand shock changes the referrals, which every option "
                    + "shares (each replication's people are drawn once, for all the options), so it applies to every "
                    + "option; leave out options.",
                "scenarios/test.yaml:81:94: events[3].zones[0]: 'Coast' is not an area of option 'framework' or a zone; "
                    + "did you mean 'East'?",
                "scenarios/test.yaml:82:5: events[4]: missing required key 'option'.",
                "scenarios/test.yaml:82:76: events[4].route: 'spot' is not allowed; expected one of: strategic, approved, "
                    + "framework, dps (a contracted route).",
                "scenarios/test.yaml:83:94: events[5].rate: the contract in options[1].contracts[0] pays £21 an hour; a "
                    + "contract gained is paid the rate its contract states, so give that rate or leave out rate.",
                "scenarios/test.yaml:84:5: events[6]: both 'workers_factor' and 'workers' are given; give exactly one of them.",
                "scenarios/test.yaml:84:100: events[6].colour: unknown key 'colour'; expected one of: date, kind, options, "
                    + "provider, workers_factor, workers.",
                "scenarios/test.yaml:85:30: events[7].kind: 'explode' is not allowed; expected one of: provider_exit, "
                    + "capacity_change, demand_shock, contract_lost, contract_gained.",
                "scenarios/test.yaml:86:5: events[8]: missing required key 'date'.",
                "scenarios/test.yaml:86:5: events[8]: missing required key 'provider'.",
                "scenarios/test.yaml:87:5: events[9]: missing required key 'workers_factor' or 'workers'.",
                "scenarios/test.yaml:88:67: events[10].workers: unknown key 'workers'; expected one of: date, kind, "
                    + "options, provider.",
                "scenarios/test.yaml:89:12: events[11].date: '1 July' is not allowed; expected an ISO date yyyy-mm-dd.",
            ])
        }

        @Test func contractEventsMustNameContractsTheOptionsList() {
            let problems = ScenarioLoaderTests.problems(Self.fixture([
                "{date: 2024-06-01, kind: contract_lost, provider: Provider A, option: baseline, route: strategic}",
                "{date: 2024-06-01, kind: contract_lost, provider: Provider B, options: [framework]}",
                "{date: 2024-06-01, kind: contract_lost, provider: Provider B, zones: [North], options: [framework]}",
                "{date: 2024-06-01, kind: contract_gained, provider: Provider A, option: framework, zones: [East, North]}",
                "{date: 2024-06-01, kind: contract_gained, provider: Provider B, option: framework}",
                "{date: 2024-06-01, kind: contract_lost, provider: Provider B, option: baseline, options: [baseline]}",
                "{date: 2024-06-01, kind: contract_gained, provider: Provider B, option: baseline, options: [baseline]}",
                "{date: 2024-06-01, kind: contract_gained, provider: Provider B, option: baseline, rate: 25}",
            ]))
            #expect(problems == [
                "scenarios/test.yaml:78:55: events[0].provider: 'Provider A' holds no contract on the strategic route in "
                    + "'baseline'; expected a contract the option lists.",
                "scenarios/test.yaml:79:55: events[1].provider: 'Provider B' holds no contract in any of the options the "
                    + "event applies to ('framework'); expected a contract an option lists.",
                "scenarios/test.yaml:80:74: events[2].zones: 'Provider B' holds no contract covering 'North' in any of "
                    + "the options the event applies to ('framework'); expected a contract an option lists.",
                "scenarios/test.yaml:81:95: events[3].zones: no contract of 'Provider A' in 'framework' covers 'East'; "
                    + "state it under options[1].contracts, and this event starts it on its date.",
                "scenarios/test.yaml:82:57: events[4].provider: 'Provider B' holds no contract in 'framework'; state it "
                    + "under options[1].contracts, and this event starts it on its date.",
                "scenarios/test.yaml:83:75: events[5].option: both 'option' and 'options' are given; give option for "
                    + "one option's contracts, or options for those of several.",
                "scenarios/test.yaml:84:96: events[6].options: a contract gained is a contract of one option; name it "
                    + "with option, not options.",
                "scenarios/test.yaml:85:93: events[7].rate: the contract in options[0].contracts[0] pays £23 an hour; a "
                    + "contract gained is paid the rate its contract states, so give that rate or leave out rate.",
            ])
        }

        @Test func datesInTheWarmUpAndUntilAfterTheEndAreRefused() {
            let problems = ScenarioLoaderTests.problems(Self.fixture([
                "{date: 2023-03-15, kind: provider_exit, provider: Provider A}",
                "{date: 2024-06-01, kind: demand_shock, referrals_factor: 2, until: 2025-04-02}",
            ]).replacingOccurrences(of: "  period: week", with: "  period: week\n  warm_up_days: 60"))
            #expect(problems == [
                "scenarios/test.yaml:79:12: events[0].date: '2023-03-15' is before the run starts (events happen during "
                    + "the run, not the warm-up); expected a date from 2023-04-01 (calendar.start) to 2025-03-31 (the "
                    + "run's last day).",
                "scenarios/test.yaml:80:72: events[1].until: '2025-04-02' is after the run ends; expected a date up to "
                    + "2025-04-01, the day after the run's last day, or no until for the rest of the run.",
            ])
            // The day after the last is the latest until: the shock lasts to the end.
            #expect(throws: Never.self) {
                try ScenarioLoaderTests.load(Self.fixture([
                    "{date: 2024-06-01, kind: demand_shock, referrals_factor: 2, until: 2025-04-01}",
                    "{date: 2025-03-31, kind: provider_exit, provider: Provider A}",
                ]))
            }
        }

        @Test func problemsGiveTheValueAsWritten() {
            do {
                _ = try ScenarioLoader.load(yaml: Self.fixture(["{date: 2026-05-01, kind: provider_exit, provider: Provider A}"]),
                                            fileName: ScenarioFixture.fileName)
                Issue.record("expected the date to be refused")
            } catch {
                #expect(error.issues.map(\.keyPath) == ["events[0].date"])
                #expect(error.issues.map(\.value) == ["2026-05-01"])
            }
        }

        @Test func demandShocksCountTowardsTheReferralLimit() {
            let problems = ScenarioLoaderTests.problems(Self.fixture([
                "{date: 2024-06-01, kind: demand_shock, referrals_factor: 100}",
            ]).replacingOccurrences(of: "  referrals_per_week: 40", with: "  referrals_per_week: 1000"))
            #expect(problems.count == 1)
            #expect(problems.first?.hasPrefix("scenarios/test.yaml:26:3: demand: the referral rate would reach ") == true)
            #expect(problems.first?.contains("with its growth, seasonality and steps and the events' demand shocks)") == true)
        }

        @Test func eventsCanBeSetFromTheCommandLine() throws {
            let yaml = Self.fixture(["{date: 2024-04-01, kind: provider_exit, provider: Provider A}"])
            let scenario = try ScenarioLoaderTests.load(yaml, overrides: [
                "events[0].date=2024-05-01", "events[0].options=[framework]",
            ])
            #expect(scenario.events == [ScenarioEvent(day: 396, options: [1], kind: .providerExit(provider: 0))])
            let added = try ScenarioLoaderTests.load(overrides: [
                "events=[{date: 2024-04-01, kind: demand_shock, referrals_factor: 1.2}]",
            ])
            #expect(added.events == [ScenarioEvent(day: 366, kind: .demandShock(DemandShock(referralsFactor: 1.2)))])
            #expect(ScenarioLoaderTests.problems(yaml, overrides: ["events[0].provider=Provider Z"]) == [
                "--set events[0].provider=Provider Z: events[0].provider: 'Provider Z' is not a provider; "
                    + "did you mean 'Provider A'?",
            ])
        }
    }
}
