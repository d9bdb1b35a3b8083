import Foundation
import Testing
@testable import Sufficiency

extension ScenarioLoaderTests {
    /// A day opportunities option's own `pathways` and `reviews`: what they decode to, and
    /// the mistakes refused with the file, line, key path, value and what was expected.
    @Suite struct DayPathways {
        static let wiltshire = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scenarios/wiltshire-day-opportunities.yaml")

        /// The bundled Wiltshire scenario, with `old` (which must be there once) replaced by `new`.
        private func wiltshire(replacing old: String = "", with new: String = "") throws -> String {
            let text = try String(contentsOf: Self.wiltshire, encoding: .utf8)
            guard !old.isEmpty else { return text }
            #expect(text.components(separatedBy: old).count == 2, "'\(old)' is not in the scenario once")
            return text.replacingOccurrences(of: old, with: new)
        }

        private func load(_ yaml: String) throws -> Scenario {
            try ScenarioLoader.load(yaml: yaml, fileName: ScenarioFixture.fileName).scenario
        }

        /// The line (from 1) on which `needle` first appears in `text`.
        private func line(of needle: String, in text: String) -> Int {
            text.components(separatedBy: "\n").firstIndex { $0.contains(needle) }! + 1
        }

        static let alliancePathway = "          - {name: enablement, kind: enablement, share: 0.6, "
        static let allianceReviews = "    pathways:\n      adults:\n"

        @Test func theAllianceHasItsOwnPathwayAndSpotKeepsTheScenarios() throws {
            let day = try #require(try load(try wiltshire()).dayOpportunities)
            #expect(day.options[0].pathways.isEmpty)
            let own = try #require(day.options[1].pathways[0])
            #expect(own.tiers.map(\.name) == ["enablement", "long-term"])
            #expect(own.tiers.map(\.share) == [0.6, 0.4])
            #expect(own.tiers[0].goalProbability == 0.5)
            #expect(own.tiers[0].next == 1)
            #expect(own.tiers[0].duration == Distribution(family: .gamma, mean: 180, sd: 60))
            #expect(day.groups[0].tiers.map(\.share) == [0.3, 0.7])
            #expect(day.groups[0].tiers[0].goalProbability == 0.3)
            #expect(day.options.allSatisfy { $0.reviews == nil })
        }

        @Test func anOptionsReviewsKeepTheScenariosSettingsForKeysLeftOut() throws {
            let text = try wiltshire(replacing: Self.allianceReviews,
                                     with: "    reviews: {interval_days: 182, move_probability: 0.6}\n" + Self.allianceReviews)
            let day = try #require(try load(text).dayOpportunities)
            let reviews = try #require(day.options[1].reviews)
            #expect(reviews.intervalDays == 182)
            #expect(reviews.moveProbability == 0.6)
            // The scenario's, where the option says nothing.
            #expect(reviews.directPaymentProbability == day.reviews.directPaymentProbability)
            #expect(reviews.referralDirectPaymentProbability == day.reviews.referralDirectPaymentProbability)
            #expect(reviews.firstReviewAfterDays == 28)
            #expect(day.options[0].reviews == nil)
        }

        @Test func aPathwayForAGroupTheScenarioDoesNotHaveIsRefused() throws {
            let text = try wiltshire(replacing: "    pathways:\n      adults:\n", with: "    pathways:\n      adult:\n")
            let at = line(of: "      adult:", in: text)
            #expect(ScenarioLoaderTests.problems(text) == [
                "scenarios/test.yaml:\(at):7: options[1].pathways.adult: 'adult' is not a client group; did you mean "
                    + "'adults'?",
            ])
        }

        @Test func aMisspeltKeyUnderAGroupsPathwayIsRefused() throws {
            let text = try wiltshire(replacing: "      adults:\n        tiers:\n", with: "      adults:\n        tier:\n")
            let problems = ScenarioLoaderTests.problems(text)
            #expect(problems.count == 2)
            #expect(problems.first?.contains("options[1].pathways.adults.tier: unknown key 'tier'; did you mean 'tiers'?")
                        == true)
            #expect(problems.last?.contains("options[1].pathways.adults: missing required key 'tiers'.") == true)
        }

        @Test func anOptionsTierSharesMustAddUpToOne() throws {
            let text = try wiltshire(replacing: Self.alliancePathway, with: "          - {name: enablement, kind: enablement, share: 0.7, ")
            let problems = ScenarioLoaderTests.problems(text)
            #expect(problems.count == 1)
            #expect(problems.first?.contains("options[1].pathways.adults.tiers: the share values add up to 1.1; they must add up to 1") == true)
        }

        @Test func anOptionsNextTierMustBeOneOfItsTiers() throws {
            let text = try wiltshire(replacing: "goal_probability: 0.5, next: long-term}",
                                     with: "goal_probability: 0.5, next: long term}")
            let at = line(of: "next: long term}", in: text)
            let problems = ScenarioLoaderTests.problems(text)
            #expect(problems.count == 1)
            #expect(problems.first?.hasPrefix("scenarios/test.yaml:\(at):") == true)
            #expect(problems.first?.contains("options[1].pathways.adults.tiers[0].next: 'long term' is not a tier of "
                                             + "client group 'adults'") == true)
        }

        @Test func anOptionsGoalRateAboveOneIsRefused() throws {
            let text = try wiltshire(replacing: "goal_probability: 0.5, next: long-term}",
                                     with: "goal_probability: 1.5, next: long-term}")
            let at = line(of: "goal_probability: 1.5", in: text)
            let problems = ScenarioLoaderTests.problems(text)
            #expect(problems.count == 1)
            #expect(problems.first?.hasPrefix("scenarios/test.yaml:\(at):") == true)
            #expect(problems.first?.contains("options[1].pathways.adults.tiers[0].goal_probability: 1.5 is not allowed; "
                                             + "expected a probability between 0 and 1") == true)
        }

        @Test func anOptionsReviewsAreCheckedAsTheScenarios() throws {
            let text = try wiltshire(replacing: Self.allianceReviews,
                                     with: "    reviews: {interval_days: 0.5, move_probabilty: 0.6}\n" + Self.allianceReviews)
            let at = line(of: "    reviews: {interval_days: 0.5", in: text)
            let problems = ScenarioLoaderTests.problems(text)
            #expect(problems.count == 2)
            #expect(problems.contains { $0.hasPrefix("scenarios/test.yaml:\(at):") && $0.contains(
                "options[1].reviews.move_probabilty: unknown key 'move_probabilty'; did you mean 'move_probability'?") })
            #expect(problems.contains { $0.hasPrefix("scenarios/test.yaml:\(at):") && $0.contains(
                "options[1].reviews.interval_days: 0.5 is not allowed") })
        }

        @Test func pathwaysMustBeAMappingFromGroups() throws {
            let text = try wiltshire(replacing: "    pathways:\n      adults:\n        tiers:\n",
                                     with: "    pathways:\n      - adults:\n        tiers:\n")
            let problems = ScenarioLoaderTests.problems(text)
            #expect(problems.count == 1)
            #expect(problems.first?.contains("options[1].pathways: ") == true)
            #expect(problems.first?.contains("expected a mapping from client groups to their pathways") == true)
        }
    }
}
