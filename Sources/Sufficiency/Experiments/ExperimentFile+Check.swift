/// What `validate` checks beyond the scenario itself: a sweep at every point, a ranking analysis
/// at both ends of every input, a solve's settings with the scenario loaded at both ends of its
/// range. The command line and the workbench report the same problems from it.
public struct SectionCheck: Sendable {
    /// Every problem the sections have, in reading order; nil when there are none.
    public let problems: ScenarioError?
    /// Values the sections accept although unusual (a sweep point's premium of 150%).
    public let warnings: [ScenarioWarning]
    /// One sentence a section, e.g. ` Sweep: 9 points (grid over demand.growth).`, each with a
    /// leading space, for the line after `valid.`.
    public let sentences: String
}

extension ExperimentFile {
    /// Checks the file's sweep, ranking and solve sections (`SectionCheck`).
    public func checkSections() -> SectionCheck {
        var warnings: [ScenarioWarning] = []
        var extra = ""
        var refusals: [ScenarioError] = []
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        if let sweep {
            do {
                let plan = try sweepPlan(sweep, run: base.scenario.run)
                warnings += plan.warnings
                extra += " Sweep: \(count(plan.points.count, "point")) (\(sweep.design.rawValue) over "
                    + "\(sweep.parameters.map(\.path).joined(separator: ", ")))."
            } catch {
                refusals.append(error)
            }
        }
        if let ranking {
            do {
                let plan = try rankingPlan(ranking, run: base.scenario.run)
                warnings += plan.warnings
                let window = plan.windowLabel == "whole run" ? "over the whole run" : "in \(plan.windowLabel)"
                extra += " Ranking: \(count(ranking.inputs.count, "input")) (\(ranking.inputs.map(\.key).joined(separator: ", "))), "
                    + "\(plan.measureName) \(window), \(count(plan.replications, "replication")) at each end."
            } catch {
                refusals.append(error)
            }
        }
        if hasSolve {
            do {
                let solve = try solveSettings(flags: SolveOverrides())
                extra += " Solve: \(solve.input) from \(CSVFormat.number(solve.low)) to \(CSVFormat.number(solve.high))."
            } catch {
                refusals.append(error)
            }
        }
        return SectionCheck(problems: refusals.isEmpty ? nil : combined(refusals), warnings: warnings, sentences: extra)
    }
}
