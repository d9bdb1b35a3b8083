import CGSL

/// Turns one option-replication's period bins into measure values for every
/// window and zone slot.
///
/// Every window is a contiguous run of base periods, so the bins are summed
/// once per period and zone slot (slot 0 adding up the zones), and a window of
/// several periods adds up its periods' sums, or earlier windows' where they
/// tile it (the whole run adds up its financial years).
///
/// Waits are bucketed by zone and period and each bucket is sorted once. A
/// window's 90th percentile depends only on its largest tenth of waits, which
/// are drawn in order from the sorted buckets the window covers with a heap;
/// GSL's quantile of those, below minus infinities, is exactly the percentile
/// of the window's waits sorted in full.
///
/// All working memory is kept between calls; `compute` allocates only when a
/// run has more waits than any before it. About 1.9 million instructions an
/// option-run on the Wiltshire scenario (60 months, 15 zones, 22 providers).
struct MeasureComputer {
    let layout: ResultLayout
    let zoneCount: Int
    let providerCount: Int
    let groupCount: Int
    private let periodCount: Int
    /// Where a period's results sit in the simulation's bins.
    private let bins: HomeCareBinLayout
    /// Doubles per zone slot in a set of sums: the period fields, then delivered
    /// hours by provider, then spend by route and client group (slot 0 only).
    private let sumStride: Int
    /// Wait buckets: zone × period.
    private let bucketCount: Int
    /// Sets of sums (`(zoneCount + 1) × sumStride` doubles each): one per period,
    /// then one per window of several periods.
    private let sumSets: Int
    /// For each window, its set of sums.
    private let windowSet: [Int]
    /// For each window of several periods, the sets it adds up: its periods, or
    /// earlier windows that tile part of it (a whole run adds up its financial
    /// years); `windowSources[windowSourceStart[w]..<windowSourceStart[w + 1]]`.
    private let windowSources: [Int]
    private let windowSourceStart: [Int]
    /// The sets of sums.
    private var doubles: [Double]
    /// Keys of a heap of sorted runs (`bucketCount + 1`).
    private var heapKeys: [Double]
    /// The waits bucketed by zone and period, then a quantile buffer: minus
    /// infinity, then room for a window's largest waits (`waitCapacity` each);
    /// grown when a run has more waits than any before.
    private var waitValues: [Double] = []
    /// Each wait's bucket (`waitCapacity`).
    private var waitBuckets: [Int32] = []
    private var waitCapacity = 0
    /// Bucket starts (`bucketCount + 1`), bucket fill cursors, then the runs of
    /// a window (lower and upper bounds) and the heap's run numbers (`bucketCount` each).
    private var ints: [Int]

    /// Where the spend-by-group and by-route measures go, and what they add up.
    private let spend: SpendLayout

    private static let fieldCount = HomeCareBinLayout.fieldCount
    private static let quantile = 0.9

    /// Each provider's figures, written after the measures.
    private let providerMeasures: ProviderMeasureComputer

    /// Travel times for the coverage measures, when the scenario has them.
    private let coverage: CoveragePlan?
    /// Scratch for the travel-time percentiles: (minutes, delivered hours) pairs.
    private let travel = TravelScratch()
    /// The providers that held a package in the run being measured, ascending (`compute`
    /// refills it): only they have delivered hours.
    private var heldProviders: [Int32] = []

