/// One replication's prices by financial year: the National Living Wage, CPI, the
/// running-cost index and the settlement draws of negotiated uplifts. The engine reads
/// them for every provider every week.
///
/// Years up to the scenario's uncertainty (`PriceUncertainty.fromYear`) are the
/// tables'; later years are drawn once per replication from the prices stream, which
/// is reseeded for every option so each option sees the same path (common random numbers).
struct PriceTable {
    /// Financial year (its starting calendar year) of index 0.
    let firstYear: Int
    /// National Living Wage, £ an hour, by financial year.
    private(set) var nlw: [Double]
    /// Proportional NLW rise taking effect that April.
    private(set) var nlwChange: [Double]
    /// CPI to the September before that April (0.038 = 3.8%): what CPI-linked uplifts use.
    private(set) var cpiBefore: [Double]
    /// Running-cost index relative to the cost build-up's base year, by financial year.
    private(set) var runningIndex: [Double]
    /// A uniform draw in (0, 1) per year for negotiated uplifts (0.5 when certain).
    private(set) var settlement: [Double]
    /// The Homecare Association's minimum price (£ an hour) by financial year; NaN where not given.
    let minimumPrice: [Double]

    private let settings: PriceSettings

    init(_ prices: PriceSettings, from first: Int, through last: Int) {
        settings = prices
        firstYear = first
        let count = last - first + 1
        nlw = Array(repeating: 0, count: count)
        nlwChange = nlw
        cpiBefore = nlw
        runningIndex = nlw
        settlement = Array(repeating: 0.5, count: count)
        minimumPrice = (first...last).map { prices.minimumPrice[$0] ?? .nan }
        draw(nil)
    }

    /// Sets the path: the tables as given, with the uncertain years and the negotiation
    /// settlements drawn from `stream` when one is given (nil: the tables, settlements at 0.5).
    mutating func draw(_ stream: RandomStream?) {
        let uncertain = stream.flatMap { s in settings.uncertainty.map { (s, $0) } }
        // CPI by year, from the year before the first (the first April's uplift uses it).
        var cpi = [Double](repeating: 0, count: nlw.count + 1)
        for i in 0..<cpi.count {
            let year = firstYear - 1 + i
            cpi[i] = settings.cpi(year: year)
        }
        var previousNLW = settings.nlw(year: firstYear - 1)
        for i in 0..<nlw.count {
            let year = firstYear + i
            // One settlement draw a year whatever the rules, so every option sees the same.
            if let stream { settlement[i] = stream.uniform() }
            guard let (stream, u) = uncertain else {
                nlw[i] = settings.nlw(year: year)
                nlwChange[i] = settings.nlwChange(year: year)
                cpiBefore[i] = cpi[i]
                continue
            }
            if year >= u.fromYear {
                // Beyond the table the NLW follows CPI: the drawn CPI, not the table's.
                var rise = settings.nlw[year] == nil ? cpi[i] : settings.nlw(year: year) / settings.nlw(year: year - 1) - 1
                rise += stream.gaussian(mean: 0, sd: u.nlwRiseSD)
                cpi[i + 1] += stream.gaussian(mean: 0, sd: u.cpiSD)
                // Neither CPI nor the wage can fall by half in a year.
                cpi[i + 1] = max(cpi[i + 1], -0.5)
                nlw[i] = previousNLW * (1 + max(rise, -0.5))
            } else {
                nlw[i] = settings.nlw(year: year)
            }
            nlwChange[i] = nlw[i] / previousNLW - 1
            cpiBefore[i] = cpi[i]
            previousNLW = nlw[i]
        }
        // Running costs: CPI compounded from the base year, along this path.
        let base = settings.cost.baseYear
        for i in 0..<nlw.count {
            let year = firstYear + i
            var index = 1.0
            if year >= base {
                for y in base..<year { index *= 1 + cpiOnPath(y, cpi) }
            } else {
                for y in year..<base { index /= 1 + cpiOnPath(y, cpi) }
            }
            runningIndex[i] = index
        }
    }

    /// CPI of `year` on the path `cpi` (indexed from `firstYear − 1`), or the table's outside it.
    private func cpiOnPath(_ year: Int, _ cpi: [Double]) -> Double {
        let i = year - firstYear + 1
        return i >= 0 && i < cpi.count ? cpi[i] : settings.cpi(year: year)
    }
}
