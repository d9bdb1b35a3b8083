/// The measures self-funders and a framework's term add (`DayBedLayout`), for one window.
extension DayMeasureComputer {
    /// `sums` are the window's sums of the main bins (`DayLayout`); the bed bins are summed here.
    func bedValues(_ window: SimulationCalendar.Window, sums s: [Double], from sim: DayOpportunitiesSimulation) -> [Double] {
        var b = [Double](repeating: 0, count: DayBedLayout.binStride)
        Self.addPeriods(sim.beds.bins, stride: DayBedLayout.binStride, periods: window.firstPeriod..<window.endPeriod,
                        into: &b)
        let days = Double(window.days)
        func ratio(_ a: Double, _ c: Double) -> Double { c > 0 ? a / c : .nan }
        var values: [Double] = []
        let beds = sim.bedLayout
        if beds.selfFunders {
            // People holding a place for the council: every route but direct payments.
            var council = 0.0
            for r in [DayRoute.framework, .legacy, .spot] { council += s[day.routeCount + r.index] }
            let selfFunded = b[DayBedLayout.selfFunded]
            values += [selfFunded / days, b[DayBedLayout.arrivals], b[DayBedLayout.turnedAway],
                       ratio(council, council + selfFunded), ratio(council + selfFunded, b[DayBedLayout.placesOffered])]
        }
        if beds.term {
            values += [b[DayBedLayout.extensions], b[DayBedLayout.reprocurements], b[DayBedLayout.reapproved],
                       b[DayBedLayout.lost]]
        }
        return values
    }
}
