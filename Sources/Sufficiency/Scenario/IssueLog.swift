import Yams

/// Collects the problems found while loading one scenario, naming where each one is.
///
/// Readers share one log (it is a class) so that every section of the scenario is checked and
/// every problem kept; the loader throws only at the end. A value set by a command-line
/// override has no place in the file, so its problems are attributed to the override (its
/// `origin`) by key path instead.
final class IssueLog {
    /// Whether the loader also warns about the starting position (zones and providers short of
    /// capacity on the first day, a caseload far from its steady state): `validate` asks for
    /// it; a run, which may study a market that starts short, does not repeat it.
    var checksStartingPosition = false

    /// The scenario file as the user named it.
    let file: String
    /// The files the tree's marks point into: the scenario file and those it includes.
    var sources: SourceMap
    private var collected: [ScenarioIssue] = []
    /// Values accepted but unusual enough to be a mistake; they do not stop a load.
    private var warned: [ScenarioIssue] = []
    /// Problems found after `ScenarioLimits.keptProblems` were kept: counted, not built or kept,
    /// so a file of a million mistakes costs no more memory than one of a thousand.
    private(set) var unlisted = 0
    /// Canonical key paths (list positions as numbers) set by overrides, in the order applied.
    private var overridden: [(path: String, origin: String, location: SourceLocation?)] = []

    /// A log for the scenario file `file`, whose tree's marks point into `sources` (by
    /// default, the scenario file alone).
    init(file: String, sources: SourceMap? = nil) {
        self.file = file
        self.sources = sources ?? SourceMap(scenarioFile: file)
    }

    /// The file, line and column a mark of the scenario's tree stands for.
    func location(of mark: Mark) -> SourceLocation {
        sources.location(of: mark)
    }

    var isEmpty: Bool { collected.isEmpty }

    /// Whether `ScenarioLimits.keptProblems` issues are kept: further ones are only counted.
    var isFull: Bool { collected.count >= ScenarioLimits.keptProblems }

    /// Records an issue as it stands (or, once full, counts it).
    func add(_ issue: ScenarioIssue) {
        if isFull { unlisted += 1; return }
        collected.append(issue)
    }

    /// Records an issue about `node`: at its line and column in the scenario file, or, for a
    /// node that an override put there, under that override's origin. Once the log is full the
    /// message is not even built (a "did you mean" costs a comparison with every known name).
    func report(_ message: @autoclosure () -> String, at node: Node?, keyPath: @autoclosure () -> String,
                value: @autoclosure () -> String?) {
        if isFull { unlisted += 1; return }
        add(issue(message(), at: node, keyPath: keyPath(), value: value()))
    }

    /// Records a warning about `node`, placed as `report` places a problem; it does not stop
    /// the load. Warnings are kept up to the same number as problems.
    func warn(_ message: String, at node: Node?, keyPath: String, value: String?) {
        warn(issue(message, at: node, keyPath: keyPath, value: value))
    }

    /// Records a warning as it stands.
    func warn(_ issue: ScenarioIssue) {
        if warned.count < ScenarioLimits.keptProblems { warned.append(issue) }
    }

    /// An issue about `node`. A node written in a file is placed at its line and column, and
    /// also names the override that changed a value inside it (a list whose shares no longer
    /// add up after `--set zones[0].referral_share=0.9`), so the message points at the `--set`
    /// as well as at the list; a node an override put there is placed under that override.
    private func issue(_ message: String, at node: Node?, keyPath: String, value: String?) -> ScenarioIssue {
        if let mark = node?.mark {
            return ScenarioIssue(location: location(of: mark), origin: keyPath.isEmpty ? nil : overrideInside(keyPath),
                                 keyPath: keyPath, value: value, message: message)
        }
        let source = override(of: keyPath)
        return ScenarioIssue(location: source?.location, origin: source?.origin, keyPath: keyPath, value: value,
                             message: message)
    }

    /// The `--set` texts that changed values below `keyPath` (not the value itself: that one has
    /// no mark), joined for a message; nil when none did. Sweep points' overrides, which are
    /// written in the file, are left out: their own location says where they are.
    private func overrideInside(_ keyPath: String) -> String? {
        let inside = overridden.filter {
            $0.location == nil && ($0.path.hasPrefix(keyPath + ".") || $0.path.hasPrefix(keyPath + "["))
        }.map(\.origin)
        return inside.isEmpty ? nil : inside.joined(separator: ", ")
    }

    /// Notes that the override `origin` (e.g. `--set demand.growth=0.05`) replaced the value at
    /// the canonical key path `path` (e.g. `zones[0].labour_pool_per_week`).
    /// `location` is where the value is written in the file, for overrides that come from the
    /// file itself (a sweep point's values).
    func recordOverride(path: String, origin: String, location: SourceLocation? = nil) {
        overridden.append((path, origin, location))
    }

    /// The override that set the value at `keyPath` or one of its ancestors, latest first.
    func origin(of keyPath: String) -> String? {
        override(of: keyPath)?.origin
    }

    private func override(of keyPath: String) -> (origin: String, location: SourceLocation?)? {
        for entry in overridden.reversed() {
            if keyPath == entry.path || keyPath.hasPrefix(entry.path + ".") || keyPath.hasPrefix(entry.path + "[") {
                return (entry.origin, entry.location)
            }
        }
        return nil
    }

    /// The issues without repeats, ordered for reading: the scenario file's by line and
    /// column, then each included file's in the order they were read, then other files' (a
    /// caseload CSV) by file, line and column, then the overrides' in the order they were
    /// given, then any without a place.
    var issues: [ScenarioIssue] { ordered(collected) }

    /// The warnings without repeats, in the same order as `issues`.
    var warnings: [ScenarioWarning] { ordered(warned).map(ScenarioWarning.init) }

    private func ordered(_ collected: [ScenarioIssue]) -> [ScenarioIssue] {
        var seen = Set<String>()
        let unique = collected.filter { seen.insert("\($0.description)\u{0}\($0.value ?? "\u{0}")").inserted }
        let yamlFiles = sources.files.map(\.shown)
        func rank(_ issue: ScenarioIssue) -> Int {
            if let location = issue.location {
                if location.file == file { return 0 }
                return yamlFiles.firstIndex(of: location.file).map { 1 + $0 } ?? yamlFiles.count + 1
            }
            return issue.origin == nil ? yamlFiles.count + 3 : yamlFiles.count + 2
        }
        return unique.enumerated().sorted { lhs, rhs in
            let (l, r) = (lhs.element, rhs.element)
            if rank(l) != rank(r) { return rank(l) < rank(r) }
            if let a = l.location, let b = r.location {
                if a.file != b.file { return a.file < b.file }
                if a.line != b.line { return a.line < b.line }
                if a.column != b.column { return a.column < b.column }
            }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
