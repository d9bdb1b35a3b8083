/// One option × window × zone × measure of two runs side by side: each run's statistics and
/// how B differs from A.
public struct ComparedCell: Sendable {
    /// Run A's cell.
    public var a: SummaryCell
    /// Run B's cell.
    public var b: SummaryCell
    /// Which way is better for the measure (`lower`, `higher`), or empty when neither.
    public var better: String
    /// B − A with its 95% interval: paired where the runs allow, else Welch's.
    public var interval: DifferenceInterval
    /// Welch's interval on the same cell, from the two summaries alone, whatever `interval` is.
    public var welch: DifferenceInterval

    /// `better` or `worse` when the interval excludes 0 and the measure has a better direction;
    /// empty otherwise.
    public var verdict: String {
        guard interval.excludesZero, better == "lower" || better == "higher" else { return "" }
        return (interval.difference < 0) == (better == "lower") ? "better" : "worse"
    }
}
