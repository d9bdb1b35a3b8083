import Foundation
import Testing
@testable import Sufficiency

extension ScenarioLoaderTests {
    /// Values that used to be accepted although almost certainly a mistake: refused where they
    /// cannot be meant, warned about (the load goes on) where they may be.
    @Suite struct LikelyMistakes {
        /// The warnings a load of `yaml` gives, as printed, failing the test if it does not load.
        static func warnings(_ yaml: String = ScenarioFixture.yaml, overrides: [String] = [],
                             sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String] {
            do {
                return try ScenarioLoader.load(yaml: yaml, fileName: ScenarioFixture.fileName, overrides: overrides)
                    .warnings.map(\.description)
            } catch {
                Issue.record("expected the scenario to load: \(error)", sourceLocation: sourceLocation)
                return []
            }
        }

        // MARK: - Names a reader cannot tell apart

        @Test func zoneNamesThatDifferOnlyInCaseAndSpacingAreRefused() {
            let problems = ScenarioLoaderTests.problems(ScenarioFixture.replacing("  - name: East\n", with: "  - name: \" north \"\n"))
            #expect(problems.first == "scenarios/test.yaml:21:11: zones[2].name: 'north' reads the same as 'North', the "
                    + "name of zones[0] (they differ only in capitals or spacing), so results and --set could not tell "
                    + "them apart; each of the zones needs a name a reader can tell apart.")
        }

