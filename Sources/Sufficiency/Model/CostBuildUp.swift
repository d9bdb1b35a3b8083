/// The cost of one contact hour, built up as the Homecare Association does.
///
/// cost = [pay × (1 + travel ratio) × (1 + NI and pension + other on-costs)
///         + mileage per travel hour × travel ratio
///         + running the business (indexed by CPI from `baseYear`)] × (1 + surplus).
///
/// Pay is the care worker's hourly pay; the travel ratio is travel minutes over visit
/// minutes, from the zone and route density (rural zones travel more). On-costs are
/// shares of all paid time, contact and travel, as in the Association's published
/// build-up: its 2020-21 shares (contact pay 42.1%, travel time 8.2%, NI and pension
/// 5.5%, other on-costs 9.5%, mileage 6.6%, running the business 25.1%, surplus 2.9%)
/// give £20.69 at the 2020 NLW of £8.72.
public struct CostBuildUp: Sendable, Equatable {
    /// Employer National Insurance and pension, as a share of paid time (contact and travel).
    public var niPensionRate: Double
    /// Holiday, sickness and training on-costs, as a share of paid time (contact and travel).
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

    /// One contact hour's cost, component by component (£ an hour each).
    public struct Components: Sendable, Equatable {
        public var contactPay: Double
        public var travelPay: Double
        public var niPension: Double
        public var otherOnCosts: Double
        public var mileage: Double
        public var running: Double
        public var surplus: Double

        /// The price of a contact hour: every component added up (£ an hour).
        public var total: Double {
            contactPay + travelPay + niPension + otherOnCosts + mileage + running + surplus
        }
    }

    /// The build-up of one contact hour given hourly pay (£), the travel ratio (travel time
    /// per contact time) and a CPI index of running costs relative to `baseYear`.
    public func components(hourlyPay: Double, travelRatio: Double, runningIndex: Double) -> Components {
        let paidTime = hourlyPay * (1 + travelRatio)
        var parts = Components(contactPay: hourlyPay, travelPay: hourlyPay * travelRatio,
                               niPension: paidTime * niPensionRate, otherOnCosts: paidTime * otherOnCostRate,
                               mileage: mileagePerTravelHour * travelRatio,
                               running: runningCostPerHour * runningIndex, surplus: 0)
        parts.surplus = parts.total * surplusRate
        return parts
    }

    /// Cost of one contact hour (£) given hourly pay (£), the travel ratio (travel time
    /// per contact time) and a CPI index of running costs relative to `baseYear`.
    @inline(__always)
    public func costPerContactHour(hourlyPay: Double, travelRatio: Double, runningIndex: Double) -> Double {
        let wages = hourlyPay * (1 + travelRatio) * (1 + niPensionRate + otherOnCostRate)
        let mileage = mileagePerTravelHour * travelRatio
        let running = runningCostPerHour * runningIndex
        return (wages + mileage + running) * (1 + surplusRate)
    }

    /// The part of `costPerContactHour` that travel costs (£ a contact hour): travel time's pay
    /// and on-costs, and mileage, with their surplus.
    @inline(__always)
    public func travelCostPerContactHour(hourlyPay: Double, travelRatio: Double) -> Double {
        (hourlyPay * travelRatio * (1 + niPensionRate + otherOnCostRate) + mileagePerTravelHour * travelRatio)
            * (1 + surplusRate)
    }

    /// The hourly pay (£) that a rate of `rate` (£ a contact hour) covers with every other
    /// component of the build-up paid: the inverse of `costPerContactHour` in pay.
    @inline(__always)
    public func payCovered(byRate rate: Double, travelRatio: Double, runningIndex: Double) -> Double {
        let nonPay = mileagePerTravelHour * travelRatio + runningCostPerHour * runningIndex
        return (rate / (1 + surplusRate) - nonPay) / ((1 + travelRatio) * (1 + niPensionRate + otherOnCostRate))
    }
}
