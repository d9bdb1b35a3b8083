/// The open reporting period's stocks, integrals and counts, and the completed periods' results,
/// for one replication of one option of the home care market.
///
/// Stocks (people in care and waiting by zone, hours and spend by provider × zone and by
/// provider × route × client group) change with events and are integrated over time up to each
/// change; counts (referrals, placements, hand-backs and the rest) are added as they happen.
/// Closing a period folds them into `bins`, through `layout`, and starts the next from zero.
/// Sized once for the scenario's zones, providers, client groups and periods and refilled for
/// every run, so nothing is allocated per event. `verify` checks the stocks against the people.
struct PeriodLedger: ~Copyable {
    /// One zone's stocks (people in care, people waiting, hours a week waited for), when last
    /// integrated, and their integrals (stock × days).
    struct ZoneStock {
        var inCare = 0.0, waiting = 0.0, waitingHours = 0.0
        var last = 0.0
        var inCareArea = 0.0, waitingArea = 0.0, waitingHoursArea = 0.0
    }

    /// One provider × zone cell: its stocks (hours a week placed, £ a week, hours a week placed
    /// spot, packages), when last integrated, and their integrals, together in one cache line
    /// (commit reads and writes all of them).
    struct Cell {
        var committed = 0.0, cost = 0.0, spot = 0.0, count = 0.0
        var last = 0.0
        var committedArea = 0.0, costArea = 0.0, spotArea = 0.0
    }

    /// Spend of one provider × route × client group: £ a week now, when last integrated, and
    /// its integral (£ a week × days).
    struct SpendCell {
        var cost = 0.0, last = 0.0, area = 0.0
    }

    /// Where a period's results sit in `bins` (`MeasureComputer` reads them through the same layout).
    let layout: HomeCareBinLayout
    /// Each zone's stocks.
    let zoneStocks: Slab<ZoneStock>
    /// Provider × zone cells, index p × zones + z.
    let cells: Slab<Cell>
    /// Spend cells, index p × `layout.spendCells` + route × groups + group.
    let spend: Slab<SpendCell>
    /// The open period's counts, zone × `PeriodField` (counts only; integrals are set by the fold).
    let counters: Slab<Double>
    /// Per provider: whether any of its cells has held a package in this run (`commit` sets it).
    /// Until then its cells and spend cells hold +0 in every stock and integral, so closing a
    /// period passes them by: most of a market's would-be entrants never take a package.
    let hasHeldPackages: Slab<Bool>
    /// Completed periods, `layout.stride` doubles each (written by closing a period).
    var bins: [Double]
    /// Waits of placements in reported periods: (period, zone, days), in time order (`noteWait`).
    /// A `List` rather than an array: appending to an array held in the simulation object cost
    /// about 30 instructions more a placement (its uniqueness and capacity checks through the
    /// object), 17 million over the M/M/c benchmark's 500,000 customers (callgrind).
    var waits: List<(Int32, Int32, Double)>
    /// The open period (−1 during the warm-up).
    var currentPeriod = -1

    /// `PeriodField`s per zone.
    var fieldCount: Int { HomeCareBinLayout.fieldCount }

    /// An empty ledger for `layout` over `periods` reporting periods, with room for about
    /// `expectedWaits` waits before the list of waits grows.
    init(layout: HomeCareBinLayout, periods: Int, expectedWaits: Int) {
        self.layout = layout
        zoneStocks = Slab(repeating: ZoneStock(), count: layout.zones)
        cells = Slab(repeating: Cell(), count: layout.providers * layout.zones)
        spend = Slab(repeating: SpendCell(), count: layout.providers * layout.spendCells)
        counters = Slab(repeating: 0, count: layout.zones * HomeCareBinLayout.fieldCount)
        hasHeldPackages = Slab(repeating: false, count: layout.providers)
        bins = Array(repeating: 0, count: periods * layout.stride)
        waits = List(capacity: expectedWaits)
    }

