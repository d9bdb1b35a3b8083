import Foundation
import Yams

/// The levers of a scenario (see `Lever`): what a form built from the scenario format offers,
/// in the order a form shows them and `--set` applies them.
///
/// They are read from the scenario's YAML tree with its included files merged in, so every
/// lever names a key the file (or a file it includes, or a CSV table it names) has, or a key a
/// mapping it has may add; values the file leaves out are the loaded scenario's defaults.
/// Home care scenarios have, for each option, its uplift rule and the rates within it; the
/// workforce's turnover, pay elasticity of recruitment, labour pool growth and pay
/// pass-through; each provider's recruitment a week; the growth of referrals; the dated
/// events, with each provider exit's date and provider; and the replications and seed. Day
/// opportunities scenarios have each option's uplift and daily rates, the growth of referrals,
/// and the replications and seed.
public enum LeverCatalogue {
    /// The levers of the scenario file at `path`.
    ///
    /// - Throws: `ScenarioError` listing the scenario's problems, when it does not load.
    public static func levers(path: String) throws(ScenarioError) -> [Lever] {
        let data = try ScenarioLoader.read(path: path)
        let loaded = try ScenarioLoader.load(data: data, fileName: path)
        return levers(for: loaded, yaml: try ScenarioLoader.text(of: data, fileName: path))
    }

    /// The levers of `loaded`, whose scenario file's text is `yaml`.
    ///
    /// - Parameters:
    ///   - loaded: the scenario as loaded from `yaml` (without overrides).
    ///   - yaml: the scenario file's text.
    ///   - baseDirectory: the scenario's folder, as given to the loader; nil means the folder
    ///     of `loaded.path`.
    public static func levers(for loaded: LoadedScenario, yaml: String, baseDirectory: URL? = nil) -> [Lever] {
        let log = IssueLog(file: loaded.path)
        let context = ScenarioLoader.Context(log: log, fileName: loaded.path, baseDirectory: baseDirectory)
        guard var root = ScenarioLoader.composeDocument(yaml, context)?.root else { return [] }
        ScenarioLoader.expandTableFiles(&root, context)
        let tree = LeverTree(root)
        let scenario = loaded.scenario
        if scenario.dayOpportunities != nil {
            return dayOpportunitiesLevers(scenario, tree) + runLevers(scenario, tree)
        }
        return homeCareLevers(scenario, tree) + runLevers(scenario, tree)
    }

    // MARK: - Run

    /// `run.replications` and `run.seed`, when the file has a `run` section.
    static func runLevers(_ scenario: Scenario, _ tree: LeverTree) -> [Lever] {
        guard let run = tree.child("run"), run.isMapping else { return [] }
        let replications = number(run, "replications", label: "Replications", unit: "runs of every option",
                                  kind: .integer, rule: ScenarioLoader.replicationsRule,
                                  default: Double(scenario.run.replications),
                                  help: "Independent runs of every option; more narrow the confidence intervals.",
                                  group: runGroup)
        let seedHelp = "Master seed; every random stream derives from it, so the same seed gives the same results. "
            + "Expected \(ScenarioLoader.seedExpected)."
        let seed = Lever(setPath: run.path("seed"), label: "Seed", unit: "", kind: .integer,
                         value: run.child("seed")?.scalarText ?? String(scenario.run.seed),
                         minimum: "0", maximum: String(UInt64.max), help: seedHelp, group: runGroup)
        return [replications, seed]
    }

    static let runGroup = "Run"

    // MARK: - Building levers

    /// A number lever for `key` of `parent` (a mapping the file has), with `rule`'s limits:
    /// its inclusive minimum where it has one, its maximum or else the largest number any key
    /// takes. The value is the file's text, or `default` where the file leaves the key out.
    static func number(_ parent: LeverTree, _ key: String, label: String, unit: String, kind: Lever.Kind = .number,
                       rule: NumberRule, default value: Double, help: String, group: String) -> Lever {
        let maximum = rule.maximum ?? ScenarioLimits.largestNumber
        let accepted = rule.expected(for: .infinity)
        return Lever(setPath: parent.path(key), label: label, unit: unit, kind: kind,
                     value: parent.child(key)?.scalarText ?? NumberRule.format(value),
                     minimum: rule.minimum.map(NumberRule.format), maximum: NumberRule.format(maximum),
                     help: "\(help) Expected \(accepted)\(rule.maximum == nil ? ", at most \(NumberRule.format(maximum))" : "").",
                     group: group)
    }
}
