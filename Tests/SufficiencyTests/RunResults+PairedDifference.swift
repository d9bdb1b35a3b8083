@testable import Sufficiency

extension RunResults {
    /// Whole-run paired differences (option `b` − option `a`) of the measure `name`, one per
    /// replication: their mean and the half-width of its 95% interval (Student t), as
    /// `DifferenceInterval.paired` works it out for `compare`.
    func pairedDifference(_ name: String, a: Int = 0, b: Int = 1) -> (mean: Double, halfWidth: Double) {
        let m = layout.measures.all.firstIndex { $0.name == name }!
        let differences = (0..<replications).map {
            total(replication: $0, option: b, measure: m) - total(replication: $0, option: a, measure: m)
        }
        let interval = DifferenceInterval.paired(differences)
        return (interval.difference, (interval.high - interval.low) / 2)
    }
}
