import Foundation
import Testing
@testable import Sufficiency

/// Aliases may bring in a bounded number of values, counted before any tree is built, so a
/// "billion laughs" file is refused at once with a message instead of hanging the loader.
@Suite struct YAMLAliasBudgetTests {
    /// Each alias brings in its anchor's whole node: here a list and its three items, twice.
    @Test func countsEveryValueAnAliasStandsFor() throws {
        let yaml = "a: &x [1, 2, 3]\nb: *x\nc: *x\n"
        #expect(YAMLAliasBudget.exceeded(in: yaml, limit: 8) == nil)
        let excess = try #require(YAMLAliasBudget.exceeded(in: yaml, limit: 7))
        #expect(excess == YAMLAliasBudget.Excess(line: 3, column: 4, alias: "x", keyPath: "c"))
    }

    /// The message names the key path the alias sits at, through mappings and lists alike
    /// (here the second alias in the list under `options[1].term`).
    @Test func namesTheKeyPathOfTheAlias() throws {
        let yaml = """
            base: &t [1, 2, 3, 4]
            options:
              - {name: a, term: x}
              - name: b
                "quoted key": [*t]
                term: [*t, *t]
            """
        let excess = try #require(YAMLAliasBudget.exceeded(in: yaml, limit: 10))
        #expect(excess == YAMLAliasBudget.Excess(line: 6, column: 16, alias: "t", keyPath: "options[1].term[1]"))
        #expect(try #require(YAMLAliasBudget.exceeded(in: yaml, limit: 4)).keyPath == "options[1].quoted key[0]")
    }

    /// Nested aliases multiply: b's aliases bring in 10 × 11 values, c's 10 × 111.
    @Test func nestedAliasesMultiply() {
        let yaml = """
            a: &a [x, x, x, x, x, x, x, x, x, x]
            b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
            c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
            """
        #expect(YAMLAliasBudget.exceeded(in: yaml, limit: 1_220) == nil)
        #expect(YAMLAliasBudget.exceeded(in: yaml, limit: 1_219)?.alias == "b")
        #expect(YAMLAliasBudget.exceeded(in: yaml, limit: 1_000)?.alias == "b")
        #expect(YAMLAliasBudget.exceeded(in: yaml, limit: 100)?.alias == "a")
    }

    @Test func theLoaderRefusesAFileOverTheBudgetWithItsPlace() {
        var lines = ["l0: &l0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...6 {
            lines.append("l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        do {
            _ = try ScenarioLoader.load(yaml: lines.joined(separator: "\n"), fileName: "bomb.yaml")
            Issue.record("a file whose aliases stand for millions of values loaded")
        } catch {
            #expect(error.issues.count == 1)
            // The fifth level takes the count past 100,000 (12,330 before it, 11,111 an alias),
            // at its eighth alias.
            #expect(error.issues.first?.description.hasPrefix("bomb.yaml:5:45: l4[7]: the aliases up to *l3 ") == true)
            #expect(error.issues.first?.message.contains("bring in more than 100000 values") == true)
        }
    }

    @Test func anOverrideOverTheBudgetIsRefusedUnderItsOrigin() {
        let value = "[&a [x, x, x, x, x, x, x, x, x, x], &b [" + Array(repeating: "*a", count: 10).joined(separator: ", ")
            + "], &c [" + Array(repeating: "*b", count: 10).joined(separator: ", ")
            + "], [" + Array(repeating: "*c", count: 200).joined(separator: ", ") + "]]"
        do {
            _ = try ScenarioLoader.load(yaml: ScenarioFixture.yaml, fileName: ScenarioFixture.fileName,
                                        overrides: ["description=\(value)"])
            Issue.record("an override whose aliases stand for 200,000 values was applied")
        } catch {
            // The override's origin quotes the first 200 characters of a longer `--set`.
            let text = "description=\(value)"
            #expect(error.issues.map(\.origin) == ["--set \(text.prefix(200))… (\(text.count) characters)"])
        }
    }

    /// An anchor and alias used as people use them (one option's contract term for another)
    /// stay well within the budget and load as if written out.
    @Test func ordinaryAliasesStillWork() throws {
        let yaml = ScenarioFixture.replacing("term: {initial_years: 6, extension_years: 2}",
                                             with: "term: &term {initial_years: 6, extension_years: 2}")
            .replacingOccurrences(of: "    rule: framework\n", with: "    rule: framework\n    term: *term\n")
        #expect(YAMLAliasBudget.exceeded(in: yaml) == nil)
        let options = try ScenarioLoader.load(yaml: yaml, fileName: ScenarioFixture.fileName).scenario.options
        #expect(options[1].term == ContractTerm(initialYears: 6, extensionYears: 2))
        #expect(options[1].term == options[0].term)
    }
}
