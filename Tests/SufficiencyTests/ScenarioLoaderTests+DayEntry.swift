import Foundation
import Testing
@testable import Sufficiency

extension ScenarioLoaderTests {
    /// Day opportunities entry stated a year or a round (not both), a DPS past its expiry
    /// naming what replaces it, and budget lines with a savings target on one of them: each
    /// mistake is reported with its file, line, key path, value and what was expected, all at once.
    @Suite struct DayEntry {
        static let kent: String = {
            let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("scenarios/kent-day-opportunities-dps.yaml")
            return try! String(contentsOf: path, encoding: .utf8)
        }()

        /// Kent's scenario with each `(old, new)` replacement made once (the old text must occur once).
        static func kent(_ edits: [(String, String)]) -> String {
            var text = kent
            for (old, new) in edits {
                precondition(text.components(separatedBy: old).count == 2, "\(old) occurs other than once")
                text = text.replacingOccurrences(of: old, with: new)
            }
            return text
        }

        /// The line (from 1) of the first occurrence of `needle` in `text`.
        static func line(of needle: String, in text: String) -> Int {
            let before = text.components(separatedBy: needle)[0]
            return before.components(separatedBy: "\n").count
        }

        static let dpsJoin = "    join_chance_per_year: 0.3              # assumption, as the framework\n"

        @Test func kentStatesItsEntryAYearAndItsTargetOnThe26PlusLine() throws {
            let day = try #require(try ScenarioLoaderTests.load(Self.kent).dayOpportunities)
            #expect(day.options[1].targetedJoinProbability == EntryConversion.chancePerRound(perYear: 0.3, roundDays: 7))
            #expect(day.options[0].resubmissionProbability == EntryConversion.chancePerRound(perYear: 0.3, roundDays: 182))
            #expect(day.options[1].expiry == nil, "the run ends in March 2026, before the DPS must")
            #expect(day.budgetLines == [BudgetLine(name: "26+ disability", groups: [1]),
                                        BudgetLine(name: "18-25", groups: [0])])
            #expect(day.savingsTargetLine == 0)
        }

        @Test func aChanceGivenBothAYearAndARoundIsRefused() {
            let text = Self.kent([(Self.dpsJoin, Self.dpsJoin + "    targeted_join_probability: 0.0068\n")])
            let line = Self.line(of: Self.dpsJoin, in: text)
            #expect(ScenarioLoaderTests.problems(text) == [
                "scenarios/test.yaml:\(line):27: options[1].join_chance_per_year: 0.3 is given as well as "
                    + "targeted_join_probability (0.0068); expected one of them: the chance per year or per round, "
                    + "not both.",
            ])
        }

        @Test func aDPSRunningPastFebruary2029MustSayWhatReplacesItAndAllProblemsAreReportedAtOnce() {
            let text = Self.kent([
                ("  years: 4\n", "  years: 8\n"),
                (Self.dpsJoin, Self.dpsJoin + "    targeted_join_probability: 0.0068\n"),
                ("    applicants_per_year: 4                 # assumption, as the DPS\n",
                 "    applicants_per_year: 4                 # assumption, as the DPS\n    applicants_per_round: 2\n"),
            ])
            let problems = ScenarioLoaderTests.problems(text)
            #expect(problems.count == 3)
            #expect(problems.contains { $0.contains("options[0].applicants_per_year: 4 is given as well as "
                                                   + "applicants_per_round (2); expected one of them: the number per "
                                                   + "year or per round, not both.") })
            #expect(problems.contains { $0.contains("options[1].join_chance_per_year: 0.3 is given as well as") })
            let rule = Self.line(of: "    rule: dps\n", in: text)
            #expect(problems.contains("scenarios/test.yaml:\(rule):11: options[1].rule: 'dps': the run goes on to "
                                      + "2030-03-31, past the DPS's last day, 2029-02-23 (the latest a DPS under the "
                                      + "Public Contracts Regulations 2015 may run); expected after_expiry: "
                                      + "dynamic_market, framework or spot in this option, to say what replaces it."))
        }

        @Test func aDPSWithItsSuccessorNamedLoadsWithItsExpiry() throws {
            let text = Self.kent([("  years: 4\n", "  years: 8\n"),
                                  ("    rule: dps\n", "    rule: dps\n    after_expiry: dynamic_market\n")])
            let option = try #require(try ScenarioLoaderTests.load(text).dayOpportunities?.options[1])
            // 1 April 2022 to 24 February 2029, the first day without the DPS.
            #expect(option.expiry == DPSExpiry(day: 2521, successor: .dynamicMarket))
            let early = Self.kent([("    rule: dps\n", "    rule: dps\n    expires: 2025-03-31\n    after_expiry: spot\n")])
            #expect(try ScenarioLoaderTests.load(early).dayOpportunities?.options[1].expiry
                    == DPSExpiry(day: 1096, successor: .spot))
        }

        @Test func expiryMistakesAreNamed() {
            let text = Self.kent([
                ("    rule: dps\n", "    rule: dps\n    expires: 2029-06-30\n    after_expiry: framework\n"),
                ("    rule: framework\n", "    rule: framework\n    after_expiry: spot\n"),
            ])
            let problems = ScenarioLoaderTests.problems(text)
            let expires = Self.line(of: "    expires: 2029-06-30", in: text)
            let after = Self.line(of: "    after_expiry: spot", in: text)
            #expect(problems == [
                "scenarios/test.yaml:\(after):19: options[0].after_expiry: 'spot' is not allowed here; expires and "
                    + "after_expiry belong to an option with rule: dps (a DPS under the Public Contracts Regulations "
                    + "2015), not rule: framework.",
                "scenarios/test.yaml:\(expires):14: options[1].expires: '2029-06-30' is not allowed; expected the "
                    + "DPS's last day no later than 2029-02-23 (day 2520 from calendar.start), the latest a DPS under "
                    + "the Public Contracts Regulations 2015 may run.",
            ])
            let noRounds = Self.kent([("    rule: dps\n", "    rule: dps\n    after_expiry: framework\n"),
                                      ("  years: 4\n", "  years: 8\n")])
            #expect(ScenarioLoaderTests.problems(noRounds).first?.contains(
                "options[1].after_expiry: 'framework' needs rounds.every_days, the days between the successor "
                    + "framework's evaluation rounds") == true)
        }

        @Test func budgetLineAndTargetMistakesAreNamed() {
            let text = Self.kent([
                ("  - {name: 18-25, groups: [18-25]}\n", "  - {name: 18-25, groups: [18-25, 65+]}\n  - {name: 26 Disability, groups: [26+]}\n"),
                ("savings_target: {per_year: 1000000, line: 26+ disability}\n",
                 "savings_target: {per_year: 1000000, line: over 26}\nsavings_target_per_year: 1000000\n"),
            ])
            let problems = ScenarioLoaderTests.problems(text)
            #expect(problems.contains { $0.contains("budget_lines[1].groups[1]: '65+' is not a client group") })
            #expect(problems.contains { $0.contains("budget_lines[2].name: '26 Disability' gives the same measure names "
                                                   + "(budget_spend_26_disability) as '26+ disability' at budget_lines[0]; "
                                                   + "expected names that differ in their letters or digits.") })
            #expect(problems.contains { $0.contains("savings_target_per_year: 1000000 is given as well as savings_target; "
                                                   + "expected one of them") })
            let unknown = Self.kent([("line: 26+ disability}", "line: over 26}")])
            #expect(ScenarioLoaderTests.problems(unknown).first?.contains("savings_target.line: 'over 26' is not a budget line") == true)
        }
    }
}
