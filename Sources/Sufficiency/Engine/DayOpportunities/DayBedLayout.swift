/// Where a day opportunities run keeps what self-funders and a framework's term add, and the
/// measures they report: present only when the scenario has self-funders or an option has a
/// term, so other scenarios' results are unchanged.
///
/// A period's bin holds, in order: the time integrals of the stocks (unit × days), then the
/// counters. They are kept apart from `DayLayout`'s so each concern stays in its own file.
struct DayBedLayout {
    /// Whether the scenario has self-funders, and whether any option has a term.
    let selfFunders: Bool, term: Bool
    // Stocks.
    static let selfFunded = 0       // self-funders in a place
    static let placesOffered = 1    // places at providers in the market
    static let stockCount = 2
    // Counters.
    static let arrivals = 2, turnedAway = 3
    static let extensions = 4, reprocurements = 5, reapproved = 6, lost = 7
    static let binStride = 8

    init(_ day: DayOpportunities) {
        selfFunders = day.selfFunders != nil
        term = day.options.contains { $0.hasFramework && $0.term != nil }
    }

    var isEmpty: Bool { !selfFunders && !term }

    /// The measures, county-wide, in the order they follow `DayLayout`'s.
    static func measures(_ day: DayOpportunities) -> [Measure] {
        let layout = DayBedLayout(day)
        let table = MeasureDefinition.dayOpportunities
        var names: [String] = []
        if layout.selfFunders {
            names += [MeasureName.selfFundedResidents, MeasureName.selfFunderArrivals, MeasureName.selfFundersTurnedAway,
                      MeasureName.councilShareOfBeds, MeasureName.occupancy]
        }
        if layout.term {
            names += [MeasureName.frameworkExtensions, MeasureName.frameworkReprocurements, MeasureName.membersReapproved,
                      MeasureName.membersLost]
        }
        return names.map { table[name: $0].measure() }
    }
}

/// One run's self-funders and framework-term bookkeeping (see `DayBedLayout`).
struct DayBedState {
    /// Stocks, their integrals over the current period and counters, and completed periods.
    var stock = [Double](repeating: 0, count: DayBedLayout.stockCount)
    var area = [Double](repeating: 0, count: DayBedLayout.binStride)
    var bins: [Double] = []
    /// Each self-funder who found a place: provider (−1 once they leave), level and the days
    /// of the week they hold a place (every day the provider opens).
    var residents: [(provider: Int32, level: Int32, days: Weekdays)] = []
    /// The providers offering each level (scenario providers with places at it, and every
    /// organisation admitted during the run), and scratch room for their weights.
    var offering: [[Int32]] = []
    var weights: [Int] = []
    /// Draws a self-funder's level in proportion to the levels' arrival rates.
    var levelSampler: DiscreteSampler?
    /// When the current term ends (days from the start; infinity with no term).
    var termEndsAt = Double.infinity

    mutating func reset(periods: Int) {
        for k in stock.indices { stock[k] = 0 }
        for k in area.indices { area[k] = 0 }
        if bins.count != periods * DayBedLayout.binStride {
            bins = Array(repeating: 0, count: periods * DayBedLayout.binStride)
        } else {
            for k in bins.indices { bins[k] = 0 }
        }
        residents.removeAll(keepingCapacity: true)
        termEndsAt = .infinity
    }

    @inline(__always)
    mutating func integrate(_ dt: Double) {
        for k in 0..<DayBedLayout.stockCount { area[k] += stock[k] * dt }
    }

    mutating func count(_ counter: Int, by amount: Double = 1) {
        area[counter] += amount
    }

    /// Stores the period's integrals and counters in `bins` (when `period` is a reported one)
    /// and starts the next period from zero.
    mutating func close(period: Int) {
        if period >= 0 && (period + 1) * DayBedLayout.binStride <= bins.count {
            let base = period * DayBedLayout.binStride
            for k in 0..<DayBedLayout.binStride { bins[base + k] = area[k] }
        }
        for k in area.indices { area[k] = 0 }
    }
}