        @Test func providerNamesWithAZeroWidthSpaceAreRefused() {
            let problems = ScenarioLoaderTests.problems(
                ScenarioFixture.replacing("  - name: Provider B\n", with: "  - name: \"Provider\\u200B A\"\n"))
            #expect(problems.contains { $0.hasPrefix("scenarios/test.yaml:50:") && $0.contains("providers[1].name: "
                + "'Provider<U+200B> A' reads the same as 'Provider A', the name of providers[0] (they differ only in "
                + "invisible or look-alike characters, shown as <U+…>)") })
        }

        @Test func optionClientGroupAndTierNamesWithLookAlikesAreRefused() {
            let option = ScenarioLoaderTests.problems(
                ScenarioFixture.replacing("  - name: framework\n", with: "  - name: \"b\\u0430seline\"\n"))
            #expect(option.contains { $0.contains("options[1].name: 'b<U+0430>seline' reads the same as 'baseline'") })
            let group = ScenarioLoaderTests.problems(
                ScenarioFixture.replacing("    - name: learning disability\n", with: "    - name: \"older\\u00A0people\"\n"))
            #expect(group.contains { $0.contains("demand.client_groups[1].name: 'older<U+00A0>people' reads the same as 'older people'") })
            let tier = ScenarioLoaderTests.problems(
                ScenarioFixture.replacing("{name: enablement, kind: enablement", with: "{name: Long-Term, kind: enablement"))
            #expect(tier.contains { $0.contains("demand.client_groups[0].tiers[1].name: 'long-term' reads the same as 'Long-Term'") })
        }

        @Test func areaNamesThatReadTheSameAreRefused() {
            let problems = ScenarioLoaderTests.problems(
                ScenarioFixture.replacing("areas: {Coast: [South, East]}", with: "areas: {Coast: [South, East], COAST: [North]}"))
            #expect(problems.contains { $0.hasPrefix("scenarios/test.yaml:65:") && $0.contains("'COAST' reads the same as 'Coast'") })
        }

        @Test func theReadingOfANameIgnoresCaseSpacingInvisibleAndLookAlikeCharacters() {
            #expect(NameReading.key("  Salisbury\u{00A0} Plain ") == NameReading.key("salisbury plain"))
            #expect(NameReading.key("Sal\u{200B}isbury") == NameReading.key("Salisbury"))
            #expect(NameReading.key("S\u{0430}lisbury") == NameReading.key("Salisbury"))
            #expect(NameReading.key("Ｓａｌｉｓｂｕｒｙ") == NameReading.key("Salisbury"))
            #expect(NameReading.key("Salisbury North") != NameReading.key("Salisbury-North"))
            #expect(NameReading.key("Zone 1") != NameReading.key("Zone 11"))
        }

        // MARK: - Fractions written as percentages

        @Test func aShareOrProbabilityAboveOneIsRefusedAsAPercentage() {
            let problems = ScenarioLoaderTests.problems(ScenarioFixture.replacing("priority_share: 0.3", with: "priority_share: 30"))
            #expect(problems == ["scenarios/test.yaml:34:23: demand.client_groups[0].priority_share: 30 is not allowed; "
                                 + "expected a share between 0 and 1. 30 looks like a percentage; write 0.3."])
        }

        @Test func growthAboveOneIsRefusedAsAPercentage() {
            let problems = ScenarioLoaderTests.problems(ScenarioFixture.replacing("growth: 0.03", with: "growth: 3"))
            #expect(problems.count == 1)
            #expect(problems.first?.hasPrefix("scenarios/test.yaml:27:11: demand.growth: 3 is not allowed;") == true)
            #expect(problems.first?.hasSuffix("at most 1. 3 looks like a percentage; write 0.03.") == true)
        }

        @Test func aShareFarAboveAHundredIsRefusedWithoutTheHint() {
            let problems = ScenarioLoaderTests.problems(ScenarioFixture.replacing("priority_share: 0.3", with: "priority_share: 300"))
            #expect(problems.count == 1)
            #expect(problems.first?.contains("looks like a percentage") == false)
        }

        @Test func aPremiumTurnoverOrUpliftAboveOneIsWarnedAbout() {
            let warnings = Self.warnings(overrides: ["options[0].zone_premiums.East=12", "workforce={annual_turnover: 29.1}",
                                                     "options[1].uplift={rule: flat, rate: 1.5}"])
            #expect(warnings.count == 3)
            #expect(warnings.contains { $0.contains("29.1 is an annual turnover of 2910%") })
            #expect(warnings.contains { $0.contains("options[0].zone_premiums.East: 12 is a premium of 1200%") })
            #expect(warnings.contains { $0.contains("options[1].uplift.rate: 1.5 is an uplift of 150%") })
        }

        @Test func aWrittenPremiumAboveOneIsWarnedAboutAtItsLine() {
            let warnings = Self.warnings(ScenarioFixture.replacing("premium: 0.1}", with: "premium: 10}"))
            #expect(warnings == ["scenarios/test.yaml:73:49: options[1].mini_competition.premium: 10 is a premium of "
                                 + "1000%, which is unusual; if you meant 10%, write 0.1."])
        }

        @Test func theFixtureHasNoWarnings() {
            #expect(Self.warnings() == [])
        }

        // MARK: - A provider contracted twice

        @Test func aProviderContractedTwiceForAZoneAtDifferentRatesIsRefused() {
            let problems = ScenarioLoaderTests.problems(ScenarioFixture.replacing(
                "      - {provider: Provider A, route: approved}\n",
                with: "      - {provider: Provider A, route: approved}\n      - {provider: Provider B, route: approved, zones: [East], rate: 25}\n"))
            #expect(problems == ["scenarios/test.yaml:69:9: options[0].contracts[2]: 'Provider B' is already contracted "
                                 + "in options[0].contracts[0] for 'East' at £23 an hour; this contract pays £25 an hour "
                                 + "there, so its rate would depend on the order of the list; give a provider one contract "
                                 + "for each zone, or one rate."])
        }

        @Test func aProviderContractedTwiceForAZoneAtTheSameRateIsWarnedAbout() {
            let warnings = Self.warnings(ScenarioFixture.replacing(
                "      - {provider: Provider A, route: approved}\n",
                with: "      - {provider: Provider A, route: approved}\n      - {provider: Provider B, route: approved, zones: [East, North], rate: 23}\n"))
            #expect(warnings == ["scenarios/test.yaml:69:9: options[0].contracts[2]: 'Provider B' is already contracted "
                                 + "in options[0].contracts[0] for 'North', 'East' at the same rate (£23 an hour); the "
                                 + "later contract changes nothing there unless its route is meant to."])
        }

        @Test func aProviderContractedForDifferentZonesIsFine() {
            #expect(Self.warnings(ScenarioFixture.replacing(
                "      - {provider: Provider A, route: approved}\n",
                with: "      - {provider: Provider A, route: approved, zones: [North]}\n      - {provider: Provider A, route: approved, zones: [South], rate: 30}\n")) == [])
        }

        // MARK: - Periods that do not fit the start

        @Test func monthsFromAMidMonthStartAreWarnedAbout() {
            let warnings = Self.warnings(ScenarioFixture.replacing("  start: 2023-04-01\n  years: 2\n  period: week",
                                                                   with: "  start: 2023-05-15\n  years: 2\n  period: month"))
            #expect(warnings == ["scenarios/test.yaml:4:10: calendar.start: 2023-05-15 is not the first day of a month, "
                                 + "so the first month reported, labelled 2023-05, covers only 2023-05-15 to 2023-05-31; "
                                 + "start on 2023-05-01 or 2023-06-01 for whole months."])
        }

        @Test func quartersFromAMidQuarterStartAreWarnedAbout() {
            let warnings = Self.warnings(overrides: ["calendar.start=2024-02-01", "calendar.period=quarter"])
            #expect(warnings == ["--set calendar.start=2024-02-01: calendar.start: 2024-02-01 is not the first day of a "
                                 + "quarter of the financial year (1 April, 1 July, 1 October, 1 January), so the first "
                                 + "quarter reported, labelled 2023/24 Q4, covers only 2024-02-01 to 2024-03-31; start "
                                 + "on 2024-01-01 or 2024-04-01 for whole quarters."])
        }

        @Test func weeksAndWholePeriodsAreNotWarnedAbout() {
            #expect(Self.warnings(overrides: ["calendar.start=2023-05-17"]) == [])
            #expect(Self.warnings(overrides: ["calendar.start=2023-10-01", "calendar.period=quarter"]) == [])
            #expect(Self.warnings(overrides: ["calendar.start=2023-11-01", "calendar.period=month"]) == [])
        }

        // MARK: - Travel above its ceiling

        @Test func travelMinutesPerVisitAboveThreeHoursAreRefused() {
            let problems = ScenarioLoaderTests.problems(ScenarioFixture.replacing("travel_minutes_per_visit: 10",
                                                                                  with: "travel_minutes_per_visit: 600"))
            #expect(problems == ["scenarios/test.yaml:19:31: zones[1].travel_minutes_per_visit: 600 is not allowed; "
                                 + "expected a non-negative number of minutes, at most 180."])
        }

        // MARK: - A --set that upsets a list

        @Test func aSetThatMakesSharesNotAddUpIsNamed() {
            let problems = ScenarioLoaderTests.problems(ScenarioFixture.yaml, overrides: ["zones[0].referral_share=0.9"])
            #expect(problems == ["scenarios/test.yaml:12:3: --set zones[0].referral_share=0.9: zones: the referral_share "
                                 + "values add up to 1.65; they must add up to 1 (±0.001)."])
        }

        @Test func aSetOfATierShareIsNamedAtItsGroup() {
            let problems = ScenarioLoaderTests.problems(ScenarioFixture.yaml,
                                                        overrides: ["demand.client_groups[0].tiers[0].share=0.5"])
            #expect(problems.count == 1)
            #expect(problems.first?.contains("--set demand.client_groups[0].tiers[0].share=0.5: ") == true)
        }

        @Test func aSetThatIsNotANumberIsNamed() {
            let problems = ScenarioLoaderTests.problems(ScenarioFixture.yaml, overrides: ["zones[0].referral_share=abc"])
            #expect(problems == ["--set zones[0].referral_share=abc: zones[0].referral_share: 'abc' is not allowed; "
                                 + "expected a share between 0 and 1."])
        }

        @Test func aReferenceToANameASetChangedNamesTheSet() {
            let problems = ScenarioLoaderTests.problems(ScenarioFixture.yaml, overrides: ["zones[2].name=West"])
            #expect(problems.first == "scenarios/test.yaml:51:16: providers[1].base_zone: 'East' is not a zone; did "
                    + "you mean 'West'? (--set zones[2].name=West changed the names.)")
            #expect(problems.filter { $0.contains("is not a zone") }.allSatisfy {
                $0.hasSuffix("(--set zones[2].name=West changed the names.)")
            })
            #expect(problems.contains { $0.contains("options[0].zone_premiums.East: 'East' is not a zone") })
        }

        @Test func aSetOfTwoValuesThatConflictIsNamed() {
            let problems = ScenarioLoaderTests.problems(ScenarioFixture.yaml, overrides: ["calendar.days=100"])
            #expect(problems.count == 1)
            #expect(problems.first?.contains("--set calendar.days=100: calendar: both 'years' and 'days' are given") == true)
        }
    }
}
