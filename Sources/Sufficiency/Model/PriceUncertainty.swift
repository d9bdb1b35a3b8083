/// How far the National Living Wage and CPI may stray from the scenario's tables in
/// the years not yet announced: each replication draws its own path, the same for
/// every option (common random numbers).
public struct PriceUncertainty: Sendable, Equatable {
    /// First year whose NLW (from April) and CPI (12 months to September) are uncertain;
    /// earlier years are exactly as the tables give them.
    public var fromYear: Int
    /// Standard deviation of each uncertain year's CPI about the table (0.01 = 1 point).
    public var cpiSD: Double
    /// Standard deviation of each uncertain year's NLW rise about the table's (0.01 = 1 point).
    public var nlwRiseSD: Double

    public init(fromYear: Int, cpiSD: Double, nlwRiseSD: Double) {
        self.fromYear = fromYear
        self.cpiSD = cpiSD
        self.nlwRiseSD = nlwRiseSD
    }
}
