import CGSL
@testable import Sufficiency

/// The measures computed the plain way, for checking `MeasureComputer`: every
/// window and zone slot re-sums its bins, and each 90th percentile sorts the
/// window's waits in full. (This was `MeasureComputer` before it summed each
/// period once and drew percentiles from sorted buckets.)
///
/// Turns one option-replication's period bins into measure values for every
/// window and zone slot.
struct ReferenceMeasures {
    let layout: ResultLayout
    let zoneCount: Int
    let providerCount: Int
    let groupCount: Int
    private var waitsByZone: [[Double]]
    private var waitPeriodsByZone: [[Int32]]
    private var scratch: [Double] = []
    private var sums: [Double]
    private var providerDelivered: [Double]

    init(layout: ResultLayout, zoneCount: Int, providerCount: Int, groupCount: Int) {
        self.layout = layout
        self.zoneCount = zoneCount
        self.providerCount = providerCount
        self.groupCount = groupCount
        waitsByZone = Array(repeating: [], count: zoneCount + 1)
        waitPeriodsByZone = Array(repeating: [], count: zoneCount + 1)
        sums = Array(repeating: 0, count: PeriodField.allCases.count)
        providerDelivered = Array(repeating: 0, count: providerCount)
    }

    /// Writes option `option`'s measures from `sim` into `out` (the replication's cells).
    mutating func compute(option: Int, from sim: HomeCareSimulation, into out: UnsafeMutableBufferPointer<Double>) {
        for z in 0...zoneCount {
            waitsByZone[z].removeAll(keepingCapacity: true)
            waitPeriodsByZone[z].removeAll(keepingCapacity: true)
        }
        for (period, zone, wait) in sim.waits {
            waitsByZone[0].append(wait); waitPeriodsByZone[0].append(period)
            waitsByZone[Int(zone) + 1].append(wait); waitPeriodsByZone[Int(zone) + 1].append(period)
        }
        let fieldCount = PeriodField.allCases.count
        let m = layout.measures
        let stride = sim.binStride
        let deliveredOffset = sim.binLayout.deliveredOffset
        let groupOffset = sim.binLayout.spendOffset

        sim.bins.withUnsafeBufferPointer { bins in
            for (w, window) in layout.windows.enumerated() {
                let days = Double(window.days)
                for slot in 0...zoneCount {
                    for f in 0..<fieldCount { sums[f] = 0 }
                    for p in 0..<providerCount { providerDelivered[p] = 0 }
                    let zones = slot == 0 ? 0..<zoneCount : (slot - 1)..<slot
                    for period in window.firstPeriod..<window.endPeriod {
                        let base = period * stride
                        for z in zones {
                            for f in 0..<fieldCount { sums[f] += bins[base + z * fieldCount + f] }
                            for p in 0..<providerCount {
                                providerDelivered[p] += bins[base + deliveredOffset + p * zoneCount + z]
                            }
                        }
                    }
                    func put(_ measure: MeasureCatalog.Fixed, _ value: Double) {
                        out[layout.cell(option: option, window: w, zoneSlot: slot, measure: measure.rawValue)] = value
                    }
                    func s(_ f: PeriodField) -> Double { sums[f.rawValue] }
                    let delivered = s(.deliveredArea) / 7
                    let committedHours = s(.committedArea) / 7
                    put(.referrals, s(.referrals))
                    put(.placements, s(.placements))
                    put(.inCare, s(.inCareArea) / days)
                    put(.waiting, s(.waitingArea) / days)
                    put(.waitingHours, s(.waitingHoursArea) / days)
                    put(.commissionedHours, s(.committedArea) / days)
                    put(.averagePackageHours, ratio(s(.committedArea), s(.inCareArea)))
                    put(.deliveredHours, delivered)
                    put(.undeliveredShare, committedHours > 0 ? 1 - delivered / committedHours : .nan)
                    put(.unmetHours, (s(.waitingHoursArea) + s(.committedArea) - s(.deliveredArea)) / days)
                    put(.unmetShare, ratio(s(.waitingHoursArea) + s(.committedArea) - s(.deliveredArea),
                                           s(.waitingHoursArea) + s(.committedArea)))
                    put(.waitMeanDays, ratio(s(.waitSum), s(.placements)))
                    put(.waitP90Days, p90(slot: slot, from: window.firstPeriod, to: window.endPeriod))
                    let capacityBacks = s(.handBacksCapacity), financial = s(.handBacksFinancial)
                    let background = s(.handBacksBackground)
                    put(.handBacks, capacityBacks + financial + background)
                    put(.handBacksCapacity, capacityBacks)
                    put(.handBacksFinancial, financial)
                    put(.handBacksBackground, background)
                    put(.handBackHours, s(.handBackHoursCapacity) + s(.handBackHoursFinancial) + s(.handBackHoursBackground))
                    put(.handBackHoursCapacity, s(.handBackHoursCapacity))
                    put(.handBackHoursFinancial, s(.handBackHoursFinancial))
                    put(.handBackHoursBackground, s(.handBackHoursBackground))
                    put(.providerExits, s(.exits))
                    put(.careWorkers, s(.workersArea) / days)
                    put(.vacancyRate, ratio(s(.vacancyArea), s(.vacancyArea) + s(.workersArea)))
                    put(.capacityHours, s(.capacityArea) / days)
                    put(.sufficiencyRatio, ratio(s(.capacityArea), s(.committedArea) + s(.waitingHoursArea)))
                    let spend = s(.spendArea) / 7
                    put(.spend, spend)
                    put(.averageRate, ratio(spend, delivered))
                    put(.spotShare, ratio(s(.spotDeliveredArea), s(.deliveredArea)))
                    var total = 0.0, squares = 0.0
                    for p in 0..<providerCount { total += providerDelivered[p] }
                    if total > 0 {
                        for p in 0..<providerCount { let share = providerDelivered[p] / total; squares += share * share }
                        put(.hhi, squares * 10_000)
                    } else {
                        put(.hhi, .nan)
                    }
                    put(.careWorkerPay, ratio(s(.payArea), s(.workersArea)))
                    put(.providerCostPerHour, ratio(s(.providerCostArea), s(.deliveredArea)))
                    put(.rateCostGap, ratio(s(.spendArea) - s(.providerCostArea), s(.deliveredArea)))
                    put(.providerMargin, ratio(s(.spendArea) - s(.providerCostArea), s(.spendArea)))
                    put(.tenders, s(.tenders))
                    put(.contractExtensions, s(.extensions))
                    put(.contractChanges, s(.contractChanges))
                    put(.packagesTransferred, s(.packagesTransferred))
                    put(.staffTransferred, s(.staffTransferred))
                    put(.tenderRateStep, ratio(s(.rateStepSum), s(.rateStepCount)))
                    put(.providerEntries, s(.entries))
                    put(.activeProviders, s(.activeProviderDays) / days)
                    put(.privateHours, s(.privateHourDays) / days)
                    put(.unusedGuaranteeCost, s(.unusedGuaranteeCost))
                    if let gap = m.minimumPriceGap {
                        out[layout.cell(option: option, window: w, zoneSlot: slot, measure: gap)] =
                            ratio(s(.minimumPriceArea) - s(.spendArea), s(.deliveredArea))
                    }
                    // Spend by route (r) and client group (g): bin `r × groups + g`, county only.
                    func spendOf(route r: Int, group g: Int) -> Double {
                        guard slot == 0 else { return .nan }
                        var value = 0.0
                        for period in window.firstPeriod..<window.endPeriod {
                            value += bins[period * stride + groupOffset + r * groupCount + g]
                        }
                        return value / 7
                    }
                    for g in 0..<groupCount {
                        var value = slot == 0 ? 0.0 : .nan
                        for r in 0..<Route.allCases.count { value += spendOf(route: r, group: g) }
                        out[layout.cell(option: option, window: w, zoneSlot: slot, measure: m.groupSpendStart + g)] = value
                    }
                    for (i, route) in m.routes.enumerated() {
                        var total = slot == 0 ? 0.0 : .nan
                        for g in 0..<groupCount {
                            let value = spendOf(route: route.index, group: g)
                            total += value
                            let byGroup = m.routeSpendStart + m.routes.count + i * groupCount + g
                            out[layout.cell(option: option, window: w, zoneSlot: slot, measure: byGroup)] = value
                        }
                        out[layout.cell(option: option, window: w, zoneSlot: slot, measure: m.routeSpendStart + i)] = total
                    }
                }
            }
        }
    }

    @inline(__always)
    private func ratio(_ a: Double, _ b: Double) -> Double { b > 0 ? a / b : .nan }

    /// 90th percentile (GSL, linear interpolation between order statistics) of
    /// the waits of placements in periods [from, to) in zone slot `slot`.
    private mutating func p90(slot: Int, from: Int, to: Int) -> Double {
        let periods = waitPeriodsByZone[slot]
        var lo = 0, hi = periods.count
        // Waits are appended in time order, so periods are non-decreasing.
        var a = 0, b = periods.count
        while lo < hi { let mid = (lo + hi) / 2; if periods[mid] < from { lo = mid + 1 } else { hi = mid } }
        a = lo
        lo = a; hi = periods.count
        while lo < hi { let mid = (lo + hi) / 2; if periods[mid] < to { lo = mid + 1 } else { hi = mid } }
        b = lo
        guard b > a else { return .nan }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: waitsByZone[slot][a..<b])
        return scratch.withUnsafeMutableBufferPointer { buffer in
            gsl_sort(buffer.baseAddress, 1, buffer.count)
            return gsl_stats_quantile_from_sorted_data(buffer.baseAddress, 1, buffer.count, 0.9)
        }
    }
}
