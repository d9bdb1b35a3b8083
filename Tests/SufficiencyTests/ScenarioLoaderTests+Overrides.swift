import Foundation
import Testing
@testable import Sufficiency

extension ScenarioLoaderTests {
    /// `--set key.path=value` overrides change the YAML tree before it is validated; their
    /// problems name the override instead of a place in the file.
    @Suite struct Overrides {
        @Test func setExistingKeys() throws {
            let scenario = try ScenarioLoaderTests.load(overrides: ["demand.growth=0.05", "run.replications=5"])
            #expect(scenario.demand.annualGrowth == 0.05)
            #expect(scenario.run.replications == 5)
            #expect(scenario.run.seed == 7)
        }

        @Test func addAFinalKeyMissingFromAMappingThatExists() throws {
            let scenario = try ScenarioLoaderTests.load(overrides: ["calendar.warm_up_days=30",
                                                                    "options[0].legacy_premium=0.05"])
            #expect(scenario.calendar.warmUpDays == 30)
            #expect(scenario.options[0].legacyPremium == 0.05)
        }

        @Test func selectListElementsByPositionOrName() throws {
            let scenario = try ScenarioLoaderTests.load(overrides: [
                "zones[South].labour_pool_per_week=3",
                "zones[2].labour_pool_per_week=4",
                "options[framework].spot_premium=0.2",
                "demand.client_groups[older people].tiers[long-term].duration.mean=600",
            ])
            #expect(scenario.zones.map(\.labourPoolPerWeek) == [1.5, 3, 4])
            #expect(scenario.options.map(\.spotPremium) == [0.15, 0.2])
            #expect(scenario.demand.clientGroups[0].tiers[1].duration == .exponential(mean: 600))
        }

        @Test func valuesAreYAMLScalarsOrFlowCollections() throws {
            let scenario = try ScenarioLoaderTests.load(overrides: [
                "demand.seasonality=[1.2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.3]",
                "options[baseline].mini_competition={after_days: 7, premium: 0.05}",
                "providers[Provider A].zones=all",
                "description=Overridden text",
            ])
            #expect(scenario.demand.seasonality == [1.2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.3])
            #expect(scenario.options[0].miniCompetition == MiniCompetition(afterDays: 7, premium: 0.05))
            #expect(scenario.providers[0].zones == [0, 1, 2])
            #expect(scenario.description == "Overridden text")
        }

        @Test func theLastOverrideOfAKeyWins() throws {
            let scenario = try ScenarioLoaderTests.load(overrides: ["demand.growth=0.05", "demand.growth=0.01"])
            #expect(scenario.demand.annualGrowth == 0.01)
        }

