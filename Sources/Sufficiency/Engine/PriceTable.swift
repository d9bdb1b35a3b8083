/// The scenario's NLW and running-cost index for each financial year of a run,
/// as arrays: the engine reads them for every provider every week.
struct PriceTable {
    /// Financial year (its starting calendar year) of index 0.
    let firstYear: Int
    /// National Living Wage, £ an hour, by financial year.
    let nlw: [Double]
    /// Running-cost index relative to the cost build-up's base year.
    let runningIndex: [Double]

    init(_ prices: PriceSettings, from first: Int, through last: Int) {
        firstYear = first
        nlw = (first...last).map { prices.nlw(year: $0) }
        runningIndex = (first...last).map { prices.runningIndex(year: $0) }
    }
}
