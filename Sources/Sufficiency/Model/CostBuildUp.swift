/// The cost of one contact hour, built up as the Homecare Association does.
///
/// cost = pay × (1 + travel ratio) × (1 + NI and pension) × (1 + other on-costs)
///      + mileage per travel hour × travel ratio
///      + running the business (indexed by CPI from `baseYear`)
///      then × (1 + surplus).
/// Pay is the National Living Wage times the provider's pay premium; the travel
/// ratio is travel minutes over visit minutes, from the zone and route density.
public struct CostBuildUp: Sendable, Equatable {
    /// Employer National Insurance and pension, as a share of pay.
    public var niPensionRate: Double
    /// Holiday, sickness and training on-costs, as a share of pay.
    public var otherOnCostRate: Double
    /// Mileage paid per hour of travel time (£ an hour).
    public var mileagePerTravelHour: Double
    /// Running the business per contact hour in `baseYear` (£ an hour).
    public var runningCostPerHour: Double
    /// Financial year (starting April) whose prices `runningCostPerHour` is in.
    public var baseYear: Int
    /// Surplus as a share of the other costs.
    public var surplusRate: Double

    public init(niPensionRate: Double = 0.109, otherOnCostRate: Double = 0.189,
                mileagePerTravelHour: Double = 7.0, runningCostPerHour: Double = 5.19,
                baseYear: Int = 2020, surplusRate: Double = 0.03) {
        self.niPensionRate = niPensionRate
        self.otherOnCostRate = otherOnCostRate
        self.mileagePerTravelHour = mileagePerTravelHour
        self.runningCostPerHour = runningCostPerHour
        self.baseYear = baseYear
        self.surplusRate = surplusRate
    }

    /// Cost of one contact hour (£) given hourly pay (£), the travel ratio
    /// (travel time per contact time) and a CPI index of running costs relative to `baseYear`.
    public func costPerContactHour(hourlyPay: Double, travelRatio: Double, runningIndex: Double) -> Double {
        let wages = hourlyPay * (1 + travelRatio) * (1 + niPensionRate) * (1 + otherOnCostRate)
        let mileage = mileagePerTravelHour * travelRatio
        let running = runningCostPerHour * runningIndex
        return (wages + mileage + running) * (1 + surplusRate)
    }
}