        @Test func badValuesAreReportedWithTheOverrideAsOrigin() throws {
            do {
                _ = try ScenarioLoader.load(yaml: ScenarioFixture.yaml, fileName: ScenarioFixture.fileName,
                                            overrides: ["demand.growth=-2"])
                Issue.record("expected the override to be rejected")
            } catch {
                #expect(error.issues == [ScenarioIssue(
                    location: nil, origin: "--set demand.growth=-2", keyPath: "demand.growth", value: "-2",
                    message: "-2 is not allowed; expected a number greater than -1 (annual growth; 0.03 = 3% a year).")])
                #expect(error.description == """
                    --set demand.growth=-2: demand.growth: -2 is not allowed; expected a number greater than -1 (annual growth; 0.03 = 3% a year).
                    1 problem found in scenarios/test.yaml; nothing was run.
                    """)
            }
            #expect(ScenarioLoaderTests.problems(ScenarioFixture.yaml, overrides: ["zones[1].centroid={latitude: 100, longitude: 0}"]) == [
                "--set zones[1].centroid={latitude: 100, longitude: 0}: zones[1].centroid.latitude: 100 is not allowed; "
                    + "expected a latitude in degrees between -90 and 90.",
            ])
            #expect(ScenarioLoaderTests.problems(ScenarioFixture.yaml, overrides: ["name="]) == [
                "--set name=: name: an empty value is not allowed; expected a name for the scenario.",
            ])
            #expect(ScenarioLoaderTests.problems(ScenarioFixture.yaml, overrides: ["demand.growth=[1, 2"]) == [
                "--set demand.growth=[1, 2: demand.growth: '[1, 2' is not a valid YAML value: did not find expected "
                    + "',' or ']' (while parsing a flow sequence at line 1, column 1).",
            ])
        }

        @Test func aMisspeltFinalKeyIsAddedThenReportedAsUnknown() {
            #expect(ScenarioLoaderTests.problems(ScenarioFixture.yaml, overrides: ["demand.groth=0.05"]) == [
                "--set demand.groth=0.05: demand.groth: unknown key 'groth'; did you mean 'growth'?",
            ])
        }

        @Test func pathsThroughWhatDoesNotExistAreReported() {
            func problems(_ override: String) -> [String] {
                ScenarioLoaderTests.problems(ScenarioFixture.yaml, overrides: [override])
            }
            #expect(problems("demand.reviews.interval_days=30") == [
                "--set demand.reviews.interval_days=30: demand.reviews.interval_days: 'demand' has no key 'reviews', "
                    + "so nothing under it can be set.",
            ])
            #expect(problems("demnd.growth=0.05") == [
                "--set demnd.growth=0.05: demnd.growth: the scenario has no key 'demnd'; did you mean 'demand'?",
            ])
            #expect(problems("zones[Sout].labour_pool_per_week=3") == [
                "--set zones[Sout].labour_pool_per_week=3: zones[Sout].labour_pool_per_week: 'zones' has no element "
                    + "named 'Sout'; did you mean 'South'?",
            ])
            #expect(problems("options[option 2].spot_premium=0.2") == [
                "--set options[option 2].spot_premium=0.2: options[option 2].spot_premium: 'options' has no element "
                    + "named 'option 2'; its names are: baseline, framework.",
            ])
            #expect(problems("zones[5].labour_pool_per_week=3") == [
                "--set zones[5].labour_pool_per_week=3: zones[5].labour_pool_per_week: 'zones' has 3 elements "
                    + "(positions count from 0), so it has no element [5].",
            ])
            #expect(problems("name.first=x") == [
                "--set name.first=x: name.first: 'name' is a single value, not a mapping, so it has no key 'first'.",
            ])
            #expect(problems("demand[0]=x") == [
                "--set demand[0]=x: demand[0]: 'demand' is a mapping, not a list, so it has no element [0].",
            ])
        }

        @Test func malformedOverridesAreReported() {
            #expect(ScenarioLoaderTests.problems(ScenarioFixture.yaml, overrides: ["demand.growth", "demand..growth=3", "=3"]) == [
                "--set demand.growth: expected key.path=value, e.g. demand.growth=0.05 or "
                    + "zones[Salisbury].labour_pool_per_week=2.",
                "--set demand..growth=3: demand..growth: 'demand..growth' is not a key path; expected keys separated "
                    + "by dots, each optionally followed by [position] or [name], e.g. zones[Salisbury].labour_pool_per_week.",
                "--set =3: '' is not a key path; expected keys separated by dots, each optionally followed by "
                    + "[position] or [name], e.g. zones[Salisbury].labour_pool_per_week.",
            ])
        }

        @Test func overrideProblemsFollowTheFilesInTheOrderGiven() {
            let yaml = ScenarioFixture.replacing("    labour_pool_per_week: 1.5", with: "    labour_pool_per_week: -3")
            #expect(ScenarioLoaderTests.problems(yaml, overrides: ["run.threads=-1", "demand.growth"]) == [
                "scenarios/test.yaml:15:27: zones[0].labour_pool_per_week: -3 is not allowed; "
                    + "expected a non-negative number of people a week.",
                "--set demand.growth: expected key.path=value, e.g. demand.growth=0.05 or "
                    + "zones[Salisbury].labour_pool_per_week=2.",
                "--set run.threads=-1: run.threads: -1 is not allowed; expected a non-negative whole number of threads "
                    + "(0: one per core).",
            ])
        }

        @Test func keyPathsParseIntoSegments() {
            #expect(KeyPathOverride.segments(of: "zones[2].labour_pool_per_week")
                    == [.key("zones"), .index(2), .key("labour_pool_per_week")])
            #expect(KeyPathOverride.segments(of: "options[option 2.5].uplift")
                    == [.key("options"), .name("option 2.5"), .key("uplift")])
            #expect(KeyPathOverride.segments(of: "options['2'].name") == [.key("options"), .name("2"), .key("name")])
            #expect(KeyPathOverride.segments(of: "a[0][1]") == [.key("a"), .index(0), .index(1)])
            #expect(KeyPathOverride.segments(of: "a.[0]") == nil)
            #expect(KeyPathOverride.segments(of: "a[]") == nil)
            #expect(KeyPathOverride.segments(of: "a[0]b") == nil)
            #expect(KeyPathOverride.segments(of: "a.") == nil)
        }
    }
}
