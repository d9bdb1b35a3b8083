import Foundation
import Testing
@testable import Sufficiency

extension ScenarioLoaderTests {
    /// Every kind of mistake is reported with its file, line and column, the key path, the
    /// value as written and what was expected; and all of them at once.
    @Suite struct Validation {
        private func problems(replacing old: String, with new: String) -> [String] {
            ScenarioLoaderTests.problems(ScenarioFixture.replacing(old, with: new))
        }

        @Test func yamlSyntaxErrorsGiveTheParsersLineAndColumn() {
            #expect(problems(replacing: "zones:\n  - name: North", with: "zones: [a, b\n  - name: North") == [
                "scenarios/test.yaml:12:9: this is not valid YAML: did not find expected ',' or ']' "
                    + "(while parsing a flow sequence at line 11, column 8).",
            ])
            #expect(problems(replacing: "name: Test county", with: "name: Test county\nname: Again") == [
                "scenarios/test.yaml:1:1: this is not valid YAML: the key 'name' appears more than once in the same mapping.",
            ])
            #expect(ScenarioLoaderTests.problems("# only a comment\n") == [
                "scenarios/test.yaml:1:1: the file is empty; expected a scenario with the keys name, calendar, zones, "
                    + "demand, providers and options.",
            ])
            #expect(ScenarioLoaderTests.problems("- a\n- b\n") == [
                "scenarios/test.yaml:1:1: a list is not allowed; expected a mapping with the keys name, calendar, zones, "
                    + "demand, providers and options.",
            ])
        }

        @Test func unknownKeysSuggestTheNearestKnownKey() {
            // The misspelt key is unknown, and the key it was meant to be is then missing.
            #expect(problems(replacing: "  referrals_per_week: 40", with: "  referals_per_week: 40") == [
                "scenarios/test.yaml:26:3: demand.referals_per_week: unknown key 'referals_per_week'; "
                    + "did you mean 'referrals_per_week'?",
                "scenarios/test.yaml:26:3: demand: missing required key 'referrals_per_week'.",
            ])
            // A prefix of a known key.
            #expect(problems(replacing: "    pay_premium: 1.05", with: "    pay: 1.05") == [
                "scenarios/test.yaml:49:5: providers[0].pay: unknown key 'pay'; did you mean 'pay_premium'?",
            ])
            // Nothing close: the known keys are listed.
            #expect(problems(replacing: "  growth: 0.03", with: "  growth: 0.03\n  colour: blue") == [
                "scenarios/test.yaml:28:3: demand.colour: unknown key 'colour'; expected one of: referrals_per_week, "
                    + "growth, seasonality, steps, review, client_groups, duration_starts_at.",
            ])
            // Keys that belong to another uplift rule are unknown to this one.
            #expect(problems(replacing: "{rule: flat, rate: 0.03}", with: "{rule: flat, staff_weight: 0.03}") == [
                "scenarios/test.yaml:74:91: options[1].uplift.otherwise: missing required key 'rate'.",
                "scenarios/test.yaml:74:104: options[1].uplift.otherwise.staff_weight: unknown key 'staff_weight'; "
                    + "expected one of: rule, rate.",
            ])
        }

        @Test func missingRequiredKeysArePlacedAtTheirParentMapping() {
            #expect(problems(replacing: "    referral_share: 0.5\n", with: "") == [
                "scenarios/test.yaml:16:5: zones[1]: missing required key 'referral_share'.",
            ])
            #expect(problems(replacing: "{distribution: lognormal, mean: 20, sd: 10}",
                             with: "{distribution: lognormal, mean: 20}") == [
                "scenarios/test.yaml:41:22: demand.client_groups[1].package_hours: missing required key 'sd'.",
            ])
            #expect(problems(replacing: "  years: 2\n", with: "") == [
                "scenarios/test.yaml:4:3: calendar: missing required key 'years' or 'days'.",
            ])
            #expect(problems(replacing: "  years: 2", with: "  years: 2\n  days: 10") == [
                "scenarios/test.yaml:4:3: calendar: both 'years' and 'days' are given; give exactly one of them.",
            ])
        }

        @Test func wrongTypesSayWhatWasExpected() {
            #expect(problems(replacing: "    labour_pool_per_week: 1.5", with: "    labour_pool_per_week: lots") == [
                "scenarios/test.yaml:15:27: zones[0].labour_pool_per_week: 'lots' is not allowed; "
                    + "expected a non-negative number of people a week.",
            ])
            #expect(problems(replacing: "    care_workers: 120", with: "    care_workers: 12.5") == [
                "scenarios/test.yaml:48:19: providers[0].care_workers: 12.5 is not allowed; "
                    + "expected a non-negative whole number of care workers.",
            ])
            #expect(problems(replacing: "    zones: [South]", with: "    zones: South") == [
                "scenarios/test.yaml:47:12: providers[0].zones: 'South' is not allowed; expected a list of zone names, or all.",
            ])
            #expect(problems(replacing: "calendar:\n  start: 2023-04-01\n  years: 2\n  period: week",
                             with: "calendar: 2023") == [
                "scenarios/test.yaml:3:11: calendar: 2023 is not allowed; "
                    + "expected a mapping such as {start: 2023-04-01, years: 5}.",
            ])
            #expect(problems(replacing: "threads: 2}", with: "threads: 2, check_invariants: maybe}") == [
                "scenarios/test.yaml:7:64: run.check_invariants: 'maybe' is not allowed; expected true or false.",
            ])
            #expect(problems(replacing: "  start: 2023-04-01", with: "  start: 2023-02-30") == [
                "scenarios/test.yaml:4:10: calendar.start: '2023-02-30' is not allowed; expected an ISO date yyyy-mm-dd.",
            ])
            #expect(problems(replacing: "    rurality: rural", with: "    rurality: suburban") == [
                "scenarios/test.yaml:14:15: zones[0].rurality: 'suburban' is not allowed; "
                    + "expected one of: urban, town, rural.",
            ])
            #expect(problems(replacing: "from: 400", with: "from: soon") == [
                "scenarios/test.yaml:30:14: demand.steps[1].from: 'soon' is not allowed; "
                    + "expected an ISO date yyyy-mm-dd or a number of days from calendar.start.",
            ])
            #expect(problems(replacing: "  nlw: {2023: 10.42, 2024: 11.44}", with: "  nlw: {twenty: 10.42, 2024: 11.44}") == [
                "scenarios/test.yaml:9:9: prices.nlw.twenty: 'twenty' is not allowed; expected a year such as 2025.",
            ])
            #expect(problems(replacing: "{framework: {2025: 0.0537}", with: "{frame: {2025: 0.0537}") == [
                "scenarios/test.yaml:74:35: options[1].uplift.table.frame: 'frame' is not allowed; "
                    + "expected one of: strategic, approved, framework, dps, spot, legacy.",
            ])
        }

        @Test func valuesOutOfRangeSayTheRangeAndUnit() {
            #expect(problems(replacing: "    labour_pool_per_week: 1.5", with: "    labour_pool_per_week: -3") == [
                "scenarios/test.yaml:15:27: zones[0].labour_pool_per_week: -3 is not allowed; "
                    + "expected a non-negative number of people a week.",
            ])
            #expect(problems(replacing: "goal_probability: 0.6", with: "goal_probability: 1.5") == [
                "scenarios/test.yaml:37:122: demand.client_groups[0].tiers[0].goal_probability: 1.5 is not allowed; "
                    + "expected a probability between 0 and 1. 1.5 looks like a percentage; write 0.015.",
            ])
            #expect(problems(replacing: "    reference_rate: 22.5", with: "    reference_rate: 22.5\n    spot_premium: -0.1") == [
                "scenarios/test.yaml:64:19: options[0].spot_premium: -0.1 is not allowed; "
                    + "expected a non-negative premium (0.15 = 15%).",
            ])
            #expect(problems(replacing: "{distribution: fixed, mean: 42}", with: "{distribution: fixed, mean: 0}") == [
                "scenarios/test.yaml:37:99: demand.client_groups[0].tiers[0].duration.mean: 0 is not allowed; "
                    + "expected a positive mean in days.",
            ])
            #expect(problems(replacing: "{distribution: weibull, mean: 900, shape: 1.5}",
                             with: "{distribution: exponential, mean: 900, sd: -1}") == [
                "scenarios/test.yaml:43:107: demand.client_groups[1].tiers[0].duration.sd: -1 is not allowed; "
                    + "expected a non-negative standard deviation in days.",
            ])
            #expect(problems(replacing: "{distribution: gamma, mean: 13.3, sd: 8, minimum: 1, maximum: 60}",
                             with: "{distribution: gamma, mean: 13.3, sd: 0}") == [
                "scenarios/test.yaml:35:60: demand.client_groups[0].package_hours.sd: 0 is not allowed; "
                    + "expected a positive standard deviation in hours a week (a gamma distribution needs one).",
            ])
            #expect(problems(replacing: "{distribution: weibull, mean: 900, shape: 1.5}",
                             with: "{distribution: weibull, mean: 900, shape: 0}") == [
                "scenarios/test.yaml:43:106: demand.client_groups[1].tiers[0].duration.shape: 0 is not allowed; "
                    + "expected a Weibull shape of at least 0.01.",
            ])
            #expect(problems(replacing: "{distribution: lognormal, mean: 20, sd: 10}",
                             with: "{distribution: uniform, minimum: 10, maximum: 10}") == [
                "scenarios/test.yaml:41:68: demand.client_groups[1].package_hours.maximum: 10 is not allowed; "
                    + "expected a maximum greater than the minimum (10) for a uniform distribution.",
            ])
            #expect(problems(replacing: "  growth: 0.03", with: "  growth: 0.03\n  seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]") == [
                "scenarios/test.yaml:28:16: demand.seasonality: a list of 11 values is not allowed; "
                    + "expected 12 positive numbers, January to December.",
            ])
            #expect(problems(replacing: "  growth: 0.03", with: "  growth: 0.03\n  seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0]") == [
                "scenarios/test.yaml:28:50: demand.seasonality[11]: 0 is not allowed; "
                    + "expected a positive multiplier on the referral rate.",
            ])
            #expect(problems(replacing: "run: {replications: 50, seed: 7, threads: 2}",
                             with: "run: {replications: 0, seed: -7, threads: -1}") == [
                "scenarios/test.yaml:7:21: run.replications: 0 is not allowed; expected a whole number of replications, at least 1.",
                "scenarios/test.yaml:7:30: run.seed: -7 is not allowed; expected a whole number from 0 to 18446744073709551615.",
                "scenarios/test.yaml:7:43: run.threads: -1 is not allowed; "
                    + "expected a non-negative whole number of threads (0: one per core).",
            ])
            #expect(problems(replacing: "  years: 2", with: "  years: 900000000000000") == [
                "scenarios/test.yaml:5:10: calendar.years: 900000000000000 is not allowed; "
                    + "expected a positive whole number of years, at most 100.",
            ])
            #expect(problems(replacing: "  period: week", with: "  period: week\n  warm_up_days: 36526") == [
                "scenarios/test.yaml:7:17: calendar.warm_up_days: 36526 is not allowed; "
                    + "expected a non-negative whole number of days, at most 36525.",
            ])
            #expect(problems(replacing: "  years: 2", with: "  days: 0") == [
                "scenarios/test.yaml:5:9: calendar.days: 0 is not allowed; expected a positive whole number of days.",
            ])
            #expect(problems(replacing: "from: 2023-12-01, until: 2024-02-29", with: "from: 2023-12-01, until: 2023-11-01") == [
                "scenarios/test.yaml:29:33: demand.steps[0].until: '2023-11-01' is not allowed; "
                    + "expected a day after from (2023-12-01).",
            ])
        }

        @Test func sharesThatDoNotAddUpToOneAreReportedWithTheirSum() {
            #expect(problems(replacing: "    referral_share: 0.5", with: "    referral_share: 0.45") == [
                "scenarios/test.yaml:12:3: zones: the referral_share values add up to 0.95; they must add up to 1 (±0.001).",
            ])
            #expect(problems(replacing: "      share: 0.25\n      package", with: "      share: 0.2\n      package") == [
                "scenarios/test.yaml:32:5: demand.client_groups: the share values add up to 0.95; "
                    + "they must add up to 1 (±0.001).",
            ])
            #expect(problems(replacing: "share: 0.75, duration", with: "share: 0.7, duration") == [
                "scenarios/test.yaml:37:9: demand.client_groups[0].tiers: the share values add up to 0.95; "
                    + "they must add up to 1 (±0.001).",
            ])
        }

        @Test func referencesToNamesThatDoNotExistSuggestTheNearest() {
            #expect(problems(replacing: "    base_zone: North", with: "    base_zone: Nrth") == [
                "scenarios/test.yaml:46:16: providers[0].base_zone: 'Nrth' is not a zone; did you mean 'North'?",
            ])
            #expect(problems(replacing: "    base_zone: North", with: "    base_zone: Atlantis") == [
                "scenarios/test.yaml:46:16: providers[0].base_zone: 'Atlantis' is not a zone; "
                    + "expected one of: North, South, East.",
            ])
            #expect(problems(replacing: "next: long-term", with: "next: long term") == [
                "scenarios/test.yaml:37:133: demand.client_groups[0].tiers[0].next: 'long term' is not a tier of "
                    + "client group 'older people'; did you mean 'long-term'?",
            ])
            #expect(problems(replacing: "zones: [Coast, North]", with: "zones: [Cost, North]") == [
                "scenarios/test.yaml:67:58: options[0].contracts[0].zones[0]: 'Cost' is not an area of option "
                    + "'baseline' or a zone; did you mean 'Coast'?",
            ])
            #expect(problems(replacing: "provider: Provider A, people: 120, client_group: older people",
                             with: "provider: Provider C, people: 120, client_group: older") == [
                "scenarios/test.yaml:57:31: caseload.entries[0].provider: 'Provider C' is not a provider; "
                    + "did you mean 'Provider A'?",
                "scenarios/test.yaml:57:70: caseload.entries[0].client_group: 'older' is not a client group; "
                    + "did you mean 'older people'?",
            ])
            #expect(problems(replacing: "zone_premiums: {East: 0.1}", with: "zone_premiums: {Eest: 0.1}") == [
                "scenarios/test.yaml:64:21: options[0].zone_premiums.Eest: 'Eest' is not a zone; did you mean 'East'?",
            ])
        }

        @Test func duplicateNamesAreReportedAtTheSecondUse() {
            #expect(problems(replacing: "  - name: framework", with: "  - name: baseline") == [
                "scenarios/test.yaml:69:11: options[1].name: 'baseline' is already the name of options[0]; "
                    + "each of the options needs its own name.",
            ])
            let extraZone = "  - name: East\n    referral_share: 0\n    labour_pool_per_week: 1\n  - name: East\n"
            #expect(problems(replacing: "  - name: East\n", with: extraZone) == [
                "scenarios/test.yaml:24:11: zones[3].name: 'East' is already the name of zones[2]; "
                    + "each of the zones needs its own name.",
            ])
        }

        @Test func caseloadEntriesMustBeWithAProviderThatServesTheirZone() {
            #expect(problems(replacing: "    - {zone: South, people: 10}",
                             with: "    - {zone: East, provider: Provider A, people: 10}") == [
                "scenarios/test.yaml:58:30: caseload.entries[1].provider: 'Provider A' does not serve 'East'; "
                    + "it serves North, South.",
            ])
        }

        @Test func everyProblemIsReportedAtOnceInFileOrder() throws {
            let yaml = ScenarioFixture
                .replacing("  start: 2023-04-01", with: "  start: 1 April 2023")
                .replacing("    labour_pool_per_week: 1.5", with: "    labour_pool_per_week: -3")
                .replacing("    referral_share: 0.5", with: "    referral_share: 0.45")
                .replacing("  referrals_per_week: 40", with: "  referals_per_week: 40")
                .replacing("    base_zone: East", with: "    base_zone: Est")
                .replacing("    rule: framework", with: "    rule: flexible")
            do {
                _ = try ScenarioLoader.load(yaml: yaml, fileName: ScenarioFixture.fileName,
                                            overrides: ["run.threads=-2"])
                Issue.record("expected the scenario to be rejected")
            } catch {
                #expect(error.description == """
                    scenarios/test.yaml:4:10: calendar.start: '1 April 2023' is not allowed; expected an ISO date yyyy-mm-dd.
                    scenarios/test.yaml:12:3: zones: the referral_share values add up to 0.95; they must add up to 1 (±0.001).
                    scenarios/test.yaml:15:27: zones[0].labour_pool_per_week: -3 is not allowed; expected a non-negative number of people a week.
                    scenarios/test.yaml:26:3: demand.referals_per_week: unknown key 'referals_per_week'; did you mean 'referrals_per_week'?
                    scenarios/test.yaml:26:3: demand: missing required key 'referrals_per_week'.
                    scenarios/test.yaml:51:16: providers[1].base_zone: 'Est' is not a zone; did you mean 'East'?
                    scenarios/test.yaml:70:11: options[1].rule: 'flexible' is not allowed; expected one of: strategic, framework, spot.
                    --set run.threads=-2: run.threads: -2 is not allowed; expected a non-negative whole number of threads (0: one per core).
                    8 problems found in scenarios/test.yaml; nothing was run.
                    """)
                let first = try #require(error.issues.first)
                #expect(first == ScenarioIssue(location: SourceLocation(file: "scenarios/test.yaml", line: 4, column: 10),
                                               keyPath: "calendar.start", value: "1 April 2023",
                                               message: "'1 April 2023' is not allowed; expected an ISO date yyyy-mm-dd."))
            }
        }
    }
}
