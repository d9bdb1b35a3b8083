import Sufficiency

/// What the scenario page shows of a scenario: `validate`'s problems (with their lines) and
/// warnings, and, when it is valid, the levers of its run form and which experiments it has.
struct ScenarioCheck {
    let entry: ScenarioEntry
    /// The scenario's own name (`name:`), when it loaded.
    var title: String?
    var problems: [String] = []
    var warnings: [String] = []
    var fields: [FormField] = []
    var hasSweep = false
    var hasSolve = false
    /// `validate`'s sentences about the experiment sections.
    var sections = ""

    /// Checks `entry` as `sufficiency validate` does: the scenario with its starting position,
    /// then its sweep, ranking and solve sections.
    init(_ entry: ScenarioEntry) {
        self.entry = entry
        let experiment: ExperimentFile
        do {
            experiment = try ExperimentFile.load(path: entry.path, startingPosition: true)
        } catch {
            problems = ScenarioCheck.lines(error)
            return
        }
        title = experiment.base.scenario.name
        let check = experiment.checkSections()
        if let refused = check.problems { problems = ScenarioCheck.lines(refused) }
        warnings = (experiment.base.warnings + check.warnings).map(\.description)
        sections = check.sentences
        hasSweep = experiment.sweep != nil
        hasSolve = experiment.hasSolve
        fields = RunFormFields.fields(for: experiment.base)
    }

    /// A scenario error's lines as `validate` prints them: each problem, then the count.
    static func lines(_ error: ScenarioError) -> [String] {
        error.description.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }
}
