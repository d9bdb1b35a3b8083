/// The judged measure in one window of one solve evaluation, replication by replication: how
/// many replications meet the target in that window alone, and the measure's mean there.
///
/// A solve keeps these for every financial year, the whole run and the window it judges, so
/// that when no value meets the target it can say in which window the target fails whatever
/// the input, and what the measure is there.
public struct SolveWindowTally: Sendable, Equatable {
    /// Replications whose value in this window alone meets the target.
    public var met: Int = 0
    /// Replications that gave a value in this window (a mean wait with nobody placed gives none).
    public var valued: Int = 0
    /// Sum of those values, in the measure's unit, added in replication order.
    public var sum: Double = 0

    public init(met: Int = 0, valued: Int = 0, sum: Double = 0) {
        self.met = met
        self.valued = valued
        self.sum = sum
    }

    /// Mean of the measure over the replications giving a value, in its unit; NaN when none did.
    public var mean: Double { valued > 0 ? sum / Double(valued) : .nan }

    /// Counts one replication's `value` against `target`.
    mutating func add(_ value: Double, target: SolveSettings.Target) {
        if target.isMet(by: value) { met += 1 }
        if !value.isNaN {
            valued += 1
            sum += value
        }
    }
}
