import Foundation
import Testing
@testable import Sufficiency

extension ScenarioLoaderTests {
    /// A refusal lists the first problems and counts the rest, and quotes at most an excerpt of
    /// any value, however large the file or the value.
    @Suite struct ProblemReport {
        private func error(_ yaml: String) -> ScenarioError? {
            do {
                _ = try ScenarioLoader.load(yaml: yaml, fileName: ScenarioFixture.fileName)
                return nil
            } catch {
                return error
            }
        }

        @Test func theReportListsThirtyProblemsThenCountsTheRest() throws {
            let keys = (0..<2_500).map { "unknown_key_\($0): 1\n" }.joined()
            let refused = try #require(error(ScenarioFixture.yaml + keys))
            #expect(refused.count == 2_500)
            #expect(refused.issues.count == ScenarioLimits.keptProblems)
            let lines = refused.description.split(separator: "\n")
            #expect(lines.count == 32)
            #expect(lines[0] == "scenarios/test.yaml:77:1: unknown_key_0: unknown key 'unknown_key_0'; expected one of: "
                    + "service, name, description, calendar, run, prices, workforce, zones, demand, providers, "
                    + "caseload, hand_backs, exits, entry, private_market, options, events, sweep, solve, "
                    + "ranking_sensitivity, coverage.")
            #expect(lines[30] == "and 2470 more problems (fix these and validate again to see the rest).")
            #expect(lines[31] == "2500 problems found in scenarios/test.yaml; nothing was run.")
        }

        @Test func aFewProblemsAreAllListed() throws {
            let keys = (0..<3).map { "unknown_key_\($0): 1\n" }.joined()
            let refused = try #require(error(ScenarioFixture.yaml + keys))
            #expect(refused.description.split(separator: "\n").count == 4)
            #expect(!refused.description.contains("more problem"))
        }

        @Test func aLongValueIsQuotedAsAnExcerptWithItsLength() throws {
            let long = String(repeating: "x", count: 100_000)
            let refused = try #require(error(ScenarioFixture.replacing("    base_zone: North", with: "    base_zone: \(long)")))
            let text = refused.description
            #expect(text.contains("providers[0].base_zone: '\(String(repeating: "x", count: 60))…' (100000 characters) "
                                  + "is not a zone"))
            #expect(text.utf8.count < 2_000)
            #expect(refused.issues.allSatisfy { ($0.value?.utf8.count ?? 0) < 100 })
        }

        @Test func aLongUnknownKeyIsQuotedAsAnExcerpt() throws {
            // libyaml takes keys of up to 1,024 characters.
            let key = String(repeating: "k", count: 1_000)
            let refused = try #require(error(ScenarioFixture.yaml + "\(key): 1\n"))
            #expect(refused.description.contains("unknown key '\(String(repeating: "k", count: 60))…' (1000 characters)"))
            #expect(refused.description.utf8.count < 1_000)
        }

        @Test func excerptsCutOnlyLongValues() {
            #expect(Excerpt.counted("short") == "short")
            #expect(Excerpt.quoted("short") == "'short'")
            let sixty = String(repeating: "é", count: 60)
            #expect(Excerpt.quoted(sixty) == "'\(sixty)'")
            #expect(Excerpt.counted(sixty + "é") == sixty + "… (61 characters)")
        }
    }
}
