/// A Saltelli sweep's Sobol indices of one measure for one option, over the whole run,
/// county-wide.
///
/// The model output at each point is the point's mean of the measure over its replications,
/// so the indices apportion the variance of that mean across the parameters' ranges. With few
/// replications, replication noise in the means adds variance no parameter explains: the
/// first-order indices then add to less than 1 and the total indices take some of the noise.
public struct SweepIndices: Sendable {
    /// Index into the layout's options.
    public var option: Int
    /// Index into the layout's measures (`layout.measures.all`).
    public var measure: Int
    /// First-order and total indices, one per swept parameter, with 95% bootstrap intervals.
    public var indices: SobolIndices

    /// The bootstrap's seed for a sweep run with master seed `seed`: the design's stream, in
    /// the replication after the one a Latin hypercube's shuffle uses, so the same seed gives
    /// the same intervals and no simulation stream is touched.
    public static func bootstrapSeed(master seed: UInt64) -> UInt64 {
        StreamSeed.derive(master: seed, replication: 1, purpose: .design)
    }

    /// The indices of every option and measure of a finished Saltelli sweep, option by option
    /// and measure by measure in the layout's order, leaving out measures no point has (as
    /// sweep.csv does); empty for other designs.
    static func estimate(plan: SweepPlan, layout: ResultLayout, tracked: [SweepResults.Cell],
                         summaries: [[Summary]]) -> [SweepIndices] {
        guard plan.settings.design == .saltelli, let first = plan.scenarios.first,
              summaries.count == plan.points.count else { return [] }
        let k = plan.settings.parameters.count
        let seed = bootstrapSeed(master: first.run.seed)
        let horizon = layout.horizonWindow
        // Measures no point has (sweep.csv has no rows for them) have no indices either.
        return tracked.indices.filter { i in
            tracked[i].window == horizon && summaries.contains { $0[i].n > 0 }
        }.map { i in
            let outputs = summaries.map { $0[i].n > 0 ? $0[i].mean : .nan }
            return SweepIndices(option: tracked[i].option, measure: tracked[i].measure,
                                indices: SobolIndices.estimate(saltelliOutputs: outputs, parameters: k, seed: seed))
        }
    }
}