    /// Empties the ledger for a run starting at day `start`, whose first period is `firstPeriod`.
    mutating func reset(start: Double, firstPeriod: Int) {
        zoneStocks.fill(ZoneStock(last: start))
        cells.fill(Cell(last: start))
        spend.fill(SpendCell(last: start))
        counters.fill(0)
        hasHeldPackages.fill(false)
        for i in 0..<bins.count { bins[i] = 0 }
        waits.removeAll()
        currentPeriod = firstPeriod
    }

    /// Records a placement in zone `z` after `days` of waiting, when the open period is reported.
    @inline(__always)
    mutating func noteWait(zone z: Int, days: Double) {
        if currentPeriod >= 0 { waits.append((Int32(currentPeriod), Int32(z), days)) }
    }

    /// Bytes held by the list of waits.
    var waitBytes: Int { waits.capacity &* MemoryLayout<(Int32, Int32, Double)>.stride }

    /// Stops with a message if a zone's stock is negative, or the zones' people waiting and in
    /// care are not `waiting` and `inCare`, or a provider × zone cell's packages disagree with
    /// its hours (an empty cell holds no hours or spend; packages are whole and not negative);
    /// `day` names the moment in messages.
    func verify(waiting: Int, inCare: Int, day: Double) {
        var waitingTotal = 0.0, inCareTotal = 0.0
        for z in 0..<layout.zones {
            let stock = zoneStocks[z]
            precondition(stock.waiting >= 0 && stock.inCare >= 0 && stock.waitingHours > -1e-6,
                         "negative stock in zone \(z) at day \(day)")
            waitingTotal += stock.waiting
            inCareTotal += stock.inCare
        }
        precondition(Int(waitingTotal) == waiting && Int(inCareTotal) == inCare,
                     "zone stocks (\(waitingTotal) waiting, \(inCareTotal) in care) disagree with people "
                        + "(\(waiting) waiting, \(inCare) in care) at day \(day)")
        var packages = 0.0
        for i in 0..<cells.count {
            let cell = cells[i]
            precondition(cell.count >= 0 && cell.count == cell.count.rounded(),
                         "provider \(i / layout.zones)'s package count in zone \(i % layout.zones) is \(cell.count) "
                            + "at day \(day)")
            precondition(cell.count > 0 || (cell.committed == 0 && cell.cost == 0 && cell.spot == 0),
                         "provider \(i / layout.zones) has no package in zone \(i % layout.zones) but holds "
                            + "\(cell.committed) hours a week there at day \(day)")
            packages += cell.count
        }
        precondition(Int(packages) == inCare,
                     "provider × zone cells hold \(packages) packages but \(inCare) people are in care at day \(day)")
    }
}

// Each record's integrals: stock × time, added when a stock is about to change or a period
// closes, so an integral is exact for stocks that are constant between changes.

extension PeriodLedger.ZoneStock {
    /// Adds the stocks × the days since `last` to their integrals; `last` becomes `now`.
    @inline(__always)
    mutating func integrate(to now: Double) {
        let dt = now - last
        if dt > 0 {
            inCareArea += inCare * dt
            waitingArea += waiting * dt
            waitingHoursArea += waitingHours * dt
        }
        last = now
    }
}

extension PeriodLedger.Cell {
    /// Adds the stocks × the days since `last` to their integrals; `last` becomes `now`.
    @inline(__always)
    mutating func integrate(to now: Double) {
        let dt = now - last
        if dt > 0 {
            committedArea += committed * dt
            costArea += cost * dt
            spotArea += spot * dt
        }
        last = now
    }
}

extension PeriodLedger.SpendCell {
    /// Adds the spend × the days since `last` to its integral; `last` becomes `now`.
    @inline(__always)
    mutating func integrate(to now: Double) {
        let dt = now - last
        if dt > 0 { area += cost * dt }
        last = now
    }
}