    init(layout: ResultLayout, zoneCount: Int, providerCount: Int, groupCount: Int, coverage: CoveragePlan? = nil) {
        self.coverage = coverage
        self.layout = layout
        providerMeasures = ProviderMeasureComputer(layout: layout)
        self.zoneCount = zoneCount
        self.providerCount = providerCount
        self.groupCount = groupCount
        let periods = layout.windows.reduce(0) { $0 + ($1.kind == .period ? 1 : 0) }
        periodCount = periods
        bins = HomeCareBinLayout(zones: zoneCount, providers: providerCount, groups: groupCount)
        sumStride = Self.fieldCount + providerCount + bins.spendCells
        let measures = layout.measures
        spend = SpendLayout(groups: groupCount, groupStart: measures.groupSpendStart,
                            routes: measures.routes.map(\.index), routeStart: measures.routeSpendStart,
                            minimumPriceGap: measures.minimumPriceGap ?? -1)
        bucketCount = zoneCount * periods
        ints = Array(repeating: 0, count: bucketCount + 1 + 4 * bucketCount)

        // Which sets of sums each window adds up.
        var sets = periods
        var windowSet: [Int] = [], sources: [Int] = [], sourceStart: [Int] = [0]
        var earlier: [(first: Int, end: Int, set: Int)] = []
        for window in layout.windows {
            let first = window.firstPeriod, end = window.endPeriod
            if end - first == 1 {
                windowSet.append(first)
            } else {
                var x = first
                while x < end {
                    let tile = earlier.filter { $0.first == x && $0.end <= end }.max { $0.end < $1.end }
                    if let tile { sources.append(tile.set); x = tile.end } else { sources.append(x); x += 1 }
                }
                earlier.append((first, end, sets))
                windowSet.append(sets)
                sets += 1
            }
            sourceStart.append(sources.count)
        }
        sumSets = sets
        self.windowSet = windowSet
        windowSources = sources
        windowSourceStart = sourceStart
        doubles = Array(repeating: 0, count: sets * (zoneCount + 1) * sumStride)
        heapKeys = Array(repeating: 0, count: bucketCount + 1)
        reserve(waits: 1024)
    }

    /// Makes room for `waits` waits.
    private mutating func reserve(waits: Int) {
        waitCapacity = waits
        // Only the minus infinities are read before being written: the buckets are filled
        // from the waits, and a window's largest waits as they are drawn. Leaving the rest
        // unwritten until then spares a long run's pages (30 MB over the M/M/c benchmark).
        waitValues = Array(unsafeUninitializedCapacity: 3 * waits) { buffer, count in
            (buffer.baseAddress! + waits).initialize(repeating: -.infinity, count: waits)
            count = 3 * waits
        }
        waitBuckets = Array(unsafeUninitializedCapacity: waits) { _, count in count = waits }
    }

