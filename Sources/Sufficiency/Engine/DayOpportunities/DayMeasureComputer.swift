/// Turns one day opportunities option-replication's period bins into measure values for
/// every window (county-wide), in `DayLayout.measures` order.
struct DayMeasureComputer {
    let layout: ResultLayout
    let day: DayLayout
    let options: Int
    let savingsTarget: Double?
    /// Budget lines reported (`budget_spend_<line>`, `budget_savings_<line>`).
    let lines: [BudgetLine]
    /// The line whose savings the target is measured on (index into `lines`); nil: total savings.
    let targetLine: Int?
    /// The window's sums of one option-replication's bins.
    private var sums: [Double]
    /// The first option's spend in each window, this replication (for `savings`).
    private var baselineSpend: [Double]
    /// The first option's spend on each line in each window (window-major), this replication.
    private var baselineLineSpend: [Double]
    /// This option's spend on each line in the window being computed.
    private var lineSpend: [Double]

    init(layout: ResultLayout, day: DayLayout, options: Int, savingsTarget: Double?, lines: [BudgetLine] = [],
         targetLine: Int? = nil) {
        self.layout = layout
        self.day = day
        self.options = options
        self.savingsTarget = savingsTarget
        self.lines = lines
        self.targetLine = targetLine
        sums = Array(repeating: 0, count: day.binStride)
        baselineSpend = Array(repeating: 0, count: layout.windows.count)
        baselineLineSpend = Array(repeating: 0, count: layout.windows.count * lines.count)
        lineSpend = Array(repeating: 0, count: lines.count)
    }

    /// Adds up the bins of `periods` (`stride` doubles a period, period-major) into `sums`
    /// (`stride` doubles), each total compensated (`CompensatedSum`).
    ///
    /// A window's totals add up all of its periods at once, so the number of terms grows with
    /// the run: the whole of a 30-year weekly run is 1,566 weeks of spend, and naive addition's
    /// error grows with that count into the millionths of a pound the files print. (Home care
    /// adds up periods into financial years and years into the whole run, so no sum there has
    /// more than 53 terms.)
    static func addPeriods(_ bins: [Double], stride: Int, periods: Range<Int>, into sums: inout [Double]) {
        precondition(sums.count == stride && periods.upperBound * stride <= bins.count,
                     "DayMeasureComputer.addPeriods: \(sums.count) sums of \(bins.count) bins, stride \(stride)")
        for k in 0..<stride {
            var total = CompensatedSum()
            for period in periods { total.add(bins[period * stride + k]) }
            sums[k] = total.value
        }
    }

    /// Writes option `option`'s measures from `sim` into `out` (the replication's cells).
    mutating func compute(option: Int, from sim: DayOpportunitiesSimulation, into out: UnsafeMutableBufferPointer<Double>) {
        let d = day
        for (w, window) in layout.windows.enumerated() {
            Self.addPeriods(sim.bins, stride: d.binStride, periods: window.firstPeriod..<window.endPeriod, into: &sums)
            let days = Double(window.days)
            var m = layout.cell(option: option, window: w, zoneSlot: 0, measure: 0)
            func put(_ value: Double) { out[m] = value; m += 1 }
            func ratio(_ a: Double, _ b: Double) -> Double { b > 0 ? a / b : .nan }
            let s = sums
            var placedArea = 0.0, spendArea = 0.0
            for r in 0..<4 { placedArea += s[d.routeCount + r]; spendArea += s[d.routeSpend + r] }
            put(s[d.referrals])
            put(s[d.placementsStarted])
            put(placedArea / days)
            for r in 0..<4 { put(s[d.routeCount + r] / days) }
            put(s[d.waitingPeople] / days)
            put(ratio(s[d.waitDays], s[d.placementsStarted]))
            put(s[d.waitingDays] / 7)
            if d.geography {
                put(ratio(s[d.withinStandard], s[d.withProvider]))
                put(s[d.movesCloser])
                put(ratio(s[d.travelMinutes], s[d.withProvider]))
            }
            put(spendArea / days)
            for r in 0..<4 { put(s[d.routeSpend + r] / days) }
            put(ratio(spendArea, placedArea))
            for r in 0..<4 { put(ratio(s[d.routeSpend + r], s[d.routeCount + r])) }
            let spend = (spendArea + s[d.transport]) / 7
            put(spend)
            put(s[d.transport] / 7)
            put(ratio(s[d.routeCount + DayRoute.framework.index], placedArea))
            put(ratio(s[d.routeCount + DayRoute.spot.index], placedArea))
            put(s[d.members] / days)
            put(s[d.submissions])
            put(s[d.approvals])
            put(s[d.resubmissionApprovals])
            put(s[d.directPayments])
            put(s[d.movesToFramework])
            put(s[d.goalsMet])
            for l in 0..<d.levels {
                put(s[d.levelCount + l] / days)
                put(s[d.levelSpend + l] / days)
                put(s[d.waitingLevel + l] / days)
            }
            for k in 0..<d.lots {
                put(s[d.lotCount + k] / days)
                put(s[d.lotSpend + k] / days)
            }
            for g in 0..<d.groups { put(s[d.groupSpend + g] / 7) }
            for (k, line) in lines.enumerated() {
                lineSpend[k] = Self.spend(on: line, sums: s, layout: d)
                put(lineSpend[k])
            }
            let whole = w == layout.horizonWindow
            let reached = !sim.spotTargetDay.isNaN
            put(whole ? (reached ? sim.spotTargetDay : Double(window.toDay)) : .nan)
            put(whole ? (reached ? 1 : 0) : .nan)
            if options > 1 {
                if option == 0 { baselineSpend[w] = spend }
                let savings = baselineSpend[w] - spend
                put(savings)
                let base = w * lines.count
                if option == 0 { for k in lines.indices { baselineLineSpend[base + k] = lineSpend[k] } }
                for k in lines.indices { put(baselineLineSpend[base + k] - lineSpend[k]) }
                if let target = savingsTarget {
                    let compared = window.kind != .period
                    let measured = targetLine.map { baselineLineSpend[base + $0] - lineSpend[$0] } ?? savings
                    put(compared ? (measured >= target * days / 365.25 ? 1 : 0) : .nan)
                }
            }
            if !sim.bedLayout.isEmpty { for value in bedValues(window, sums: s, from: sim) { put(value) } }
        }
    }

    /// £ spent in the window on `line`: its groups' placements and direct payments, and their
    /// transport when the line carries it, from the window's `sums` (£ × days a week).
    static func spend(on line: BudgetLine, sums s: [Double], layout d: DayLayout) -> Double {
        var weekly = 0.0
        for g in line.groups {
            weekly += s[d.groupSpend + g]
            if line.includesTransport { weekly += s[d.groupTransport + g] }
        }
        return weekly / 7
    }
}