    /// Writes option `option`'s measures, and each provider's figures, from `sim` into `out`
    /// (the replication's cells).
    mutating func compute(option: Int, from sim: HomeCareSimulation, into out: UnsafeMutableBufferPointer<Double>) {
        precondition(sim.binLayout == bins && sim.bins.count == periodCount * bins.stride,
                     "the simulation's bins do not match the result layout")
        precondition(out.count >= layout.cellCount, "too few result cells")
        let waitCount = sim.ledger.waits.count
        if waitCount > waitCapacity { reserve(waits: waitCount + waitCount / 4) }
        heldProviders.removeAll(keepingCapacity: true)
        for p in 0..<providerCount where sim.ledger.hasHeldPackages[p] { heldProviders.append(Int32(p)) }
        // Borrow the buffers (no copy) so the work can read `self` meanwhile.
        var doubles: [Double] = [], ints: [Int] = [], heapKeys: [Double] = []
        var waitValues: [Double] = [], waitBuckets: [Int32] = [], held: [Int32] = []
        swap(&held, &heldProviders)
        defer { swap(&held, &heldProviders) }
        swap(&doubles, &self.doubles); swap(&ints, &self.ints); swap(&heapKeys, &self.heapKeys)
        swap(&waitValues, &self.waitValues); swap(&waitBuckets, &self.waitBuckets)
        defer {
            swap(&doubles, &self.doubles); swap(&ints, &self.ints); swap(&heapKeys, &self.heapKeys)
            swap(&waitValues, &self.waitValues); swap(&waitBuckets, &self.waitBuckets)
        }
        doubles.withUnsafeMutableBufferPointer { doubles in
            ints.withUnsafeMutableBufferPointer { ints in
                heapKeys.withUnsafeMutableBufferPointer { heapKeys in
                    waitValues.withUnsafeMutableBufferPointer { waitValues in
                        waitBuckets.withUnsafeMutableBufferPointer { waitBuckets in
                            sim.bins.withUnsafeBufferPointer { bins in
                                do {
                                    let waits = UnsafeBufferPointer(sim.ledger.waits.elements)
                                    held.withUnsafeBufferPointer { held in
                                        compute(option: option, bins: bins.baseAddress!, waits: waits, held: held,
                                                into: out.baseAddress!, doubles: doubles.baseAddress!,
                                                ints: ints.baseAddress!, heapKeys: heapKeys.baseAddress!,
                                                waitValues: waitValues.baseAddress!,
                                                waitBuckets: waitBuckets.baseAddress!)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        providerMeasures.compute(option: option, ledger: sim.providerLedger, into: out)
    }

    private func compute(option: Int, bins: UnsafePointer<Double>, waits: UnsafeBufferPointer<(Int32, Int32, Double)>,
                         held: UnsafeBufferPointer<Int32>,
                         into cells: UnsafeMutablePointer<Double>, doubles: UnsafeMutablePointer<Double>,
                         ints: UnsafeMutablePointer<Int>, heapKeys: UnsafeMutablePointer<Double>,
                         waitValues: UnsafeMutablePointer<Double>, waitBuckets: UnsafeMutablePointer<Int32>) {
        let zones = zoneCount, providers = providerCount, periods = periodCount
        let spend = self.spend
        let width = sumStride, block = (zones + 1) * width, buckets = bucketCount
        let sums = doubles
        let sorted = waitValues
        let largest = sorted + 2 * waitCapacity
        let start = ints
        let cursor = start + buckets + 1
        let runLo = cursor + buckets
        let runHi = runLo + buckets
        let heapRuns = runHi + buckets

        Self.sumPeriods(bins: bins, layout: self.bins, periods: periods, into: sums)
        Self.bucketWaits(waits, periods: periods, zones: zones, start: start, cursor: cursor, buckets: waitBuckets,
                         into: sorted)
        let percentiles = Percentiles(sorted: sorted, start: start, runLo: runLo, runHi: runHi, heapKeys: heapKeys,
                                      heapRuns: heapRuns, largest: largest, periods: periods)
        for (w, window) in layout.windows.enumerated() {
            let first = window.firstPeriod, end = window.endPeriod
            let windowSums = sums + windowSet[w] * block
            if end - first != 1 {
                Self.add(sets: windowSources[windowSourceStart[w]..<windowSourceStart[w + 1]], of: sums,
                         block: block, into: windowSums)
            }
            let days = Double(window.days)
            for slot in 0...zones {
                let zoneRange = slot == 0 ? 0..<zones : (slot - 1)..<slot
                let p90 = percentiles.value(zones: zoneRange, from: first, to: end)
                let cell = cells + layout.cell(option: option, window: w, zoneSlot: slot, measure: 0)
                Self.write(into: cell, sums: windowSums + slot * width, days: days, p90: p90, providers: providers,
                           held: held,
                           spend: spend, county: slot == 0)
            }
            if let coverage {
                writeCoverage(coverage, option: option, window: w, sums: windowSums, days: days, cells: cells)
            }
        }
    }

    /// Pairs of (travel minutes, delivered hours), kept between calls.
    private final class TravelScratch {
        var pairs: [(minutes: Double, weight: Double)] = []
        var county: [(minutes: Double, weight: Double)] = []
    }

    /// The coverage measures of one window for every zone slot: each zone's from its sums and
    /// the travel times, the county's by adding up the zones (gaps zone by zone).
    private func writeCoverage(_ plan: CoveragePlan, option: Int, window w: Int, sums: UnsafePointer<Double>,
                               days: Double, cells: UnsafeMutablePointer<Double>) {
        typealias C = MeasureCatalog.CoverageMeasure
        let start = layout.measures.coverageStart!
        let width = sumStride, zones = zoneCount
        func f(_ slot: UnsafePointer<Double>, _ field: PeriodField) -> Double { slot[field.rawValue] }
        func put(_ slot: Int, _ m: C, _ value: Double) {
            cells[layout.cell(option: option, window: w, zoneSlot: slot, measure: start + m.rawValue)] = value
        }
        var demand = 0.0, reachable = 0.0, gap = 0.0, exposed = 0.0, cost = 0.0, lost = 0.0
        travel.county.removeAll(keepingCapacity: true)
        for z in 0..<zones {
            let s = sums + (z + 1) * width
            let need = f(s, .committedArea) + f(s, .waitingHoursArea)
            let d = need / days, r = f(s, .reachableArea) / days
            let g = max(0, d - r)
            put(z + 1, .demandHours, d)
            put(z + 1, .reachableHours, r)
            put(z + 1, .gapHours, g)
            put(z + 1, .share, d > 0 ? 1 - g / d : .nan)
            put(z + 1, .singleProviderShare, need > 0 ? f(s, .exposedArea) / need : .nan)
            put(z + 1, .travelCost, f(s, .travelCostArea) / 7)
            put(z + 1, .lostHours, f(s, .lostCoverageArea) / days)
            travel.pairs.removeAll(keepingCapacity: true)
            let delivered = s + Self.fieldCount
            for p in 0..<providerCount where delivered[p] > 0 {
                let pair = (minutes: plan.providerMinutes[p * zones + z], weight: delivered[p])
                travel.pairs.append(pair)
                travel.county.append(pair)
            }
            let (mean, p90) = Self.travelMoments(&travel.pairs)
            put(z + 1, .travelMean, mean)
            put(z + 1, .travelP90, p90)
            demand += need; reachable += r; gap += g; exposed += f(s, .exposedArea); cost += f(s, .travelCostArea)
            lost += f(s, .lostCoverageArea)
        }
        let d = demand / days
        put(0, .demandHours, d)
        put(0, .reachableHours, reachable)
        put(0, .gapHours, gap)
        put(0, .share, d > 0 ? 1 - gap / d : .nan)
        put(0, .singleProviderShare, demand > 0 ? exposed / demand : .nan)
        put(0, .travelCost, cost / 7)
        put(0, .lostHours, lost / days)
        let (mean, p90) = Self.travelMoments(&travel.county)
        put(0, .travelMean, mean)
        put(0, .travelP90, p90)
    }

    /// Weighted mean and 90th percentile (the smallest value whose cumulative weight reaches
    /// 90% of the total) of (value, weight) pairs; NaN for no weight.
    static func travelMoments(_ pairs: inout [(minutes: Double, weight: Double)]) -> (mean: Double, p90: Double) {
        var total = 0.0, sum = 0.0
        for pair in pairs { total += pair.weight; sum += pair.weight * pair.minutes }
        guard total > 0 else { return (.nan, .nan) }
        pairs.sort { $0.minutes < $1.minutes }
        var cumulative = 0.0
        for pair in pairs {
            cumulative += pair.weight
            if cumulative >= 0.9 * total { return (sum / total, pair.minutes) }
        }
        return (sum / total, pairs[pairs.count - 1].minutes)
    }

    /// Adds up sets of sums (`block` doubles each) into `into`, in order.
    private static func add(sets: ArraySlice<Int>, of sums: UnsafeMutablePointer<Double>, block: Int,
                            into total: UnsafeMutablePointer<Double>) {
        guard let first = sets.first else {
            for i in 0..<block { total[i] = 0 }
            return
        }
        let source = sums + first &* block
        for i in 0..<block { total[i] = 0 + source[i] }
        for set in sets.dropFirst() {
            let source = sums + set &* block
            for i in 0..<block { total[i] += source[i] }
        }
    }

    /// Sums each period's bins (laid out as `layout`) for every zone slot: slot z + 1 is
    /// zone z's fields and its delivered hours by provider; slot 0 adds up the zones (in zone
    /// order) and carries the spend by route and client group. (Wrapping arithmetic: every
    /// index is below the buffers' sizes.)
    private static func sumPeriods(bins: UnsafePointer<Double>, layout: HomeCareBinLayout, periods: Int,
                                   into periodSums: UnsafeMutablePointer<Double>) {
        let fields = fieldCount, zones = layout.zones, providers = layout.providers, groups = layout.spendCells
        let stride = layout.stride
        let width = fields &+ providers &+ groups
        let deliveredOffset = layout.deliveredOffset
        let groupOffset = layout.spendOffset
        let block = (zones &+ 1) &* width
        for period in 0..<periods {
            let base = bins + period &* stride
            let all = periodSums + period &* block
            for f in 0..<fields { all[f] = 0 }
            for z in 0..<zones {
                let zoneBins = base + z &* fields
                let slot = all + (z &+ 1) &* width
                for f in 0..<fields {
                    let value = zoneBins[f]
                    slot[f] = 0 + value
                    all[f] += value
                }
            }
            for p in 0..<providers {
                let delivered = base + (deliveredOffset &+ p &* zones)
                let column = all + (fields &+ p)
                var total = 0.0
                for z in 0..<zones {
                    let value = delivered[z]
                    total += value
                    column[(z &+ 1) &* width] = 0 + value
                }
                column[0] = total
            }
            for g in 0..<groups { all[fields &+ providers &+ g] = 0 + base[groupOffset &+ g] }
        }
    }

    /// Counting-sorts the waits into zone × period buckets (waits outside the
    /// reported periods are dropped) and sorts each bucket.
    private static func bucketWaits(_ waits: UnsafeBufferPointer<(Int32, Int32, Double)>, periods: Int, zones: Int,
                                    start: UnsafeMutablePointer<Int>, cursor: UnsafeMutablePointer<Int>,
                                    buckets bucketOf: UnsafeMutablePointer<Int32>,
                                    into sorted: UnsafeMutablePointer<Double>) {
        let buckets = zones &* periods
        for b in 0...buckets { start[b] = 0 }
        // Bucket b's count goes in start[b + 1]; −1 marks a wait outside the
        // reported periods. Periods and zones are checked, so indices cannot wrap.
        let periodLimit = UInt32(periods), zoneLimit = UInt32(zones)
        for i in 0..<waits.count {
            let (period, zone, _) = waits[i]
            if UInt32(bitPattern: period) < periodLimit {
                precondition(UInt32(bitPattern: zone) < zoneLimit, "wait in an unknown zone")
                let b = Int(zone) &* periods &+ Int(period)
                bucketOf[i] = Int32(truncatingIfNeeded: b)
                start[b &+ 1] &+= 1
            } else {
                bucketOf[i] = -1
            }
        }
        for b in 0..<buckets {
            start[b &+ 1] &+= start[b]
            cursor[b] = start[b]
        }
        for i in 0..<waits.count {
            let b = Int(bucketOf[i])
            if b >= 0 {
                let j = cursor[b]
                sorted[j] = waits[i].2
                cursor[b] = j &+ 1
            }
        }
        for b in 0..<buckets {
            let first = start[b]
            sortBucket(sorted + first, count: start[b &+ 1] &- first)
        }
    }

    /// Sorts a bucket in ascending order: by insertion when small (buckets hold
    /// a zone's waits for one period, a dozen or so), otherwise with the standard library's
    /// sort. Waits are never NaN or −0, so every sort gives the same array; GSL's (`gsl_sort`,
    /// a heapsort) took 38 million instructions over the M/M/c benchmark's 500,000 waits, this
    /// about 20 million (callgrind).
    @inline(__always)
    private static func sortBucket(_ values: UnsafeMutablePointer<Double>, count: Int) {
        if count > 64 {
            var bucket = UnsafeMutableBufferPointer(start: values, count: count)
            bucket.sort()
            return
        }
        var i = 1
        while i < count {
            let value = values[i]
            var j = i
            while j > 0 && values[j &- 1] > value {
                values[j] = values[j &- 1]
                j &-= 1
            }
            values[j] = value
            i &+= 1
        }
    }

    /// Writes one window and zone slot's measures from its sums.
    @inline(__always)
    private static func write(into cell: UnsafeMutablePointer<Double>, sums s: UnsafePointer<Double>, days: Double,
                              p90: Double, providers: Int, held: UnsafeBufferPointer<Int32>,
                              spend layout: SpendLayout, county: Bool) {
        typealias M = MeasureCatalog.Fixed
        func f(_ field: PeriodField) -> Double { s[field.rawValue] }
        func put(_ measure: M, _ value: Double) { cell[measure.rawValue] = value }
        func ratio(_ a: Double, _ b: Double) -> Double { b > 0 ? a / b : .nan }
        let delivered = f(.deliveredArea) / 7
        let committedHours = f(.committedArea) / 7
        put(.referrals, f(.referrals))
        put(.placements, f(.placements))
        put(.inCare, f(.inCareArea) / days)
        put(.waiting, f(.waitingArea) / days)
        put(.waitingHours, f(.waitingHoursArea) / days)
        put(.commissionedHours, f(.committedArea) / days)
        put(.averagePackageHours, ratio(f(.committedArea), f(.inCareArea)))
        put(.deliveredHours, delivered)
        put(.undeliveredShare, committedHours > 0 ? 1 - delivered / committedHours : .nan)
        let unmetArea = f(.waitingHoursArea) + f(.committedArea) - f(.deliveredArea)
        put(.unmetHours, unmetArea / days)
        put(.unmetShare, ratio(unmetArea, f(.waitingHoursArea) + f(.committedArea)))
        put(.waitMeanDays, ratio(f(.waitSum), f(.placements)))
        put(.waitP90Days, p90)
        let capacityBacks = f(.handBacksCapacity), financial = f(.handBacksFinancial)
        let background = f(.handBacksBackground)
        put(.handBacks, capacityBacks + financial + background)
        put(.handBacksCapacity, capacityBacks)
        put(.handBacksFinancial, financial)
        put(.handBacksBackground, background)
        put(.handBackHours, f(.handBackHoursCapacity) + f(.handBackHoursFinancial) + f(.handBackHoursBackground))
        put(.handBackHoursCapacity, f(.handBackHoursCapacity))
        put(.handBackHoursFinancial, f(.handBackHoursFinancial))
        put(.handBackHoursBackground, f(.handBackHoursBackground))
        put(.providerExits, f(.exits))
        put(.careWorkers, f(.workersArea) / days)
        put(.vacancyRate, ratio(f(.vacancyArea), f(.vacancyArea) + f(.workersArea)))
        put(.capacityHours, f(.capacityArea) / days)
        put(.sufficiencyRatio, ratio(f(.capacityArea), f(.committedArea) + f(.waitingHoursArea)))
        let spend = f(.spendArea) / 7
        put(.spend, spend)
        put(.averageRate, ratio(spend, delivered))
        put(.spotShare, ratio(f(.spotDeliveredArea), f(.deliveredArea)))
        let byProvider = s + fieldCount
        // Over the providers that held a package (`held`): any other delivered +0 hours, whose
        // share (+0, squared +0) would add +0 to sums that start at +0 and so change no bit.
        // Saves 1.8 million instructions a Wiltshire replication (82 provider slots, most of
        // them would-be entrants that never enter), measured with callgrind.
        var total = 0.0
        for p in held { total += byProvider[Int(p)] }
        if total > 0 {
            var squares = 0.0
            for p in held { let share = byProvider[Int(p)] / total; squares += share * share }
            put(.hhi, squares * 10_000)
        } else {
            put(.hhi, .nan)
        }
        let spendArea = f(.spendArea), costArea = f(.providerCostArea)
        put(.careWorkerPay, ratio(f(.payArea), f(.workersArea)))
        put(.providerCostPerHour, ratio(costArea, f(.deliveredArea)))
        put(.rateCostGap, ratio(spendArea - costArea, f(.deliveredArea)))
        put(.providerMargin, ratio(spendArea - costArea, spendArea))
        put(.tenders, f(.tenders))
        put(.contractExtensions, f(.extensions))
        put(.contractChanges, f(.contractChanges))
        put(.packagesTransferred, f(.packagesTransferred))
        put(.staffTransferred, f(.staffTransferred))
        put(.tenderRateStep, ratio(f(.rateStepSum), f(.rateStepCount)))
        put(.providerEntries, f(.entries))
        put(.activeProviders, f(.activeProviderDays) / days)
        put(.privateHours, f(.privateHourDays) / days)
        put(.unusedGuaranteeCost, f(.unusedGuaranteeCost))
        if layout.minimumPriceGap >= 0 {
            cell[layout.minimumPriceGap] = ratio(f(.minimumPriceArea) - spendArea, f(.deliveredArea))
        }
        layout.write(into: cell, cells: byProvider + providers, county: county)
    }

    /// Spend by client group, by route and by route and client group, from the window's
    /// spend cells (route-major: route r's groups at `r × groups`). County only: zone
    /// slots get NaN.
    struct SpendLayout {
        let groups: Int
        let groupStart: Int
        /// `Route.index` of each route with measures.
        let routes: [Int]
        let routeStart: Int
        /// Index of `minimum_price_gap`, or −1.
        let minimumPriceGap: Int

        @inline(__always)
        func write(into cell: UnsafeMutablePointer<Double>, cells: UnsafePointer<Double>, county: Bool) {
            let byRouteGroup = routeStart + routes.count
            guard county else {
                for g in 0..<groups { cell[groupStart + g] = .nan }
                for m in routeStart..<(byRouteGroup + routes.count * groups) { cell[m] = .nan }
                return
            }
            for g in 0..<groups {
                var total = 0.0
                for r in 0..<Route.allCases.count { total += cells[r * groups + g] }
                cell[groupStart + g] = total / 7
            }
            for (i, r) in routes.enumerated() {
                var total = 0.0
                for g in 0..<groups {
                    let value = cells[r * groups + g] / 7
                    cell[byRouteGroup + i * groups + g] = value
                    total += value
                }
                cell[routeStart + i] = total
            }
        }
    }

    /// The 90th percentile of the waits in a window and zone slot, from the
    /// sorted zone × period buckets.
    private struct Percentiles {
        let sorted: UnsafeMutablePointer<Double>
        let start: UnsafeMutablePointer<Int>
        let runLo: UnsafeMutablePointer<Int>
        let runHi: UnsafeMutablePointer<Int>
        /// A max-heap of runs keyed by their largest wait not yet drawn; the
        /// key after the last is minus infinity, so every node has two children.
        let heapKeys: UnsafeMutablePointer<Double>
        let heapRuns: UnsafeMutablePointer<Int>
        /// Room for a window's largest waits, after at least as many minus infinities.
        let largest: UnsafeMutablePointer<Double>
        let periods: Int

        /// 90th percentile (GSL, linear interpolation between order statistics)
        /// of the waits of placements in periods [from, to) in `zones`; NaN if none.
        /// (Wrapping arithmetic: every index is below the buffers' sizes.)
        func value(zones: Range<Int>, from: Int, to: Int) -> Double {
            // The window's non-empty buckets, each a sorted run.
            var runs = 0, count = 0
            for z in zones {
                var b = z &* periods &+ from
                let end = z &* periods &+ to
                var lo = start[b]
                count &+= start[end] &- lo
                while b < end {
                    let hi = start[b &+ 1]
                    if hi > lo { runLo[runs] = lo; runHi[runs] = hi; runs &+= 1 }
                    lo = hi
                    b &+= 1
                }
            }
            if count == 0 { return .nan }
            if runs == 1 { return gsl_stats_quantile_from_sorted_data(sorted + runLo[0], 1, count, quantile) }

            // GSL interpolates between order statistics `lower` and `lower + 1`
            // (0-based, ascending), lower = ⌊0.9 (n − 1)⌋. Draw the `top` largest
            // waits (down to one below that), largest first, into `largest`.
            let lower = Int(quantile * Double(count &- 1))
            let top = min(count, count &- lower &+ 1)
            for r in 0..<runs { heapKeys[r] = sorted[runHi[r] &- 1]; heapRuns[r] = r }
            var size = runs
            heapKeys[size] = -.infinity
            var i = size / 2
            while i > 0 { i &-= 1; siftDown(i, size: size) }
            var out = largest + top
            for _ in 0..<top {
                out -= 1
                out.pointee = heapKeys[0]
                let r = heapRuns[0]
                let hi = runHi[r] &- 1
                runHi[r] = hi
                if hi > runLo[r] {
                    heapKeys[0] = sorted[hi &- 1]
                } else {
                    size &-= 1
                    if size == 0 { break }
                    heapKeys[0] = heapKeys[size]; heapRuns[0] = heapRuns[size]
                    heapKeys[size] = -.infinity
                }
                siftDown(0, size: size)
            }
            // Below them lie minus infinities: a sorted array of `count` values
            // whose order statistics from `count - top` up are the window's.
            return gsl_stats_quantile_from_sorted_data(largest + top - count, 1, count, quantile)
        }

        @inline(__always)
        private func siftDown(_ from: Int, size: Int) {
            let key = heapKeys[from], run = heapRuns[from]
            var i = from
            while true {
                var child = i &* 2 &+ 1
                if child >= size { break }
                var childKey = heapKeys[child]
                let right = heapKeys[child &+ 1]   // minus infinity past the end
                if right > childKey { child &+= 1; childKey = right }
                if !(childKey > key) { break }
                heapKeys[i] = childKey; heapRuns[i] = heapRuns[child]
                i = child
            }
            heapKeys[i] = key; heapRuns[i] = run
        }
    }
}
